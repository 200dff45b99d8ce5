import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import { Ack, ChatMessage, MeetingSnapshot, SessionView, WorkingGroupListResponse } from '@kengash/contracts';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { ask, connectLive, ok, Participant } from './support/live';

/**
 * Live meetings on two API instances joined by Redis (the Socket.IO Redis Streams adapter), then `kill -9` of
 * one of them mid-meeting. Needs a Redis server: the test runner sets REDIS_URL when one answers on the
 * machine (CI has one); without it this suite is skipped, and the runner prints why.
 */
const describeWithRedis = process.env['REDIS_URL'] ? describe : describe.skip;

/**
 * A client that behaves like the web app: it keeps every chat message and vote it has not seen acknowledged,
 * and when its instance goes away it connects to the other one, re-joins for a fresh snapshot and resends
 * them with the same client ids.
 */
class Member {
  participant!: Participant;
  readonly acked = new Map<string, ChatMessage>();
  readonly pending = new Map<string, string>();
  voteAcked = false;
  pendingVote: { pollId: string; choice: string } | null = null;
  reconnections = 0;

  constructor(
    readonly key: string,
    private readonly token: string,
    private readonly sessionId: string,
  ) {}

  async connect(baseUrl: string): Promise<MeetingSnapshot> {
    this.participant = new Participant(this.key, await connectLive(baseUrl, this.token));
    return this.participant.join(this.sessionId);
  }

  /** Sends without waiting; the ack (if it comes) moves the message from pending to acked. */
  send(clientId: string, body: string): void {
    this.pending.set(clientId, body);
    void this.emitChat(clientId, body);
  }

  private async emitChat(clientId: string, body: string): Promise<void> {
    const reply: Ack<ChatMessage> | null = await ask(
      this.participant.socket,
      'chat:send',
      { sessionId: this.sessionId, clientId, body },
      3_000,
    ).catch(() => null);
    if (reply?.ok) {
      this.acked.set(clientId, reply.data);
      this.pending.delete(clientId);
    }
  }

  async vote(pollId: string, choice: string): Promise<void> {
    this.pendingVote = { pollId, choice };
    const reply = await ask(
      this.participant.socket,
      'poll:vote',
      { sessionId: this.sessionId, pollId, choice },
      3_000,
    ).catch(() => null);
    // CONFLICT: the vote is already recorded (an earlier send reached the database before the crash).
    if (reply?.ok || (reply && !reply.ok && reply.error.code === 'CONFLICT')) {
      this.voteAcked = true;
      this.pendingVote = null;
    }
  }

  async resend(): Promise<void> {
    await Promise.all([...this.pending].map(([clientId, body]) => this.emitChat(clientId, body)));
  }

  /** Moves to the surviving instance and resends what was never acknowledged. */
  async failOver(baseUrl: string): Promise<void> {
    this.participant.close();
    this.reconnections++;
    await this.connect(baseUrl);
    await this.resend();
    if (this.pendingVote) await this.vote(this.pendingVote.pollId, this.pendingVote.choice);
  }
}

describeWithRedis('a live meeting across two API instances, one of them killed', () => {
  let db: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let pg: Client;
  let sessionId = '';
  const members = new Map<string, Member>();
  const on = {
    a: ['chair-psychosocial', 'rapporteur-psychosocial', 'probation'],
    b: ['psychologist', 'social-worker'],
  };

  beforeAll(async () => {
    db = await createTestDatabase('live_failover');
    const env = {
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      REDIS_URL: process.env['REDIS_URL'] ?? '',
      TRUST_PROXY: 'true',
      LIVE_EVENTS_PER_SECOND: '50',
      LIVE_EVENTS_BURST: '100',
    };
    a = await startApi(env);
    b = await startApi(env);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const http = client(a.baseUrl);
    const tokens: Record<string, string> = {};
    for (const key of [...on.a, ...on.b]) tokens[key] = await signedIn(http, demo(key));
    const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
    const created = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'Psychosocial support: failover test',
        groupIds: [groups.find((g) => g.slug === 'psychosocial-support')?.id],
        format: 'online',
        localStart: '2031-05-14T09:00',
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
        agenda: [{ title: 'Handbook', minutesAllotted: 30 }],
      },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    for (const [instance, keys] of [
      [a, on.a],
      [b, on.b],
    ] as const)
      for (const key of keys) {
        const m = new Member(key, tokens[key], sessionId);
        await m.connect(instance.baseUrl);
        members.set(key, m);
      }
  });

  afterAll(async () => {
    for (const m of members.values()) m.participant?.close();
    await pg?.end();
    await Promise.all([a?.stop('SIGKILL'), b?.stop()]);
    await db?.drop();
  });

  const m = (key: string) => members.get(key) as Member;

  it('shows hands, chat and votes from one instance to clients on the other', async () => {
    const chair = m('chair-psychosocial');
    const psychologist = m('psychologist');
    ok(await ask(chair.participant.socket, 'meeting:start', { sessionId }));
    // A hand raised on B is in the chair's queue on A, in the same order everywhere.
    ok(await ask(psychologist.participant.socket, 'hand:raise', { sessionId }));
    ok(await ask(m('probation').participant.socket, 'hand:raise', { sessionId }));
    for (const x of members.values())
      await x.participant.until((p) => p.snapshot?.queue.waiting.length === 2, 'two hands everywhere');
    const orders = [...members.values()].map((x) => x.participant.snapshot?.queue.waiting.map((e) => e.person.userId));
    expect(new Set(orders.map((o) => o?.join())).size).toBe(1);
    // Chat from A reaches B.
    const sent = ok(
      await ask(chair.participant.socket, 'chat:send', { sessionId, clientId: 'hello', body: 'Welcome' }),
    );
    await psychologist.participant.until((p) => !!p.snapshot?.chat.some((c) => c.id === sent.id), 'chat on B');
    // A vote on B is in the tally on A.
    const poll = ok(
      await ask(chair.participant.socket, 'poll:open', {
        sessionId,
        question: 'Adopt the handbook outline?',
        kind: 'yes_no_abstain',
        secret: false,
        quorum: { kind: 'majority' },
      }),
    );
    expect(poll.quorum).toMatchObject({ eligible: 6, present: 5, reached: true });
    await psychologist.vote(poll.id, 'yes');
    await chair.participant.until((p) => p.snapshot?.poll?.tally?.['yes'] === 1, 'the vote from B on A');
  });

  it('loses no acknowledged chat message or vote when instance A is killed with SIGKILL mid-meeting', async () => {
    const pollId = m('chair-psychosocial').participant.snapshot?.poll?.id ?? '';
    const senders = [...members.values()];
    const perSender = 30;
    // Everyone chats; the clients on A also vote; A is killed while messages are in flight.
    let killed = false;
    let inFlightAtKill = 0;
    const kill = async () => {
      killed = true;
      inFlightAtKill = senders.reduce((n, s) => n + s.pending.size, 0);
      await a.stop('SIGKILL');
    };
    const votesOnA = [m('rapporteur-psychosocial').vote(pollId, 'no'), m('probation').vote(pollId, 'abstain')];
    for (let i = 0; i < perSender; i++) {
      for (const s of senders) s.send(`${s.key}-${i}`, `Message ${i} from ${s.key}`);
      if (i === 12) await kill();
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(killed).toBe(true);
    await Promise.all(votesOnA);
    // Clients of A notice the loss and move to B; clients of B stay.
    for (const key of on.a) await m(key).failOver(b.baseUrl);
    // Wait (bounded) for every ack; what stays unacknowledged is resent with the same client id, as the web does.
    const deadline = Date.now() + 20_000;
    while (senders.some((s) => s.pending.size) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      for (const s of senders) await s.resend();
    }

    const { rows } = await pg.query<{ client_id: string; n: number }>(
      `SELECT client_id, count(*)::int AS n FROM meeting_chat GROUP BY client_id`,
    );
    const stored = new Map(rows.map((r) => [r.client_id, r.n]));
    const acked = senders.flatMap((s) => [...s.acked.keys()]);
    const expected = senders.length * perSender + 1; // + the welcome message
    const lost = acked.filter((id) => !stored.has(id));
    const duplicated = rows.filter((r) => r.n > 1);
    const votes = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_votes WHERE poll_id = $1`, [
      pollId,
    ]);
    console.log(
      `failover: ${inFlightAtKill} messages unacknowledged when A was killed; ` +
        `${acked.length} acknowledged chat messages, ${stored.size} stored of ${expected} sent, ` +
        `${lost.length} acknowledged but lost, ${duplicated.length} stored twice; ` +
        `${senders.reduce((n, s) => n + s.reconnections, 0)} reconnections; votes stored ${votes.rows[0].n} of 3`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(stored.size).toBe(expected); // every message was eventually stored, once
    expect(senders.every((s) => s.pending.size === 0)).toBe(true);
    expect(m('rapporteur-psychosocial').voteAcked && m('probation').voteAcked).toBe(true);
    expect(votes.rows[0].n).toBe(3);
  });

  it('gives a client that re-joins on the survivor a room state equal to the database state', async () => {
    const chair = m('chair-psychosocial');
    const fresh = await chair.participant.join(sessionId);
    const chat = await pg.query<{ id: string }>(
      `SELECT id FROM (SELECT id, seq FROM meeting_chat ORDER BY seq DESC LIMIT 100) x ORDER BY seq`,
    );
    expect(fresh.chat.map((c) => c.id)).toEqual(chat.rows.map((r) => r.id));
    const queue = await pg.query<{ user_id: string }>(
      `SELECT user_id FROM meeting_queue WHERE status = 'waiting' ORDER BY raised_seq`,
    );
    expect(fresh.queue.waiting.map((e) => e.person.userId)).toEqual(queue.rows.map((r) => r.user_id));
    const tally = await pg.query<{ choice: string; n: number }>(
      `SELECT choice, count(*)::int AS n FROM meeting_votes GROUP BY choice`,
    );
    for (const r of tally.rows) expect(fresh.poll?.tally?.[r.choice]).toBe(r.n);
    const seq = await pg.query<{ seq: string }>(`SELECT seq FROM meetings WHERE session_id = $1`, [sessionId]);
    expect(fresh.meeting.seq).toBe(Number(seq.rows[0].seq));
    // Every client's state, built from its snapshot and the events since, agrees with the fresh snapshot.
    for (const x of members.values()) {
      await x.participant.until((p) => p.snapshot?.meeting.seq === fresh.meeting.seq, `${x.key} caught up`);
      expect(x.participant.snapshot?.chat.map((c) => c.id)).toEqual(fresh.chat.map((c) => c.id));
      expect(x.participant.snapshot?.queue).toEqual(fresh.queue);
      expect(x.participant.snapshot?.poll?.tally).toEqual(fresh.poll?.tally);
    }
    // Everyone is present through B.
    expect(new Set(fresh.presence.map((p) => p.userId)).size).toBe(members.size);
  });
});
