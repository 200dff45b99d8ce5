import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CountryCode, NetworkStatistics, PracticeTheme, StatisticsCell } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { COUNTRY_KEYS, EXPERTISE_KEYS, formatDate, injectActiveLocale, networkRoles } from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';
import { saveFile } from '../shared/save-file';
import { StatisticsChartComponent, StatisticsRow } from './statistics-chart.component';
import { cellValues } from './statistics-chart';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; statistics: NetworkStatistics };

/** "2026-11" as "Nov 2026" in the reader's language. */
export function monthLabel(key: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Table rows of a statistics series: a suppressed cell's count is null (shown as "fewer than 5"). */
export function statisticsRows(cells: StatisticsCell[], label: (key: string) => string): StatisticsRow[] {
  const values = cellValues(cells);
  return cells.map((cell, i) => ({ key: cell.key, label: label(cell.key), count: values[i] }));
}

/**
 * `/network/statistics`: aggregate charts — members by country and expertise, applications and acceptances by
 * month — with small counts suppressed by the API (shown as "fewer than 5", never as zero); the secretariat
 * downloads them as CSV.
 */
@Component({
  selector: 'kg-network-statistics',
  imports: [MatButtonModule, MatProgressBarModule, ProblemComponent, StatisticsChartComponent, TranslatePipe],
  template: `
    <div class="page">
      <h1>{{ 'network.statistics.title' | translate }}</h1>
      <p>{{ 'network.statistics.intro' | translate: { min: minCell() } }}</p>
      @let current = state();
      @if (current.status === 'loading') {
        <div role="status">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'network.loading' | translate" />
        </div>
      } @else if (current.status === 'error') {
        <kg-network-problem [problem]="current.problem" testId="statistics-error" />
      } @else {
        <p data-testid="statistics-members">
          {{ 'network.statistics.members' | translate }}
          <strong>
            @if (current.statistics.members.count === undefined) {
              {{ 'network.statistics.fewerThan' | translate: { min: minCell() } }}
            } @else {
              {{ current.statistics.members.count }}
            }
          </strong>
        </p>
        <p class="muted">
          {{ 'network.statistics.generated' | translate: { date: when(current.statistics.generatedAt) } }}
        </p>
        @if (roles().secretariat) {
          <kg-network-problem [problem]="csvProblem()" testId="statistics-csv-error" />
          <button mat-stroked-button type="button" (click)="downloadCsv()" data-testid="statistics-csv">
            {{ 'network.statistics.csv' | translate }}
          </button>
        }
        @let s = series();
        <kg-network-statistics-chart
          id="country"
          [title]="'network.statistics.byCountry' | translate"
          [keyHeading]="'network.fields.country' | translate"
          [rows]="s.byCountry"
          [minCell]="minCell()"
        />
        <kg-network-statistics-chart
          id="expertise"
          [title]="'network.statistics.byExpertise' | translate"
          [keyHeading]="'network.fields.expertise' | translate"
          [rows]="s.byExpertise"
          [minCell]="minCell()"
        />
        <kg-network-statistics-chart
          id="applications"
          [title]="'network.statistics.applicationsByMonth' | translate"
          [keyHeading]="'network.statistics.month' | translate"
          [rows]="s.applicationsByMonth"
          [minCell]="minCell()"
        />
        <kg-network-statistics-chart
          id="accepted"
          [title]="'network.statistics.acceptedByMonth' | translate"
          [keyHeading]="'network.statistics.month' | translate"
          [rows]="s.acceptedByMonth"
          [minCell]="minCell()"
        />
      }
    </div>
  `,
  styleUrl: '../shared/network-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatisticsComponent {
  private readonly api = inject(NetworkApiService);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);

  protected readonly locale = injectActiveLocale();
  protected readonly roles = computed(() => networkRoles(this.auth.user()));
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly csvProblem = signal<ApiProblem | null>(null);
  protected readonly minCell = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.statistics.minCell : 5;
  });
  protected readonly series = computed(() => {
    const s = this.state();
    const locale = this.locale();
    const empty = { byCountry: [], byExpertise: [], applicationsByMonth: [], acceptedByMonth: [] };
    if (s.status !== 'ready') return empty;
    const t = (key: string | undefined, fallback: string) => (key ? this.translate.instant(key) : fallback) as string;
    const month = (key: string) => monthLabel(key, locale);
    return {
      byCountry: statisticsRows(s.statistics.byCountry, (k) => t(COUNTRY_KEYS[k as CountryCode], k)),
      byExpertise: statisticsRows(s.statistics.byExpertise, (k) => t(EXPERTISE_KEYS[k as PracticeTheme], k)),
      applicationsByMonth: statisticsRows(s.statistics.applicationsByMonth, month),
      acceptedByMonth: statisticsRows(s.statistics.acceptedByMonth, month),
    };
  });

  constructor() {
    this.api.statistics().subscribe({
      next: (statistics) => this.state.set({ status: 'ready', statistics }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected downloadCsv(): void {
    this.csvProblem.set(null);
    this.api.statisticsCsv().subscribe({
      next: (response) => saveFile(this.document, response, 'network-statistics.csv'),
      error: (error: unknown) => this.csvProblem.set(toApiProblem(error)),
    });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
