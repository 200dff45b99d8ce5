import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ErrorResponse,
  FieldError,
  NotificationKind,
  NotificationListResponse,
  NotificationPreferences,
} from '@kengash/contracts';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';

/**
 * Notifications over HTTP: preferences round trip and validation; list / read / read-all on rows put in
 * the table directly (nothing creates notifications over HTTP yet: scheduling's invitations will, and
 * their end-to-end test covers live delivery).
 */
describe('notifications (real API, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let http: ReturnType<typeof client>;
  let pg: Client;
  let me: string;
  let other: string;
  let myId: string;
  let otherId: string;

  const fields = (body: unknown) => ((body as ErrorResponse).details as FieldError[]).map((d) => d.field).sort();

  beforeAll(async () => {
    db = await createTestDatabase('notifications');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', TRUST_PROXY: 'true' });
    http = client(api.baseUrl);
    me = await signedIn(http, demo('psychologist'));
    other = await signedIn(http, demo('prosecutor'));
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const ids = await pg.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = ANY($1)`, [
      [demo('psychologist'), demo('prosecutor')],
    ]);
    myId = ids.rows.find((r) => r.email === demo('psychologist'))?.id ?? '';
    otherId = ids.rows.find((r) => r.email === demo('prosecutor'))?.id ?? '';
  });

  afterAll(async () => {
    await pg?.end();
    await api?.stop();
    await db?.drop();
  });

  it('answers the preferences with defaults filled in, and stores a full replacement', async () => {
    const initial = await http.call<NotificationPreferences>('/api/me/notification-preferences', { token: me });
    expect(initial.status).toBe(200);
    expect(initial.body.dailyDigest).toBe(false);
    expect(initial.body.workingHours).toEqual({ start: '09:00', end: '18:00' });
    expect(initial.body.channels[NotificationKind.SessionInvitation]).toEqual({ in_app: true, email: true });
    expect(initial.body.channels[NotificationKind.RsvpReceived]).toEqual({ in_app: true, email: false });
    expect(Object.keys(initial.body.channels).sort()).toEqual(Object.values(NotificationKind).sort());

    const wanted: NotificationPreferences = {
      ...initial.body,
      channels: {
        ...initial.body.channels,
        [NotificationKind.WorkPlanComment]: { in_app: false, email: true },
      },
      dailyDigest: true,
      workingHours: { start: '08:30', end: '17:00' },
    };
    const put = await http.call<NotificationPreferences>('/api/me/notification-preferences', {
      method: 'PUT',
      body: wanted,
      token: me,
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(wanted);
    expect((await http.call('/api/me/notification-preferences', { token: me })).body).toEqual(wanted);
    // Someone else's are untouched.
    expect(
      (await http.call<NotificationPreferences>('/api/me/notification-preferences', { token: other })).body,
    ).toEqual(initial.body);
  });

  it('refuses invalid preferences with every bad field listed', async () => {
    const put = (body: unknown) =>
      http.call<ErrorResponse>('/api/me/notification-preferences', { method: 'PUT', body, token: me });
    const valid = (await http.call<NotificationPreferences>('/api/me/notification-preferences', { token: me })).body;

    const empty = await put({});
    expect(empty.status).toBe(400);
    expect(fields(empty.body)).toEqual(['channels', 'dailyDigest', 'workingHours']);

    const bad = await put({
      channels: {
        ...valid.channels,
        made_up: { in_app: true, email: true },
        session_reminder: { in_app: true, sms: true },
      },
      dailyDigest: 'yes',
      workingHours: { start: '9:00', end: '25:00' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual([
      'channels.made_up',
      'channels.session_reminder.email',
      'channels.session_reminder.sms',
      'dailyDigest',
      'workingHours.end',
      'workingHours.start',
    ]);

    const reversed = await put({ ...valid, workingHours: { start: '18:00', end: '09:00' } });
    expect(reversed.status).toBe(400);
    expect(fields(reversed.body)).toEqual(['workingHours.end']);
  });

  it('lists my notifications newest first with the unread count, marks one and then all read', async () => {
    const insert = (userId: string, title: string, minutesAgo: number) =>
      pg
        .query<{ id: string }>(
          `INSERT INTO notifications (user_id, kind, title, body, link, created_at)
           VALUES ($1, $2, $3, 'body', '/x', now() - make_interval(mins => $4)) RETURNING id`,
          [userId, NotificationKind.RsvpReceived, title, minutesAgo],
        )
        .then((r) => r.rows[0].id);
    const oldest = await insert(myId, 'oldest', 30);
    const middle = await insert(myId, 'middle', 20);
    await insert(myId, 'newest', 10);
    const theirs = await insert(otherId, 'theirs', 5);

    const list = await http.call<NotificationListResponse>('/api/notifications', { token: me });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.title)).toEqual(['newest', 'middle', 'oldest']);
    expect(list.body.unread).toBe(3);
    expect(list.body.items[0]).toMatchObject({ kind: NotificationKind.RsvpReceived, link: '/x', readAt: null });
    const limited = await http.call<NotificationListResponse>('/api/notifications?limit=1', { token: me });
    expect(limited.body.items.map((i) => i.title)).toEqual(['newest']);
    expect(limited.body.unread).toBe(3);
    expect((await http.call('/api/notifications?limit=0&unread=maybe', { token: me })).status).toBe(400);

    expect((await http.call(`/api/notifications/${middle}/read`, { method: 'POST', token: me })).status).toBe(204);
    const unread = await http.call<NotificationListResponse>('/api/notifications?unread=true', { token: me });
    expect(unread.body.items.map((i) => i.title)).toEqual(['newest', 'oldest']);
    expect(unread.body.unread).toBe(2);

    // Someone else's notification, or none at all: 404, and nothing changes.
    const foreign = await http.call<ErrorResponse>(`/api/notifications/${theirs}/read`, { method: 'POST', token: me });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await http.call<NotificationListResponse>('/api/notifications', { token: other })).body.unread).toBe(1);
    expect((await http.call(`/api/notifications/not-a-uuid/read`, { method: 'POST', token: me })).status).toBe(400);

    expect((await http.call('/api/notifications/read-all', { method: 'POST', token: me })).status).toBe(204);
    const after = await http.call<NotificationListResponse>('/api/notifications', { token: me });
    expect(after.body.unread).toBe(0);
    expect(after.body.items.every((i) => i.readAt !== null)).toBe(true);
    expect(after.body.items.find((i) => i.id === oldest)?.readAt).toEqual(expect.any(String));
    expect((await http.call<NotificationListResponse>('/api/notifications', { token: other })).body.unread).toBe(1);
  });

  it('needs a signed-in person', async () => {
    expect((await http.call('/api/notifications')).status).toBe(401);
    expect((await http.call('/api/me/notification-preferences')).status).toBe(401);
  });
});
