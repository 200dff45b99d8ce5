import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { FormErrorComponent } from '../shared/form-error.component';

/** `/verify-email?token=`: confirms the address from the link in the e-mail. */
@Component({
  selector: 'kg-verify-email',
  imports: [FormErrorComponent, MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
  template: `
    <div class="kg-page kg-narrow-page">
      <h1>{{ 'identity.verify.title' | translate }}</h1>
      @switch (state()) {
        @case ('working') {
          <div role="status">
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'identity.verify.working' | translate" />
            <p>{{ 'identity.verify.working' | translate }}</p>
          </div>
        }
        @case ('done') {
          <p class="kg-notice" role="status" data-testid="verify-done">{{ 'identity.verify.done' | translate }}</p>
          <a mat-flat-button routerLink="/">{{ 'areas.backToCouncil' | translate }}</a>
        }
        @case ('failed') {
          <kg-form-error [problem]="problem()" testId="verify-error" />
          <p>{{ 'identity.verify.failedHelp' | translate }}</p>
          <a mat-stroked-button routerLink="/">{{ 'areas.backToCouncil' | translate }}</a>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailComponent implements OnInit {
  private readonly auth = inject(AuthService);

  readonly token = input<string | undefined>();
  protected readonly state = signal<'working' | 'done' | 'failed'>('working');
  protected readonly problem = signal<ApiProblem | null>(null);

  ngOnInit(): void {
    const token = this.token();
    if (!token) {
      this.state.set('failed');
      return;
    }
    this.auth.verifyEmail({ token }).subscribe({
      next: () => this.state.set('done'),
      error: (error: unknown) => {
        this.problem.set(toApiProblem(error));
        this.state.set('failed');
      },
    });
  }
}
