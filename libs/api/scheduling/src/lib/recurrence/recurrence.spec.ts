import { utcToZoned, zoneOffsetMinutes } from '@kengash/util-time';
import fc from 'fast-check';
import { isOccurrenceStart, occurrences, rruleProblem, SeriesSpec } from './recurrence';

const series = (overrides: Partial<SeriesSpec> = {}): SeriesSpec => ({
  startsAt: new Date('2024-03-07T04:00:00Z'), // Thursday 09:00 in Tashkent
  endsAt: new Date('2024-03-07T05:30:00Z'),
  timeZone: 'Asia/Tashkent',
  rrule: 'FREQ=WEEKLY;COUNT=6',
  exdates: [],
  overrides: [],
  ...overrides,
});
const Y2024 = [new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')] as const;

describe('occurrences', () => {
  it('keeps the Tashkent wall time of a weekly series across Vienna’s DST change (31 March 2024)', () => {
    const sut = occurrences(series(), ...Y2024);
    expect(sut).toHaveLength(6);
    expect(sut.map((o) => utcToZoned(o.startsAt, 'Asia/Tashkent').slice(11))).toEqual(Array(6).fill('09:00'));
    // Vienna sees 05:00 before its change and 06:00 after it.
    expect(sut.map((o) => utcToZoned(o.startsAt, 'Europe/Vienna').slice(11))).toEqual([
      '05:00',
      '05:00',
      '05:00',
      '05:00',
      '06:00',
      '06:00',
    ]);
  });

  it('keeps the organiser’s wall time when the organiser’s own zone changes (Vienna series)', () => {
    const sut = occurrences(
      series({
        startsAt: new Date('2024-03-21T09:00:00Z'),
        endsAt: new Date('2024-03-21T10:00:00Z'),
        timeZone: 'Europe/Vienna',
        rrule: 'FREQ=WEEKLY;COUNT=3',
      }),
      ...Y2024,
    );
    expect(sut.map((o) => o.startsAt.toISOString())).toEqual([
      '2024-03-21T09:00:00.000Z',
      '2024-03-28T09:00:00.000Z',
      '2024-04-04T08:00:00.000Z',
    ]);
  });

  it('follows a monthly by-weekday rule (second Thursday)', () => {
    const sut = occurrences(
      series({
        rrule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=4',
        startsAt: new Date('2024-03-14T04:00:00Z'),
        endsAt: new Date('2024-03-14T05:00:00Z'),
      }),
      ...Y2024,
    );
    expect(sut.map((o) => utcToZoned(o.startsAt, 'Asia/Tashkent'))).toEqual([
      '2024-03-14T09:00',
      '2024-04-11T09:00',
      '2024-05-09T09:00',
      '2024-06-13T09:00',
    ]);
  });

  it('drops a cancelled occurrence and moves an overridden one', () => {
    const all = occurrences(series(), ...Y2024);
    const sut = occurrences(
      series({
        exdates: [all[1].recurrenceId],
        overrides: [
          {
            recurrenceId: all[2].recurrenceId,
            startsAt: new Date('2024-03-22T06:00:00Z'),
            endsAt: new Date('2024-03-22T07:00:00Z'),
            cancelled: false,
          },
        ],
      }),
      ...Y2024,
    );
    expect(sut).toHaveLength(5);
    expect(sut.find((o) => o.recurrenceId.getTime() === all[1].recurrenceId.getTime())).toBeUndefined();
    expect(sut.find((o) => o.moved)).toMatchObject({
      startsAt: new Date('2024-03-22T06:00:00Z'),
      recurrenceId: all[2].recurrenceId,
    });
  });

  it('returns only occurrences overlapping the range', () => {
    expect(occurrences(series(), new Date('2024-03-14T00:00:00Z'), new Date('2024-03-15T00:00:00Z'))).toHaveLength(1);
    expect(isOccurrenceStart(series(), new Date('2024-03-14T04:00:00Z'))).toBe(true);
    expect(isOccurrenceStart(series(), new Date('2024-03-14T05:00:00Z'))).toBe(false);
  });

  it('validates rules', () => {
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(rruleProblem('FREQ=MINUTELY')).toMatch(/DAILY/);
    expect(rruleProblem('DTSTART:20240101T000000Z\nRRULE:FREQ=DAILY')).toMatch(/DTSTART/);
    expect(rruleProblem('FREQ=WEEKLY;COUNT=100000')).toMatch(/COUNT/);
    expect(rruleProblem('BANANA')).not.toBeNull();
  });

  it('keeps the wall time of every occurrence in the series zone, for any zone, weekday and start (property)', () => {
    const zones = [
      'Asia/Almaty',
      'Asia/Tashkent',
      'Asia/Bishkek',
      'Europe/Vienna',
      'America/New_York',
      'Europe/Zurich',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 7, max: 19 }),
        (zone, dayOfYear, hour) => {
          const wall = new Date(Date.UTC(2024, 0, 1 + dayOfYear, hour));
          const startsAt = new Date(wall.getTime() - zoneOffsetMinutes(wall, zone) * 60_000);
          const spec = series({
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3_600_000),
            timeZone: zone,
            rrule: 'FREQ=WEEKLY;COUNT=20',
          });
          const result = occurrences(spec, new Date('2023-12-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
          const wallTime = utcToZoned(startsAt, zone).slice(11);
          return result.length === 20 && result.every((o) => utcToZoned(o.startsAt, zone).slice(11) === wallTime);
        },
      ),
      { numRuns: 200 },
    );
  });
});
