import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  CountryCode,
  EvidenceLevel,
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PracticeInput,
  PracticeLanguage,
  PracticeSource,
  PracticeTheme,
  PracticeTranslationInput,
  PracticeView,
  TargetGroup,
  TranslationStatus,
} from '@kengash/contracts';
import { ApiProblem } from '@kengash/web-identity-data-access';

export type EditableTranslationStatus = Exclude<TranslationStatus, 'original'>;

export type TranslationGroup = FormGroup<{
  locale: FormControl<PracticeLanguage>;
  title: FormControl<string>;
  summary: FormControl<string>;
  body: FormControl<string>;
  status: FormControl<EditableTranslationStatus>;
}>;

export type SourceGroup = FormGroup<{
  url: FormControl<string>;
  title: FormControl<string>;
}>;

/** The editor's form. The first translation is the original; its language is the entry's original language. */
export type PracticeForm = FormGroup<{
  translations: FormArray<TranslationGroup>;
  /** '' for a regional entry. */
  country: FormControl<CountryCode | ''>;
  themes: FormControl<PracticeTheme[]>;
  targetGroups: FormControl<TargetGroup[]>;
  approach: FormControl<string>;
  evidence: FormControl<EvidenceLevel>;
  sources: FormArray<SourceGroup>;
  relatedIds: FormControl<string[]>;
  /** '' for none. */
  groupId: FormControl<string>;
}>;

/** The validation error key carrying the server's words for a field. */
export const SERVER_ERROR = 'server';

/** A title counts its letters, not the spaces around them (as the API does). */
function trimmedMinLength(min: number) {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value.trim().length < min
      ? { minlength: { requiredLength: min, actualLength: control.value.trim().length } }
      : null;
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value?.trim() ? null : { required: true };
}

function atLeastOne(control: AbstractControl<readonly string[]>): ValidationErrors | null {
  return control.value?.length ? null : { required: true };
}

/** An http(s) address, as the API accepts it. */
export function httpUrl(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  if (!value) return null;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) ? null : { url: true };
  } catch {
    return { url: true };
  }
}

export function translationGroup(
  t: Partial<PracticeTranslationInput> & { locale: PracticeLanguage },
): TranslationGroup {
  return new FormGroup({
    locale: new FormControl<PracticeLanguage>(t.locale, { nonNullable: true }),
    title: new FormControl(t.title ?? '', {
      nonNullable: true,
      validators: [
        notBlank,
        trimmedMinLength(PRACTICE_LIMITS.titleMin),
        Validators.maxLength(PRACTICE_LIMITS.titleMax),
      ],
    }),
    summary: new FormControl(t.summary ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(PRACTICE_LIMITS.summaryMax)],
    }),
    body: new FormControl(t.body ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(PRACTICE_LIMITS.bodyMax)],
    }),
    status: new FormControl<EditableTranslationStatus>(t.status ?? 'draft', { nonNullable: true }),
  });
}

export function sourceGroup(source?: PracticeSource): SourceGroup {
  return new FormGroup({
    url: new FormControl(source?.url ?? '', {
      nonNullable: true,
      validators: [notBlank, httpUrl, Validators.maxLength(PRACTICE_LIMITS.urlMax)],
    }),
    title: new FormControl(source?.title ?? '', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(PRACTICE_LIMITS.sourceTitleMax)],
    }),
  });
}

/** A new entry: the original in `original` (the reader's UI language when the library has it, else English). */
export function createPracticeForm(original: string): PracticeForm {
  const locale = (PRACTICE_LANGUAGES as readonly string[]).includes(original) ? (original as PracticeLanguage) : 'en';
  return new FormGroup({
    translations: new FormArray<TranslationGroup>([translationGroup({ locale })]),
    country: new FormControl<CountryCode | ''>('', { nonNullable: true }),
    themes: new FormControl<PracticeTheme[]>([], { nonNullable: true, validators: [atLeastOne] }),
    targetGroups: new FormControl<TargetGroup[]>([], { nonNullable: true }),
    approach: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(PRACTICE_LIMITS.approachMax)],
    }),
    evidence: new FormControl<EvidenceLevel>('practice_report', { nonNullable: true }),
    sources: new FormArray<SourceGroup>([]),
    relatedIds: new FormControl<string[]>([], { nonNullable: true }),
    groupId: new FormControl('', { nonNullable: true }),
  });
}

/** Makes `array` hold `count` controls, keeping those it has (so the page keeps their tabs and fields). */
function resize<T extends AbstractControl>(array: FormArray<T>, count: number, make: () => T): void {
  while (array.length > count) array.removeAt(array.length - 1, { emitEvent: false });
  while (array.length < count) array.push(make(), { emitEvent: false });
}

/** Puts a saved entry into the form, the original first (as the API orders them). */
export function fillPracticeForm(form: PracticeForm, view: PracticeView): void {
  const ordered = [
    ...view.translations.filter((t) => t.locale === view.originalLocale),
    ...view.translations.filter((t) => t.locale !== view.originalLocale),
  ];
  resize(form.controls.translations, ordered.length, () => translationGroup({ locale: view.originalLocale }));
  resize(form.controls.sources, view.sources.length, () => sourceGroup());
  form.setValue(
    {
      translations: ordered.map((t) => ({
        locale: t.locale,
        title: t.title,
        summary: t.summary,
        body: t.body,
        status: t.status === 'original' ? 'draft' : t.status,
      })),
      country: view.country ?? '',
      themes: [...view.themes],
      targetGroups: [...view.targetGroups],
      approach: view.approach,
      evidence: view.evidence,
      sources: view.sources.map((source) => ({ url: source.url, title: source.title })),
      relatedIds: view.related.map((r) => r.id),
      groupId: view.group?.id ?? '',
    },
    { emitEvent: false },
  );
  form.markAsPristine();
  form.markAsUntouched();
  form.updateValueAndValidity();
}

/** What the API receives. */
export function practiceInput(form: PracticeForm): PracticeInput {
  const value = form.getRawValue();
  const translations = value.translations.map((t, i) => ({
    locale: t.locale,
    title: t.title.trim(),
    summary: t.summary.trim(),
    body: t.body,
    ...(i === 0 ? {} : { status: t.status }),
  }));
  return {
    originalLocale: translations[0]?.locale ?? 'en',
    country: value.country || null,
    themes: value.themes,
    targetGroups: value.targetGroups,
    approach: value.approach.trim(),
    evidence: value.evidence,
    sources: value.sources.map((s) => ({ url: s.url.trim(), title: s.title.trim() })),
    relatedIds: value.relatedIds,
    groupId: value.groupId || null,
    translations,
  };
}

/** The form control an API field error names (`originalLocale` is the first tab's language). */
export function controlPath(field: string): string {
  return field === 'originalLocale' ? 'translations.0.locale' : field;
}

/** The tab (translation index) an API field error belongs to, if any. */
export function translationIndex(field: string): number | null {
  const match = /^translations\.(\d+)(?:\.|$)/.exec(controlPath(field));
  return match ? Number(match[1]) : null;
}

/** A field error from the API for no field of the form. */
export interface OtherFieldError {
  field: string;
  message: string;
}

/** The server's verdict on a control, held as a validator while the control keeps the value it was about. */
const serverValidators = new WeakMap<AbstractControl, ValidatorFn>();

function serverValidator(message: string, value: unknown): ValidatorFn {
  const judged = JSON.stringify(value);
  return (control) => (JSON.stringify(control.value) === judged ? { [SERVER_ERROR]: message } : null);
}

/**
 * Puts the API's per-field messages (dotted paths such as `translations.1.title` or `sources.0.url`) on the
 * form's controls, where they show next to the fields, and returns those naming no control, for the form's
 * alert: none is dropped. A message stands until the field's value changes (it survives a tab being shown
 * again, which re-runs the validators).
 */
export function applyServerErrors(form: PracticeForm, problem: ApiProblem): OtherFieldError[] {
  const others: OtherFieldError[] = [];
  for (const [field, messages] of Object.entries(problem.fields)) {
    if (messages.length === 0) continue;
    const control = form.get(controlPath(field));
    if (control && control !== form) {
      const previous = serverValidators.get(control);
      if (previous) control.removeValidators(previous);
      const validator = serverValidator(messages.join(' '), control.value);
      serverValidators.set(control, validator);
      control.addValidators(validator);
      control.updateValueAndValidity();
      control.markAsTouched();
    } else {
      others.push({ field, message: messages.join(' ') });
    }
  }
  return others;
}

/** The server's words for a control, when it has some. */
export function serverError(control: AbstractControl | null): string | null {
  const value: unknown = control?.errors?.[SERVER_ERROR];
  return typeof value === 'string' ? value : null;
}

/** Before sending again: the server's earlier words no longer stand; the form's own validators run afresh. */
export function clearServerErrors(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    for (const child of Object.values(control.controls as Record<string, AbstractControl>)) clearServerErrors(child);
  }
  const validator = serverValidators.get(control);
  if (validator) {
    control.removeValidators(validator);
    serverValidators.delete(control);
    control.updateValueAndValidity({ emitEvent: false });
  }
}

/** Index of the first translation tab holding an invalid field, or null. */
export function firstInvalidTab(form: PracticeForm): number | null {
  const index = form.controls.translations.controls.findIndex((group) => group.invalid);
  return index >= 0 ? index : null;
}
