import { _ } from '@ngx-translate/core';

const DAY_MS = 86_400_000;

function utcDay(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const time = Date.UTC(y, m - 1, d);
  return Number.isNaN(time) ? null : time;
}

/** Today on this device's calendar, as `yyyy-mm-dd`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whole days an overdue item is late, counted from its due date to `today` (both `yyyy-mm-dd`). The API judges
 * "overdue" on the owner's calendar, which may be a day ahead of the viewer's: an overdue item is late at least 1.
 */
export function daysOverdue(dueDate: string, today: string): number {
  const due = utcDay(dueDate);
  const now = utcDay(today);
  if (due === null || now === null) return 1;
  return Math.max(1, Math.round((now - due) / DAY_MS));
}

const OVERDUE_KEYS: Record<Intl.LDMLPluralRule, string> = {
  zero: _('minutesArea.board.overdueDays.other'),
  one: _('minutesArea.board.overdueDays.one'),
  two: _('minutesArea.board.overdueDays.other'),
  few: _('minutesArea.board.overdueDays.few'),
  many: _('minutesArea.board.overdueDays.many'),
  other: _('minutesArea.board.overdueDays.other'),
};

/** The translation key of "Overdue by N days" in the plural form `locale` needs for `days`. */
export function overdueDaysKey(days: number, locale: string): string {
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(locale).select(days);
  } catch {
    rule = new Intl.PluralRules('en').select(days);
  }
  return OVERDUE_KEYS[rule];
}

/** A calendar day (`yyyy-mm-dd`) in the reader's language, e.g. "Apr 1, 2031"; anything else as it came. */
export function formatDay(day: string, locale: string): string {
  const time = utcDay(day);
  if (time === null) return day;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
  }
}
