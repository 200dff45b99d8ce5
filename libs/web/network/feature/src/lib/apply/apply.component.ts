import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ApplicationFormResponse,
  CountryCode,
  NETWORK_LIMITS,
  ORGANISATION_TYPES,
  PRACTICE_LANGUAGES,
  PRACTICE_THEMES,
  PracticeLanguage,
  PracticeTheme,
  PRIVACY_NOTICE_VERSION,
} from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { ProblemComponent } from '../shared/problem.component';
import {
  COUNTRY_KEYS,
  EXPERTISE_KEYS,
  injectActiveLocale,
  LANGUAGE_KEYS,
  ORGANISATION_TYPE_KEYS,
} from '../shared/network-labels';
import { fieldError, FieldMessage } from '../shared/field-error';
import { PrivacyNoticeComponent } from '../shared/privacy-notice.component';
import { applicationRequest, applyServerErrors, createApplicationForm, OtherFieldError } from './application-form';

type Stage = 'loading' | 'form' | 'sent';

/**
 * `/network/apply` (public, no account): the application to the network, mobile-first. The form token comes first
 * (`GET /api/network/application-form`); a form sent sooner than `minSeconds` after it was issued is held until
 * then. The hidden `website` field is the honeypot (out of sight, out of the tab order and of assistive
 * technology). The e-mails' language is the UI language.
 */
@Component({
  selector: 'kg-network-apply',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PrivacyNoticeComponent,
    ProblemComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './apply.component.html',
  styleUrl: '../shared/network-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyComponent {
  private readonly api = inject(NetworkApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly sentHeading = viewChild<ElementRef<HTMLElement>>('sentHeading');
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');

  protected readonly locale = injectActiveLocale();
  protected readonly form = createApplicationForm();
  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly stage = signal<Stage>('loading');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly others = signal<OtherFieldError[]>([]);
  protected readonly limits = NETWORK_LIMITS;
  protected readonly noticeVersion = PRIVACY_NOTICE_VERSION;
  protected readonly countries = Object.values(CountryCode);
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly organisationTypes = ORGANISATION_TYPES;
  protected readonly organisationTypeKeys = ORGANISATION_TYPE_KEYS;
  protected readonly languages = PRACTICE_LANGUAGES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly themes = PRACTICE_THEMES;
  protected readonly expertiseKeys = EXPERTISE_KEYS;

  private token: ApplicationFormResponse | null = null;
  /** Epoch ms before which the API would refuse the form as a bot's. */
  private readyAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.loadToken();
    this.destroyRef.onDestroy(() => clearTimeout(this.timer));
  }

  /** Fetches a form token; `keepProblem` keeps the alert of the attempt that needed a new one. */
  protected loadToken(keepProblem = false): void {
    if (!keepProblem) this.problem.set(null);
    this.api.applicationForm().subscribe({
      next: (token) => {
        this.token = token;
        // Counted from now (not from `issuedAt`): the browser's clock may differ from the server's.
        this.readyAt = Date.now() + token.minSeconds * 1000 + 250;
        this.stage.set('form');
      },
      error: (error: unknown) => {
        this.problem.set(toApiProblem(error));
        this.stage.set('form');
      },
    });
  }

  protected error(control: AbstractControl): FieldMessage | null {
    return fieldError(control);
  }

  protected toggle(
    control: 'languages' | 'expertise',
    value: PracticeLanguage | PracticeTheme,
    checked: boolean,
  ): void {
    const c = this.form.controls[control] as AbstractControl<string[]>;
    const current = c.value.filter((v) => v !== value);
    c.setValue(checked ? [...current, value] : current);
    c.markAsTouched();
  }

  protected submit(): void {
    if (this.busy()) return;
    this.others.set([]);
    if (!this.token) {
      this.loadToken();
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const wait = Math.max(0, this.readyAt - Date.now());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(), wait);
  }

  private send(): void {
    const token = this.token;
    if (!token) return;
    this.api.apply(applicationRequest(this.form, token.formToken, this.locale())).subscribe({
      next: () => {
        this.busy.set(false);
        this.stage.set('sent');
        setTimeout(() => this.sentHeading()?.nativeElement.focus());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        const others = applyServerErrors(this.form, problem);
        this.others.set(others);
        if (Object.keys(problem.fields).length > others.length) {
          this.focusFirstInvalid();
        } else {
          this.problem.set(problem);
        }
        // A refused form (expired or replayed token): a fresh token, so the next attempt can go through.
        if (problem.status === 400 && Object.keys(problem.fields).length === 0) this.loadToken(true);
      },
    });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      const invalid = this.formElement()?.nativeElement.querySelector<HTMLElement>(
        'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, fieldset[aria-invalid=true] input',
      );
      invalid?.focus();
    });
  }
}
