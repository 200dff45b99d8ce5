import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuditEventView } from '@kengash/contracts';
import { AdminApiService, ApiProblem, AuditQuery, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { injectActiveLocale } from '../shared/active-locale';
import { FormErrorComponent } from '../shared/form-error.component';

export const AUDIT_PAGE_SIZE = 50;

/** The viewer's zone: their profile's, when the browser knows it, else the browser's own. */
export function viewerTimeZone(profileZone: string | null | undefined): string {
  if (profileZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: profileZone });
      return profileZone;
    } catch {
      // unknown to this browser: fall through
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `yyyy-mm-dd` from a date input as the instant that day starts in `timeZone`, ISO. */
export function startOfDay(date: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return undefined;
  }
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The zone's offset at that moment (twice, to settle across an offset change).
  let instant = utc;
  for (let i = 0; i < 2; i++) {
    instant = utc - offsetMinutes(instant, timeZone) * 60_000;
  }
  return new Date(instant).toISOString();
}

function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** `/admin/audit`: the append-only audit log, newest first, filtered, one page at a time. */
@Component({
  selector: 'kg-admin-audit',
  imports: [
    FormErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './admin-audit.component.html',
  styleUrl: './admin-audit.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminAuditComponent {
  private readonly api = inject(AdminApiService);
  private readonly auth = inject(AuthService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly locale = injectActiveLocale();
  private query: AuditQuery = {};

  protected readonly timeZone = computed(() => viewerTimeZone(this.auth.user()?.timeZone));
  private readonly formatter = computed(
    () =>
      new Intl.DateTimeFormat(this.locale(), {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: this.timeZone(),
      }),
  );

  protected readonly events = signal<AuditEventView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected readonly filters = inject(FormBuilder).nonNullable.group({
    action: [''],
    actorId: [''],
    from: [''],
    to: [''],
  });

  constructor() {
    this.search();
  }

  protected formatTime(at: string): string {
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? at : this.formatter().format(date);
  }

  protected target(event: AuditEventView): string {
    if (!event.targetType) {
      return '—';
    }
    return event.targetId ? `${event.targetType}: ${event.targetId}` : event.targetType;
  }

  protected details(event: AuditEventView): string {
    return Object.keys(event.details ?? {}).length > 0 ? JSON.stringify(event.details) : '';
  }

  /** Applies the filters: starts again from the newest entry. */
  protected search(): void {
    const { action, actorId, from, to } = this.filters.getRawValue();
    const zone = this.timeZone();
    this.query = {
      action: action.trim() || undefined,
      actorId: actorId.trim() || undefined,
      from: from ? startOfDay(from, zone) : undefined,
      // The "to" day is included: the query's bound is the start of the next day.
      to: to ? startOfDay(nextDay(to), zone) : undefined,
      limit: AUDIT_PAGE_SIZE,
    };
    this.events.set([]);
    this.nextCursor.set(null);
    this.loaded.set(false);
    this.fetch();
  }

  protected clear(): void {
    this.filters.reset();
    this.search();
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) {
      this.fetch(cursor);
    }
  }

  private fetch(before?: string): void {
    const firstNew = this.events().length;
    this.loading.set(true);
    this.problem.set(null);
    this.api.listAudit({ ...this.query, before }).subscribe({
      next: ({ items, nextCursor }) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.events.update((events) => [...events, ...items]);
        this.nextCursor.set(nextCursor);
        if (before && items.length > 0) {
          // Keyboard users continue from the first newly loaded row.
          queueMicrotask(() => this.host.querySelectorAll<HTMLElement>('[data-testid=audit-row]')[firstNew]?.focus());
        }
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
