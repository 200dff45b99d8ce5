import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { LivePerson, SpeakerQueue } from '@kengash/contracts';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ActionState } from '../shared/action-state';
import { formatDuration, MEETING_ROLE_KEYS } from '../shared/live-labels';
import { LivePersonComponent } from '../shared/live-person.component';
import { LiveProblemComponent } from '../shared/live-problem.component';

/** Raise or lower my hand; the queue in the server's order; who speaks now, for how long; chair controls. */
@Component({
  selector: 'kg-live-queue',
  imports: [LivePersonComponent, LiveProblemComponent, MatButtonModule, TranslatePipe],
  template: `
    <h2 id="live-queue-heading">{{ 'live.queue.title' | translate }}</h2>
    <p class="kg-visually-hidden" role="status" aria-live="polite" data-testid="queue-announcer">
      {{ announcement() }}
    </p>
    @if (room.snapshot(); as s) {
      <div class="speaking" data-testid="speaking-now">
        @if (s.queue.speaking; as speaking) {
          <span class="label">{{ 'live.queue.speakingNow' | translate }}</span>
          <kg-live-person [person]="speaking.person" />
          <span class="time" role="timer" data-testid="speaking-timer">{{ speakingTime() }}</span>
          @if (s.can.chair && live()) {
            <button
              mat-stroked-button
              type="button"
              (click)="lower(speaking.person)"
              [attr.aria-label]="'live.queue.endTurnFor' | translate: { name: nameOf(speaking.person) }"
              data-testid="end-turn"
            >
              {{ 'live.queue.endTurn' | translate }}
            </button>
          } @else if (speaking.person.userId === s.me.userId) {
            <button mat-stroked-button type="button" (click)="lowerMine()" data-testid="yield-floor">
              {{ 'live.queue.yield' | translate }}
            </button>
          }
        } @else {
          <span class="muted">{{ 'live.queue.nobodySpeaking' | translate }}</span>
        }
      </div>

      @if (s.can.raiseHand && !s.can.readOnly && live()) {
        <button
          mat-flat-button
          type="button"
          class="hand"
          [attr.aria-pressed]="handRaised()"
          [disabled]="actions.busy()"
          (click)="toggleHand()"
          data-testid="hand-button"
        >
          <span aria-hidden="true">✋</span>
          {{ (handRaised() ? lowerKey : raiseKey) | translate }}
        </button>
      }
      <kg-live-problem [problem]="actions.problem()" testId="queue-problem" />

      @if (s.queue.waiting.length > 0) {
        <ol class="queue" aria-labelledby="live-queue-heading" data-testid="queue">
          @for (entry of s.queue.waiting; track entry.id; let i = $index) {
            <li data-testid="queue-entry" [attr.data-user-id]="entry.person.userId">
              <span class="position">{{ i + 1 }}.</span>
              <kg-live-person [person]="entry.person" />
              @if (entry.person.userId === s.me.userId) {
                <span class="muted">({{ 'live.presence.you' | translate }})</span>
              }
              @if (s.can.chair && live()) {
                <span class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="grant(entry.person)"
                    [attr.aria-label]="'live.queue.grantTo' | translate: { name: nameOf(entry.person) }"
                    data-testid="grant-floor"
                  >
                    {{ 'live.queue.grant' | translate }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="lower(entry.person)"
                    [attr.aria-label]="'live.queue.lowerFor' | translate: { name: nameOf(entry.person) }"
                    data-testid="lower-hand"
                  >
                    {{ 'live.queue.lowerOther' | translate }}
                  </button>
                </span>
              }
            </li>
          }
        </ol>
      } @else {
        <p class="muted" data-testid="queue-empty">{{ 'live.queue.empty' | translate }}</p>
      }
    }
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .speaking {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0 0 0.75rem;
      padding: 0.5rem;
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }
    .label {
      font: var(--mat-sys-label-large);
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .hand {
      margin: 0 0 0.5rem;
    }
    .queue {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .queue li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row-actions {
      margin-inline-start: auto;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpeakerQueueComponent {
  protected readonly room = inject(MeetingRoomService);
  private readonly translate = inject(TranslateService);
  protected readonly actions = new ActionState();
  protected readonly announcement = signal('');
  protected readonly raiseKey = _('live.queue.raise');
  protected readonly lowerKey = _('live.queue.lower');

  protected readonly live = computed(() => this.room.snapshot()?.meeting.status === 'live');
  protected readonly handRaised = computed(() => {
    const s = this.room.snapshot();
    return !!s && s.queue.waiting.some((e) => e.person.userId === s.me.userId);
  });
  protected readonly speakingTime = computed(() => {
    const grantedAt = this.room.snapshot()?.queue.speaking?.grantedAt;
    return grantedAt ? formatDuration(this.room.now() - Date.parse(grantedAt)) : '';
  });

  constructor() {
    // Announce who raised a hand and who has the floor (screen readers; the list itself is not a live region).
    let previous: SpeakerQueue | null = null;
    effect(() => {
      const queue = this.room.snapshot()?.queue ?? null;
      untracked(() => {
        if (previous && queue && previous !== queue) this.announce(previous, queue);
        previous = queue;
      });
    });
  }

  private announce(before: SpeakerQueue, after: SpeakerQueue): void {
    const speaker = after.speaking?.person;
    if (speaker && speaker.userId !== before.speaking?.person.userId) {
      this.announcement.set(this.translate.instant(_('live.queue.announceSpeaking'), { name: this.nameOf(speaker) }));
      return;
    }
    const known = new Set(before.waiting.map((e) => e.person.userId));
    const raised = after.waiting.find((e) => !known.has(e.person.userId));
    if (raised) {
      this.announcement.set(
        this.translate.instant(_('live.queue.announceRaised'), { name: this.nameOf(raised.person) }),
      );
    }
  }

  protected nameOf(person: LivePerson): string {
    return person.name ?? this.translate.instant(MEETING_ROLE_KEYS[person.role]);
  }

  protected toggleHand(): void {
    void this.actions.run(() => (this.handRaised() ? this.room.lowerHand() : this.room.raiseHand()));
  }

  protected lowerMine(): void {
    void this.actions.run(() => this.room.lowerHand());
  }

  protected grant(person: LivePerson): void {
    void this.actions.run(() => this.room.grantFloor(person.userId));
  }

  protected lower(person: LivePerson): void {
    void this.actions.run(() => this.room.lowerHand(person.userId));
  }
}
