import { InjectionToken } from '@angular/core';
import { StatisticsCell } from '@kengash/contracts';

/** One bar chart: suppressed cells are `null` (no bar — never drawn as zero). */
export interface BarChartSpec {
  labels: string[];
  values: (number | null)[];
  datasetLabel: string;
}

export interface ChartHandle {
  destroy(): void;
}

export type BarChartRenderer = (canvas: HTMLCanvasElement, spec: BarChartSpec) => Promise<ChartHandle>;

/** Chart.js, loaded on first use (out of the initial bundle); specs replace it. */
export const BAR_CHART_RENDERER = new InjectionToken<BarChartRenderer>('BAR_CHART_RENDERER', {
  providedIn: 'root',
  factory: () => async (canvas, spec) => (await import('./chart-js')).drawBarChart(canvas, spec),
});

/** The chart's values: a suppressed cell has no number (null), never 0. */
export function cellValues(cells: StatisticsCell[]): (number | null)[] {
  return cells.map((cell) => (cell.suppressed || cell.count === undefined ? null : cell.count));
}
