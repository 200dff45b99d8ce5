import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import {
  CountryCode,
  isLocale,
  NETWORK_LIMITS,
  NetworkApplicationRequest,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  PRIVACY_NOTICE_VERSION,
} from '@kengash/contracts';
import { ApiProblem } from '@kengash/web-identity-data-access';

/** The public application form. `website` is the honeypot: people never see it, so it stays empty. */
export type ApplicationForm = FormGroup<{
  name: FormControl<string>;
  email: FormControl<string>;
  role: FormControl<string>;
  organisationType: FormControl<OrganisationType | ''>;
  organisationName: FormControl<string>;
  country: FormControl<CountryCode | ''>;
  region: FormControl<string>;
  languages: FormControl<PracticeLanguage[]>;
  expertise: FormControl<PracticeTheme[]>;
  motivation: FormControl<string>;
  refereeEmail: FormControl<string>;
  consent: FormControl<boolean>;
  website: FormControl<string>;
}>;

/** The validation error key carrying the server's words for a field. */
export const SERVER_ERROR = 'server';

const L = NETWORK_LIMITS;

function trimmed(min: number, max: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value?.trim() ?? '';
    if (!value) return { required: true };
    if (value.length < min) return { minlength: { requiredLength: min, actualLength: value.length } };
    if (value.length > max) return { maxlength: { requiredLength: max, actualLength: value.length } };
    return null;
  };
}

/** An e-mail address, spaces around it forgiven (phones' keyboards add them; the API trims them too). */
function trimmedEmail(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim() ?? '';
  return value ? Validators.email({ value } as AbstractControl) : null;
}

function atLeastOne(control: AbstractControl<readonly string[]>): ValidationErrors | null {
  return control.value?.length ? null : { required: true };
}

export function createApplicationForm(): ApplicationForm {
  const text = (min: number, max: number) =>
    new FormControl('', { nonNullable: true, validators: [trimmed(min, max)] });
  return new FormGroup({
    name: text(2, L.nameMax),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, trimmedEmail, Validators.maxLength(L.emailMax)],
    }),
    role: text(2, L.roleMax),
    organisationType: new FormControl<OrganisationType | ''>('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    organisationName: text(2, L.organisationNameMax),
    country: new FormControl<CountryCode | ''>('', { nonNullable: true, validators: [Validators.required] }),
    region: text(2, L.regionMax),
    languages: new FormControl<PracticeLanguage[]>([], { nonNullable: true, validators: [atLeastOne] }),
    expertise: new FormControl<PracticeTheme[]>([], { nonNullable: true, validators: [atLeastOne] }),
    motivation: text(L.motivationMin, L.motivationMax),
    refereeEmail: new FormControl('', {
      nonNullable: true,
      validators: [trimmedEmail, Validators.maxLength(L.emailMax)],
    }),
    consent: new FormControl(false, { nonNullable: true, validators: [Validators.requiredTrue] }),
    website: new FormControl('', { nonNullable: true }),
  });
}

/** What the API receives: trimmed texts, the consent as the notice's version, the e-mails' language. */
export function applicationRequest(
  form: ApplicationForm,
  formToken: string,
  locale: string,
): NetworkApplicationRequest {
  const v = form.getRawValue();
  const referee = v.refereeEmail.trim();
  return {
    formToken,
    // Always sent (empty for people): the API's schema wants the key even though the contract makes it optional.
    website: v.website,
    name: v.name.trim(),
    email: v.email.trim(),
    ...(isLocale(locale) ? { locale } : {}),
    role: v.role.trim(),
    organisationType: v.organisationType as OrganisationType,
    organisationName: v.organisationName.trim(),
    country: v.country as CountryCode,
    region: v.region.trim(),
    languages: v.languages,
    expertise: v.expertise,
    motivation: v.motivation.trim(),
    ...(referee ? { refereeEmail: referee } : {}),
    consentVersion: v.consent ? PRIVACY_NOTICE_VERSION : '',
  };
}

/** The control an API field names (`consentVersion` is the consent checkbox; `languages.0` the languages). */
export function controlName(field: string): keyof ApplicationForm['controls'] | null {
  const head = field.split('.')[0];
  if (head === 'consentVersion') return 'consent';
  if (head === 'formToken' || head === 'website' || head === 'locale' || head === 'body') return null;
  const names = [
    'name',
    'email',
    'role',
    'organisationType',
    'organisationName',
    'country',
    'region',
    'languages',
    'expertise',
    'motivation',
    'refereeEmail',
  ] as const;
  return (names as readonly string[]).includes(head) ? (head as (typeof names)[number]) : null;
}

export interface OtherFieldError {
  field: string;
  message: string;
}

const serverValidators = new WeakMap<AbstractControl, ValidatorFn>();

/**
 * Puts the API's per-field messages on the form's controls (shown at their fields until the value changes) and
 * returns the ones naming no field, for the form's alert: none is dropped.
 */
export function applyServerErrors(form: ApplicationForm, problem: ApiProblem): OtherFieldError[] {
  const others: OtherFieldError[] = [];
  const byControl = new Map<AbstractControl, string[]>();
  for (const [field, messages] of Object.entries(problem.fields)) {
    if (messages.length === 0) continue;
    const name = controlName(field);
    if (name === null) {
      others.push({ field, message: messages.join(' ') });
      continue;
    }
    const control = form.controls[name];
    byControl.set(control, [...(byControl.get(control) ?? []), ...messages]);
  }
  for (const [control, messages] of byControl) {
    const previous = serverValidators.get(control);
    if (previous) control.removeValidators(previous);
    const judged = JSON.stringify(control.value);
    const message = messages.join(' ');
    const validator: ValidatorFn = (c) => (JSON.stringify(c.value) === judged ? { [SERVER_ERROR]: message } : null);
    serverValidators.set(control, validator);
    control.addValidators(validator);
    control.updateValueAndValidity();
    control.markAsTouched();
  }
  return others;
}

/** The server's words for a control, when it holds some. */
export function serverError(control: AbstractControl): string | null {
  const error: unknown = control.errors?.[SERVER_ERROR];
  return typeof error === 'string' ? error : null;
}
