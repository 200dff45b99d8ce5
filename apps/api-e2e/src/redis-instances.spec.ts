import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ClientToServerEvents,
  NotificationView,
  ServerToClientEvents,
  SessionView,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { io, Socket } from 'socket.io-client';
import { client, demo, signedIn } from './support/http';

/**
 * Several API instances behind one Redis (the Socket.IO Redis Streams adapter). Needs a Redis server: the test
 * runner sets REDIS_URL when one answers on the machine (CI has one); without it this suite is skipped, and the
 * runner prints why.
 */
const describeWithRedis = process.env['REDIS_URL'] ? describe : describe.skip;

describeWithRedis('two API instances sharing Socket.IO rooms through Redis', () => {
  let db: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase('redis');
    const env = { DATABASE_URL: db.url, DEMO_DATA: 'true', REDIS_URL: process.env['REDIS_URL'] ?? '' };
    a = await startApi(env);
    b = await startApi(env);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('delivers a notification made on instance A to a socket connected to instance B', async () => {
    const httpA = client(a.baseUrl);
    const httpB = client(b.baseUrl);
    const chair = await signedIn(httpA, demo('chair-narratives'));
    const member = await signedIn(httpB, demo('dialogue-uz'));
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${b.baseUrl}/live`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: member },
    });
    try {
      await new Promise<void>((res, rej) => {
        socket.once('connect', () => res());
        socket.once('connect_error', rej);
      });
      const received = new Promise<NotificationView>((res) =>
        socket.on('notification:new', (n) => n.kind === 'session_invitation' && res(n)),
      );
      const groups = (await httpA.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
      const created = await httpA.call<SessionView>('/api/sessions', {
        token: chair,
        body: {
          title: 'Narratives: cross-instance check',
          groupIds: [groups.find((g) => g.slug === 'countering-narratives')?.id],
          format: 'online',
          localStart: '2032-02-03T10:00',
          durationMinutes: 60,
          timeZone: 'Asia/Ashgabat',
        },
      });
      expect(created.status).toBe(201);
      const notification = await Promise.race([
        received,
        new Promise<never>((_, rej) =>
          setTimeout(() => rej(new Error('no notification crossed instances in 10 s')), 10_000),
        ),
      ]);
      expect(notification.link).toBe(`/sessions/${created.body.id}`);
    } finally {
      socket.close();
    }
  });

  it('closes a disabled person’s socket on instance B when instance A disables them', async () => {
    const httpA = client(a.baseUrl);
    const secretariat = await signedIn(httpA, demo('secretariat'));
    const victim = await signedIn(client(b.baseUrl), demo('teacher'));
    const socket = io(`${b.baseUrl}/live`, { transports: ['websocket'], reconnection: false, auth: { token: victim } });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    const closed = new Promise<number>((res) => socket.once('disconnect', () => res(Date.now())));
    const users = (
      await httpA.call<{ items: { id: string; email: string }[] }>('/api/admin/users', { token: secretariat })
    ).body.items;
    const id = users.find((u) => u.email === demo('teacher'))?.id;
    const started = Date.now();
    expect(
      (
        await httpA.call(`/api/admin/users/${id}`, {
          method: 'PATCH',
          token: secretariat,
          body: { status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect((await closed) - started).toBeLessThan(5000);
    socket.close();
  });
});
