import {
  CountryCode,
  GroupRole,
  GroupVisibility,
  LocalizedText,
  WorkingGroupTheme,
  WorkPlanItemStatus,
} from '@kengash/contracts';
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

/** Translation key of each work-plan item status. */
export const STATUS_LABEL_KEYS: Record<WorkPlanItemStatus, string> = {
  [WorkPlanItemStatus.Planned]: _('workPlanStatus.planned'),
  [WorkPlanItemStatus.InProgress]: _('workPlanStatus.in_progress'),
  [WorkPlanItemStatus.Done]: _('workPlanStatus.done'),
  [WorkPlanItemStatus.Dropped]: _('workPlanStatus.dropped'),
};

/** The statuses in the order screens and charts list them. */
export const STATUS_ORDER: readonly WorkPlanItemStatus[] = [
  WorkPlanItemStatus.Planned,
  WorkPlanItemStatus.InProgress,
  WorkPlanItemStatus.Done,
  WorkPlanItemStatus.Dropped,
];

/** Translation key of each group visibility. */
export const VISIBILITY_KEYS: Record<GroupVisibility, string> = {
  [GroupVisibility.Council]: _('visibility.council'),
  [GroupVisibility.Restricted]: _('visibility.restricted'),
};

/** A calendar day (`yyyy-mm-dd`) as the locale writes it; read in UTC to keep the day. */
export function formatDay(day: string | null, locale: string): string | null {
  if (!day) {
    return null;
  }
  const date = new Date(day);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A chairmanship period as years: "2025", or "2024–2025" when it spans several. */
export function chairYears(periodStart: string, periodEnd: string): string {
  const from = periodStart.slice(0, 4);
  const to = periodEnd.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/** A percentage (0–100) as the locale writes it: "45%" in English, "45 %" in Russian. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** The viewer's time zone: the profile's when it is a zone this browser knows, else the browser's. */
export function viewerTimeZone(profileZone: string | null | undefined): string {
  if (profileZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: profileZone });
      return profileZone;
    } catch {
      // unknown zone: use the browser's
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant as date and time in `timeZone`, with the zone's short name. */
export function formatInstant(instant: string, locale: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return instant;
  }
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
