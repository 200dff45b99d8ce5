import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ActionItemStatus,
  ConflictView,
  OccurrenceView,
  Rsvp,
  RsvpRequest,
  SessionFormat,
  SessionStatus,
  SessionView,
} from '@kengash/contracts';
import { utcToZoned } from '@kengash/util-time';
import { SessionsApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, LiveService, toApiProblem } from '@kengash/web-identity-data-access';
import { SessionMinutesComponent } from '@kengash/web-minutes-feature';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, Observable, Subscription, switchMap } from 'rxjs';
import { injectActiveLocale } from '../../active-locale';
import { ProblemComponent } from '../../shared/problem.component';
import { canEditSession } from '../session-access';
import { FORMAT_KEYS, formatDate, formatDateTime, formatTime, RSVP_KEYS, safeZone, STATUS_KEYS } from '../session-time';
import { TimeZoneStripComponent } from '../time-zone-strip.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; session: SessionView };

const ACTION_STATUS_KEYS: Record<ActionItemStatus, string> = {
  [ActionItemStatus.Open]: _('sessions.detail.carriedOver.status.open'),
  [ActionItemStatus.InProgress]: _('sessions.detail.carriedOver.status.in_progress'),
  [ActionItemStatus.Done]: _('sessions.detail.carriedOver.status.done'),
  [ActionItemStatus.Dropped]: _('sessions.detail.carriedOver.status.dropped'),
};

/** The calendar API answers at most this range. */
const SERIES_DAYS = 365;

/** `/sessions/:id`: a session's details, time in every capital, agenda, invitees and RSVP. */
@Component({
  selector: 'kg-session-detail',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    RouterLink,
    SessionMinutesComponent,
    TimeZoneStripComponent,
    TranslatePipe,
  ],
  templateUrl: './session-detail.component.html',
  styleUrl: './session-detail.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionDetailComponent {
  private readonly api = inject(SessionsApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();
  /** `?saved=1` after the editor saved. */
  readonly saved = input<string | undefined>();

  protected readonly locale = injectActiveLocale();
  protected readonly actionStatusKeys = ACTION_STATUS_KEYS;
  protected readonly user = this.auth.user;
  protected readonly zone = computed(() => safeZone(this.user()?.timeZone));
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly conflicts = signal<ConflictView[]>([]);
  protected readonly occurrences = signal<OccurrenceView[]>([]);
  protected readonly moving = signal<string | null>(null);
  protected moveDate = '';
  protected moveTime = '';
  protected moveMinutes = 60;
  protected readonly rsvpKeys = RSVP_KEYS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly formatKeys = FORMAT_KEYS;
  protected readonly answers: { value: RsvpRequest['rsvp']; key: string }[] = [
    { value: Rsvp.Accepted, key: _('sessions.rsvp.accept') },
    { value: Rsvp.Tentative, key: _('sessions.rsvp.maybe') },
    { value: Rsvp.Declined, key: _('sessions.rsvp.decline') },
  ];

  protected readonly session = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.session : null;
  });
  protected readonly canEdit = computed(() => {
    const session = this.session();
    return session !== null && canEditSession(this.user(), session);
  });
  protected readonly cancelled = computed(() => this.session()?.status === SessionStatus.Cancelled);
  protected readonly ended = computed(() => this.session()?.status === SessionStatus.Ended);
  protected readonly online = computed(() => this.session()?.format !== SessionFormat.InPerson);
  protected readonly startInstant = computed(() => {
    const session = this.session();
    return session ? new Date(session.startsAt) : null;
  });

  protected readonly when = computed(() => {
    const session = this.session();
    if (!session) return null;
    const zone = this.zone();
    const locale = this.locale();
    return {
      date: formatDate(session.startsAt, zone, locale),
      start: formatTime(session.startsAt, zone, locale),
      end: formatTime(session.endsAt, zone, locale),
      organiser:
        session.timeZone === zone
          ? null
          : `${formatDateTime(session.startsAt, session.timeZone, locale)}–${formatTime(session.endsAt, session.timeZone, locale)}`,
    };
  });

  protected readonly upcoming = computed(() => {
    const session = this.session();
    const zone = this.zone();
    const locale = this.locale();
    if (!session?.rrule) return [];
    return this.occurrences().map((o) => ({
      occurrence: o,
      label: `${formatDateTime(o.startsAt, zone, locale)}–${formatTime(o.endsAt, zone, locale)}`,
      cancelled: o.status === SessionStatus.Cancelled,
    }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    // Another person's answer or a change arrives as a notification linking here: show it without a reload.
    inject(LiveService)
      .notifications$.pipe(
        filter((n) => n.link === `/sessions/${this.id()}`),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.load(this.id(), true));
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(id = this.id(), quiet = false): void {
    this.request?.unsubscribe();
    if (!quiet) this.state.set({ status: 'loading' });
    this.request = this.api.get(id).subscribe({
      next: (session) => {
        this.state.set({ status: 'ready', session });
        this.loadExtras(session);
      },
      error: (error: unknown) => {
        if (!quiet) this.state.set({ status: 'error', problem: toApiProblem(error) });
      },
    });
  }

  private loadExtras(session: SessionView): void {
    if (canEditSession(this.user(), session) && session.status !== SessionStatus.Cancelled) {
      this.api.conflicts(session.id).subscribe({
        next: (conflicts) => this.conflicts.set(conflicts),
        error: () => this.conflicts.set([]),
      });
    } else {
      this.conflicts.set([]);
    }
    if (session.rrule) {
      const from = new Date();
      const to = new Date(from.getTime() + SERIES_DAYS * 86_400_000);
      this.api.occurrences(session.id, from, to).subscribe({
        next: (response) => this.occurrences.set(response.occurrences.slice(0, 12)),
        error: () => this.occurrences.set([]),
      });
    } else {
      this.occurrences.set([]);
    }
  }

  protected answer(rsvp: RsvpRequest['rsvp']): void {
    const session = this.session();
    if (!session) return;
    this.run(this.api.rsvp(session.id, { rsvp }), _('sessions.rsvp.saved'));
  }

  protected download(): void {
    const session = this.session();
    if (!session) return;
    this.problem.set(null);
    this.api.ics(session.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `${session.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'session'}.ics`;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  protected confirmCancel(): void {
    const session = this.session();
    if (!session) return;
    this.confirm(
      {
        title: _('sessions.detail.cancelSession.title'),
        text: _('sessions.detail.cancelSession.text'),
        confirm: _('sessions.detail.cancelSession.confirm'),
        params: { title: session.title },
      },
      () => this.api.cancel(session.id),
      _('sessions.detail.cancelSession.done'),
    );
  }

  protected confirmCancelOccurrence(occurrence: OccurrenceView, label: string): void {
    this.confirm(
      {
        title: _('sessions.detail.cancelOne.title'),
        text: _('sessions.detail.cancelOne.text'),
        confirm: _('sessions.detail.cancelOne.confirm'),
        params: { when: label },
      },
      () => this.api.cancelOccurrence(occurrence.sessionId, { recurrenceId: occurrence.recurrenceId }),
      _('sessions.detail.cancelOne.done'),
    );
  }

  protected startMove(occurrence: OccurrenceView): void {
    const local = utcToZoned(new Date(occurrence.startsAt), occurrence.timeZone);
    this.moveDate = local.slice(0, 10);
    this.moveTime = local.slice(11, 16);
    this.moveMinutes = Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60000);
    this.moving.set(occurrence.recurrenceId);
  }

  protected move(occurrence: OccurrenceView): void {
    this.run(
      this.api.moveOccurrence(occurrence.sessionId, {
        recurrenceId: occurrence.recurrenceId,
        localStart: `${this.moveDate}T${this.moveTime}`,
        durationMinutes: Number(this.moveMinutes),
      }),
      _('sessions.detail.moveOne.done'),
      () => this.moving.set(null),
    );
  }

  private confirm(data: ConfirmDialogData, action: () => Observable<SessionView>, done: string): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.problem.set(null);
          return action();
        }),
      )
      .subscribe({
        next: (session) => this.applied(session, done),
        error: (error: unknown) => this.failed(error),
      });
  }

  private run(request: Observable<SessionView>, done: string, after?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (session) => {
        after?.();
        this.applied(session, done);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private applied(session: SessionView, done: string): void {
    this.busy.set(false);
    this.state.set({ status: 'ready', session });
    this.announcement.set(done);
    this.loadExtras(session);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.problem.set(toApiProblem(error));
  }

  protected conflictTime(conflict: ConflictView): string {
    return formatDateTime(conflict.startsAt, this.zone(), this.locale());
  }

  /** An action item's due date (a calendar date, yyyy-mm-dd) in the reader's language. */
  protected dueLabel(date: string): string {
    return formatDate(`${date}T12:00:00Z`, 'UTC', this.locale());
  }
}
