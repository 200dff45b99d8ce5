import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router } from '@angular/router';
import {
  ContactViewRow,
  CountryCode,
  FIELD_VISIBILITIES,
  NetworkProfile,
  ORGANISATION_TYPES,
  PRACTICE_LANGUAGES,
  PRACTICE_THEMES,
  PracticeLanguage,
  PracticeTheme,
  PROFILE_LABELS,
  PROFILE_LIMITS,
  ProfileField,
} from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { fieldError, FieldMessage } from '../shared/field-error';
import {
  CONTACT_FIELD_KEYS,
  COUNTRY_KEYS,
  EXPERTISE_KEYS,
  FIELD_KEYS,
  formatDate,
  injectActiveLocale,
  LANGUAGE_KEYS,
  ORGANISATION_TYPE_KEYS,
  PROFILE_LABEL_KEYS,
  VISIBILITY_KEYS,
} from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';
import { saveFile } from '../shared/save-file';
import { createProfileForm, ProfileForm, profileChanges } from './profile-form';
import { VisibilitySelectComponent } from './visibility-select.component';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; profile: NetworkProfile; form: ProfileForm };

/** The words to type before the account is erased. */
export const ERASE_WORD = 'ERASE';

/**
 * `/network/profile`: the practitioner's profile and its privacy editor (each field with who may see it; the label
 * shown where the name is not), "who viewed my contact details", "download my data" and "erase my account".
 */
@Component({
  selector: 'kg-network-profile',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ProblemComponent,
    ReactiveFormsModule,
    TranslatePipe,
    VisibilitySelectComponent,
  ],
  templateUrl: './profile.component.html',
  styleUrl: '../shared/network-page.css',
  styles: `
    .field-row {
      display: grid;
      grid-template-columns: 1fr;
      gap: 0 1rem;
      align-items: start;
    }
    @media (min-width: 600px) {
      .field-row {
        grid-template-columns: 2fr 1fr;
      }
    }
    .field-row mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileComponent {
  private readonly api = inject(NetworkApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly saveProblem = signal<ApiProblem | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly views = signal<ContactViewRow[] | null>(null);
  protected readonly viewsProblem = signal<ApiProblem | null>(null);
  protected readonly exportProblem = signal<ApiProblem | null>(null);
  protected readonly eraseProblem = signal<ApiProblem | null>(null);
  protected readonly eraseConfirm = new FormControl('', { nonNullable: true });
  protected readonly eraseTyped = signal('');
  protected readonly canErase = computed(() => this.eraseTyped() === ERASE_WORD);
  protected readonly eraseWord = ERASE_WORD;

  protected readonly limits = PROFILE_LIMITS;
  /** The plain text fields, in the order of the form. */
  protected readonly textFields = [
    { field: 'name', autocomplete: 'name', type: 'text' },
    { field: 'role', autocomplete: 'organization-title', type: 'text' },
    { field: 'organisationName', autocomplete: 'organization', type: 'text' },
    { field: 'region', autocomplete: 'address-level1', type: 'text' },
    { field: 'phone', autocomplete: 'tel', type: 'tel' },
    { field: 'email', autocomplete: 'email', type: 'email' },
  ] as const;
  protected readonly visibilities = FIELD_VISIBILITIES;
  protected readonly visibilityKeys = VISIBILITY_KEYS;
  protected readonly fieldKeys = FIELD_KEYS;
  protected readonly contactFieldKeys = CONTACT_FIELD_KEYS;
  protected readonly labels = PROFILE_LABELS;
  protected readonly labelKeys = PROFILE_LABEL_KEYS;
  protected readonly countries = Object.values(CountryCode);
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly organisationTypes = ORGANISATION_TYPES;
  protected readonly organisationTypeKeys = ORGANISATION_TYPE_KEYS;
  protected readonly languages = PRACTICE_LANGUAGES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly themes = PRACTICE_THEMES;
  protected readonly expertiseKeys = EXPERTISE_KEYS;

  constructor() {
    this.load();
    this.loadViews();
    this.eraseConfirm.valueChanges.subscribe((value) => this.eraseTyped.set(value.trim()));
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api.profile().subscribe({
      next: (profile) => this.show(profile),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  private show(profile: NetworkProfile): void {
    this.state.set({ status: 'ready', profile, form: createProfileForm(profile) });
  }

  protected loadViews(): void {
    this.viewsProblem.set(null);
    this.api.contactViews().subscribe({
      next: (response) => this.views.set(response.views),
      error: (error: unknown) => this.viewsProblem.set(toApiProblem(error)),
    });
  }

  protected error(control: AbstractControl): FieldMessage | null {
    return fieldError(control);
  }

  protected visibilityControl(form: ProfileForm, field: ProfileField): FormControl {
    return form.controls.visibility.controls[field];
  }

  protected has(form: ProfileForm, control: 'languages' | 'expertise', value: string): boolean {
    return (form.controls[control].value as string[]).includes(value);
  }

  protected toggle(
    form: ProfileForm,
    control: 'languages' | 'expertise',
    value: PracticeLanguage | PracticeTheme,
    checked: boolean,
  ): void {
    const c = form.controls[control] as AbstractControl<string[]>;
    const current = c.value.filter((v) => v !== value);
    c.setValue(checked ? [...current, value] : current);
    c.markAsDirty();
  }

  protected save(): void {
    const current = this.state();
    if (current.status !== 'ready' || this.busy()) return;
    if (current.form.invalid) {
      current.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.saveProblem.set(null);
    this.message.set(null);
    this.api.updateProfile(profileChanges(current.form, current.profile)).subscribe({
      next: (profile) => {
        this.busy.set(false);
        this.show(profile);
        this.message.set(_('network.profile.saved'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        this.saveProblem.set(problem);
        if (problem.status === 409) this.message.set(_('network.profile.stale'));
      },
    });
  }

  protected download(): void {
    this.exportProblem.set(null);
    this.api.exportData().subscribe({
      next: (response) => saveFile(this.document, response, 'kengash-my-data.json'),
      error: (error: unknown) => this.exportProblem.set(toApiProblem(error)),
    });
  }

  protected erase(): void {
    if (!this.canErase() || this.busy()) return;
    this.busy.set(true);
    this.eraseProblem.set(null);
    this.api.eraseAccount().subscribe({
      next: () => {
        this.busy.set(false);
        this.auth.signOut().subscribe(() => void this.router.navigateByUrl('/network'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.eraseProblem.set(toApiProblem(error));
      },
    });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
