import { DashboardGroup, pickText, WorkPlanItemStatus } from '@kengash/contracts';
import { ChartSpec } from '../chart/chart-spec';
import { STATUS_ORDER } from '../council-labels';

/** Status colours: each has at least 3:1 contrast against white, and they differ in lightness. */
export const STATUS_COLORS: Record<WorkPlanItemStatus, string> = {
  [WorkPlanItemStatus.Planned]: '#6b6f76',
  [WorkPlanItemStatus.InProgress]: '#1a5fb4',
  [WorkPlanItemStatus.Done]: '#1e7d34',
  [WorkPlanItemStatus.Dropped]: '#b3261e',
};

/** Colour of the progress bars in the comparison chart (7:1 against white). */
export const PROGRESS_COLOR = '#1a5fb4';

/** The items of one group by status, in the fixed status order, with translated status names. */
export function statusChart(
  group: DashboardGroup,
  statusLabel: (status: WorkPlanItemStatus) => string,
  datasetLabel: string,
): ChartSpec {
  return {
    type: 'doughnut',
    labels: STATUS_ORDER.map(statusLabel),
    datasetLabel,
    values: STATUS_ORDER.map((status) => group.itemsByStatus[status] ?? 0),
    colors: STATUS_ORDER.map((status) => STATUS_COLORS[status]),
  };
}

/** Average progress per group, whole percent, side by side (for the secretariat). */
export function comparisonChart(groups: DashboardGroup[], locale: string, datasetLabel: string): ChartSpec {
  return {
    type: 'bar',
    labels: groups.map((group) => pickText(group.name, locale)),
    datasetLabel,
    values: groups.map((group) => roundProgress(group.averageProgress)),
    colors: groups.map(() => PROGRESS_COLOR),
    max: 100,
  };
}

export function roundProgress(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 0;
}

/** Number of items of a group, whatever their status. */
export function itemCount(group: DashboardGroup): number {
  return STATUS_ORDER.reduce((sum, status) => sum + (group.itemsByStatus[status] ?? 0), 0);
}
