import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Reaction, REACTIONS } from '@kengash/contracts';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { ActionState } from '../shared/action-state';
import { REACTION_EMOJI, REACTION_KEYS } from '../shared/live-labels';

/** Passing reactions: small buttons, and the ones received in the last seconds with their counts. */
@Component({
  selector: 'kg-live-reactions',
  imports: [TranslatePipe],
  template: `
    @if (canReact()) {
      <div class="buttons" role="group" [attr.aria-label]="'live.reactions.title' | translate">
        @for (reaction of reactions; track reaction) {
          <button
            type="button"
            class="reaction"
            [attr.aria-label]="keys[reaction] | translate"
            [title]="keys[reaction] | translate"
            (click)="send(reaction)"
            [attr.data-testid]="'react-' + reaction"
          >
            <span aria-hidden="true">{{ emoji[reaction] }}</span>
          </button>
        }
      </div>
    }
    <p class="received" aria-live="off" data-testid="reactions-received">
      @for (row of received(); track row.reaction) {
        <span class="bubble">
          <span aria-hidden="true">{{ emoji[row.reaction] }}</span>
          <span class="kg-visually-hidden">{{ keys[row.reaction] | translate }}</span>
          ×{{ row.count }}
        </span>
      }
    </p>
  `,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .reaction {
      min-width: 2.75rem;
      min-height: 2.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 1.5rem;
      background: var(--mat-sys-surface-container-low);
      font-size: 1.25rem;
      cursor: pointer;
    }
    .received {
      min-height: 1.5rem;
      margin: 0.25rem 0 0;
    }
    .bubble {
      margin-inline-end: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReactionsBarComponent {
  private readonly room = inject(MeetingRoomService);
  private readonly actions = new ActionState();
  protected readonly reactions = REACTIONS;
  protected readonly keys = REACTION_KEYS;
  protected readonly emoji = REACTION_EMOJI;
  protected readonly canReact = computed(() => {
    const s = this.room.snapshot();
    return !!s && !s.can.readOnly && s.meeting.status === 'live';
  });
  protected readonly received = computed(() => {
    const counts = new Map<Reaction, number>();
    for (const r of this.room.reactions()) counts.set(r.reaction, (counts.get(r.reaction) ?? 0) + 1);
    return [...counts].map(([reaction, count]) => ({ reaction, count }));
  });

  protected send(reaction: Reaction): void {
    void this.actions.run(() => this.room.react(reaction));
  }
}
