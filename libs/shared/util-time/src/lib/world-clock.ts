import type { WorldClockEntry } from '@kengash/contracts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime's time-zone database knows `zone` (an IANA name such as `Asia/Tashkent`). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: Date, zone: string): WallTime {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts['year'],
    month: parts['month'],
    day: parts['day'],
    hour: parts['hour'],
    minute: parts['minute'],
    second: parts['second'],
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Offset of `zone` from UTC at `instant`, in minutes (UTC+5 → 300, New York in July → -240). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallTime(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

/** Local wall time of `instant` in `zone`, as `yyyy-mm-ddTHH:mm`. */
export function localWallTime(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** What the clock shows in each zone at `instant`. Throws `RangeError` on an unknown zone. */
export function worldClock(instant: Date, zones: readonly string[]): WorldClockEntry[] {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return zones.map((zone) => {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
    return { zone, local: localWallTime(instant, zone), offsetMinutes: zoneOffsetMinutes(instant, zone) };
  });
}
