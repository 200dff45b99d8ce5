import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { LivePersonComponent } from '../shared/live-person.component';

/** Who is in the room now. */
@Component({
  selector: 'kg-live-presence',
  imports: [LivePersonComponent, TranslatePipe],
  template: `
    @if (room.snapshot(); as s) {
      <h2 id="live-presence-heading">{{ 'live.presence.title' | translate: { count: s.presence.length } }}</h2>
      <ul class="people" aria-labelledby="live-presence-heading" data-testid="presence">
        @for (person of s.presence; track person.userId) {
          <li data-testid="present-person" [attr.data-user-id]="person.userId">
            <kg-live-person [person]="person" [showRole]="true" [showOrganisation]="true" />
            @if (person.userId === s.me.userId) {
              <span class="me">({{ 'live.presence.you' | translate }})</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .people {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .me {
      margin-inline-start: 0.25rem;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresencePanelComponent {
  protected readonly room = inject(MeetingRoomService);
}
