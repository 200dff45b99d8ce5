import { wallFields, zonedToUtc } from '@kengash/util-time';
import { Frequency, RRule } from 'rrule';

export interface SeriesSpec {
  startsAt: Date;
  endsAt: Date;
  /** The organiser's IANA zone: occurrences keep its wall time across daylight-saving changes elsewhere. */
  timeZone: string;
  rrule: string | null;
  /** Cancelled occurrences (EXDATE), by their original start. */
  exdates: Date[];
  /** Moved or cancelled single occurrences (RECURRENCE-ID overrides). */
  overrides: { recurrenceId: Date; startsAt: Date; endsAt: Date; cancelled: boolean }[];
}

export interface Occurrence {
  /** The original start (RECURRENCE-ID). */
  recurrenceId: Date;
  startsAt: Date;
  endsAt: Date;
  moved: boolean;
}

const ALLOWED: Frequency[] = [Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY];
const MAX_OCCURRENCES = 1000;

/** Checks an RFC 5545 RRULE (without DTSTART) for use as a series rule; returns a problem or null. */
export function rruleProblem(rule: string): string | null {
  try {
    if (/DTSTART|TZID/i.test(rule)) return 'must not contain DTSTART or TZID: the session’s start and zone are used';
    const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
    if (options.freq === undefined) return 'must have FREQ';
    if (!ALLOWED.includes(options.freq)) return 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY';
    if (
      options.count !== undefined &&
      options.count !== null &&
      (options.count < 1 || options.count > MAX_OCCURRENCES)
    ) {
      return `COUNT must be between 1 and ${MAX_OCCURRENCES}`;
    }
    return null;
  } catch (e) {
    return `is not a valid RRULE (${e instanceof Error ? e.message : 'unreadable'})`;
  }
}

/** The wall time of an instant in `zone`, as a "floating" Date whose UTC fields are that wall time. */
function floating(instant: Date, zone: string): Date {
  const f = wallFields(instant, zone);
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute));
}

function fromFloating(date: Date, zone: string): Date {
  const iso = date.toISOString().slice(0, 16);
  return zonedToUtc(iso, zone);
}

/**
 * The occurrences of a session or series that overlap [from, to), with cancellations removed and moves
 * applied. Recurrence is computed on the wall clock of the series' zone (with `rrule`), then each wall time is
 * converted to an instant — so a 09:00 Tashkent series stays at 09:00 in Tashkent whatever Vienna does.
 */
export function occurrences(spec: SeriesSpec, from: Date, to: Date): Occurrence[] {
  const duration = spec.endsAt.getTime() - spec.startsAt.getTime();
  let originals: Date[];
  if (!spec.rrule) {
    originals = [spec.startsAt];
  } else {
    const options = RRule.parseString(spec.rrule.replace(/^RRULE:/i, ''));
    const rule = new RRule({ ...options, dtstart: floating(spec.startsAt, spec.timeZone) });
    // Widen by two days: wall-clock dates differ from instants by up to ±14 hours.
    const dayMs = 86_400_000;
    originals = rule
      .between(new Date(from.getTime() - 2 * dayMs - duration), new Date(to.getTime() + 2 * dayMs), true)
      .slice(0, MAX_OCCURRENCES)
      .map((d) => fromFloating(d, spec.timeZone));
  }
  const cancelled = new Set(spec.exdates.map((d) => d.getTime()));
  const overrides = new Map(spec.overrides.map((o) => [o.recurrenceId.getTime(), o]));
  const out: Occurrence[] = [];
  for (const original of originals) {
    if (cancelled.has(original.getTime())) continue;
    const override = overrides.get(original.getTime());
    if (override?.cancelled) continue;
    const startsAt = override ? override.startsAt : original;
    const endsAt = override ? override.endsAt : new Date(original.getTime() + duration);
    out.push({ recurrenceId: original, startsAt, endsAt, moved: !!override });
  }
  // An occurrence moved into the range from outside it.
  for (const o of spec.overrides) {
    if (o.cancelled || out.some((x) => x.recurrenceId.getTime() === o.recurrenceId.getTime())) continue;
    if (cancelled.has(o.recurrenceId.getTime())) continue;
    out.push({ recurrenceId: o.recurrenceId, startsAt: o.startsAt, endsAt: o.endsAt, moved: true });
  }
  return out
    .filter((o) => o.startsAt < to && o.endsAt > from)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether `instant` is the original start of one of the series' occurrences. */
export function isOccurrenceStart(spec: SeriesSpec, instant: Date): boolean {
  const window = occurrences(
    { ...spec, exdates: [], overrides: [] },
    new Date(instant.getTime() - 1),
    new Date(instant.getTime() + 1),
  );
  return window.some((o) => o.recurrenceId.getTime() === instant.getTime());
}
