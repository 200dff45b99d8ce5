import { isValidTimeZone } from '@kengash/util-time';

/** The zone to show times in: the person's own when valid, else the browser's, else UTC. */
export function viewerZone(zone: string | null | undefined): string {
  if (zone && isValidTimeZone(zone)) return zone;
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return browser && isValidTimeZone(browser) ? browser : 'UTC';
}

/** "Thu, 12 Mar, 09:00 – 10:30" as the locale writes the span from `start` to `end` in `zone`. */
export function formatSpan(start: string, end: string, zone: string, locale: string): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).formatRange(from, to);
  } catch {
    return new Intl.DateTimeFormat(locale, options).formatRange(from, to);
  }
}
