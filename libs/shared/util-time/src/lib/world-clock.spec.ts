import { COUNCIL_CITIES } from '@kengash/contracts';
import { isValidTimeZone, worldClock, zoneOffsetMinutes } from './world-clock';

describe('worldClock', () => {
  // Product brief §4, the worked example: 26 Jul 2024 10:00 UTC.
  const firstMeeting = new Date('2024-07-26T10:00:00Z');

  it('gives the local times of the brief’s worked example in every council city', () => {
    const sut = worldClock(
      firstMeeting,
      COUNCIL_CITIES.map((c) => c.zone),
    );
    const byZone = Object.fromEntries(sut.map((e) => [e.zone, e.local.slice(11)]));
    expect(byZone).toEqual({
      'Asia/Almaty': '15:00', // Astana: UTC+5 since 1 March 2024 (tz 2024a)
      'Asia/Bishkek': '16:00',
      'Asia/Dushanbe': '15:00',
      'Asia/Ashgabat': '15:00',
      'Asia/Tashkent': '15:00',
      'America/New_York': '06:00',
      'Europe/Vienna': '12:00',
      'Europe/Brussels': '12:00',
      'Europe/Zurich': '12:00',
    });
  });

  it('follows daylight saving for partners and not for Central Asia', () => {
    const winter = new Date('2024-01-15T10:00:00Z');
    expect(zoneOffsetMinutes(winter, 'Europe/Vienna')).toBe(60);
    expect(zoneOffsetMinutes(firstMeeting, 'Europe/Vienna')).toBe(120);
    expect(zoneOffsetMinutes(winter, 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(firstMeeting, 'Asia/Tashkent')).toBe(300);
    expect(zoneOffsetMinutes(winter, 'Asia/Tashkent')).toBe(300);
  });

  it('crosses the date line correctly', () => {
    const [entry] = worldClock(new Date('2024-11-27T02:30:00Z'), ['America/New_York']);
    expect(entry.local).toBe('2024-11-26T21:30');
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(isValidTimeZone('Asia/Astana')).toBe(false);
    expect(isValidTimeZone('Asia/Almaty')).toBe(true);
    expect(() => worldClock(firstMeeting, ['Mars/Olympus'])).toThrow(RangeError);
    expect(() => worldClock(new Date('nope'), ['UTC'])).toThrow(RangeError);
  });
});
