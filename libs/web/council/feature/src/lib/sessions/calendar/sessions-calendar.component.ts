import { Directionality } from '@angular/cdk/bidi';
import { NgTemplateOutlet } from '@angular/common';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { DashboardGroup, OccurrenceView, pickText, SessionStatus } from '@kengash/contracts';
import { CouncilApiService, SessionsApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { injectActiveLocale } from '../../active-locale';
import { ProblemComponent } from '../../shared/problem.component';
import { canSchedule } from '../session-access';
import {
  addDays,
  addMonths,
  currentOffset,
  Day,
  dayOf,
  dayRange,
  formatDay,
  formatOffset,
  formatTime,
  monthGrid,
  RSVP_KEYS,
  safeZone,
  startOfMonth,
  startOfWeek,
  STATUS_KEYS,
  today,
} from '../session-time';

export type CalendarView = 'month' | 'week' | 'agenda';

/** Days the agenda view lists from its first day. */
export const AGENDA_DAYS = 30;

const SMALL_SCREEN = '(max-width: 599.98px)';

interface OccurrenceRow {
  occurrence: OccurrenceView;
  time: string;
  end: string;
  rsvpKey: string | null;
  statusKey: string;
  cancelled: boolean;
}

/** The days a view shows: [from, to) and the rows of the grid (month and week views). */
export function viewRange(view: CalendarView, cursor: Day): { from: Day; to: Day; weeks: Day[][] } {
  if (view === 'month') {
    const weeks = monthGrid(cursor);
    return { from: weeks[0][0], to: addDays(weeks[weeks.length - 1][6], 1), weeks };
  }
  if (view === 'week') {
    const start = startOfWeek(cursor);
    return { from: start, to: addDays(start, 7), weeks: [Array.from({ length: 7 }, (_u, i) => addDays(start, i))] };
  }
  return { from: cursor, to: addDays(cursor, AGENDA_DAYS), weeks: [] };
}

/** `/sessions`: my calendar (or a group's) in month, week or agenda view, in my own time zone. */
@Component({
  selector: 'kg-sessions-calendar',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    NgTemplateOutlet,
    ProblemComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './sessions-calendar.component.html',
  styleUrl: './sessions-calendar.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsCalendarComponent {
  private readonly api = inject(SessionsApiService);
  private readonly council = inject(CouncilApiService);
  private readonly auth = inject(AuthService);
  private readonly dir = inject(Directionality);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly user = this.auth.user;
  protected readonly zone = computed(() => safeZone(this.user()?.timeZone));
  protected readonly zoneOffset = computed(() => formatOffset(currentOffset(this.zone())));
  protected readonly canSchedule = computed(() => canSchedule(this.user()));
  protected readonly view = signal<CalendarView>(
    inject(BreakpointObserver).isMatched(SMALL_SCREEN) ? 'agenda' : 'month',
  );
  protected readonly cursor = signal<Day>(today(this.zone()));
  protected readonly focusedDay = signal<Day>(this.cursor());
  protected readonly groupId = signal('');
  protected readonly groups = signal<DashboardGroup[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly occurrences = signal<OccurrenceView[]>([]);
  protected readonly rsvpKeys = RSVP_KEYS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly todayDay = computed(() => today(this.zone()));

  protected readonly range = computed(() => viewRange(this.view(), this.cursor()));
  protected readonly currentMonth = computed(() => this.cursor().slice(0, 7));

  protected readonly weekdays = computed(() => {
    const locale = this.locale();
    const monday = startOfWeek(this.todayDay());
    return Array.from({ length: 7 }, (_u, i) => {
      const day = addDays(monday, i);
      const date = new Date(`${day}T00:00:00Z`);
      return {
        short: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date),
        long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date),
      };
    });
  });

  protected readonly periodLabel = computed(() => {
    const locale = this.locale();
    const { from, to } = this.range();
    if (this.view() === 'month') {
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${this.cursor().slice(0, 7)}-01T00:00:00Z`),
      );
    }
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatRange(new Date(`${from}T00:00:00Z`), new Date(`${addDays(to, -1)}T00:00:00Z`));
  });

  /** Occurrences by the day they start on, in my zone, sorted by start. */
  protected readonly byDay = computed(() => {
    const zone = this.zone();
    const locale = this.locale();
    const map = new Map<Day, OccurrenceRow[]>();
    const sorted = [...this.occurrences()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const occurrence of sorted) {
      const day = dayOf(occurrence.startsAt, zone);
      const rows = map.get(day) ?? [];
      rows.push({
        occurrence,
        time: formatTime(occurrence.startsAt, zone, locale),
        end: formatTime(occurrence.endsAt, zone, locale),
        rsvpKey: occurrence.myRsvp ? RSVP_KEYS[occurrence.myRsvp] : null,
        statusKey: STATUS_KEYS[occurrence.status],
        cancelled: occurrence.status === SessionStatus.Cancelled,
      });
      map.set(day, rows);
    }
    return map;
  });

  protected readonly agendaDays = computed(() => {
    const { from, to } = this.range();
    const locale = this.locale();
    return [...this.byDay().entries()]
      .filter(([day]) => day >= from && day < to)
      .map(([day, rows]) => ({ day, label: formatDay(day, locale), rows }));
  });

  constructor() {
    this.council.getDashboard().subscribe({
      next: (dashboard) => this.groups.set(dashboard.groups),
      error: () => this.groups.set([]),
    });
    effect(() => {
      const { from, to } = this.range();
      const groupId = this.groupId();
      const zone = this.zone();
      untracked(() => this.load(from, to, zone, groupId));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected groupName(group: DashboardGroup): string {
    return pickText(group.name, this.locale());
  }

  protected load(from = this.range().from, to = this.range().to, zone = this.zone(), groupId = this.groupId()): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    const instants = dayRange(from, to, zone);
    this.request = this.api.calendar(instants.from, instants.to, groupId || null).subscribe({
      next: (response) => {
        this.occurrences.set(response.occurrences);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toApiProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected setView(view: CalendarView): void {
    this.view.set(view);
    this.cursor.set(this.focusedDay());
  }

  protected selectGroup(value: string): void {
    this.groupId.set(value);
  }

  protected step(direction: 1 | -1): void {
    const view = this.view();
    const next =
      view === 'month'
        ? addMonths(this.cursor(), direction)
        : addDays(this.cursor(), direction * (view === 'week' ? 7 : AGENDA_DAYS));
    this.cursor.set(next);
    this.focusedDay.set(view === 'month' ? startOfMonth(next) : view === 'week' ? startOfWeek(next) : next);
  }

  protected goToday(): void {
    const day = this.todayDay();
    this.cursor.set(day);
    this.focusedDay.set(day);
  }

  /** Arrow keys move between days, PageUp/PageDown between months (weeks in the week view), Home/End to the week's ends. */
  protected onGridKey(event: KeyboardEvent, day: Day): void {
    const rtl = this.dir.value === 'rtl';
    const week = this.view() === 'week';
    let target: Day | null = null;
    switch (event.key) {
      case 'ArrowRight':
        target = addDays(day, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        target = addDays(day, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        target = addDays(day, 7);
        break;
      case 'ArrowUp':
        target = addDays(day, -7);
        break;
      case 'Home':
        target = startOfWeek(day);
        break;
      case 'End':
        target = addDays(startOfWeek(day), 6);
        break;
      case 'PageDown':
        target = week ? addDays(day, 7) : addMonths(day, 1);
        break;
      case 'PageUp':
        target = week ? addDays(day, -7) : addMonths(day, -1);
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focusDay(target);
  }

  private focusDay(day: Day): void {
    this.focusedDay.set(day);
    const { from, to } = this.range();
    const outside = this.view() === 'month' ? day.slice(0, 7) !== this.currentMonth() : day < from || day >= to;
    if (outside) {
      this.cursor.set(day);
    }
    afterNextRender(() => this.host.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus(), {
      injector: this.injector,
    });
  }

  protected dayLabel(day: Day): string {
    return formatDay(day, this.locale());
  }

  protected dayNumber(day: Day): number {
    return Number(day.slice(8, 10));
  }
}
