import fc from 'fast-check';
import { timeZoneProblem, utcToZoned, zonedToUtc } from './zoned';
import { zoneOffsetMinutes } from './world-clock';

describe('zoned time', () => {
  it('converts 09:00 Asia/Almaty before and after the 1 March 2024 change (tz 2024a)', () => {
    expect(zonedToUtc('2024-02-20T09:00', 'Asia/Almaty').toISOString()).toBe('2024-02-20T03:00:00.000Z');
    expect(zonedToUtc('2024-03-05T09:00', 'Asia/Almaty').toISOString()).toBe('2024-03-05T04:00:00.000Z');
  });

  it('shows a 09:00 Tashkent session at 10:00 to someone in Bishkek', () => {
    const instant = zonedToUtc('2025-03-12T09:00', 'Asia/Tashkent');
    expect(utcToZoned(instant, 'Asia/Bishkek')).toBe('2025-03-12T10:00');
  });

  it('refuses Asia/Astana and suggests Asia/Almaty', () => {
    expect(timeZoneProblem('Asia/Astana')).toBe('Asia/Astana is not an IANA time zone; use Asia/Almaty');
    expect(timeZoneProblem('Mars/Olympus')).toMatch(/not an IANA time zone/);
    expect(timeZoneProblem('Asia/Almaty')).toBeNull();
  });

  it('moves a wall time skipped by a DST change forward (Vienna, 31 March 2024, 02:30)', () => {
    expect(zonedToUtc('2024-03-31T02:30', 'Europe/Vienna').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  const zones = [
    'Asia/Almaty',
    'Asia/Tashkent',
    'Asia/Dushanbe',
    'Asia/Ashgabat',
    'Asia/Bishkek',
    'America/New_York',
    'Europe/Vienna',
    'Europe/Brussels',
    'Europe/Zurich',
  ];

  it('round-trips any instant through any council zone (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const instant = new Date(Math.floor(date.getTime() / 60000) * 60000);
          const local = utcToZoned(instant, zone);
          const back = zonedToUtc(local, zone);
          // Ambiguous wall times (a DST fall-back hour) may map to the other of the two instants, one hour apart.
          const diff = Math.abs(back.getTime() - instant.getTime());
          return diff === 0 || diff === 3_600_000;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with Intl on the offset of every converted wall time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2021, max: 2029 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 6, max: 20 }),
        fc.constantFrom(...zones),
        (y, m, d, h, zone) => {
          const local = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00`;
          const instant = zonedToUtc(local, zone);
          const offset = zoneOffsetMinutes(instant, zone);
          const asUtcWall = Date.UTC(y, m - 1, d, h);
          return instant.getTime() === asUtcWall - offset * 60_000;
        },
      ),
      { numRuns: 500 },
    );
  });
});
