import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ActionItemListResponse,
  ActionItemStatus,
  ActionItemView,
  ErrorResponse,
  FieldError,
  GroupMembersResponse,
  NotificationKind,
  OpenActionsResponse,
  SessionView,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';

const fieldsOf = (body: ErrorResponse) =>
  Object.fromEntries((body.details as FieldError[]).map((d) => [d.field, d.messages.join(' ')]));

describe('action items (real API process, real PostgreSQL, real SMTP)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let groupA = '';
  let groupB = '';
  const users: Record<string, string> = {};

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('actions');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
      // The reminder sweep every second, so that the test sees a reminder within a few seconds.
      ACTION_REMINDER_INTERVAL_SECONDS: '1',
    });
    http = client(api.baseUrl);
    for (const key of ['secretariat', 'chair-psychosocial', 'psychologist', 'prosecutor', 'observer-un'])
      tokens[key] = await signedIn(http, demo(key));
    const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
    groupA = groups.find((g) => g.slug === 'psychosocial-support')?.id ?? '';
    groupB = groups.find((g) => g.slug === 'accountability')?.id ?? '';
    for (const [group, token] of [
      [groupA, tokens['chair-psychosocial']],
      [groupB, tokens['prosecutor']],
    ]) {
      const members = await http.call<GroupMembersResponse>(`/api/council/groups/${group}/members`, { token });
      for (const m of members.body.current) users[m.displayName] = m.userId;
    }
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  const psychologist = () => users['Nodira Tursunova'];
  const prosecutor = () => users['Farrukh Yusupov'];
  let sessionOne = '';
  let sessionTwo = '';
  let item: ActionItemView;

  const session = async (localStart: string): Promise<string> => {
    const created = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: `Psychosocial Support ${localStart}`,
        groupIds: [groupA],
        format: 'online',
        localStart,
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
      },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('refuses bad input with field errors', async () => {
    const bad = await http.call<ErrorResponse>('/api/actions', {
      token: tokens['chair-psychosocial'],
      body: { title: 'x', groupId: 'nope', dueDate: '2031-02-30', status: 'weird', decisionIndex: -1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual([
      'decisionIndex',
      'dueDate',
      'groupId',
      'ownerId',
      'status',
      'title',
    ]);
    // Well formed, but the owner is not a member of the group and the session is not the group's.
    const stranger = await http.call<ErrorResponse>('/api/actions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'Share the referral protocol',
        groupId: groupA,
        ownerId: prosecutor(),
        dueDate: '2031-05-01',
        sessionId: '00000000-0000-4000-8000-000000000000',
        itemKey: 'item-1',
      },
    });
    expect(stranger.status).toBe(400);
    expect(Object.keys(fieldsOf(stranger.body)).sort()).toEqual(['itemKey', 'ownerId', 'sessionId']);
  });

  it('lets the chair create an item for a member; members read it, outsiders get 404, observers 403', async () => {
    sessionOne = await session('2031-03-12T09:00');
    sessionTwo = await session('2031-04-09T09:00');
    const body = {
      title: 'Circulate the draft referral protocol to member organisations',
      groupId: groupA,
      sessionId: sessionOne,
      ownerId: psychologist(),
      dueDate: '2031-04-01',
    };
    expect((await http.call('/api/actions', { token: tokens['psychologist'], body })).status).toBe(403);
    expect((await http.call('/api/actions', { token: tokens['prosecutor'], body })).status).toBe(404);
    const created = await http.call<ActionItemView>('/api/actions', { token: tokens['chair-psychosocial'], body });
    expect(created.status).toBe(201);
    item = created.body;
    expect(item).toMatchObject({
      title: body.title,
      groupId: groupA,
      groupSlug: 'psychosocial-support',
      sessionId: sessionOne,
      ownerId: psychologist(),
      ownerName: 'Nodira Tursunova',
      dueDate: '2031-04-01',
      status: ActionItemStatus.Open,
      overdue: false,
      version: 1,
      minutesId: null,
    });

    expect((await http.call(`/api/actions/${item.id}`, { token: tokens['psychologist'] })).status).toBe(200);
    expect((await http.call(`/api/actions/${item.id}`, { token: tokens['secretariat'] })).status).toBe(200);
    expect((await http.call(`/api/actions/${item.id}`, { token: tokens['prosecutor'] })).status).toBe(404);
    expect((await http.call(`/api/actions/${item.id}`, { token: tokens['observer-un'] })).status).toBe(403);

    const mine = await http.call<ActionItemListResponse>('/api/actions?owner=me', { token: tokens['psychologist'] });
    expect(mine.body.items.map((i) => i.id)).toEqual([item.id]);
    const theirs = await http.call<ActionItemListResponse>('/api/actions', { token: tokens['prosecutor'] });
    // A member of another group sees that group's items (the demo data has some), never this one.
    expect(theirs.body.items.map((i) => i.id)).not.toContain(item.id);
    expect(theirs.body.items.every((i) => i.groupSlug === 'accountability')).toBe(true);
    expect((await http.call(`/api/actions?groupId=${groupA}`, { token: tokens['observer-un'] })).status).toBe(403);
    const bad = await http.call<ErrorResponse>('/api/actions?overdue=maybe&status=weird', {
      token: tokens['psychologist'],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual(['overdue', 'status']);
  });

  it('lets the owner change only the status; a stale version answers 409 with the current item', async () => {
    const title = await http.call(`/api/actions/${item.id}`, {
      method: 'PATCH',
      token: tokens['psychologist'],
      body: { version: item.version, title: 'Something else' },
    });
    expect(title.status).toBe(403);
    const status = await http.call<ActionItemView>(`/api/actions/${item.id}`, {
      method: 'PATCH',
      token: tokens['psychologist'],
      body: { version: item.version, status: ActionItemStatus.InProgress },
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: ActionItemStatus.InProgress, version: 2 });
    expect(
      (
        await http.call(`/api/actions/${item.id}`, {
          method: 'PATCH',
          token: tokens['prosecutor'],
          body: { version: 2, status: ActionItemStatus.Done },
        })
      ).status,
    ).toBe(404);

    const stale = await http.call<ErrorResponse>(`/api/actions/${item.id}`, {
      method: 'PATCH',
      token: tokens['chair-psychosocial'],
      body: { version: 1, title: 'Circulate the revised referral protocol' },
    });
    expect(stale.status).toBe(409);
    expect((stale.body.details as { current: ActionItemView }).current).toMatchObject({
      version: 2,
      status: ActionItemStatus.InProgress,
    });
    const fresh = await http.call<ActionItemView>(`/api/actions/${item.id}`, {
      method: 'PATCH',
      token: tokens['chair-psychosocial'],
      body: { version: 2, title: 'Circulate the revised referral protocol' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ title: 'Circulate the revised referral protocol', version: 3 });
    item = fresh.body;

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const audit = await pg.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE details->>'actionItemId' = $1 ORDER BY seq`,
        [item.id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'action_item.created',
        'action_item.updated',
        'action_item.updated',
      ]);
    } finally {
      await pg.end();
    }
  });

  it('carries open items over to the next session of the group, not to the session that decided them', async () => {
    const closed = await http.call<ActionItemView>('/api/actions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'Book the venue',
        groupId: groupA,
        sessionId: sessionOne,
        ownerId: psychologist(),
        dueDate: '2031-03-20',
        status: ActionItemStatus.Done,
      },
    });
    expect(closed.status).toBe(201);
    const next = await http.call<OpenActionsResponse>(`/api/sessions/${sessionTwo}/open-actions`, {
      token: tokens['psychologist'],
    });
    expect(next.status).toBe(200);
    expect(next.body.items.map((i) => i.id)).toEqual([item.id]);
    const same = await http.call<OpenActionsResponse>(`/api/sessions/${sessionOne}/open-actions`, {
      token: tokens['chair-psychosocial'],
    });
    expect(same.body.items).toEqual([]);
    // The next session's own agenda carries the section; the deciding session's does not list it.
    const agenda = await http.call<SessionView>(`/api/sessions/${sessionTwo}`, { token: tokens['psychologist'] });
    expect(agenda.status).toBe(200);
    expect(agenda.body.carriedOverActions?.map((i) => [i.id, i.title, i.ownerName, i.status])).toEqual([
      [item.id, item.title, 'Nodira Tursunova', item.status],
    ]);
    const own = await http.call<SessionView>(`/api/sessions/${sessionOne}`, { token: tokens['chair-psychosocial'] });
    expect(own.body.carriedOverActions).toEqual([]);
    // Observers see the session but not the group's action items: the section is absent, not empty.
    const observed = await http.call<SessionView>(`/api/sessions/${sessionTwo}`, { token: tokens['observer-un'] });
    expect(observed.status).toBe(200);
    expect('carriedOverActions' in observed.body).toBe(false);
    expect((await http.call(`/api/sessions/${sessionTwo}/open-actions`, { token: tokens['prosecutor'] })).status).toBe(
      404,
    );
    expect((await http.call(`/api/sessions/${sessionTwo}/open-actions`, { token: tokens['observer-un'] })).status).toBe(
      403,
    );
  });

  it('reminds the owner by e-mail, in their language, two days before the due date and once overdue, once each', async () => {
    // The psychologist lives in Asia/Tashkent and reads Russian.
    const today = DateTime.now().setZone('Asia/Tashkent');
    const dueSoon = today.plus({ days: 2 }).toISODate() ?? '';
    const overdue = today.minus({ days: 1 }).toISODate() ?? '';
    const create = (title: string, dueDate: string) =>
      http.call<ActionItemView>('/api/actions', {
        token: tokens['chair-psychosocial'],
        body: { title, groupId: groupA, ownerId: psychologist(), dueDate },
      });
    const soon = await create('Send the case studies to the rapporteur', dueSoon);
    const late = await create('Translate the handbook chapter', overdue);
    expect([soon.status, late.status]).toEqual([201, 201]);
    expect(late.body.overdue).toBe(true);

    const dueMail = await smtp.next(demo('psychologist'), 20_000, (m) => m.text.includes('case studies'));
    expect(dueMail.subject).toMatch(/^Kengash: срок вашего поручения — \d+ \S+ \d{4} г\.$/);
    expect(dueMail.text).toContain('Здравствуйте, Nodira Tursunova!');
    expect(dueMail.text).toContain('«Send the case studies to the rapporteur»');
    expect(dueMail.text).toContain(`http://kengash.test/groups/psychosocial-support?action=${soon.body.id}`);
    const lateMail = await smtp.next(demo('psychologist'), 20_000, (m) => m.text.includes('handbook chapter'));
    expect(lateMail.subject).toBe('Kengash: ваше поручение просрочено');

    const overdueList = await http.call<ActionItemListResponse>('/api/actions?overdue=true&owner=me', {
      token: tokens['psychologist'],
    });
    expect(overdueList.body.items.map((i) => i.id)).toEqual([late.body.id]);

    // Several more sweeps: nothing is sent twice; the far-off item got no reminder.
    await new Promise((r) => setTimeout(r, 4000));
    expect(smtp.received.filter((m) => m.to.includes(demo('psychologist')) && /поручени/.test(m.subject))).toEqual([]);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const rows = await pg.query<{ link: string; n: string }>(
        `SELECT link, count(*) AS n FROM notifications WHERE kind = $1 GROUP BY link ORDER BY link`,
        [NotificationKind.ActionItemDue],
      );
      expect(rows.rows.map((r) => [r.link.split('=')[1], Number(r.n)]).sort()).toEqual(
        [
          [soon.body.id, 1],
          [late.body.id, 1],
        ].sort(),
      );
    } finally {
      await pg.end();
    }
  }, 60_000);
});
