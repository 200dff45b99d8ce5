import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FormErrorComponent } from '../shared/form-error.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { applyServerErrors, focusFirstInvalid, matchingPasswords } from '../shared/server-errors';

/**
 * `/reset-password`: asks for the e-mail address (the answer never says whether an account
 * exists); with `?token=` from the e-mail, sets a new password.
 */
@Component({
  selector: 'kg-reset-password',
  imports: [
    FieldErrorPipe,
    FormErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PasswordFieldComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './reset-password.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;

  /** `?token=` from the reset e-mail. */
  readonly token = input<string | undefined>();

  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The token is unknown or expired: a new link is needed. */
  protected readonly tokenInvalid = signal(false);
  protected readonly state = signal<'form' | 'requested' | 'changed'>('form');

  protected readonly requestForm = this.fb.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly confirmForm = this.fb.group(
    {
      password: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      ],
      confirm: ['', [Validators.required]],
    },
    { validators: matchingPasswords('password', 'confirm') },
  );

  protected submitRequest(): void {
    if (this.busy()) {
      return;
    }
    if (this.requestForm.invalid) {
      this.requestForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.auth.requestPasswordReset(this.requestForm.getRawValue()).subscribe({
      next: () => {
        this.busy.set(false);
        this.state.set('requested');
      },
      error: (error: unknown) => this.fail(error, this.requestForm),
    });
  }

  protected submitConfirm(): void {
    if (this.busy()) {
      return;
    }
    if (this.confirmForm.invalid) {
      this.confirmForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .confirmPasswordReset({ token: this.token() ?? '', password: this.confirmForm.controls.password.value })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.state.set('changed');
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          const passwordProblem = problem.fields['password'] !== undefined;
          if (
            problem.code === ErrorCode.NotFound ||
            (problem.code === ErrorCode.ValidationFailed && !passwordProblem && problem.status === 400)
          ) {
            this.tokenInvalid.set(true);
          }
          this.fail(error, this.confirmForm);
        },
      });
  }

  private fail(error: unknown, form: typeof this.requestForm | typeof this.confirmForm): void {
    this.busy.set(false);
    const problem = toApiProblem(error);
    applyServerErrors(form, problem);
    this.problem.set(problem);
    focusFirstInvalid(this.host);
  }
}
