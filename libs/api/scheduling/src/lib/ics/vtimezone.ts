import { DateTime } from 'luxon';

const HOUR = 3_600_000;

function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function fmtOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The instants in [from, to) where the zone's UTC offset changes, found by scanning and bisection. */
export function transitions(zone: string, from: Date, to: Date): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  const step = 6 * HOUR;
  let prevMs = from.getTime();
  let prev = offsetAt(prevMs, zone);
  for (let ms = prevMs + step; ms <= to.getTime(); ms += step) {
    const current = offsetAt(ms, zone);
    if (current !== prev) {
      let lo = prevMs;
      let hi = ms;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
        if (offsetAt(mid, zone) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, before: prev, after: current });
    }
    prevMs = ms;
    prev = current;
  }
  return out;
}

/**
 * An RFC 5545 VTIMEZONE for `zone`, built from the runtime's own tz database (2024a+: Astana/Almaty is UTC+5
 * since 1 March 2024), with one observance per actual offset change in the period the calendar covers, so
 * clients and the API agree on every instant. Libraries that ship fixed VTIMEZONE texts were found stale.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1));
  const end = new Date(Date.UTC(to.getUTCFullYear() + 2, 0, 1));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const initial = offsetAt(start.getTime(), zone);
  const observance = (ms: number, fromOffset: number, toOffset: number) => {
    const dst = DateTime.fromMillis(ms, { zone }).isInDST;
    // DTSTART of an observance is the local time of the onset, in the offset in force before it.
    const local = DateTime.fromMillis(ms, { zone: 'UTC' }).plus({ minutes: fromOffset }).toFormat("yyyyMMdd'T'HHmmss");
    const kind = dst ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local}`,
      `TZOFFSETFROM:${fmtOffset(fromOffset)}`,
      `TZOFFSETTO:${fmtOffset(toOffset)}`,
      `TZNAME:${DateTime.fromMillis(ms, { zone }).offsetNameShort ?? fmtOffset(toOffset)}`,
      `END:${kind}`,
    );
  };
  observance(start.getTime(), initial, initial);
  for (const t of transitions(zone, start, end)) observance(t.at, t.before, t.after);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
