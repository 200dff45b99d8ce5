import { NetworkStatistics, STATISTICS_MIN_CELL, StatisticsCell } from '@kengash/contracts';

/** A count before suppression. */
export interface RawCell {
  key: string;
  count: number;
}

export interface RawStatistics {
  members: number;
  byCountry: RawCell[];
  byExpertise: RawCell[];
  applicationsByMonth: RawCell[];
  acceptedByMonth: RawCell[];
}

const shown = (key: string, count: number): StatisticsCell => ({ key, count });
const hidden = (key: string): StatisticsCell => ({ key, suppressed: true });

/**
 * Small-cell suppression, so that no statistic identifies anyone.
 *
 * Primary: every cell counting fewer than `minCell` people is suppressed — zero included. A zero says nothing
 * about a person, but showing zeros while hiding 1–4 would tell a reader that a hidden cell is not empty; the
 * acceptance is plainly "never a count below 5", so any count below the minimum is hidden.
 *
 * Secondary (`totalShown`): when the cells add up to a total that is shown (the active members by country add
 * up to `members`), a single suppressed cell could be recovered by subtraction. So when exactly one cell is
 * suppressed, the next-smallest shown cell is suppressed too (the first by key on a tie). Two hidden cells reveal
 * only their sum, and that sum is at least the second cell's count, which is ≥ minCell.
 */
export function suppressCells(
  cells: readonly RawCell[],
  options: { minCell?: number; totalShown?: boolean } = {},
): StatisticsCell[] {
  const min = options.minCell ?? STATISTICS_MIN_CELL;
  const out = cells.map((c) => (c.count < min ? hidden(c.key) : shown(c.key, c.count)));
  if (options.totalShown && out.filter((c) => c.suppressed).length === 1) {
    let next = -1;
    out.forEach((c, i) => {
      if (c.suppressed) return;
      const best = next < 0 ? undefined : out[next];
      if (
        !best ||
        (c.count ?? 0) < (best.count ?? 0) ||
        ((c.count ?? 0) === (best.count ?? 0) && c.key.localeCompare(best.key) < 0)
      )
        next = i;
    });
    if (next >= 0) out[next] = hidden(out[next].key);
  }
  return out;
}

/**
 * The statistics as they may be shown. Only the countries add up to the total: a member has one country, but
 * several areas of expertise (the by-expertise cells overlap, so no subtraction recovers a hidden one and the
 * secondary rule does not apply), and the months are counts of applications and acceptances, whose sums are
 * not shown anywhere.
 */
export function suppressStatistics(
  raw: RawStatistics,
  generatedAt: Date,
  minCell = STATISTICS_MIN_CELL,
): NetworkStatistics {
  const members = raw.members < minCell ? hidden('members') : shown('members', raw.members);
  return {
    generatedAt: generatedAt.toISOString(),
    minCell,
    members,
    byCountry: suppressCells(raw.byCountry, { minCell, totalShown: !members.suppressed }),
    byExpertise: suppressCells(raw.byExpertise, { minCell }),
    applicationsByMonth: suppressCells(raw.applicationsByMonth, { minCell }),
    acceptedByMonth: suppressCells(raw.acceptedByMonth, { minCell }),
  };
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The same statistics as CSV: one row per cell, `count` empty and `suppressed` true where hidden. */
export function statisticsCsv(stats: NetworkStatistics): string {
  const rows: string[][] = [['dimension', 'key', 'count', 'suppressed']];
  const add = (dimension: string, cells: StatisticsCell[]) => {
    for (const c of cells)
      rows.push([dimension, c.key, c.count === undefined ? '' : String(c.count), c.suppressed ? 'true' : 'false']);
  };
  add('members', [stats.members]);
  add('country', stats.byCountry);
  add('expertise', stats.byExpertise);
  add('applications_month', stats.applicationsByMonth);
  add('accepted_month', stats.acceptedByMonth);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The last `n` calendar months (UTC) up to and including the one of `now`, oldest first, as YYYY-MM. */
export function lastMonths(now: Date, n = 12): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}
