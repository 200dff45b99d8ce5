import { daysOverdue, formatDay, localToday, overdueDaysKey } from './action-dates';

describe('action item dates', () => {
  it('gives today on the device’s calendar', () => {
    expect(localToday(new Date(2031, 0, 5, 23, 59))).toBe('2031-01-05');
    expect(localToday(new Date(2031, 11, 31, 0, 1))).toBe('2031-12-31');
  });

  it('counts whole calendar days overdue, across months and leap days, at least one', () => {
    expect(daysOverdue('2031-04-01', '2031-04-04')).toBe(3);
    expect(daysOverdue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysOverdue('2030-12-31', '2031-01-01')).toBe(1);
    // The owner's calendar may already be a day ahead of the viewer's.
    expect(daysOverdue('2031-04-04', '2031-04-04')).toBe(1);
    expect(daysOverdue('not a date', '2031-04-04')).toBe(1);
  });

  it('picks the plural form of "overdue by N days" for the language', () => {
    expect(overdueDaysKey(1, 'en')).toBe('minutesArea.board.overdueDays.one');
    expect(overdueDaysKey(3, 'en')).toBe('minutesArea.board.overdueDays.other');
    expect(overdueDaysKey(21, 'ru')).toBe('minutesArea.board.overdueDays.one');
    expect(overdueDaysKey(3, 'ru')).toBe('minutesArea.board.overdueDays.few');
    expect(overdueDaysKey(11, 'ru')).toBe('minutesArea.board.overdueDays.many');
  });

  it('formats a calendar day without shifting it to another zone', () => {
    expect(formatDay('2031-04-01', 'en')).toBe('Apr 1, 2031');
    expect(formatDay('2031-04-01', 'ru')).toMatch(/^1 апр\.? 2031/);
    expect(formatDay('soon', 'en')).toBe('soon');
  });
});
