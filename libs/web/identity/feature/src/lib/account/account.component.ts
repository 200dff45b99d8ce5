import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SUPPORTED_LOCALES } from '@kengash/contracts';
import { ApiProblem, AuthService, MeApiService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { GLOBAL_ROLE_KEYS } from '../identity-labels';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FormErrorComponent } from '../shared/form-error.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { applyServerErrors, focusFirstInvalid, matchingPasswords } from '../shared/server-errors';
import { CalendarFeedComponent } from './calendar-feed.component';
import { NotificationPreferencesComponent } from './notification-preferences.component';
import { TwoFactorComponent } from './two-factor.component';
import { injectActiveLocale } from '../shared/active-locale';

const LANGUAGE_KEYS: Record<string, string> = { en: _('languages.en'), ru: _('languages.ru') };

/** Every IANA zone the browser knows, with `own` first. */
export function timeZoneOptions(own: string | null | undefined): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const first = own || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [first, ...zones.filter((zone) => zone !== first)];
}

/** `/account`: profile (name, language, time zone), password, two-factor sign-in. */
@Component({
  selector: 'kg-account',
  imports: [
    CalendarFeedComponent,
    FieldErrorPipe,
    FormErrorComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    NotificationPreferencesComponent,
    PasswordFieldComponent,
    ReactiveFormsModule,
    TranslatePipe,
    TwoFactorComponent,
  ],
  templateUrl: './account.component.html',
  styleUrl: './account.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountComponent {
  private readonly auth = inject(AuthService);
  private readonly me = inject(MeApiService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;

  /** `?twoFactor=required`: sent here because the role needs 2FA first. */
  readonly twoFactor = input<string | undefined>();

  protected readonly user = this.auth.user;
  protected readonly locale = injectActiveLocale();
  protected readonly roleKey = computed(() => {
    const user = this.user();
    return user ? GLOBAL_ROLE_KEYS[user.globalRole] : null;
  });
  protected readonly enrolmentRequired = computed(
    () => this.auth.totpEnrolmentRequired() || (this.twoFactor() === 'required' && !this.user()?.totpEnabled),
  );
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly timeZones = computed(() => timeZoneOptions(this.user()?.timeZone));

  protected readonly profileForm = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    locale: ['en', [Validators.required]],
    timeZone: ['', [Validators.required]],
    nameVisibleToObservers: [true],
  });
  protected readonly profileBusy = signal(false);
  protected readonly profileProblem = signal<ApiProblem | null>(null);
  protected readonly profileSaved = signal(false);

  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      ],
      confirm: ['', [Validators.required]],
    },
    { validators: matchingPasswords('newPassword', 'confirm') },
  );
  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<ApiProblem | null>(null);
  protected readonly passwordChanged = signal(false);

  constructor() {
    // The form follows the signed-in user (restored session, saved profile).
    effect(() => {
      const user = this.user();
      if (user) {
        untracked(() =>
          this.profileForm.reset({
            displayName: user.displayName,
            locale: user.locale,
            timeZone: user.timeZone,
            nameVisibleToObservers: user.nameVisibleToObservers,
          }),
        );
      }
    });
    const injector = inject(Injector);
    afterNextRender(
      () => {
        if (this.enrolmentRequired()) {
          this.host.querySelector<HTMLElement>('#two-factor-heading')?.focus();
        }
      },
      { injector },
    );
  }

  protected saveProfile(): void {
    if (this.profileBusy()) {
      return;
    }
    this.profileSaved.set(false);
    if (this.profileForm.invalid) {
      this.profileForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    const value = this.profileForm.getRawValue();
    this.profileBusy.set(true);
    this.profileProblem.set(null);
    this.me
      .updateProfile({
        displayName: value.displayName.trim(),
        locale: value.locale,
        timeZone: value.timeZone,
        nameVisibleToObservers: value.nameVisibleToObservers,
      })
      .subscribe({
        next: () => {
          this.profileBusy.set(false);
          this.profileSaved.set(true);
        },
        error: (error: unknown) => {
          this.profileBusy.set(false);
          const problem = toApiProblem(error);
          applyServerErrors(this.profileForm, problem);
          this.profileProblem.set(problem);
        },
      });
  }

  protected changePassword(): void {
    if (this.passwordBusy()) {
      return;
    }
    this.passwordChanged.set(false);
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.passwordBusy.set(true);
    this.passwordProblem.set(null);
    this.me.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.passwordBusy.set(false);
        this.passwordForm.reset();
        this.passwordChanged.set(true);
      },
      error: (error: unknown) => {
        this.passwordBusy.set(false);
        const problem = toApiProblem(error);
        // The API names the new password `password` in some answers.
        applyServerErrors(this.passwordForm, problem, { password: 'newPassword' });
        this.passwordProblem.set(problem);
        focusFirstInvalid(this.host);
      },
    });
  }
}
