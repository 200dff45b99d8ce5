import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ErrorCode } from '@kengash/contracts';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';

/**
 * The error of a form, in a live region that is always in the page so screen readers announce
 * each new message: the server's own words, or ours when the server could not be reached.
 */
@Component({
  selector: 'kg-form-error',
  imports: [TranslatePipe],
  template: `
    <div
      class="kg-form-error"
      role="alert"
      aria-live="assertive"
      [class.shown]="problem()"
      [attr.data-testid]="testId()"
    >
      @if (text(); as shown) {
        <p>
          @if (shown.key) {
            {{ shown.key | translate: shown.params }}
          } @else {
            {{ shown.message }}
          }
        </p>
        @if (problem()?.correlationId; as id) {
          <p class="reference">{{ 'identity.errors.reference' | translate: { id } }}</p>
        }
      }
    </div>
  `,
  styles: `
    .kg-form-error.shown {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--mat-sys-error);
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
    }
    .reference {
      margin-top: 0.25rem;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormErrorComponent {
  readonly problem = input<ApiProblem | null>(null);
  readonly testId = input<string>('form-error');

  protected readonly text = computed(() => describeProblem(this.problem()));
}

export interface ProblemText {
  key: string | null;
  params?: Record<string, unknown>;
  message: string | null;
}

/** What to tell the user about a failed call. */
export function describeProblem(problem: ApiProblem | null): ProblemText | null {
  if (!problem) {
    return null;
  }
  if (problem.status === 0) {
    return { key: _('identity.errors.offline'), message: null };
  }
  if (problem.code === ErrorCode.RateLimited || problem.status === 429) {
    return problem.retryAfter
      ? { key: _('identity.errors.rateLimitedFor'), params: { seconds: problem.retryAfter }, message: null }
      : { key: _('identity.errors.rateLimited'), message: null };
  }
  if (problem.message) {
    return { key: null, message: problem.message };
  }
  return { key: _('identity.errors.unexpected'), message: null };
}
