import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { DashboardGroup, DashboardResponse, GlobalRole, pickText, WorkPlanItemStatus } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { injectActiveLocale } from '../active-locale';
import { ChartComponent } from '../chart/chart.component';
import { ChartSpec } from '../chart/chart-spec';
import {
  fallbackLang,
  formatInstant,
  formatPercent,
  STATUS_LABEL_KEYS,
  STATUS_ORDER,
  viewerTimeZone,
} from '../council-labels';
import { ProblemComponent } from '../shared/problem.component';
import { comparisonChart, itemCount, roundProgress, statusChart } from './dashboard-charts';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; data: DashboardResponse };

const ACTIVITY_KEYS: Record<DashboardGroup['recentActivity'][number]['kind'], string> = {
  item_updated: _('dashboard.activity.item_updated'),
  comment_added: _('dashboard.activity.comment_added'),
  member_added: _('dashboard.activity.member_added'),
  member_removed: _('dashboard.activity.member_removed'),
};

/** One group's card, everything already in the words and formats of the viewer. */
export interface DashboardCard {
  groupId: string;
  slug: string;
  name: string;
  nameLang: string | null;
  progressText: string;
  chart: ChartSpec;
  chartSummary: string;
  counts: { status: WorkPlanItemStatus; label: string; count: number }[];
  total: number;
  sessions: { id: string; title: string; when: string; format: string }[];
  openActionItems: number;
  activity: { at: string; when: string; kindKey: string; text: string }[];
}

/** `/dashboard`: the caller's groups with their work-plan progress; all groups for the secretariat. */
@Component({
  selector: 'kg-council-dashboard',
  imports: [ChartComponent, MatButtonModule, MatProgressBarModule, ProblemComponent, RouterLink, TranslatePipe],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  private readonly api = inject(CouncilApiService);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly timeZone = computed(() => viewerTimeZone(this.auth.user()?.timeZone));
  protected readonly isSecretariat = computed(() => {
    const role = this.auth.user()?.globalRole;
    return role === GlobalRole.Secretariat || role === GlobalRole.Admin;
  });

  protected readonly cards = computed<DashboardCard[]>(() => {
    const state = this.state();
    if (state.status !== 'ready') {
      return [];
    }
    const locale = this.locale();
    const zone = this.timeZone();
    return state.data.groups.map((group) => this.card(group, locale, zone));
  });

  /** The secretariat's comparison of all groups; null for everyone else. */
  protected readonly comparison = computed(() => {
    const state = this.state();
    if (state.status !== 'ready' || !this.isSecretariat() || state.data.groups.length === 0) {
      return null;
    }
    const locale = this.locale();
    const spec = comparisonChart(state.data.groups, locale, this.instant(_('dashboard.comparison.dataset')));
    const rows = spec.labels.map((name, index) => ({
      name,
      nameLang: fallbackLang(state.data.groups[index].name, locale),
      progress: formatPercent(spec.values[index], locale),
    }));
    const summary = this.instant(_('dashboard.comparison.summary'), {
      list: rows.map((row) => `${row.name}: ${row.progress}`).join('; '),
    });
    return { spec, rows, summary };
  });

  constructor() {
    this.load();
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.getDashboard().subscribe({
      next: (data) => this.state.set({ status: 'ready', data }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  private card(group: DashboardGroup, locale: string, zone: string): DashboardCard {
    // Reading the language keeps the labels in step when it changes.
    const statusLabel = (status: WorkPlanItemStatus) => this.instant(STATUS_LABEL_KEYS[status]);
    const chart = statusChart(group, statusLabel, this.instant(_('dashboard.items')));
    const progress = formatPercent(roundProgress(group.averageProgress), locale);
    const counts = STATUS_ORDER.map((status, index) => ({
      status,
      label: chart.labels[index],
      count: chart.values[index],
    }));
    const total = itemCount(group);
    return {
      groupId: group.groupId,
      slug: group.slug,
      name: pickText(group.name, locale),
      nameLang: fallbackLang(group.name, locale),
      progressText: this.instant(_('dashboard.averageProgress'), { value: progress }),
      chart,
      chartSummary: this.instant(_('dashboard.chartSummary'), {
        total,
        list: counts.map((row) => `${row.label}: ${row.count}`).join(', '),
      }),
      counts,
      total,
      sessions: group.upcomingSessions.map((session) => ({
        id: session.id,
        title: session.title,
        when: formatInstant(session.startsAt, locale, zone),
        format: session.format,
      })),
      openActionItems: group.openActionItems,
      activity: group.recentActivity.map((entry) => ({
        at: entry.at,
        when: formatInstant(entry.at, locale, zone),
        kindKey: ACTIVITY_KEYS[entry.kind] ?? _('dashboard.activity.other'),
        text: entry.text,
      })),
    };
  }

  /** Translates now; computed signals re-run on language change because they read `locale()`. */
  private instant(key: string, params?: Record<string, unknown>): string {
    return this.translate.instant(key, params) as string;
  }
}
