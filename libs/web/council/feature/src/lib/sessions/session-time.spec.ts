import { addDays, addMonths, formatOffset, instantOf, monthGrid, startOfWeek, zoneStrip } from './session-time';

describe('session time helpers', () => {
  it('computes the strip of the product brief’s worked example (26 Jul 2024 10:00 UTC)', () => {
    const strip = zoneStrip(new Date('2024-07-26T10:00:00Z'), 'Asia/Tashkent');
    const at = Object.fromEntries(strip.map((row) => [row.city, `${row.time} ${row.offset}`]));

    expect(at).toEqual({
      astana: '15:00 UTC+5',
      bishkek: '16:00 UTC+6',
      dushanbe: '15:00 UTC+5',
      ashgabat: '15:00 UTC+5',
      tashkent: '15:00 UTC+5',
      new_york: '06:00 UTC−4',
      vienna: '12:00 UTC+2',
      brussels: '12:00 UTC+2',
      geneva: '12:00 UTC+2',
    });
    expect(strip.every((row) => row.dayShift === 0)).toBe(true);
  });

  it('applies the DST of the chosen date and marks cities on another day', () => {
    // 15 January, 02:00 in Tashkent: still the 14th in New York (UTC−5 in winter), Vienna on UTC+1.
    const strip = zoneStrip(new Date('2025-01-14T21:00:00Z'), 'Asia/Tashkent');
    const row = (city: string) => strip.find((r) => r.city === city);

    expect(row('tashkent')).toMatchObject({ time: '02:00', date: '2025-01-15', dayShift: 0 });
    expect(row('new_york')).toMatchObject({ time: '16:00', date: '2025-01-14', offset: 'UTC−5', dayShift: -1 });
    expect(row('vienna')).toMatchObject({ time: '22:00', offset: 'UTC+1', dayShift: -1 });
  });

  it('reads a wall time in a zone as an instant, and refuses zones that do not exist', () => {
    expect(instantOf('2024-07-26', '15:00', 'Asia/Almaty')?.toISOString()).toBe('2024-07-26T10:00:00.000Z');
    expect(instantOf('2024-07-26', '15:00', 'Asia/Astana')).toBeNull();
    expect(instantOf('', '15:00', 'Asia/Almaty')).toBeNull();
  });

  it('does calendar arithmetic on plain days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-01');
    expect(startOfWeek('2024-07-28')).toBe('2024-07-22');
    const weeks = monthGrid('2024-07-26');
    expect(weeks[0][0]).toBe('2024-07-01');
    expect(weeks.at(-1)?.[6]).toBe('2024-08-04');
    expect(formatOffset(0)).toBe('UTC');
    expect(formatOffset(330)).toBe('UTC+5:30');
  });
});
