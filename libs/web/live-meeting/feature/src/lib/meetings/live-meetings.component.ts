import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LiveMeetingSummary, LocalizedText, pickText } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { LiveMeetingApiService } from '@kengash/web-live-meeting-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatClock, injectActiveLocale } from '../shared/live-labels';
import { LiveMeetingCardComponent, MeetingCard } from './live-meeting-card.component';
import { formatSpan, viewerZone } from './meeting-time';

/** How often the list is asked for again while the page is visible. */
export const REFRESH_INTERVAL_MS = 30_000;

const FORMAT_KEYS: Record<LiveMeetingSummary['format'], string> = {
  online: _('sessions.format.online'),
  in_person: _('sessions.format.in_person'),
  hybrid: _('sessions.format.hybrid'),
};

/**
 * `/live`: the meetings I may join — live now (Join, or Watch for observers), the next 7 days (the room may be
 * entered early) and the ones just ended (their draft minutes, never for observers). Asks again every 30 s while
 * the page is visible and when it becomes visible; says politely when a meeting goes live.
 */
@Component({
  selector: 'kg-live-meetings',
  imports: [LiveMeetingCardComponent, MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
  templateUrl: './live-meetings.component.html',
  styleUrl: './live-meetings.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveMeetingsComponent {
  private readonly api = inject(LiveMeetingApiService);
  private readonly council = inject(CouncilApiService);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly zone = computed(() => viewerZone(this.auth.user()?.timeZone));

  /** The last list received; null until the first answer. */
  protected readonly meetings = signal<LiveMeetingSummary[] | null>(null);
  protected readonly loading = signal(false);
  /** The last failed request (the list shown stays the last one received). */
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly updatedAt = signal<string | null>(null);
  /** Read out politely when a meeting goes live between two refreshes. */
  protected readonly announcement = signal('');
  private readonly groupNames = signal<ReadonlyMap<string, LocalizedText>>(new Map());

  protected readonly cards = computed(() => {
    const zone = this.zone();
    const locale = this.locale();
    const names = this.groupNames();
    return (this.meetings() ?? []).map(
      (meeting): MeetingCard => ({
        meeting,
        titleId: `live-meeting-${meeting.sessionId}`,
        when: formatSpan(meeting.startsAt, meeting.endsAt, zone, locale),
        sessionWhen:
          meeting.timeZone === zone ? null : formatSpan(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale),
        groups: meeting.groupIds
          .map((id) => names.get(id))
          .filter((name): name is LocalizedText => name !== undefined)
          .map((name) => pickText(name, locale))
          .join(', '),
        formatKey: FORMAT_KEYS[meeting.format],
      }),
    );
  });

  protected readonly liveNow = computed(() =>
    this.cards().filter((c) => c.meeting.status === 'live' || c.meeting.status === 'waiting'),
  );
  protected readonly upcoming = computed(() => this.cards().filter((c) => c.meeting.status === 'not_opened'));
  protected readonly ended = computed(() => this.cards().filter((c) => c.meeting.status === 'ended'));

  protected readonly problemKey = computed(() => {
    const problem = this.problem();
    if (!problem) return null;
    if (problem.status === 0) return _('common.errors.offline');
    if (problem.status === 429) return _('common.errors.rateLimited');
    return problem.message ? null : _('common.errors.unexpected');
  });

  constructor() {
    this.council.listGroups().subscribe({
      next: (list) =>
        this.groupNames.set(
          new Map([[list.council.id, list.council.name], ...list.groups.map((g) => [g.id, g.name] as const)]),
        ),
      // Without the names the cards still show everything else.
      error: () => undefined,
    });
    this.refresh();

    const timer = setInterval(() => {
      if (this.visible() && !this.loading()) this.refresh();
    }, REFRESH_INTERVAL_MS);
    const onVisibility = () => {
      if (this.visible() && !this.loading()) this.refresh();
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.request?.unsubscribe();
    });
  }

  /** Asks for the list again (the button, the timer, coming back to the page). */
  protected refresh(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.api.myMeetings().subscribe({
      next: ({ meetings }) => {
        const before = this.meetings();
        const at = formatClock(new Date().toISOString(), this.locale(), this.zone());
        this.meetings.set(meetings);
        this.problem.set(null);
        this.updatedAt.set(at);
        this.loading.set(false);
        if (before) this.announceWentLive(before, meetings, at);
      },
      error: (error: unknown) => {
        this.problem.set(toApiProblem(error));
        this.loading.set(false);
      },
    });
  }

  private visible(): boolean {
    return this.document.visibilityState !== 'hidden';
  }

  private announceWentLive(before: LiveMeetingSummary[], after: LiveMeetingSummary[], at: string): void {
    const wasLive = new Set(before.filter((m) => m.status === 'live').map((m) => m.sessionId));
    const wentLive = after.filter((m) => m.status === 'live' && !wasLive.has(m.sessionId));
    if (!wentLive.length) return;
    this.announcement.set(
      this.translate.instant(_('live.list.wentLive'), { time: at, titles: wentLive.map((m) => m.title).join('; ') }),
    );
  }
}
