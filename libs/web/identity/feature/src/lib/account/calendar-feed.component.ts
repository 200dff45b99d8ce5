import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CalendarFeedResponse } from '@kengash/contracts';
import { ApiProblem, MeApiService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { FormErrorComponent } from '../shared/form-error.component';

/** Account page section: a personal, revocable calendar feed URL (shown once, when made). */
@Component({
  selector: 'kg-calendar-feed',
  imports: [FormErrorComponent, MatButtonModule, TranslatePipe],
  template: `
    <p>{{ 'account.feed.intro' | translate }}</p>
    <kg-form-error [problem]="problem()" testId="feed-error" />
    @if (url(); as shown) {
      <div class="made" data-testid="feed-url-box">
        <label for="feed-url">{{ 'account.feed.urlLabel' | translate }}</label>
        <input id="feed-url" class="url" type="text" readonly [value]="shown" data-testid="feed-url" />
        <p class="kg-muted">{{ 'account.feed.onlyOnce' | translate }}</p>
        <button mat-stroked-button type="button" (click)="copy(shown)" data-testid="copy-feed">
          {{ 'account.feed.copy' | translate }}
        </button>
      </div>
    } @else if (createdAt(); as since) {
      <p data-testid="feed-exists">{{ 'account.feed.exists' | translate: { date: since } }}</p>
    } @else if (loaded()) {
      <p data-testid="feed-none">{{ 'account.feed.none' | translate }}</p>
    }
    <div class="kg-form-actions">
      <button mat-flat-button type="button" (click)="renew()" [attr.aria-disabled]="busy()" data-testid="make-feed">
        {{ (createdAt() ? 'account.feed.renew' : 'account.feed.make') | translate }}
      </button>
      @if (createdAt()) {
        <button
          mat-stroked-button
          type="button"
          (click)="revoke()"
          [attr.aria-disabled]="busy()"
          data-testid="revoke-feed"
        >
          {{ 'account.feed.revoke' | translate }}
        </button>
      }
      <span role="status" class="kg-muted" data-testid="feed-status">{{ status() | translate }}</span>
    </div>
  `,
  styles: `
    .made {
      margin: 0 0 1rem;
    }
    .url {
      display: block;
      width: 100%;
      box-sizing: border-box;
      margin: 0.25rem 0;
      padding: 0.5rem;
      font: var(--mat-sys-body-medium);
      font-family: monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedComponent {
  private readonly me = inject(MeApiService);

  readonly locale = input<string>('en');

  protected readonly feed = signal<CalendarFeedResponse | null>(null);
  protected readonly loaded = computed(() => this.feed() !== null);
  protected readonly url = computed(() => this.feed()?.url ?? null);
  protected readonly createdAt = computed(() => {
    const created = this.feed()?.createdAt;
    return created
      ? new Intl.DateTimeFormat(this.locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(created))
      : null;
  });
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly problem = signal<ApiProblem | null>(null);

  constructor() {
    this.me.getCalendarFeed().subscribe({
      next: (feed) => this.feed.set(feed),
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  protected renew(): void {
    this.run(this.me.renewCalendarFeed(), (feed) => this.feed.set(feed), _('account.feed.made'));
  }

  protected revoke(): void {
    this.run(
      this.me.revokeCalendarFeed(),
      () => this.feed.set({ url: null, createdAt: null }),
      _('account.feed.revoked'),
    );
  }

  protected copy(url: string): void {
    void navigator.clipboard?.writeText(url).then(
      () => this.status.set(_('account.feed.copied')),
      () => this.status.set(_('account.feed.copyFailed')),
    );
  }

  private run<T>(request: Observable<T>, next: (value: T) => void, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.status.set('');
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        next(value);
        this.status.set(done);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
