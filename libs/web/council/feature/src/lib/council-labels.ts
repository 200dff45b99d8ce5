import { CountryCode, GroupRole, LocalizedText, WorkingGroupTheme } from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

/** Translation key of each theme's label; exhaustive, so a new theme fails to compile here. */
export const THEME_LABEL_KEYS: Record<WorkingGroupTheme, string> = {
  [WorkingGroupTheme.Accountability]: _('themes.accountability'),
  [WorkingGroupTheme.PsychosocialSupport]: _('themes.psychosocial_support'),
  [WorkingGroupTheme.CounteringNarratives]: _('themes.countering_narratives'),
  [WorkingGroupTheme.CivilSociety]: _('themes.civil_society'),
};

/** Translation key of each council country's name. */
export const COUNTRY_NAME_KEYS: Record<CountryCode, string> = {
  [CountryCode.Kazakhstan]: _('countries.KZ'),
  [CountryCode.Kyrgyzstan]: _('countries.KG'),
  [CountryCode.Tajikistan]: _('countries.TJ'),
  [CountryCode.Turkmenistan]: _('countries.TM'),
  [CountryCode.Uzbekistan]: _('countries.UZ'),
};

/** Translation key of each role inside a working group. */
export const GROUP_ROLE_KEYS: Record<GroupRole, string> = {
  [GroupRole.Chair]: _('groupRoles.chair'),
  [GroupRole.CoChair]: _('groupRoles.co_chair'),
  [GroupRole.Rapporteur]: _('groupRoles.rapporteur'),
  [GroupRole.Member]: _('groupRoles.member'),
  [GroupRole.Observer]: _('groupRoles.observer'),
};

/**
 * "N members" by CLDR plural category (English: one/other; Russian: one/few/many/other).
 * Categories no current language uses fall back to `other`.
 */
const MEMBER_COUNT_KEYS: Record<Intl.LDMLPluralRule, string> = {
  zero: _('council.group.memberCount.other'),
  one: _('council.group.memberCount.one'),
  two: _('council.group.memberCount.other'),
  few: _('council.group.memberCount.few'),
  many: _('council.group.memberCount.many'),
  other: _('council.group.memberCount.other'),
};

export function memberCountKey(count: number, locale: string): string {
  return MEMBER_COUNT_KEYS[new Intl.PluralRules(locale).select(count)];
}

/**
 * A period of whole days (`yyyy-mm-dd` .. `yyyy-mm-dd`) as the locale writes a date range.
 * Dates carry no zone, so they are read and written in UTC to keep the day they name.
 */
export function formatPeriod(start: string, end: string, locale: string): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    return `${start} – ${end}`;
  }
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatRange(from, to);
}

/**
 * The language the text shown for `locale` is really in, or null when it is `locale` itself:
 * set as `lang` on the element so screen readers pronounce an English fallback as English.
 */
export function fallbackLang(text: LocalizedText, locale: string): string | null {
  return text[locale] === undefined ? 'en' : null;
}
