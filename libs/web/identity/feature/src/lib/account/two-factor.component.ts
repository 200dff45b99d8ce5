import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CurrentUser, TotpEnrolmentResponse } from '@kengash/contracts';
import { ApiProblem, AuthService, MeApiService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FormErrorComponent } from '../shared/form-error.component';
import { applyServerErrors, focusFirstInvalid } from '../shared/server-errors';

const TOTP_CODE = /^\s*\d{6}\s*$/;

/**
 * An SVG document as a `data:` URL for `<img src>`: the markup is never put into the page, so
 * nothing in it can run.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A base32 secret in groups of four, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type Step =
  | { kind: 'idle' }
  | { kind: 'enrolling'; enrolment: TotpEnrolmentResponse; qrUrl: string }
  | { kind: 'codes'; codes: string[] };

/** The 2FA part of the account page: enrol (QR, secret, code), recovery codes once, disable. */
@Component({
  selector: 'kg-two-factor',
  imports: [
    FieldErrorPipe,
    FormErrorComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './two-factor.component.html',
  styleUrl: './two-factor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorComponent {
  private readonly me = inject(MeApiService);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly user = input.required<CurrentUser>();

  protected readonly step = signal<Step>({ kind: 'idle' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** Polite announcements: copied, downloaded, disabled. */
  protected readonly status = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly enabled = computed(() => this.user().totpEnabled);
  protected readonly groupSecret = groupSecret;

  protected readonly confirmForm = inject(FormBuilder).nonNullable.group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
  });
  protected readonly disableForm = inject(FormBuilder).nonNullable.group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
  });

  protected startEnrolment(): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.me.enrolTotp().subscribe({
      next: (enrolment) => {
        this.busy.set(false);
        this.confirmForm.reset();
        this.step.set({ kind: 'enrolling', enrolment, qrUrl: svgDataUrl(enrolment.qrSvg) });
        this.focus('#totp-setup-heading');
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected cancelEnrolment(): void {
    this.step.set({ kind: 'idle' });
    this.problem.set(null);
  }

  protected confirm(): void {
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
    this.me.confirmTotp(this.confirmForm.controls.code.value.trim()).subscribe({
      next: ({ recoveryCodes }) => {
        this.busy.set(false);
        this.saved.set(false);
        this.step.set({ kind: 'codes', codes: recoveryCodes });
        this.focus('#recovery-heading');
        // A new session: the access token and the user now carry the 2FA state.
        this.auth.refresh().subscribe({ error: () => undefined });
      },
      error: (error: unknown) => {
        // Cleared first: the server's message then stays on the empty field.
        this.confirmForm.controls.code.setValue('');
        this.fail(error, this.confirmForm);
      },
    });
  }

  protected async copyCodes(codes: string[]): Promise<void> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(codes.join('\n'));
      this.status.set(this.translate.instant(_('account.twoFactor.recovery.copied')));
    } catch {
      this.status.set(null);
      this.host.querySelector<HTMLElement>('[data-testid=recovery-codes]')?.focus();
    }
  }

  protected downloadCodes(codes: string[]): void {
    const title: string = this.translate.instant(_('account.twoFactor.recovery.fileTitle'));
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    const blob = new Blob([`${title}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
    const url = view.URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = 'kengash-recovery-codes.txt';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }

  /** "I have saved them": the codes leave the page for good. */
  protected finish(): void {
    this.step.set({ kind: 'idle' });
    this.status.set(null);
    this.focus('#two-factor-status');
  }

  protected disable(): void {
    if (this.busy()) {
      return;
    }
    if (this.disableForm.invalid) {
      this.disableForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.me.disableTotp(this.disableForm.controls.code.value.trim()).subscribe({
      next: () => {
        this.busy.set(false);
        this.disableForm.reset();
        this.auth.setUser({ ...this.user(), totpEnabled: false });
        this.auth.refresh().subscribe({ error: () => undefined });
        this.focus('#two-factor-status');
      },
      error: (error: unknown) => {
        this.disableForm.controls.code.setValue('');
        this.fail(error, this.disableForm);
      },
    });
  }

  private fail(error: unknown, form?: typeof this.confirmForm): void {
    this.busy.set(false);
    const problem = toApiProblem(error);
    if (form) {
      applyServerErrors(form, problem);
    }
    this.problem.set(problem);
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
