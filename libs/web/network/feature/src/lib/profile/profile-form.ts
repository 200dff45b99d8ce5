import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  CountryCode,
  FieldVisibility,
  NETWORK_LIMITS,
  NetworkProfile,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  PROFILE_FIELDS,
  PROFILE_LIMITS,
  ProfileField,
  ProfileLabel,
  UpdateNetworkProfileRequest,
} from '@kengash/contracts';

export type VisibilityGroup = FormGroup<Record<ProfileField, FormControl<FieldVisibility>>>;

/** The practitioner's profile and, for each field, who may see it. */
export type ProfileForm = FormGroup<{
  name: FormControl<string>;
  role: FormControl<string>;
  organisationType: FormControl<OrganisationType>;
  organisationName: FormControl<string>;
  country: FormControl<CountryCode>;
  region: FormControl<string>;
  languages: FormControl<PracticeLanguage[]>;
  expertise: FormControl<PracticeTheme[]>;
  bio: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
  label: FormControl<ProfileLabel>;
  visibility: VisibilityGroup;
}>;

const L = NETWORK_LIMITS;

export function createProfileForm(p: NetworkProfile): ProfileForm {
  const text = (value: string, max: number, required = true) =>
    new FormControl(value, {
      nonNullable: true,
      validators: required ? [Validators.required, Validators.maxLength(max)] : [Validators.maxLength(max)],
    });
  const visibility = Object.fromEntries(
    PROFILE_FIELDS.map((field) => [
      field,
      new FormControl<FieldVisibility>(p.visibility[field], { nonNullable: true }),
    ]),
  ) as Record<ProfileField, FormControl<FieldVisibility>>;
  return new FormGroup({
    name: text(p.name, L.nameMax),
    role: text(p.role, L.roleMax),
    organisationType: new FormControl<OrganisationType>(p.organisationType, { nonNullable: true }),
    organisationName: text(p.organisationName, L.organisationNameMax),
    country: new FormControl<CountryCode>(p.country, { nonNullable: true }),
    region: text(p.region, L.regionMax),
    languages: new FormControl<PracticeLanguage[]>([...p.languages], { nonNullable: true }),
    expertise: new FormControl<PracticeTheme[]>([...p.expertise], { nonNullable: true }),
    bio: text(p.bio, PROFILE_LIMITS.bioMax, false),
    phone: new FormControl(p.phone, {
      nonNullable: true,
      validators: [Validators.maxLength(PROFILE_LIMITS.phoneMax), Validators.pattern(/^[0-9+\-() ]*$/)],
    }),
    email: new FormControl(p.email, {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(L.emailMax)],
    }),
    label: new FormControl<ProfileLabel>(p.label, { nonNullable: true }),
    visibility: new FormGroup(visibility),
  });
}

/**
 * Only what changed since `saved`, with the version edited (the API answers 409 when someone else saved in
 * between). Visibility is sent per field, only the fields whose level changed.
 */
export function profileChanges(form: ProfileForm, saved: NetworkProfile): UpdateNetworkProfileRequest {
  const v = form.getRawValue();
  const request: UpdateNetworkProfileRequest = { version: saved.version };
  const texts = ['name', 'role', 'organisationName', 'region', 'bio', 'phone', 'email'] as const;
  for (const key of texts) {
    const value = v[key].trim();
    if (value !== saved[key]) request[key] = value;
  }
  if (v.organisationType !== saved.organisationType) request.organisationType = v.organisationType;
  if (v.country !== saved.country) request.country = v.country;
  if (v.label !== saved.label) request.label = v.label;
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (!same(v.languages, saved.languages)) request.languages = v.languages;
  if (!same(v.expertise, saved.expertise)) request.expertise = v.expertise;
  const visibility: Partial<Record<ProfileField, FieldVisibility>> = {};
  for (const field of PROFILE_FIELDS) {
    if (v.visibility[field] !== saved.visibility[field]) visibility[field] = v.visibility[field];
  }
  if (Object.keys(visibility).length) request.visibility = visibility;
  return request;
}
