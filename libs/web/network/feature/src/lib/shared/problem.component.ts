import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';

/** An API failure in words: the server's message when it has one, else what went wrong in general. */
@Component({
  selector: 'kg-network-problem',
  imports: [TranslatePipe],
  template: `
    @if (problem(); as p) {
      <div class="kg-alert" role="alert" [attr.data-testid]="testId()">
        <p>
          @if (p.status === 0) {
            {{ 'common.errors.offline' | translate }}
          } @else if (p.status === 429) {
            {{ 'common.errors.rateLimited' | translate }}
          } @else if (p.message) {
            {{ p.message }}
          } @else {
            {{ fallback() | translate }}
          }
        </p>
        @if (p.correlationId) {
          <p class="kg-muted">{{ 'common.errors.reference' | translate: { id: p.correlationId } }}</p>
        }
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemComponent {
  readonly problem = input<ApiProblem | null>(null);
  readonly testId = input('network-error');
  protected readonly fallback = computed(() =>
    this.problem()?.status === 404 ? _('common.errors.notFound') : _('common.errors.unexpected'),
  );
}
