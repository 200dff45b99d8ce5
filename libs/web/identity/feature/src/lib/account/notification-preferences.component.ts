import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { NotificationChannel, NotificationKind, NotificationPreferences } from '@kengash/contracts';
import { ApiProblem, NotificationsApiService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { FormErrorComponent } from '../shared/form-error.component';

export const KIND_KEYS: Record<NotificationKind, string> = {
  [NotificationKind.SessionInvitation]: _('notifications.kinds.session_invitation'),
  [NotificationKind.SessionChanged]: _('notifications.kinds.session_changed'),
  [NotificationKind.SessionCancelled]: _('notifications.kinds.session_cancelled'),
  [NotificationKind.SessionReminder]: _('notifications.kinds.session_reminder'),
  [NotificationKind.RsvpReceived]: _('notifications.kinds.rsvp_received'),
  [NotificationKind.WorkPlanComment]: _('notifications.kinds.work_plan_comment'),
  [NotificationKind.ActionItemDue]: _('notifications.kinds.action_item_due'),
  [NotificationKind.MinutesCirculated]: _('notifications.kinds.minutes_circulated'),
  [NotificationKind.PracticeReview]: _('notifications.kinds.practice_review'),
  [NotificationKind.NetworkAnnouncement]: _('notifications.kinds.network_announcement'),
  [NotificationKind.NetworkRevetDue]: _('notifications.kinds.network_revet_due'),
};

export const CHANNEL_KEYS: Record<NotificationChannel, string> = {
  [NotificationChannel.InApp]: _('notifications.channels.in_app'),
  [NotificationChannel.Email]: _('notifications.channels.email'),
};

/** Account page section: which notifications arrive where, the daily digest, working hours. */
@Component({
  selector: 'kg-notification-preferences',
  imports: [
    FormErrorComponent,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  template: `
    <kg-form-error [problem]="problem()" testId="preferences-error" />
    @if (prefs(); as p) {
      <form (ngSubmit)="save()" novalidate>
        <table class="matrix" data-testid="preferences-matrix">
          <caption class="kg-visually-hidden">
            {{
              'notifications.preferences.caption' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'notifications.preferences.kind' | translate }}</th>
              @for (channel of channels; track channel) {
                <th scope="col">{{ channelKeys[channel] | translate }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (kind of kinds; track kind) {
              <tr>
                <th scope="row">{{ kindKeys[kind] | translate }}</th>
                @for (channel of channels; track channel) {
                  <td>
                    <mat-checkbox
                      [checked]="p.channels[kind]?.[channel] ?? false"
                      (change)="toggle(kind, channel, $event.checked)"
                      [aria-label]="(kindKeys[kind] | translate) + ' — ' + (channelKeys[channel] | translate)"
                      [attr.data-testid]="'pref-' + kind + '-' + channel"
                    />
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        <mat-checkbox [checked]="p.dailyDigest" (change)="setDigest($event.checked)" data-testid="daily-digest">
          {{ 'notifications.preferences.digest' | translate }}
        </mat-checkbox>
        <fieldset class="hours">
          <legend>{{ 'notifications.preferences.workingHours' | translate }}</legend>
          <p class="kg-muted">{{ 'notifications.preferences.workingHoursHint' | translate }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'notifications.preferences.from' | translate }}</mat-label>
            <input matInput type="time" name="start" [(ngModel)]="start" required data-testid="hours-start" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'notifications.preferences.to' | translate }}</mat-label>
            <input matInput type="time" name="end" [(ngModel)]="end" required data-testid="hours-end" />
          </mat-form-field>
        </fieldset>
        <div class="kg-form-actions">
          <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="save-preferences">
            {{ 'notifications.preferences.save' | translate }}
          </button>
          <span role="status" class="kg-muted">
            @if (saved()) {
              {{ 'notifications.preferences.saved' | translate }}
            }
          </span>
        </div>
      </form>
    } @else if (!problem()) {
      <p role="status">{{ 'notifications.preferences.loading' | translate }}</p>
    }
  `,
  styles: `
    .matrix {
      margin: 0 0 1rem;
      border-collapse: collapse;
    }
    .matrix th,
    .matrix td {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    .hours {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      margin: 1rem 0 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    .hours p {
      flex-basis: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesComponent {
  private readonly api = inject(NotificationsApiService);

  protected readonly kinds = Object.values(NotificationKind);
  protected readonly channels = Object.values(NotificationChannel);
  protected readonly kindKeys = KIND_KEYS;
  protected readonly channelKeys = CHANNEL_KEYS;
  protected readonly prefs = signal<NotificationPreferences | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected start = '09:00';
  protected end = '18:00';

  constructor() {
    this.api.getPreferences().subscribe({
      next: (prefs) => this.show(prefs),
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  private show(prefs: NotificationPreferences): void {
    this.prefs.set(prefs);
    this.start = prefs.workingHours.start;
    this.end = prefs.workingHours.end;
  }

  protected toggle(kind: NotificationKind, channel: NotificationChannel, on: boolean): void {
    this.saved.set(false);
    this.prefs.update((p) =>
      p ? { ...p, channels: { ...p.channels, [kind]: { ...p.channels[kind], [channel]: on } } } : p,
    );
  }

  protected setDigest(on: boolean): void {
    this.saved.set(false);
    this.prefs.update((p) => (p ? { ...p, dailyDigest: on } : p));
  }

  protected save(): void {
    const prefs = this.prefs();
    if (!prefs || this.busy()) return;
    this.busy.set(true);
    this.saved.set(false);
    this.problem.set(null);
    this.api.savePreferences({ ...prefs, workingHours: { start: this.start, end: this.end } }).subscribe({
      next: (stored) => {
        this.busy.set(false);
        this.saved.set(true);
        this.show(stored);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
