import {
  EvidenceLevel,
  PersonalDataWarning,
  PracticeStatus,
  PracticeVisibility,
  TargetGroup,
  TranslationStatus,
} from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

export { COUNTRY_KEYS, injectActiveLocale, LANGUAGE_KEYS, THEME_KEYS } from '@kengash/web-shared-ui';

export const TARGET_GROUP_KEYS: Record<TargetGroup, string> = {
  women: _('practices.targetGroups.women'),
  children: _('practices.targetGroups.children'),
  men: _('practices.targetGroups.men'),
  families: _('practices.targetGroups.families'),
  communities: _('practices.targetGroups.communities'),
};

export const EVIDENCE_KEYS: Record<EvidenceLevel, string> = {
  practice_report: _('practices.evidence.practice_report'),
  documented: _('practices.evidence.documented'),
  evaluated: _('practices.evidence.evaluated'),
  independent_evaluation: _('practices.evidence.independent_evaluation'),
};

export const TRANSLATION_STATUS_KEYS: Record<TranslationStatus, string> = {
  original: _('practices.translationStatus.original'),
  reviewed: _('practices.translationStatus.reviewed'),
  machine_assisted: _('practices.translationStatus.machine_assisted'),
  draft: _('practices.translationStatus.draft'),
};

export const STATUS_KEYS: Record<PracticeStatus, string> = {
  draft: _('practices.status.draft'),
  in_review: _('practices.status.in_review'),
  published: _('practices.status.published'),
  archived: _('practices.status.archived'),
};

export const VISIBILITY_KEYS: Record<PracticeVisibility, string> = {
  council: _('practices.visibility.council'),
  network: _('practices.visibility.network'),
  public: _('practices.visibility.public'),
};

export const VISIBILITY_HINT_KEYS: Record<PracticeVisibility, string> = {
  council: _('practices.visibility.councilHint'),
  network: _('practices.visibility.networkHint'),
  public: _('practices.visibility.publicHint'),
};

export const WARNING_KIND_KEYS: Record<PersonalDataWarning['kind'], string> = {
  passport: _('practices.warnings.kinds.passport'),
  birth_date: _('practices.warnings.kinds.birth_date'),
  phone: _('practices.warnings.kinds.phone'),
  national_id: _('practices.warnings.kinds.national_id'),
  email: _('practices.warnings.kinds.email'),
};

export const WARNING_FIELD_KEYS: Record<PersonalDataWarning['field'], string> = {
  title: _('practices.editor.title'),
  summary: _('practices.editor.summary'),
  body: _('practices.editor.body'),
  approach: _('practices.editor.approach'),
};

/** A date in the reader's language (and zone, when known). */
export function formatDate(instant: string | null, locale: string, zone?: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  }
}

/** "2.4 MB", "512 KB", "900 B", with the locale's decimal sign. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
