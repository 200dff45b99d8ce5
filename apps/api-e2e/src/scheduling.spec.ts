import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  CalendarFeedResponse,
  CalendarResponse,
  ClientToServerEvents,
  NotificationListResponse,
  NotificationView,
  ServerToClientEvents,
  ConflictView,
  ErrorResponse,
  SessionView,
  SlotFinderResponse,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import ICAL from 'ical.js';
import { io, Socket } from 'socket.io-client';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';

/** Parses an iCalendar text with ical.js (a third-party parser), registering its VTIMEZONEs. */
function parseIcs(text: string): ICAL.Component {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}

describe('scheduling (real API processes, real PostgreSQL, real SMTP)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let groups: WorkingGroupListResponse['groups'];
  const group = (slug: string) => groups.find((g) => g.slug === slug)?.id ?? '';

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('scheduling');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
    });
    http = client(api.baseUrl);
    for (const key of [
      'secretariat',
      'chair-psychosocial',
      'psychologist',
      'prosecutor',
      'chair-accountability',
      'observer-geneva',
    ])
      tokens[key] = await signedIn(http, demo(key));
    groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  let sessionId = '';

  it('refuses bad input with field errors: Asia/Astana (suggesting Asia/Almaty), a bad RRULE, no group', async () => {
    const bad = await http.call<ErrorResponse>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'x',
        groupIds: [],
        format: 'online',
        localStart: '2030-13-01 9am',
        durationMinutes: 5,
        timeZone: 'Asia/Astana',
        rrule: 'FREQ=MINUTELY',
      },
    });
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(
      (bad.body.details as { field: string; messages: string[] }[]).map((d) => [d.field, d.messages.join(' ')]),
    );
    expect(fields['timeZone']).toContain('use Asia/Almaty');
    expect(Object.keys(fields).sort()).toEqual([
      'durationMinutes',
      'groupIds',
      'localStart',
      'rrule',
      'timeZone',
      'title',
    ]);
  });

  it('lets only chairs of the group (or the secretariat) schedule; outsiders cannot see the session', async () => {
    const body = {
      title: 'Psychosocial Support: counselling approaches',
      groupIds: [group('psychosocial-support')],
      format: 'online',
      localStart: '2031-03-12T09:00',
      durationMinutes: 90,
      timeZone: 'Asia/Tashkent',
    };
    expect((await http.call('/api/sessions', { token: tokens['psychologist'], body })).status).toBe(403);
    // The invitee is online: the invitation arrives live on their socket, and stays in their list.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${api.baseUrl}/live`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: tokens['psychologist'] },
    });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    const live = new Promise<NotificationView>((res) =>
      socket.on('notification:new', (n) => n.kind === 'session_invitation' && res(n)),
    );
    const created = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        ...body,
        onlineRoom: 'https://meet.example.org/psy',
        agenda: [
          { title: 'Draft handbook chapter', minutesAllotted: 45 },
          { title: 'Pilot regions', minutesAllotted: 45 },
        ],
      },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    const notification = await live;
    socket.close();
    expect(notification).toMatchObject({
      title: 'Приглашение: Psychosocial Support: counselling approaches',
      link: `/sessions/${sessionId}`,
      readAt: null,
    });
    const list = await http.call<NotificationListResponse>('/api/notifications?unread=true', {
      token: tokens['psychologist'],
    });
    expect(list.body.items.map((n) => n.id)).toContain(notification.id);
    expect(created.body).toMatchObject({
      startsAt: '2031-03-12T04:00:00.000Z',
      endsAt: '2031-03-12T05:30:00.000Z',
      localStart: '2031-03-12T09:00',
      timeZone: 'Asia/Tashkent',
      sequence: 0,
    });
    expect(created.body.agenda.map((a) => a.position)).toEqual([1, 2]);
    const invitees = created.body.invitees.map((i) => i.displayName);
    expect(invitees).toEqual(expect.arrayContaining(['Nodira Tursunova', 'Saule Zhaksybekova', 'Sophie Martin']));
    expect(invitees).not.toContain('Farrukh Yusupov'); // the prosecutor is not in this group
    const asMember = await http.call<SessionView>(`/api/sessions/${sessionId}`, { token: tokens['psychologist'] });
    expect(asMember.status).toBe(200);
    // The view says who may change it (the screens follow): the chair who organised it, not a member.
    expect(asMember.body.can).toEqual({ edit: false });
    expect(created.body.can).toEqual({ edit: true });
    // Council-internal group: its sessions are visible to council participants, but they cannot change them.
    expect(
      (
        await http.call(`/api/sessions/${sessionId}`, {
          method: 'PATCH',
          token: tokens['prosecutor'],
          body: { title: 'Hijacked' },
        })
      ).status,
    ).toBe(403);
  });

  it('mails each invitee an .ics invitation, with the time in their own zone and language', async () => {
    const saule = await smtp.next(demo('rapporteur-psychosocial')); // ru, Asia/Almaty
    expect(saule.subject).toBe('Приглашение: Psychosocial Support: counselling approaches');
    expect(saule.text).toContain('ваше время, Asia/Almaty');
    expect(saule.text).toMatch(/12 марта 2031 г\. в 09:00/); // Almaty is UTC+5 like Tashkent since March 2024
    const sophie = await smtp.next(demo('observer-geneva')); // en, Europe/Zurich
    expect(sophie.subject).toBe('Invitation: Psychosocial Support: counselling approaches');
    expect(sophie.text).toMatch(/March 12, 2031.*05:00/);
    expect(sophie.text).toContain('organiser’s time, Asia/Tashkent');
    const rsvpLink = /(http:\/\/kengash\.test\/rsvp\?token=\S+)/.exec(sophie.text)?.[1];
    expect(rsvpLink).toBeTruthy();

    // The attachment: METHOD:REQUEST, TZID + VTIMEZONE, the same instants the API reports.
    const attachment = smtp.attachments.find((a) => a.to.includes(demo('observer-geneva')));
    expect(attachment?.contentType).toMatch(/text\/calendar/);
    const ics = attachment?.content ?? '';
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART;TZID=Asia/Tashkent:20310312T090000');
    const comp = parseIcs(ics);
    expect(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Tashkent');
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe('2031-03-12T04:00:00.000Z');
    expect(event.component.getFirstPropertyValue('sequence')).toBe(0);

    // RSVP from the e-mail link, without signing in.
    const token = decodeURIComponent(new URL(rsvpLink ?? '').searchParams.get('token') ?? '');
    expect((await http.call(`/api/rsvp/${token}`, { body: { rsvp: 'tentative' } })).status).toBe(200);
    expect((await http.call(`/api/rsvp/not-a-token`, { body: { rsvp: 'accepted' } })).status).toBe(404);
    const view = await http.call<SessionView>(`/api/sessions/${sessionId}`, { token: tokens['chair-psychosocial'] });
    expect(view.body.rsvpCounts.tentative).toBe(1);
  });

  it('counts RSVPs in the app, and a reschedule increments SEQUENCE in the new invitation', async () => {
    const answered = await http.call<SessionView>(`/api/sessions/${sessionId}/rsvp`, {
      token: tokens['psychologist'],
      body: { rsvp: 'accepted' },
    });
    expect(answered.body.myRsvp).toBe('accepted');
    expect(answered.body.rsvpCounts).toMatchObject({ accepted: 1, tentative: 1 });
    expect(
      (await http.call(`/api/sessions/${sessionId}/rsvp`, { token: tokens['psychologist'], body: { rsvp: 'maybe' } }))
        .status,
    ).toBe(400);

    const moved = await http.call<SessionView>(`/api/sessions/${sessionId}`, {
      method: 'PATCH',
      token: tokens['chair-psychosocial'],
      body: { localStart: '2031-03-13T10:00' },
    });
    expect(moved.body).toMatchObject({ sequence: 1, startsAt: '2031-03-13T05:00:00.000Z' });
    const mail = await smtp.next(demo('psychologist'), 10_000, (m) => m.subject.startsWith('Изменение'));
    expect(mail.text).toContain('13 марта 2031');
    const ics = smtp.attachments.filter((a) => a.to.includes(demo('psychologist'))).pop()?.content ?? '';
    expect(ics).toContain('SEQUENCE:1');
    const api = await http.call(`/api/sessions/${sessionId}/ics`, { token: tokens['psychologist'] });
    expect(api.headers.get('content-type')).toMatch(/text\/calendar/);
    const event = new ICAL.Event(parseIcs(api.text).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe(moved.body.startsAt);
  });

  it('exports a series with a moved and a cancelled occurrence the same way the calendar API reports it', async () => {
    const series = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'Monthly psychosocial exchange',
        groupIds: [group('psychosocial-support')],
        format: 'online',
        localStart: '2031-01-09T15:00',
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
        rrule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=6',
        membersNotInvited: false,
      },
    });
    expect(series.status).toBe(201);
    const id = series.body.id;
    const before = await http.call<CalendarResponse>(
      `/api/sessions/calendar?from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`,
      { token: tokens['psychologist'] },
    );
    const mine = before.body.occurrences.filter((o) => o.sessionId === id);
    expect(mine.map((o) => o.startsAt.slice(0, 10))).toEqual([
      '2031-01-09',
      '2031-02-13',
      '2031-03-13',
      '2031-04-10',
      '2031-05-08',
      '2031-06-12',
    ]);
    expect(mine.every((o) => o.startsAt.slice(11, 16) === '10:00')).toBe(true); // 15:00 Tashkent

    expect(
      (
        await http.call(`/api/sessions/${id}/occurrences/cancel`, {
          token: tokens['chair-psychosocial'],
          body: { recurrenceId: mine[1].recurrenceId },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await http.call(`/api/sessions/${id}/occurrences/cancel`, {
          token: tokens['chair-psychosocial'],
          body: { recurrenceId: '2031-02-14T10:00:00.000Z' },
        })
      ).status,
    ).toBe(404);
    const movedView = await http.call<SessionView>(`/api/sessions/${id}/occurrences/move`, {
      token: tokens['chair-psychosocial'],
      body: { recurrenceId: mine[2].recurrenceId, localStart: '2031-03-14T11:00', durationMinutes: 60 },
    });
    expect(movedView.body.sequence).toBe(2);

    const after = (
      await http.call<CalendarResponse>(`/api/sessions/calendar?from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`, {
        token: tokens['psychologist'],
      })
    ).body.occurrences.filter((o) => o.sessionId === id);
    expect(after.map((o) => o.startsAt)).toEqual([
      mine[0].startsAt,
      '2031-03-14T06:00:00.000Z',
      mine[3].startsAt,
      mine[4].startsAt,
      mine[5].startsAt,
    ]);

    // The session's own occurrences: the same dates, marked the same way, for whoever may see the session.
    const own = await http.call<CalendarResponse>(
      `/api/sessions/${id}/occurrences?from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`,
      { token: tokens['psychologist'] },
    );
    expect(own.status).toBe(200);
    expect(own.body.occurrences).toEqual(after);
    expect(own.body.occurrences.filter((o) => o.moved).map((o) => o.startsAt)).toEqual(['2031-03-14T06:00:00.000Z']);
    const part = await http.call<CalendarResponse>(
      `/api/sessions/${id}/occurrences?from=2031-04-01T00:00:00Z&to=2031-05-31T00:00:00Z`,
      { token: tokens['psychologist'] },
    );
    expect(part.body.occurrences.map((o) => o.startsAt)).toEqual([mine[3].startsAt, mine[4].startsAt]);
    const badRange = await http.call<ErrorResponse>(
      `/api/sessions/${id}/occurrences?from=2031-05-01T00:00:00Z&to=2031-04-01T00:00:00Z`,
      { token: tokens['psychologist'] },
    );
    expect(badRange.status).toBe(400);
    expect(badRange.body.details).toEqual([{ field: 'to', messages: ['must be after from, at most 400 days later'] }]);
    expect(
      (
        await http.call(`/api/sessions/${id}/occurrences?from=yesterday&to=2031-05-31T00:00:00Z`, {
          token: tokens['psychologist'],
        })
      ).status,
    ).toBe(400);
    // Those who may not see the session get what the session itself answers them.
    for (const key of ['prosecutor', 'observer-geneva']) {
      const session = await http.call(`/api/sessions/${id}`, { token: tokens[key] });
      const dates = await http.call(
        `/api/sessions/${id}/occurrences?from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`,
        { token: tokens[key] },
      );
      expect(dates.status).toBe(session.status);
    }
    expect(
      (
        await http.call(
          `/api/sessions/00000000-0000-4000-8000-000000000000/occurrences?from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`,
          { token: tokens['psychologist'] },
        )
      ).status,
    ).toBe(404);

    const ics = (await http.call(`/api/sessions/${id}/ics`, { token: tokens['psychologist'] })).text;
    expect(ics).toMatch(/RRULE:FREQ=MONTHLY;BYDAY=2TH;COUNT=6/);
    expect(ics).toContain('EXDATE;TZID=Asia/Tashkent:20310213T150000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Asia/Tashkent:20310313T150000');
    const comp = parseIcs(ics);
    const [master, exception] = comp.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    master.relateException(exception);
    const iterator = master.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 10; next = iterator.next())
      starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    expect(starts).toEqual(after.map((o) => o.startsAt));
  });

  it('serves a personal feed URL that can be revoked (404 afterwards)', async () => {
    expect(
      (await http.call<CalendarFeedResponse>('/api/me/calendar-feed', { token: tokens['psychologist'] })).body,
    ).toEqual({ url: null, createdAt: null });
    const first = await http.call<CalendarFeedResponse>('/api/me/calendar-feed', {
      method: 'POST',
      token: tokens['psychologist'],
    });
    const path = new URL(first.body.url ?? '').pathname;
    const feed = await fetch(`${api.baseUrl}${path}`);
    expect(feed.status).toBe(200);
    const comp = parseIcs(await feed.text());
    expect(comp.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(3);
    expect(comp.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toContain(
      'Asia/Tashkent',
    );

    const second = await http.call<CalendarFeedResponse>('/api/me/calendar-feed', {
      method: 'POST',
      token: tokens['psychologist'],
    });
    expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(404);
    const newPath = new URL(second.body.url ?? '').pathname;
    expect((await fetch(`${api.baseUrl}${newPath}`)).status).toBe(200);
    expect((await http.call('/api/me/calendar-feed', { method: 'DELETE', token: tokens['psychologist'] })).status).toBe(
      204,
    );
    expect((await fetch(`${api.baseUrl}${newPath}`)).status).toBe(404);
  });

  it('finds slots inside the working hours of invitees in Almaty, Bishkek and Vienna, and warns of conflicts', async () => {
    const users = (
      await http.call<{ items: { id: string; email: string }[] }>('/api/admin/users', { token: tokens['secretariat'] })
    ).body.items;
    const ids = [demo('chair-accountability'), demo('cochair-accountability'), demo('observer-vienna')].map(
      (e) => users.find((u) => u.email === e)?.id ?? '',
    );
    const res = await http.call<SlotFinderResponse>('/api/sessions/slots', {
      token: tokens['chair-accountability'],
      body: {
        inviteeIds: ids,
        durationMinutes: 60,
        fromDate: '2031-06-02',
        toDate: '2031-06-06',
        timeZone: 'Asia/Almaty',
        limit: 50,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.slots.length).toBeGreaterThan(0);
    const hour = (iso: string, zone: string) =>
      Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)),
      );
    for (const slot of res.body.slots) {
      expect(slot.insideWorkingHours).toBe(3);
      for (const zone of ['Asia/Almaty', 'Asia/Bishkek', 'Europe/Vienna']) {
        expect(hour(slot.startsAt, zone)).toBeGreaterThanOrEqual(9);
        expect(hour(new Date(new Date(slot.endsAt).getTime() - 1).toISOString(), zone)).toBeLessThan(18);
      }
    }
    // Vienna in June is UTC+2, Almaty UTC+5, Bishkek UTC+6: 09:00–18:00 everywhere overlaps in 07:00–12:00Z.
    expect(res.body.slots.every((s) => s.startsAt.slice(11, 16) >= '07:00' && s.endsAt.slice(11, 16) <= '12:00')).toBe(
      true,
    );

    const one = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-accountability'],
      body: {
        title: 'Accountability: legal review',
        groupIds: [group('accountability')],
        format: 'online',
        localStart: '2031-06-03T12:00',
        durationMinutes: 60,
        timeZone: 'Asia/Almaty',
      },
    });
    const other = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-accountability'],
      body: {
        title: 'Accountability: prosecutors',
        groupIds: [group('accountability')],
        format: 'online',
        localStart: '2031-06-03T12:30',
        durationMinutes: 60,
        timeZone: 'Asia/Almaty',
      },
    });
    const conflicts = await http.call<ConflictView[]>(`/api/sessions/${other.body.id}/conflicts`, {
      token: tokens['chair-accountability'],
    });
    expect(conflicts.body.map((c) => c.sessionId)).toContain(one.body.id);
    const again = await http.call<SlotFinderResponse>('/api/sessions/slots', {
      token: tokens['chair-accountability'],
      body: {
        inviteeIds: ids,
        durationMinutes: 60,
        fromDate: '2031-06-03',
        toDate: '2031-06-03',
        timeZone: 'Asia/Almaty',
        limit: 50,
      },
    });
    expect(
      again.body.slots.some((s) => s.startsAt < '2031-06-03T08:30:00.000Z' && s.endsAt > '2031-06-03T07:00:00.000Z'),
    ).toBe(false);
  });

  it('cancels with STATUS:CANCELLED and a higher SEQUENCE', async () => {
    const cancelled = await http.call<SessionView>(`/api/sessions/${sessionId}/cancel`, {
      method: 'POST',
      token: tokens['chair-psychosocial'],
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    await smtp.next(demo('psychologist'), 10_000, (m) => m.subject.startsWith('Отмена'));
    const ics = smtp.attachments.filter((a) => a.to.includes(demo('psychologist'))).pop()?.content ?? '';
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    expect(
      (await http.call(`/api/sessions/${sessionId}/cancel`, { method: 'POST', token: tokens['chair-psychosocial'] }))
        .status,
    ).toBe(409);
  });

  it('sends a reminder exactly once while two API processes run against the same database', async () => {
    const second = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', SMTP_URL: `smtp://127.0.0.1:1` });
    try {
      // The next whole minute at least an hour and 5 seconds away: its 1-hour reminder is due within a minute.
      const startsAt = new Date(Math.ceil((Date.now() + 3_605_000) / 60_000) * 60_000);
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Tashkent',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(startsAt)
        .replace(' ', 'T');
      const created = await http.call<SessionView>('/api/sessions', {
        token: tokens['chair-psychosocial'],
        body: {
          title: 'Reminder check',
          groupIds: [group('psychosocial-support')],
          format: 'online',
          localStart: local,
          durationMinutes: 30,
          timeZone: 'Asia/Tashkent',
        },
      });
      expect(created.status).toBe(201);
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      const count = async () =>
        Number(
          (
            await pg.query(`SELECT count(*) AS n FROM notifications WHERE kind = 'session_reminder' AND link = $1`, [
              `/sessions/${created.body.id}`,
            ])
          ).rows[0].n,
        );
      const invitees = created.body.invitees.length;
      const deadline = Date.now() + 90_000;
      while ((await count()) < invitees && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 4_000)); // a duplicate would arrive in this time
      expect(await count()).toBe(invitees);
      const perPerson = await pg.query(
        `SELECT user_id, count(*) AS n FROM notifications WHERE kind = 'session_reminder' AND link = $1 GROUP BY user_id`,
        [`/sessions/${created.body.id}`],
      );
      await pg.end();
      expect(perPerson.rows.every((r: { n: string }) => r.n === '1')).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
