import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ErrorCode } from '@kengash/contracts';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';

/**
 * A failed call, in a live region that stays in the page so each new message is announced:
 * the server's words (and its per-field messages), or ours when the server could not be reached.
 */
@Component({
  selector: 'kg-council-problem',
  imports: [TranslatePipe],
  template: `
    <div class="problem" role="alert" aria-live="assertive" [class.shown]="problem()" [attr.data-testid]="testId()">
      @if (problem(); as shown) {
        <p>
          @if (key(); as ours) {
            {{ ours | translate: { seconds: shown.retryAfter } }}
          } @else {
            {{ shown.message }}
          }
        </p>
        @if (fieldMessages().length > 0) {
          <ul>
            @for (message of fieldMessages(); track $index) {
              <li>{{ message }}</li>
            }
          </ul>
        }
        @if (shown.correlationId; as id) {
          <p class="reference">{{ 'common.errors.reference' | translate: { id } }}</p>
        }
      }
    </div>
  `,
  styles: `
    .problem.shown {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--mat-sys-error);
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p,
    ul {
      margin: 0;
    }
    .reference {
      margin-top: 0.25rem;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemComponent {
  readonly problem = input<ApiProblem | null>(null);
  readonly testId = input<string>('problem');

  protected readonly key = computed(() => problemKey(this.problem()));
  protected readonly fieldMessages = computed(() => Object.values(this.problem()?.fields ?? {}).flat());
}

/** Our words for a problem, or null when the server's own message is the one to show. */
export function problemKey(problem: ApiProblem | null): string | null {
  if (!problem) {
    return null;
  }
  if (problem.status === 0) {
    return _('common.errors.offline');
  }
  if (problem.code === ErrorCode.RateLimited || problem.status === 429) {
    return problem.retryAfter ? _('common.errors.rateLimitedFor') : _('common.errors.rateLimited');
  }
  if (problem.status === 404 || problem.code === ErrorCode.NotFound) {
    return problem.message ? null : _('common.errors.notFound');
  }
  return problem.message ? null : _('common.errors.unexpected');
}
