import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApplicationStatusView } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { formatDate, injectActiveLocale, STATUS_KEYS } from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';

type State =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; view: ApplicationStatusView };

/** What each status means for the applicant. */
const EXPLANATION_KEYS = {
  submitted: _('network.statusPage.explain.submitted'),
  endorsed: _('network.statusPage.explain.endorsed'),
  accepted: _('network.statusPage.explain.accepted'),
  rejected: _('network.statusPage.explain.rejected'),
  suspended: _('network.statusPage.explain.suspended'),
  left: _('network.statusPage.explain.left'),
} as const;

/** `/network/status?token=…` (public): the applicant's status page, from the link in their e-mail. */
@Component({
  selector: 'kg-network-application-status',
  imports: [MatButtonModule, MatProgressBarModule, ProblemComponent, RouterLink, TranslatePipe],
  template: `
    <div class="page">
      <h1>{{ 'network.statusPage.title' | translate }}</h1>
      @let current = state();
      @switch (current.status) {
        @case ('loading') {
          <div role="status">
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'network.loading' | translate" />
          </div>
        }
        @case ('missing') {
          <p class="kg-alert" role="alert" data-testid="status-missing">
            {{ 'network.statusPage.missing' | translate }}
          </p>
        }
        @case ('error') {
          <kg-network-problem [problem]="current.problem" testId="status-error" />
        }
        @case ('ready') {
          <p>
            {{ 'network.statusPage.current' | translate }}
            <span class="status" data-testid="application-status">{{
              statusKeys[current.view.status] | translate
            }}</span>
          </p>
          <p data-testid="status-explanation">{{ explanationKeys[current.view.status] | translate }}</p>
          <dl class="facts">
            <dt>{{ 'network.statusPage.submitted' | translate }}</dt>
            <dd>{{ when(current.view.submittedAt) }}</dd>
            <dt>{{ 'network.statusPage.updated' | translate }}</dt>
            <dd>{{ when(current.view.updatedAt) }}</dd>
          </dl>
          @if (current.view.reason) {
            <section class="panel" aria-labelledby="status-reason-title">
              <h2 id="status-reason-title">{{ 'network.statusPage.reason' | translate }}</h2>
              <p data-testid="status-reason">{{ current.view.reason }}</p>
            </section>
          }
        }
      }
      <a mat-stroked-button routerLink="/network">{{ 'network.backToNetwork' | translate }}</a>
    </div>
  `,
  styleUrl: '../shared/network-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationStatusComponent {
  private readonly api = inject(NetworkApiService);

  /** Bound from `?token=`. */
  readonly token = input<string | undefined>();

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly explanationKeys = EXPLANATION_KEYS;

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.load(token));
    });
  }

  private load(token: string | undefined): void {
    if (!token) {
      this.state.set({ status: 'missing' });
      return;
    }
    this.state.set({ status: 'loading' });
    this.api.applicationStatus(token).subscribe({
      next: (view) => this.state.set({ status: 'ready', view }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale());
  }
}
