import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { GlobalRole, PracticeQueueItem } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { formatDate, injectActiveLocale } from '../shared/practice-labels';
import { PracticeLinksComponent } from '../shared/practice-links.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; items: PracticeQueueItem[] };

/**
 * `/practices/review`: the entries in review assigned to me, oldest submission first — every entry in review for
 * the secretariat, with its reviewers (none yet: someone must assign them).
 */
@Component({
  selector: 'kg-review-queue',
  imports: [MatButtonModule, MatProgressBarModule, PracticeLinksComponent, RouterLink, TranslatePipe],
  template: `
    <div class="page">
      <kg-practice-links current="review" />
      <h1>{{ 'practices.queue.title' | translate }}</h1>
      <p>{{ (secretariat() ? 'practices.queue.introAll' : 'practices.queue.intro') | translate }}</p>
      @let current = state();
      @if (current.status === 'loading') {
        <div role="status">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'practices.queue.loading' | translate" />
        </div>
      } @else if (current.status === 'error') {
        <p role="alert" data-testid="queue-error">
          {{ current.problem.message || ('common.errors.unexpected' | translate) }}
        </p>
        <button mat-stroked-button type="button" (click)="load()">{{ 'common.retry' | translate }}</button>
      } @else {
        <p class="muted" data-testid="queue-count">
          {{ 'practices.queue.count' | translate: { count: current.items.length } }}
        </p>
        <ul class="cards">
          @for (item of current.items; track item.id) {
            <li class="card" data-testid="queue-item" [attr.data-id]="item.id">
              <h2 class="title">
                <a [routerLink]="['/practices', item.id]" data-testid="queue-link">{{ item.title }}</a>
              </h2>
              <p>
                {{ 'practices.queue.author' | translate: { name: item.author?.name || '—' } }} ·
                {{ 'practices.queue.submitted' | translate: { date: when(item.submittedAt) } }}
              </p>
              <p data-testid="queue-reviewers">
                @if (item.reviewers.length) {
                  {{ 'practices.queue.reviewers' | translate }}
                  @for (r of item.reviewers; track r.userId; let last = $last) {
                    {{ r.name }}{{ last ? '' : ', ' }}
                  }
                } @else {
                  <strong>{{ 'practices.queue.noReviewers' | translate }}</strong>
                }
              </p>
            </li>
          } @empty {
            <li class="muted" data-testid="queue-empty">{{ 'practices.queue.empty' | translate }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 52rem;
      margin: 0 auto;
      padding: 1.5rem 1rem 3rem;
    }
    h1 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-medium);
    }
    .cards {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      margin: 0 0 0.75rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .card p {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueueComponent {
  private readonly api = inject(PracticesApiService);
  private readonly auth = inject(AuthService);

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly secretariat = computed(() => this.auth.user()?.globalRole === GlobalRole.Secretariat);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api.reviewQueue().subscribe({
      next: (response) => this.state.set({ status: 'ready', items: response.items }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected when(instant: string | null): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
