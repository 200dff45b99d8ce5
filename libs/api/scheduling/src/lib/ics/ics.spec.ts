import ICAL from 'ical.js';
import { buildCalendar, IcsSession } from './ics';
import { vtimezone } from './vtimezone';

const session = (overrides: Partial<IcsSession> = {}): IcsSession => ({
  id: '11111111-2222-4333-8444-555555555555',
  title: 'Psychosocial Support: monthly meeting',
  description: 'Online',
  location: null,
  url: 'https://kengash.example/sessions/1',
  sequence: 3,
  cancelled: false,
  organiser: { name: 'Madina Abdullaeva', email: 'chair@example.org' },
  attendees: [{ name: 'Nodira Tursunova', email: 'nodira@example.org' }],
  startsAt: new Date('2024-03-14T04:00:00Z'),
  endsAt: new Date('2024-03-14T05:30:00Z'),
  timeZone: 'Asia/Almaty',
  rrule: null,
  exdates: [],
  overrides: [],
  ...overrides,
});

/** Parses with ical.js (a third-party parser) and returns the events' instants as ISO strings. */
function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}

describe('buildCalendar', () => {
  it('writes TZID with a matching VTIMEZONE, and ical.js reads the same instants back (Astana after March 2024: UTC+5)', () => {
    const text = buildCalendar([session()], { name: 'Kengash', method: 'REQUEST' });
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('DTSTART;TZID=Asia/Almaty:20240314T090000');
    expect(text).toContain('SEQUENCE:3');
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const comp = parse(text);
    expect(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Almaty');
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.uid).toBe('11111111-2222-4333-8444-555555555555@kengash');
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-03-14T04:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2024-03-14T05:30:00.000Z');
  });

  it('gets the pre-2024 Almaty offset right too (UTC+6 in February 2024)', () => {
    const text = buildCalendar(
      [session({ startsAt: new Date('2024-02-20T03:00:00Z'), endsAt: new Date('2024-02-20T04:00:00Z') })],
      { name: 'x' },
    );
    expect(text).toContain('DTSTART;TZID=Asia/Almaty:20240220T090000');
    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-02-20T03:00:00.000Z');
  });

  it('writes a series with a cancelled and a moved occurrence that ical.js expands to the API’s instants', () => {
    const text = buildCalendar(
      [
        session({
          timeZone: 'Europe/Vienna',
          startsAt: new Date('2024-03-21T09:00:00Z'),
          endsAt: new Date('2024-03-21T10:00:00Z'),
          rrule: 'FREQ=WEEKLY;COUNT=4',
          exdates: [new Date('2024-03-28T09:00:00Z')],
          overrides: [
            {
              recurrenceId: new Date('2024-04-04T08:00:00Z'),
              startsAt: new Date('2024-04-05T12:00:00Z'),
              endsAt: new Date('2024-04-05T13:00:00Z'),
              cancelled: false,
            },
          ],
        }),
      ],
      { name: 'x' },
    );
    const comp = parse(text);
    const [master, moved] = comp.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(moved.recurrenceId.toJSDate().toISOString()).toBe('2024-04-04T08:00:00.000Z');
    master.relateException(moved);
    const it = master.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next && starts.length < 10; next = it.next()) {
      starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    }
    // 21 March (CET), 28 March cancelled, 4 April moved to 5 April 12:00Z, 11 April (CEST: 10:00 local = 08:00Z)
    expect(starts).toEqual(['2024-03-21T09:00:00.000Z', '2024-04-05T12:00:00.000Z', '2024-04-11T08:00:00.000Z']);
  });

  it('marks a cancelled session', () => {
    const text = buildCalendar([session({ cancelled: true, sequence: 4 })], { name: 'x', method: 'CANCEL' });
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain('SEQUENCE:4');
  });
});

describe('vtimezone', () => {
  it('lists the real offset changes from the runtime’s tz data', () => {
    const almaty = vtimezone('Asia/Almaty', new Date('2024-01-01T00:00:00Z'), new Date('2024-12-31T00:00:00Z'));
    expect(almaty).toContain('TZOFFSETFROM:+0600\r\nTZOFFSETTO:+0500');
    expect(almaty).toContain('DTSTART:20240301T000000');
    const vienna = vtimezone('Europe/Vienna', new Date('2024-01-01T00:00:00Z'), new Date('2024-12-31T00:00:00Z'));
    expect(vienna).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(vienna).toContain('BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
  });
});
