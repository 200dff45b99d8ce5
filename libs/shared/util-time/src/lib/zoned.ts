import { DateTime, IANAZone } from 'luxon';

/** Zones people type that the IANA database does not have, with the one to use instead. */
const SUGGESTIONS: Record<string, string> = {
  'Asia/Astana': 'Asia/Almaty',
  'Asia/Nur-Sultan': 'Asia/Almaty',
  'Asia/Bishkek/Frunze': 'Asia/Bishkek',
  'Asia/Ashkhabad': 'Asia/Ashgabat',
};

/** Why a zone name is refused, with a suggestion when there is an obvious one; null when it is valid. */
export function timeZoneProblem(zone: string): string | null {
  if (typeof zone === 'string' && IANAZone.isValidZone(zone) && !(zone in SUGGESTIONS)) return null;
  const suggestion = SUGGESTIONS[zone];
  return suggestion
    ? `${zone} is not an IANA time zone; use ${suggestion}`
    : `${String(zone)} is not an IANA time zone (for example Asia/Tashkent)`;
}

/** A wall time `yyyy-mm-ddTHH:mm` in `zone` as a UTC instant. A time skipped by a DST change moves forward. */
export function zonedToUtc(local: string, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid)
    throw new RangeError(`Invalid local time ${local} in ${zone}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt.toUTC().toJSDate();
}

/** The wall time of `instant` in `zone`, as `yyyy-mm-ddTHH:mm`. */
export function utcToZoned(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Wall-clock fields of an instant in a zone (for recurrence computed on wall time). */
export function wallFields(
  instant: Date,
  zone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute };
}
