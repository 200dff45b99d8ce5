import { cellValues } from './statistics-chart';
import { monthLabel, statisticsRows } from './statistics.component';

describe('statistics series', () => {
  const cells = [
    { key: 'KZ', count: 12 },
    { key: 'TM', suppressed: true as const },
    { key: 'UZ', count: 5 },
  ];

  it('gives a suppressed cell no value (null, never 0)', () => {
    expect(cellValues(cells)).toEqual([12, null, 5]);
    expect(statisticsRows(cells, (k) => `country ${k}`)).toEqual([
      { key: 'KZ', label: 'country KZ', count: 12 },
      { key: 'TM', label: 'country TM', count: null },
      { key: 'UZ', label: 'country UZ', count: 5 },
    ]);
  });

  it('names months in the reader’s language', () => {
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
    expect(monthLabel('2026-11', 'ru')).toMatch(/нояб/);
    expect(monthLabel('bad', 'en')).toBe('bad');
  });
});
