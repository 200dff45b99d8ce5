import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { pickText, WorkingGroupSummary } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { COUNTRY_NAME_KEYS, fallbackLang, formatPeriod, memberCountKey, THEME_LABEL_KEYS } from '../council-labels';

/** One working group as a card: presentational, everything comes in through inputs. */
@Component({
  selector: 'kg-working-group-card',
  imports: [MatCardModule, RouterLink, TranslatePipe],
  templateUrl: './working-group-card.component.html',
  styleUrl: './working-group-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'working-group' },
})
export class WorkingGroupCardComponent {
  readonly group = input.required<WorkingGroupSummary>();
  /** Active UI language, e.g. `ru`. */
  readonly locale = input.required<string>();

  protected readonly name = computed(() => pickText(this.group().name, this.locale()));
  protected readonly nameLang = computed(() => fallbackLang(this.group().name, this.locale()));
  protected readonly mandate = computed(() => pickText(this.group().mandate, this.locale()));
  protected readonly mandateLang = computed(() => fallbackLang(this.group().mandate, this.locale()));
  protected readonly themeKey = computed(() => THEME_LABEL_KEYS[this.group().theme]);
  protected readonly period = computed(() =>
    formatPeriod(this.group().periodStart, this.group().periodEnd, this.locale()),
  );
  protected readonly memberCount = computed(() => ({
    key: memberCountKey(this.group().memberCount, this.locale()),
    count: new Intl.NumberFormat(this.locale()).format(this.group().memberCount),
  }));
  protected readonly countryKeys = computed(() =>
    this.group().countries.map((code) => COUNTRY_NAME_KEYS[code] ?? code),
  );
}
