import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MinutesAttendee } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ROLE_KEYS } from '../shared/minutes-labels';

/** Who attended, with their role, organisation and time present: a section with an `h2`, scrollable on a phone. */
@Component({
  selector: 'kg-attendance-table',
  imports: [TranslatePipe],
  template: `
    <section [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">
        {{ 'minutesArea.page.attendance' | translate: { count: attendance().length } }}
      </h2>
      @if (attendance().length === 0) {
        <p class="muted">{{ 'minutesArea.page.noAttendance' | translate }}</p>
      } @else {
        <div class="scroll" tabindex="0" role="region" [attr.aria-labelledby]="headingId()">
          <table data-testid="attendance">
            <thead>
              <tr>
                <th scope="col">{{ 'minutesArea.page.person' | translate }}</th>
                <th scope="col">{{ 'minutesArea.page.role' | translate }}</th>
                <th scope="col">{{ 'minutesArea.page.organisation' | translate }}</th>
                <th scope="col">{{ 'minutesArea.page.present' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of attendance(); track row.person.userId) {
                <tr data-testid="attendance-row">
                  <th scope="row">{{ row.person.name ?? (roleKeys[row.person.role] | translate) }}</th>
                  <td>{{ roleKeys[row.person.role] | translate }}</td>
                  <td>{{ row.person.organisation ?? '—' }}</td>
                  <td>
                    @if (row.secondsPresent === null) {
                      —
                    } @else {
                      {{ 'minutesArea.page.minutesCount' | translate: { count: minutesOf(row.secondsPresent) } }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 2rem 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
      text-align: start;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendanceTableComponent {
  readonly attendance = input.required<MinutesAttendee[]>();
  readonly headingId = input.required<string>();

  protected readonly roleKeys = ROLE_KEYS;

  protected minutesOf(seconds: number): number {
    return Math.round(seconds / 60);
  }
}
