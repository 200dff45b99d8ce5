import { STATISTICS_MIN_CELL, StatisticsCell } from '@kengash/contracts';
import { lastMonths, RawCell, statisticsCsv, suppressCells, suppressStatistics } from './network-statistics';

const cells = (...counts: number[]): RawCell[] => counts.map((count, i) => ({ key: `k${i}`, count }));

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const noSmallCount = (list: StatisticsCell[]) =>
  list.every((c) => (c.suppressed ? c.count === undefined : (c.count ?? -1) >= STATISTICS_MIN_CELL));

describe('suppressCells', () => {
  it('hides every count below 5, zero included, and shows the rest unchanged', () => {
    expect(suppressCells(cells(0, 1, 4, 5, 12))).toEqual([
      { key: 'k0', suppressed: true },
      { key: 'k1', suppressed: true },
      { key: 'k2', suppressed: true },
      { key: 'k3', count: 5 },
      { key: 'k4', count: 12 },
    ]);
  });

  it('hides the next-smallest cell too when a single hidden cell could be recovered from a shown total', () => {
    expect(suppressCells(cells(3, 9, 6, 20), { totalShown: true })).toEqual([
      { key: 'k0', suppressed: true },
      { key: 'k1', count: 9 },
      { key: 'k2', suppressed: true },
      { key: 'k3', count: 20 },
    ]);
    // A tie: the first key.
    expect(suppressCells(cells(7, 7, 1), { totalShown: true }).map((c) => !!c.suppressed)).toEqual([true, false, true]);
    // Already two hidden: nothing more.
    expect(suppressCells(cells(1, 2, 9), { totalShown: true }).map((c) => !!c.suppressed)).toEqual([true, true, false]);
    // Without a shown total (overlapping cells, months): only the primary rule.
    expect(suppressCells(cells(3, 9, 6)).map((c) => !!c.suppressed)).toEqual([true, false, false]);
  });

  it('never shows a count below 5 and never leaves one hidden cell beside a shown total (1000 random inputs)', () => {
    const next = random(20261130);
    for (let run = 0; run < 1000; run++) {
      const n = 1 + Math.floor(next() * 8);
      const raw = Array.from({ length: n }, (_, i) => ({
        key: `c${i}`,
        count: next() < 0.5 ? Math.floor(next() * 6) : Math.floor(next() * 40),
      }));
      const total = raw.reduce((sum, c) => sum + c.count, 0);
      const totalShown = total >= STATISTICS_MIN_CELL;
      const out = suppressCells(raw, { totalShown });
      expect(noSmallCount(out)).toBe(true);
      expect(out.map((c) => c.key)).toEqual(raw.map((c) => c.key));
      // Every shown count is the true count.
      out.forEach((c, i) => c.count !== undefined && expect(c.count).toBe(raw[i].count));
      if (totalShown && n > 1) expect(out.filter((c) => c.suppressed).length).not.toBe(1);
    }
  });
});

describe('suppressStatistics', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('suppresses every cell of every dimension, the total included, and applies the secondary rule to countries', () => {
    const stats = suppressStatistics(
      {
        members: 23,
        byCountry: cells(2, 6, 15, 0, 0),
        byExpertise: cells(1, 8),
        applicationsByMonth: cells(0, 4, 5),
        acceptedByMonth: cells(3),
      },
      now,
    );
    expect(stats.generatedAt).toBe('2026-11-30T12:00:00.000Z');
    expect(stats.minCell).toBe(5);
    expect(stats.members).toEqual({ key: 'members', count: 23 });
    // Three hidden already (2, 0, 0): no secondary suppression needed.
    expect(stats.byCountry.map((c) => c.count ?? null)).toEqual([null, 6, 15, null, null]);
    expect(stats.byExpertise.map((c) => c.count ?? null)).toEqual([null, 8]);
    expect(stats.acceptedByMonth).toEqual([{ key: 'k0', suppressed: true }]);
    const small = suppressStatistics(
      { members: 4, byCountry: cells(4), byExpertise: [], applicationsByMonth: [], acceptedByMonth: [] },
      now,
    );
    expect(small.members).toEqual({ key: 'members', suppressed: true });
  });

  it('random statistics never contain a count below 5 in any cell (500 runs)', () => {
    const next = random(42);
    for (let run = 0; run < 500; run++) {
      const dim = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ key: `d${i}`, count: Math.floor(next() * 12) }));
      const byCountry = dim(5);
      const stats = suppressStatistics(
        {
          members: byCountry.reduce((s, c) => s + c.count, 0),
          byCountry,
          byExpertise: dim(8),
          applicationsByMonth: dim(12),
          acceptedByMonth: dim(12),
        },
        now,
      );
      for (const list of [
        [stats.members],
        stats.byCountry,
        stats.byExpertise,
        stats.applicationsByMonth,
        stats.acceptedByMonth,
      ])
        expect(noSmallCount(list)).toBe(true);
    }
  });

  it('writes CSV with one row per cell and empty counts where suppressed', () => {
    const csv = statisticsCsv(
      suppressStatistics(
        { members: 9, byCountry: cells(9), byExpertise: cells(2), applicationsByMonth: [], acceptedByMonth: [] },
        now,
      ),
    );
    expect(csv.split('\r\n')).toEqual([
      'dimension,key,count,suppressed',
      'members,members,9,false',
      'country,k0,9,false',
      'expertise,k0,,true',
      '',
    ]);
  });
});

describe('lastMonths', () => {
  it('lists the twelve months up to the current one, across a year boundary', () => {
    expect(lastMonths(new Date('2026-02-15T00:00:00Z'))).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});
