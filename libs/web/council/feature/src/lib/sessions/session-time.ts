import { COUNCIL_CITIES, Rsvp, SessionFormat, SessionStatus, WorldClockEntry } from '@kengash/contracts';
import { isValidTimeZone, timeZoneProblem, utcToZoned, worldClock, zonedToUtc } from '@kengash/util-time';
import { _ } from '@ngx-translate/core';

/** A calendar day, `yyyy-mm-dd`, as people in one zone count days. */
export type Day = string;

export const FORMAT_KEYS: Record<SessionFormat, string> = {
  [SessionFormat.Online]: _('sessions.format.online'),
  [SessionFormat.InPerson]: _('sessions.format.in_person'),
  [SessionFormat.Hybrid]: _('sessions.format.hybrid'),
};

export const STATUS_KEYS: Record<SessionStatus, string> = {
  [SessionStatus.Scheduled]: _('sessions.status.scheduled'),
  [SessionStatus.Live]: _('sessions.status.live'),
  [SessionStatus.Ended]: _('sessions.status.ended'),
  [SessionStatus.Cancelled]: _('sessions.status.cancelled'),
};

export const RSVP_KEYS: Record<Rsvp, string> = {
  [Rsvp.Pending]: _('sessions.rsvp.pending'),
  [Rsvp.Accepted]: _('sessions.rsvp.accepted'),
  [Rsvp.Declined]: _('sessions.rsvp.declined'),
  [Rsvp.Tentative]: _('sessions.rsvp.tentative'),
};

/** Translation keys of the council's cities (COUNCIL_CITIES). */
export const CITY_KEYS: Record<string, string> = {
  astana: _('sessions.cities.astana'),
  bishkek: _('sessions.cities.bishkek'),
  dushanbe: _('sessions.cities.dushanbe'),
  ashgabat: _('sessions.cities.ashgabat'),
  tashkent: _('sessions.cities.tashkent'),
  new_york: _('sessions.cities.new_york'),
  vienna: _('sessions.cities.vienna'),
  brussels: _('sessions.cities.brussels'),
  geneva: _('sessions.cities.geneva'),
};

/** `yyyy-mm-dd` + n days (pure calendar arithmetic, no zone involved). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` + n months, on the first of that month. */
export function addMonths(day: Day, n: number): Day {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: Day): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: Day): Day {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The weeks (Monday first) that cover the month of `day`. */
export function monthGrid(day: Day): Day[][] {
  const first = startOfMonth(day);
  const next = addMonths(first, 1);
  const weeks: Day[][] = [];
  for (let start = startOfWeek(first); start < next; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_unused, i) => addDays(start, i)));
  }
  return weeks;
}

/** Today in `zone`. */
export function today(zone: string, now = new Date()): Day {
  return utcToZoned(now, zone).slice(0, 10);
}

/** The instants that bound the days [from, to) in `zone`. */
export function dayRange(from: Day, to: Day, zone: string): { from: Date; to: Date } {
  return { from: zonedToUtc(`${from}T00:00`, zone), to: zonedToUtc(`${to}T00:00`, zone) };
}

/** The day an instant falls on in `zone`. */
export function dayOf(instant: string | Date, zone: string): Day {
  return utcToZoned(typeof instant === 'string' ? new Date(instant) : instant, zone).slice(0, 10);
}

/** A zone that is safe to give Intl: the one asked for when valid, else UTC. */
export function safeZone(zone: string | null | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** "15:00" as the locale writes the time of `instant` in `zone`. */
export function formatTime(instant: string | Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: safeZone(zone), hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** "Friday, 26 July 2024" in `zone`. */
export function formatDate(instant: string | Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: safeZone(zone),
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(instant));
}

/** "Fri, 26 Jul 2024, 15:00" in `zone`. */
export function formatDateTime(instant: string | Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: safeZone(zone),
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A calendar day (no zone) as the locale writes it; `style` as in Intl. */
export function formatDay(day: Day, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: style,
    month: style,
    day: 'numeric',
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(new Date(`${day}T00:00:00Z`));
}

/** "UTC+5", "UTC−4", "UTC+5:30". */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) {
    return 'UTC';
  }
  const sign = offsetMinutes > 0 ? '+' : '−';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** One row of the time-zone strip. */
export interface StripEntry extends WorldClockEntry {
  city: string;
  /** `HH:mm` */
  time: string;
  /** `yyyy-mm-dd` */
  date: Day;
  offset: string;
  /** -1, 0 or +1: the local date against the date in `reference` zone. */
  dayShift: number;
}

/**
 * What the clock shows in the five capitals and the partners' cities at `instant` (DST applied
 * for that date), with each city's day relative to the day in `reference`.
 */
export function zoneStrip(instant: Date, reference: string): StripEntry[] {
  const referenceDay = dayOf(instant, safeZone(reference));
  const entries = worldClock(
    instant,
    COUNCIL_CITIES.map((city) => city.zone),
  );
  return entries.map((entry, i) => {
    const date = entry.local.slice(0, 10);
    return {
      ...entry,
      city: COUNCIL_CITIES[i].key,
      time: entry.local.slice(11, 16),
      date,
      offset: formatOffset(entry.offsetMinutes),
      dayShift: date === referenceDay ? 0 : date < referenceDay ? -1 : 1,
    };
  });
}

/** The instant of a wall time in a zone, or null when either is not usable yet. */
export function instantOf(date: string, time: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || timeZoneProblem(zone) !== null) {
    return null;
  }
  try {
    return zonedToUtc(`${date}T${time}`, zone);
  } catch {
    return null;
  }
}

/** Offset of `zone` from UTC at `now`, in minutes (0 when the zone is unknown). */
export function currentOffset(zone: string, now = new Date()): number {
  try {
    return worldClock(now, [zone])[0].offsetMinutes;
  } catch {
    return 0;
  }
}
