import { TestBed } from '@angular/core/testing';
import { FormBuilder } from '@angular/forms';
import { SessionFormat, SessionStatus, SessionView, SlotView } from '@kengash/contracts';
import {
  agendaItem,
  applySlot,
  moveAgendaItem,
  readRecurrence,
  recurrenceRule,
  sessionForm,
  fromSession,
  toCreateRequest,
  toUpdateRequest,
  weekdayOfMonth,
} from './session-form';

describe('session form', () => {
  const fb = () => TestBed.inject(FormBuilder).nonNullable;

  function formWithAgenda(...titles: string[]) {
    const form = sessionForm(fb(), 'Asia/Almaty');
    for (const title of titles) form.controls.agenda.push(agendaItem(fb(), { title, minutesAllotted: 10 }));
    return form;
  }

  const titles = (form: ReturnType<typeof formWithAgenda>) =>
    form.controls.agenda.controls.map((item) => item.controls.title.value);

  describe('agenda reorder', () => {
    it('moves an item up and down, keeping its values', () => {
      const form = formWithAgenda('Opening', 'Results of 14 May', 'Work plans');

      expect(moveAgendaItem(form.controls.agenda, 2, 1)).toBe(1);
      expect(titles(form)).toEqual(['Opening', 'Work plans', 'Results of 14 May']);
      expect(moveAgendaItem(form.controls.agenda, 0, 2)).toBe(2);
      expect(titles(form)).toEqual(['Work plans', 'Results of 14 May', 'Opening']);
      expect(form.controls.agenda.dirty).toBe(true);
    });

    it('does nothing past either end', () => {
      const form = formWithAgenda('A', 'B');

      expect(moveAgendaItem(form.controls.agenda, 0, -1)).toBe(0);
      expect(moveAgendaItem(form.controls.agenda, 1, 5)).toBe(1);
      expect(titles(form)).toEqual(['A', 'B']);
    });

    it('sends the agenda in the new order', () => {
      const form = formWithAgenda('A', 'B', 'C');
      form.patchValue({ title: 'Session', groupIds: ['g1'], date: '2025-04-10', time: '10:00' });
      moveAgendaItem(form.controls.agenda, 2, 0);

      expect(toCreateRequest(form).agenda?.map((item) => item.title)).toEqual(['C', 'A', 'B']);
    });
  });

  describe('slot picking', () => {
    const slot: SlotView = {
      startsAt: '2025-04-10T04:00:00.000Z',
      endsAt: '2025-04-10T05:30:00.000Z',
      insideWorkingHours: 5,
      total: 5,
      local: [
        { zone: 'Asia/Almaty', time: '2025-04-10T09:00' },
        { zone: 'Asia/Bishkek', time: '2025-04-10T10:00' },
      ],
    };

    it('fills date, time, zone and duration from the slot, in the form’s zone', () => {
      const form = sessionForm(fb(), 'Asia/Almaty');

      applySlot(form, slot);

      expect(form.getRawValue()).toMatchObject({
        date: '2025-04-10',
        time: '09:00',
        timeZone: 'Asia/Almaty',
        durationMinutes: 90,
      });
      const request = { ...toCreateRequest(form) };
      expect(request.localStart).toBe('2025-04-10T09:00');
    });

    it('reads the slot in another chosen zone', () => {
      const form = sessionForm(fb(), 'Europe/Vienna');

      applySlot(form, slot);

      expect(form.controls.time.value).toBe('06:00');
    });
  });

  it('refuses a zone that is not IANA with the API’s words', () => {
    const form = sessionForm(fb(), 'Asia/Astana');

    expect(form.controls.timeZone.errors).toEqual({ server: 'Asia/Astana is not an IANA time zone; use Asia/Almaty' });
  });

  it('writes and reads the recurrence rules it offers', () => {
    // 10 April 2025 is the second Thursday; 24 April the last.
    expect(weekdayOfMonth('2025-04-10')).toEqual({ code: 'TH', ordinal: 2 });
    expect(weekdayOfMonth('2025-04-24')).toEqual({ code: 'TH', ordinal: -1 });
    expect(recurrenceRule('weekly', '2025-04-10', 6, '')).toBe('FREQ=WEEKLY;BYDAY=TH;COUNT=6');
    expect(recurrenceRule('monthly', '2025-04-10', 6, '')).toBe('FREQ=MONTHLY;BYDAY=2TH;COUNT=6');
    expect(recurrenceRule('custom', '2025-04-10', 6, 'RRULE:FREQ=DAILY;COUNT=3')).toBe('FREQ=DAILY;COUNT=3');
    expect(recurrenceRule('none', '2025-04-10', 6, '')).toBeNull();
    expect(readRecurrence('FREQ=MONTHLY;BYDAY=2TH;COUNT=6', '2025-04-10')).toEqual({
      recurrence: 'monthly',
      count: 6,
      rrule: '',
    });
    expect(readRecurrence('FREQ=DAILY;COUNT=3', '2025-04-10').recurrence).toBe('custom');
  });

  it('leaves out the place of an online session and the room of an in-person one', () => {
    const form = sessionForm(fb(), 'Asia/Tashkent');
    form.patchValue({
      title: ' Plenary ',
      groupIds: ['g1'],
      date: '2025-04-10',
      time: '10:00',
      location: 'Tashkent',
      onlineRoom: 'https://meet.example/room',
      format: SessionFormat.InPerson,
    });

    const request = toCreateRequest(form);
    expect(request).toMatchObject({ title: 'Plenary', location: 'Tashkent', timeZone: 'Asia/Tashkent' });
    expect(request.onlineRoom).toBeUndefined();
  });

  it('sends the network as audience only for a network event, and a change of audience on update', () => {
    const form = sessionForm(fb(), 'Asia/Tashkent');
    form.patchValue({ title: 'Webinar', date: '2025-04-10', time: '10:00' });
    expect(toCreateRequest(form).audience).toBeUndefined();
    form.patchValue({ audience: 'network' });
    expect(toCreateRequest(form)).toMatchObject({ audience: 'network', groupIds: [] });

    const saved = {
      id: 's1',
      title: 'Webinar',
      description: null,
      groupIds: [],
      audience: 'network',
      format: SessionFormat.Online,
      location: null,
      onlineRoom: null,
      startsAt: '2025-04-10T05:00:00.000Z',
      endsAt: '2025-04-10T06:30:00.000Z',
      timeZone: 'Asia/Tashkent',
      localStart: '2025-04-10T10:00',
      localEnd: '2025-04-10T11:30',
      status: SessionStatus.Scheduled,
      rrule: null,
      agenda: [],
    } as unknown as SessionView;
    fromSession(fb(), form, saved);
    expect(form.controls.audience.value).toBe('network');
    expect(toUpdateRequest(form, saved).audience).toBeUndefined();
    form.patchValue({ audience: 'groups' });
    expect(toUpdateRequest(form, saved).audience).toBe('groups');
  });
});
