import { InjectionToken } from '@angular/core';

/** What a chart shows: one dataset, plain numbers. Built from API data, tested without a canvas. */
export interface ChartSpec {
  type: 'doughnut' | 'bar';
  labels: string[];
  /** Name of the dataset (tooltip, legend of a bar chart). */
  datasetLabel: string;
  values: number[];
  /** One colour per value, each with at least 3:1 contrast against the page. */
  colors: string[];
  /** Top of the value axis of a bar chart (100 for percentages). */
  max?: number;
}

/** A drawn chart. */
export interface ChartHandle {
  destroy(): void;
}

/** Draws `spec` on `canvas`. */
export type ChartRenderer = (canvas: HTMLCanvasElement, spec: ChartSpec) => Promise<ChartHandle>;

/**
 * How charts are drawn: Chart.js, loaded on first use so it stays out of the initial bundle.
 * Specs replace it to check what would be drawn.
 */
export const CHART_RENDERER = new InjectionToken<ChartRenderer>('CHART_RENDERER', {
  providedIn: 'root',
  factory: () => async (canvas, spec) => (await import('./chart-js')).drawChart(canvas, spec),
});
