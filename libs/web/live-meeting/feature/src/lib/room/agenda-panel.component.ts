import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { ActionItemView, GroupRole } from '@kengash/contracts';
import { LiveMeetingApiService, MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { Subscription } from 'rxjs';
import { TranslatePipe } from '@ngx-translate/core';
import { formatDuration } from '../shared/live-labels';

/** The agenda, the current item highlighted, with its timer (elapsed against the minutes allotted). */
@Component({
  selector: 'kg-live-agenda',
  imports: [TranslatePipe],
  template: `
    <h2 id="live-agenda-heading">{{ 'live.agenda.title' | translate }}</h2>
    @if (snapshot(); as s) {
      @if (s.agenda.length === 0) {
        <p class="muted">{{ 'live.agenda.empty' | translate }}</p>
      }
      <ol class="agenda" aria-labelledby="live-agenda-heading" data-testid="live-agenda">
        @for (item of s.agenda; track item.id) {
          @let current = item.id === s.meeting.currentItemId;
          <li
            [class.current]="current"
            [attr.aria-current]="current ? 'step' : null"
            [attr.data-current]="current"
            data-testid="agenda-item"
          >
            <span class="title">{{ item.title }}</span>
            <span class="muted">
              {{ 'live.agenda.allotted' | translate: { minutes: item.minutesAllotted } }}
              @if (item.presenter) {
                · {{ item.presenter }}
              }
            </span>
            @if (current && timer(); as t) {
              <span class="timer" [class.over]="t.over" role="timer" data-testid="item-timer">
                <span class="kg-visually-hidden">{{ 'live.agenda.elapsed' | translate }}</span>
                {{ t.elapsed }} / {{ t.allotted }}
                @if (t.paused) {
                  <span class="paused">({{ 'live.agenda.paused' | translate }})</span>
                }
                @if (t.over) {
                  <span class="kg-visually-hidden">{{ 'live.agenda.overrun' | translate }}</span>
                }
              </span>
            }
          </li>
        }
      </ol>
      @if (carried(); as items) {
        @if (items.length > 0) {
          <h3 id="live-carried-heading">{{ 'live.agenda.carriedOver' | translate }}</h3>
          <ul class="carried" aria-labelledby="live-carried-heading" data-testid="live-carried-over">
            @for (action of items; track action.id) {
              <li>
                <span class="title">{{ action.title }}</span>
                <span class="muted">
                  {{ action.ownerName }} · {{ 'live.agenda.due' | translate: { date: action.dueDate } }}
                  @if (action.overdue) {
                    · <strong>{{ 'live.agenda.overdue' | translate }}</strong>
                  }
                </span>
              </li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    h3 {
      margin: 1rem 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
    .agenda,
    .carried {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    li {
      margin: 0 0 0.5rem;
      padding: 0.25rem 0.5rem;
      border-radius: 4px;
    }
    li.current {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .title {
      display: block;
      font-weight: 500;
    }
    .muted {
      font: var(--mat-sys-body-small);
    }
    .timer {
      display: block;
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
    }
    .timer.over {
      color: var(--mat-sys-error);
    }
    .paused {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaPanelComponent {
  private readonly room = inject(MeetingRoomService);
  private readonly api = inject(LiveMeetingApiService);
  protected readonly snapshot = this.room.snapshot;
  /** Open action items of the groups carried over to this session; null until loaded or when not readable. */
  protected readonly carried = signal<ActionItemView[] | null>(null);

  /** Members (not observers or guests) and the secretariat read the carried-over action items. */
  private readonly carriedFor = computed(() => {
    const s = this.snapshot();
    if (!s || s.me.role === GroupRole.Observer || s.me.role === 'guest') return null;
    return s.session.id;
  });

  constructor() {
    let request: Subscription | undefined;
    effect(() => {
      const sessionId = this.carriedFor();
      request?.unsubscribe();
      this.carried.set(null);
      if (!sessionId) return;
      request = this.api.openActions(sessionId).subscribe({
        next: (response) => this.carried.set(response.items),
        // The agenda stands without the section: a refusal or a network error only hides it.
        error: () => this.carried.set(null),
      });
    });
    inject(DestroyRef).onDestroy(() => request?.unsubscribe());
  }

  protected readonly timer = computed(() => {
    const s = this.snapshot();
    const item = s?.agenda.find((i) => i.id === s.meeting.currentItemId);
    if (!s || !item) return null;
    const elapsed = this.room.itemElapsed(this.room.now());
    const allotted = item.minutesAllotted * 60_000;
    return {
      elapsed: formatDuration(elapsed),
      allotted: formatDuration(allotted),
      over: allotted > 0 && elapsed > allotted,
      paused: s.meeting.status === 'live' && s.meeting.timer.runningSince === null,
    };
  });
}
