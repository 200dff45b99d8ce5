import { WorkPlanItemStatus } from '@kengash/contracts';
import { makeDashboardGroup } from '../testing/council-fixtures';
import { comparisonChart, itemCount, roundProgress, STATUS_COLORS, statusChart } from './dashboard-charts';

describe('dashboard chart data', () => {
  it('counts the items of a group by status, in a fixed order, with a colour per status', () => {
    const spec = statusChart(makeDashboardGroup(), (status) => `label:${status}`, 'Items');

    expect(spec).toEqual({
      type: 'doughnut',
      labels: ['label:planned', 'label:in_progress', 'label:done', 'label:dropped'],
      datasetLabel: 'Items',
      values: [2, 3, 1, 0],
      colors: [
        STATUS_COLORS[WorkPlanItemStatus.Planned],
        STATUS_COLORS[WorkPlanItemStatus.InProgress],
        STATUS_COLORS[WorkPlanItemStatus.Done],
        STATUS_COLORS[WorkPlanItemStatus.Dropped],
      ],
    });
  });

  it('treats a status the API left out as zero', () => {
    const group = makeDashboardGroup({ itemsByStatus: { done: 4 } as never });

    expect(statusChart(group, String, 'Items').values).toEqual([0, 0, 4, 0]);
    expect(itemCount(group)).toBe(4);
  });

  it('puts the groups side by side with their average progress in whole percent, out of 100', () => {
    const spec = comparisonChart(
      [
        makeDashboardGroup({ averageProgress: 41.6 }),
        makeDashboardGroup({ groupId: 'g2', name: { en: 'Accountability' }, averageProgress: 80.2 }),
      ],
      'ru',
      'Progress',
    );

    expect(spec.type).toBe('bar');
    expect(spec.labels).toEqual(['Психосоциальная поддержка', 'Accountability']);
    expect(spec.values).toEqual([42, 80]);
    expect(spec.max).toBe(100);
  });

  it('keeps progress between 0 and 100', () => {
    expect([roundProgress(-3), roundProgress(100.4), roundProgress(Number.NaN)]).toEqual([0, 100, 0]);
  });
});
