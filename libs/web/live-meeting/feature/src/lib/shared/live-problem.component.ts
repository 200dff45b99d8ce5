import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LiveCallError } from '@kengash/web-live-meeting-data-access';
import { TranslatePipe } from '@ngx-translate/core';

/** A refused or unanswered request, in a live region: the server's words, or ours when it did not answer. */
@Component({
  selector: 'kg-live-problem',
  imports: [TranslatePipe],
  template: `
    <div class="problem" role="alert" [class.shown]="problem()" [attr.data-testid]="testId()">
      @if (problem(); as shown) {
        @if (shown.transient) {
          {{ 'live.errors.offline' | translate }}
        } @else {
          {{ shown.message || ('live.errors.unexpected' | translate) }}
        }
      }
    </div>
  `,
  styles: `
    .problem.shown {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-error);
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveProblemComponent {
  readonly problem = input<LiveCallError | null>(null);
  readonly testId = input('live-problem');
}
