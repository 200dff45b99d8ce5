import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CITY_KEYS, formatDay, zoneStrip } from './session-time';

/** The chosen start in the five capitals and the partners' cities, as a table. */
@Component({
  selector: 'kg-time-zone-strip',
  imports: [TranslatePipe],
  template: `
    @if (rows().length > 0) {
      <table class="strip" data-testid="time-zone-strip">
        <caption>
          {{
            'sessions.strip.caption' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'sessions.strip.city' | translate }}</th>
            <th scope="col">{{ 'sessions.strip.localTime' | translate }}</th>
            <th scope="col">{{ 'sessions.strip.offset' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.city) {
            <tr [attr.data-zone]="row.zone" data-testid="strip-row">
              <th scope="row">{{ cityKeys[row.city] | translate }}</th>
              <td>
                <span class="time" data-testid="strip-time">{{ row.time }}</span>
                @if (row.dayShift !== 0) {
                  <span class="day">{{ row.day }}</span>
                }
              </td>
              <td>{{ row.offset }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="kg-muted">{{ 'sessions.strip.empty' | translate }}</p>
    }
  `,
  styles: `
    .strip {
      width: 100%;
      max-width: 32rem;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding: 0 0 0.5rem;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .day {
      margin-inline-start: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeZoneStripComponent {
  /** The start instant; nothing is shown while it is null. */
  readonly instant = input<Date | null>(null);
  /** The zone whose day the others are compared with. */
  readonly reference = input<string>('UTC');
  readonly locale = input<string>('en');

  protected readonly cityKeys = CITY_KEYS;
  protected readonly rows = computed(() => {
    const instant = this.instant();
    if (!instant || Number.isNaN(instant.getTime())) {
      return [];
    }
    const locale = this.locale();
    return zoneStrip(instant, this.reference()).map((entry) => ({
      ...entry,
      day: formatDay(entry.date, locale, 'short'),
    }));
  });
}
