import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { SessionResponse, SignInResponse, SsoInfo } from '@kengash/contracts';
import { ApiProblem, AuthService, safeReturnUrl, SSO_START_URL, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FormErrorComponent } from '../shared/form-error.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { applyServerErrors, focusFirstInvalid } from '../shared/server-errors';

/** Six digits; spaces around them are forgiven. */
const TOTP_CODE = /^\s*\d{6}\s*$/;

const TOTP_KEYS = {
  codeHelp: _('identity.signIn.totp.codeHelp'),
  recoveryHelp: _('identity.signIn.totp.recoveryHelp'),
  useRecovery: _('identity.signIn.totp.useRecovery'),
  useCode: _('identity.signIn.totp.useCode'),
};

/** `/sign-in`: e-mail and password, then (when the account has 2FA) a code or a recovery code. */
@Component({
  selector: 'kg-sign-in',
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
  templateUrl: './sign-in.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  /** `?returnUrl=`: where to go once signed in (paths inside the app only). */
  readonly returnUrl = input<string | undefined>();

  protected readonly ssoUrl = SSO_START_URL;
  protected readonly keys = TOTP_KEYS;
  protected readonly step = signal<'password' | 'totp'>('password');
  protected readonly useRecovery = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly sso = signal<SsoInfo | null>(null);
  protected readonly ssoLabel = computed(() => this.sso()?.displayName ?? null);
  private challengeToken = '';

  protected readonly passwordForm = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly totpForm = inject(FormBuilder).nonNullable.group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
    recoveryCode: [''],
  });

  constructor() {
    this.auth
      .ssoInfo()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (info) => this.sso.set(info), error: () => this.sso.set(null) });
  }

  protected submitPassword(): void {
    if (this.busy()) {
      return;
    }
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.run(this.auth.signIn(this.passwordForm.getRawValue()), (response: SignInResponse) => {
      if (response.status === 'signed_in') {
        this.done();
      } else {
        this.challengeToken = response.challengeToken;
        this.passwordForm.controls.password.reset('');
        this.step.set('totp');
        this.focusCode();
      }
    });
  }

  protected submitTotp(): void {
    if (this.busy()) {
      return;
    }
    const { code, recoveryCode } = this.totpForm.getRawValue();
    const recovery = this.useRecovery();
    if (this.totpForm.invalid) {
      this.totpForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    const request = recovery
      ? { challengeToken: this.challengeToken, recoveryCode: recoveryCode.trim() }
      : { challengeToken: this.challengeToken, code: code.replace(/\s/g, '') };
    this.run(
      this.auth.completeTotp(request),
      () => this.done(),
      () => {
        this.totpForm.reset();
        this.focusCode();
      },
    );
  }

  protected toggleRecovery(): void {
    const recovery = !this.useRecovery();
    this.useRecovery.set(recovery);
    this.problem.set(null);
    const { code, recoveryCode } = this.totpForm.controls;
    code.setValidators(recovery ? [] : [Validators.required, Validators.pattern(TOTP_CODE)]);
    recoveryCode.setValidators(recovery ? [Validators.required] : []);
    this.totpForm.reset();
    code.updateValueAndValidity();
    recoveryCode.updateValueAndValidity();
    this.focusCode();
  }

  /** Back to e-mail and password (e.g. when the 2FA challenge has expired). */
  protected startOver(): void {
    this.challengeToken = '';
    this.problem.set(null);
    this.totpForm.reset();
    this.useRecovery.set(false);
    this.step.set('password');
    afterNextRender(() => this.host.querySelector<HTMLInputElement>('input[type=email]')?.focus(), {
      injector: this.injector,
    });
  }

  private run<T extends SignInResponse | SessionResponse>(
    call: Observable<T>,
    next: (response: T) => void,
    failed?: () => void,
  ): void {
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (response) => {
        this.busy.set(false);
        next(response);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // Cleared first: the server's field messages then stay on the empty fields.
        failed?.();
        const problem = toApiProblem(error);
        applyServerErrors(this.step() === 'password' ? this.passwordForm : this.totpForm, problem);
        this.problem.set(problem);
      },
    });
  }

  private done(): void {
    void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  private focusCode(): void {
    afterNextRender(() => this.codeInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
