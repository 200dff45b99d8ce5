import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { occurrences, SeriesSpec } from '../recurrence/recurrence';
import { vtimezone } from './vtimezone';

export interface IcsSession extends SeriesSpec {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  url: string;
  sequence: number;
  cancelled: boolean;
  organiser: { name: string; email: string } | null;
  attendees: { name: string; email: string }[];
}

/** The RFC 5545 UID of a session: stable for its whole life, so updates replace the event in calendars. */
export const sessionUid = (id: string) => `${id}@kengash`;

/**
 * Builds an iCalendar document with `ical-generator`: times are written with `TZID` of the session's zone and a
 * matching `VTIMEZONE`; series carry RRULE and EXDATE; moved occurrences are extra VEVENTs with RECURRENCE-ID.
 * `method` REQUEST for invitations, CANCEL for cancellations, none (PUBLISH semantics) for exports and feeds.
 */
export function buildCalendar(
  sessions: IcsSession[],
  options: { name: string; method?: 'REQUEST' | 'CANCEL' },
): string {
  const zones = new Set(sessions.map((s) => s.timeZone));
  const from = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime()), Date.now()));
  const to = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime()), Date.now()) + 400 * 86_400_000);
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kengash', product: 'Kengash', language: 'EN' },
    method:
      options.method === 'REQUEST'
        ? ICalCalendarMethod.REQUEST
        : options.method === 'CANCEL'
          ? ICalCalendarMethod.CANCEL
          : undefined,
  });
  // ical-generator writes one VTIMEZONE per zone it meets when given a generator.
  calendar.timezone({ name: null, generator: (zone: string) => (zones.has(zone) ? vtimezone(zone, from, to) : null) });
  const now = DateTime.utc();
  for (const s of sessions) {
    const at = (d: Date) => DateTime.fromJSDate(d, { zone: s.timeZone });
    const base = {
      id: sessionUid(s.id),
      sequence: s.sequence,
      stamp: now,
      timezone: s.timeZone,
      summary: s.title,
      description: s.description ?? undefined,
      location: s.location ?? undefined,
      url: s.url,
      organizer: s.organiser ?? undefined,
      attendees: s.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true })),
      status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    // Cancelled single occurrences are EXDATEs (written in the series' zone, like DTSTART).
    const excluded = [...s.exdates, ...s.overrides.filter((o) => o.cancelled).map((o) => o.recurrenceId)];
    const rule = s.rrule ? `RRULE:${s.rrule.replace(/^RRULE:/i, '')}` : undefined;
    const exdate = excluded.length
      ? `\r\nEXDATE;TZID=${s.timeZone}:${excluded.map((d) => at(d).toFormat("yyyyMMdd'T'HHmmss")).join(',')}`
      : '';
    calendar.createEvent({
      ...base,
      start: at(s.startsAt),
      end: at(s.endsAt),
      repeating: rule ? rule + exdate : undefined,
    });
    for (const o of s.overrides) {
      if (o.cancelled) continue;
      calendar.createEvent({ ...base, start: at(o.startsAt), end: at(o.endsAt), recurrenceId: at(o.recurrenceId) });
    }
  }
  return calendar.toString();
}

export { occurrences };
