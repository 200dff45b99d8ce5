import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { pickText } from '@kengash/contracts';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { injectActiveLocale, MEETING_ROLE_KEYS, STATUS_KEYS } from '../shared/live-labels';
import { LiveProblemComponent } from '../shared/live-problem.component';
import { AgendaPanelComponent } from './agenda-panel.component';
import { ChairControlsComponent } from './chair-controls.component';
import { ChatPanelComponent } from './chat-panel.component';
import { NotesEditorComponent } from './notes-editor.component';
import { PollCardComponent } from './poll-card.component';
import { PresencePanelComponent } from './presence-panel.component';
import { ReactionsBarComponent } from './reactions-bar.component';
import { SpeakerQueueComponent } from './speaker-queue.component';

/**
 * `/sessions/:id/live`: the live meeting room — agenda and item timer, who is present, raised hands and the
 * speaker, chat, the poll, live notes; the chair's controls; a banner while the connection is re-established.
 */
@Component({
  selector: 'kg-live-room',
  imports: [
    AgendaPanelComponent,
    ChairControlsComponent,
    ChatPanelComponent,
    LiveProblemComponent,
    MatProgressBarModule,
    NotesEditorComponent,
    PollCardComponent,
    PresencePanelComponent,
    ReactionsBarComponent,
    RouterLink,
    SpeakerQueueComponent,
    TranslatePipe,
  ],
  providers: [MeetingRoomService],
  templateUrl: './live-room.component.html',
  styleUrl: './live-room.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveRoomComponent {
  protected readonly room = inject(MeetingRoomService);

  /** Bound from the route parameter. */
  readonly id = input.required<string>();

  protected readonly statusKeys = STATUS_KEYS;
  protected readonly roleKeys = MEETING_ROLE_KEYS;
  protected readonly bannerKey = computed(() => {
    if (this.room.connection() === 'offline') return _('live.connection.reconnecting');
    if (this.room.reconnected()) return _('live.connection.reconnected');
    return null;
  });
  private readonly locale = injectActiveLocale();
  protected readonly groups = computed(() => {
    const locale = this.locale();
    return (this.room.snapshot()?.session.groups ?? []).map((g) => pickText(g.name, locale)).join(', ');
  });
  protected readonly currentItem = computed(() => {
    const s = this.room.snapshot();
    return s?.agenda.find((i) => i.id === s.meeting.currentItemId) ?? null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.room.enter(id));
    });
  }
}
