import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { LiveMeetingSummary } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** One meeting as the list shows it. */
export interface MeetingCard {
  meeting: LiveMeetingSummary;
  /** Id of the title, which describes the card's buttons ("Join" → which meeting). */
  titleId: string;
  /** Start–end in my zone. */
  when: string;
  /** Start–end in the session's zone, when that is not mine. */
  sessionWhen: string | null;
  /** Its groups' names, in the UI language. */
  groups: string;
  formatKey: string;
}

/**
 * A meeting of the `/live` list: title (to the session page), live badge, groups and format, the time in my zone
 * and in the session's, who is in, and the one thing to do — Join (Watch for observers), Open the room before it
 * starts, or the draft minutes once it has ended (never for observers).
 */
@Component({
  selector: 'kg-live-meeting-card',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    @let c = card();
    @let m = c.meeting;
    @let open = m.status === 'live' || m.status === 'waiting';
    <div class="head">
      <h3 [id]="c.titleId" data-testid="live-meeting-title">
        <a [routerLink]="['/sessions', m.sessionId]">{{ m.title }}</a>
      </h3>
      @if (m.status === 'live') {
        <span class="badge live" data-testid="live-badge"
          ><span class="dot" aria-hidden="true"></span>{{ 'live.list.badge.live' | translate }}</span
        >
      } @else if (m.status === 'waiting') {
        <span class="badge waiting" data-testid="live-badge">{{ 'live.list.badge.waiting' | translate }}</span>
      }
    </div>
    <p class="meta">
      @if (c.groups) {
        <span>{{ c.groups }}</span>
        <span aria-hidden="true"> · </span>
      }
      <span>{{ c.formatKey | translate }}</span>
    </p>
    <p data-testid="live-meeting-when">
      {{ c.when }} <span class="kg-muted">({{ zone() }})</span>
    </p>
    @if (c.sessionWhen) {
      <p class="kg-muted" data-testid="live-meeting-session-time">
        {{ 'live.list.sessionTime' | translate: { when: c.sessionWhen, zone: m.timeZone } }}
      </p>
    }
    @if (open) {
      <p data-testid="live-meeting-present">{{ 'live.list.present' | translate: { count: m.present } }}</p>
    }
    @if (m.readOnly && m.status !== 'ended') {
      <p class="kg-muted" data-testid="observer-note">{{ 'live.list.observer' | translate }}</p>
    }
    <div class="actions">
      @if (open) {
        @if (m.readOnly) {
          <a
            mat-flat-button
            [routerLink]="['/sessions', m.sessionId, 'live']"
            [attr.aria-describedby]="c.titleId"
            data-testid="watch-meeting"
            >{{ 'live.list.watch' | translate }}</a
          >
        } @else {
          <a
            mat-flat-button
            [routerLink]="['/sessions', m.sessionId, 'live']"
            [attr.aria-describedby]="c.titleId"
            data-testid="join-meeting"
            >{{ 'live.list.join' | translate }}</a
          >
        }
      } @else if (m.status === 'not_opened') {
        <a
          mat-stroked-button
          [routerLink]="['/sessions', m.sessionId, 'live']"
          [attr.aria-describedby]="c.titleId"
          data-testid="open-room"
          >{{ 'live.list.openRoom' | translate }}</a
        >
      } @else if (m.minutesId && m.canReadMinutes) {
        <a
          mat-stroked-button
          [routerLink]="['/sessions', m.sessionId, 'minutes']"
          [attr.aria-describedby]="c.titleId"
          data-testid="minutes-link"
          >{{ 'live.room.minutesLink' | translate }}</a
        >
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.25rem 0 0;
    }
    .meta {
      font: var(--mat-sys-body-medium);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0 0.625rem;
      border-radius: 1rem;
      font: var(--mat-sys-label-large);
    }
    .badge.live {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .badge.waiting {
      border: 1px solid var(--mat-sys-outline);
    }
    .dot {
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: currentColor;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
    .actions:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveMeetingCardComponent {
  readonly card = input.required<MeetingCard>();
  /** The viewer's zone, named after their times. */
  readonly zone = input.required<string>();
}
