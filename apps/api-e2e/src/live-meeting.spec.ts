import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  LiveMeetingListResponse,
  MinutesDraftView,
  NOTES_TEXT,
  SessionView,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { Client } from 'pg';
import * as Y from 'yjs';
import { client, demo, signedIn } from './support/http';
import { ask, connectLive, ok, Participant } from './support/live';

/**
 * Live meetings with real Socket.IO clients against a booted API on real PostgreSQL: admission, presence and
 * attendance, agenda, the speaker queue, chat with client ids, polls with quorum, live notes (Yjs), the draft
 * minutes, rate limits and bad input.
 *
 * Group A (Psychosocial Support) has six voting members (chair, rapporteur, psychologist, social worker,
 * probation officer, counsellor) and observers; majority quorum is therefore 4.
 */
describe('live meetings', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let pg: Client;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let sessionId = '';
  let agenda: string[] = [];
  const people: Participant[] = [];
  const who = (name: string): Participant => {
    const found = people.find((p) => p.name === name);
    if (!found) throw new Error(`${name} has not joined`);
    return found;
  };
  const join = async (key: string) => {
    const p = await Participant.join(key, api.baseUrl, tokens[key], sessionId);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    db = await createTestDatabase('live');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      TRUST_PROXY: 'true',
      LIVE_EVENTS_PER_SECOND: '20',
      LIVE_EVENTS_BURST: '30',
    });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    http = client(api.baseUrl);
    for (const key of [
      'chair-psychosocial',
      'rapporteur-psychosocial',
      'psychologist',
      'social-worker',
      'probation',
      'observer-un',
      'prosecutor',
    ])
      tokens[key] = await signedIn(http, demo(key));
    const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
    const created = await http.call<SessionView>('/api/sessions', {
      token: tokens['chair-psychosocial'],
      body: {
        title: 'Psychosocial support: live meeting test',
        groupIds: [groups.find((g) => g.slug === 'psychosocial-support')?.id],
        format: 'online',
        localStart: '2031-03-12T09:00',
        durationMinutes: 90,
        timeZone: 'Asia/Tashkent',
        agenda: [
          { title: 'Handbook chapter', minutesAllotted: 30 },
          { title: 'Pilot regions', minutesAllotted: 30 },
          { title: 'Any other business', minutesAllotted: 10 },
        ],
      },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    agenda = created.body.agenda.map((a) => a.id);
  });

  afterAll(async () => {
    for (const p of people) p.close();
    await pg?.end();
    await api?.stop();
    await db?.drop();
  });

  it('refuses a handshake without a valid token, and a join by someone not invited', async () => {
    await expect(connectLive(api.baseUrl)).rejects.toThrow('unauthenticated');
    await expect(connectLive(api.baseUrl, 'not-a-token')).rejects.toThrow('unauthenticated');
    const outsider = await connectLive(api.baseUrl, tokens['prosecutor']);
    const refused = await ask(outsider, 'meeting:join', { sessionId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', statusCode: 404 } });
    // Acting without joining is refused too.
    expect(await ask(outsider, 'chat:send', { sessionId, clientId: 'x1', body: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    outsider.close();
  });

  it('answers bad payloads with field errors and writes nothing', async () => {
    const s = await connectLive(api.baseUrl, tokens['psychologist']);
    expect(await ask(s, 'meeting:join', { sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'sessionId' }] },
    });
    ok(await ask(s, 'meeting:join', { sessionId }));
    const bad = await ask(s, 'chat:send', { sessionId, clientId: 'bad id!', body: '   ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', statusCode: 400 } });
    const fields = bad.ok ? [] : (bad.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['body', 'clientId']);
    expect(await ask(s, 'notes:update', { sessionId, itemId: agenda[0], update: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }, // a member does not take the notes
    });
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM meeting_chat`);
    expect(rows[0].n).toBe(0);
    ok(await ask(s, 'meeting:leave', { sessionId }));
    s.close();
  });

  it('shows who is in, keeps an attendance span per connection, and lets observers only watch', async () => {
    const chair = await join('chair-psychosocial');
    expect(chair.snapshot?.can).toMatchObject({ chair: true, vote: true, takeNotes: true, readOnly: false });
    expect(chair.snapshot?.agenda.map((a) => a.id)).toEqual(agenda);
    expect(chair.snapshot?.meeting.status).toBe('waiting');

    const observer = await join('observer-un');
    expect(observer.snapshot?.can).toEqual({
      chair: false,
      raiseHand: false,
      chat: false,
      vote: false,
      takeNotes: false,
      readOnly: true,
    });
    await chair.until((p) => !!p.snapshot?.presence.some((x) => x.role === 'observer'), 'the observer in presence');
    const seen = chair.snapshot?.presence.find((x) => x.role === 'observer');
    expect(seen?.name).toBeTruthy();

    const { rows } = await pg.query(
      `SELECT u.email, a.left_at FROM meeting_attendance a JOIN users u ON u.id = a.user_id ORDER BY a.joined_at`,
    );
    expect(rows.filter((r) => r.left_at === null).map((r) => r.email)).toEqual(
      expect.arrayContaining([demo('chair-psychosocial'), demo('observer-un')]),
    );

    ok(await ask(chair.socket, 'meeting:start', { sessionId }));
    await observer.until((p) => p.snapshot?.meeting.status === 'live', 'the start');
    expect(observer.snapshot?.meeting.currentItemId).toBe(agenda[0]);
    for (const [event, payload] of [
      ['hand:raise', { sessionId }],
      ['chat:send', { sessionId, clientId: 'obs-1', body: 'hello' }],
      ['meeting:react', { sessionId, reaction: 'applause' }],
    ] as const) {
      const reply = await ask(observer.socket, event, payload as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('orders hands by server receipt, identically on three clients; the chair grants the floor', async () => {
    const chair = people[0];
    const observer = people[1];
    // The psychologist shows observers only their role, country and organisation.
    const privacy = await http.call('/api/me', {
      method: 'PATCH',
      token: tokens['psychologist'],
      body: { nameVisibleToObservers: false },
    });
    expect(privacy.status).toBe(200);
    const a = await join('psychologist');
    const b = await join('social-worker');
    const c = await join('rapporteur-psychosocial');
    await Promise.all([a, b, c].map((p) => ask(p.socket, 'hand:raise', { sessionId })));
    const everyone = [chair, a, b, c];
    for (const p of everyone) await p.until((x) => x.snapshot?.queue.waiting.length === 3, 'three hands');
    const orders = everyone.map((p) => p.snapshot?.queue.waiting.map((e) => e.person.userId).join(','));
    expect(new Set(orders).size).toBe(1);
    const { rows } = await pg.query(`SELECT user_id FROM meeting_queue WHERE status = 'waiting' ORDER BY raised_seq`);
    expect(orders[0]).toBe(rows.map((r) => r.user_id).join(','));
    await observer.until((x) => x.snapshot?.queue.waiting.length === 3, 'three hands at the observer');
    const hidden = observer.snapshot?.queue.waiting.find((e) => e.person.userId === a.snapshot?.me.userId);
    expect(hidden?.person).toMatchObject({ name: null, role: 'member' });
    await observer.until(
      (x) => !!x.snapshot?.presence.some((p) => p.userId === a.snapshot?.me.userId),
      'the psychologist in presence',
    );
    expect(observer.snapshot?.presence.find((x) => x.userId === a.snapshot?.me.userId)?.name).toBeNull();
    expect(
      chair.snapshot?.queue.waiting.find((e) => e.person.userId === a.snapshot?.me.userId)?.person.name,
    ).toBeTruthy();
    // A second raise is not a second place in the queue.
    ok(await ask(a.socket, 'hand:raise', { sessionId }));
    // Only the chair grants the floor.
    const first = chair.snapshot?.queue.waiting[0]?.person.userId ?? '';
    expect(await ask(a.socket, 'floor:grant', { sessionId, userId: first })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const granted = ok(await ask(chair.socket, 'floor:grant', { sessionId, userId: first }));
    expect(granted.speaking?.person.userId).toBe(first);
    expect(granted.waiting).toHaveLength(2);
    // The chair lowers someone's hand; a member lowers their own.
    const second = granted.waiting[0].person.userId;
    ok(await ask(chair.socket, 'hand:lower', { sessionId, userId: second }));
    for (const p of everyone) await p.until((x) => x.snapshot?.queue.waiting.length === 1, 'one hand left');
    const other = [a, b, c].find((p) => p.snapshot?.me.userId !== second) as Participant;
    expect(await ask(other.socket, 'hand:lower', { sessionId, userId: second })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('stores a chat message once when it is resent after a forced disconnect', async () => {
    const chair = people[0];
    const member = await Participant.join('probation', api.baseUrl, tokens['probation'], sessionId);
    people.push(member);
    const sent = ok(await ask(member.socket, 'chat:send', { sessionId, clientId: 'msg-001', body: 'Draft is ready' }));
    await chair.until((p) => !!p.snapshot?.chat.some((m) => m.id === sent.id), 'the message');
    // The connection drops; the client reconnects, re-joins and resends what it is not sure about.
    member.socket.io.engine.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = new Participant('probation again', await connectLive(api.baseUrl, tokens['probation']));
    people.push(again);
    const snapshot = await again.join(sessionId);
    expect(snapshot.chat.map((m) => m.clientId)).toContain('msg-001');
    const resent = ok(await ask(again.socket, 'chat:send', { sessionId, clientId: 'msg-001', body: 'Draft is ready' }));
    expect(resent.id).toBe(sent.id);
    expect(resent.seq).toBe(sent.seq);
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM meeting_chat WHERE client_id = 'msg-001'`);
    expect(rows[0].n).toBe(1);
    // Two sends of one client id at the same moment (a double tap, a resend racing the original): stored once.
    const racing = await Promise.all(
      [1, 2, 3].map(() => ask(again.socket, 'chat:send', { sessionId, clientId: 'msg-002', body: 'Sent thrice' })),
    );
    expect(new Set(racing.map((r) => ok(r).id)).size).toBe(1);
    const raced = await pg.query(`SELECT count(*)::int AS n FROM meeting_chat WHERE client_id = 'msg-002'`);
    expect(raced.rows[0].n).toBe(1);
    // The attendance of the dropped connection was closed; the person's time is not counted twice.
    const spans = await pg.query(
      `SELECT count(*) FILTER (WHERE left_at IS NULL)::int AS open, count(*)::int AS all
         FROM meeting_attendance a JOIN users u ON u.id = a.user_id WHERE u.email = $1`,
      [demo('probation')],
    );
    expect(spans.rows[0]).toEqual({ open: 1, all: 2 });
  });

  it('computes quorum from who is present, counts one vote per member, and closes into a decision', async () => {
    const chair = people[0];
    // chair, psychologist, social worker, rapporteur, probation (re-joined) are in: 5 of 6, majority is 4.
    const opened = ok(
      await ask(chair.socket, 'poll:open', {
        sessionId,
        question: 'Adopt the handbook chapter?',
        kind: 'yes_no_abstain',
        secret: false,
        quorum: { kind: 'count', count: 6 },
      }),
    );
    expect(opened.quorum).toMatchObject({ eligible: 6, present: 5, required: 6, reached: false });
    ok(await ask(chair.socket, 'poll:close', { sessionId, pollId: opened.id }));
    const noQuorum = await pg.query(`SELECT result FROM meeting_polls WHERE id = $1`, [opened.id]);
    expect(noQuorum.rows[0].result.outcome).toBe('no_quorum');

    const poll = ok(
      await ask(chair.socket, 'poll:open', {
        sessionId,
        question: 'Send the chapter to the council?',
        kind: 'yes_no_abstain',
        secret: false,
        quorum: { kind: 'majority' },
      }),
    );
    expect(poll.quorum).toMatchObject({ eligible: 6, present: 5, required: 4, reached: true });
    // A member leaves: quorum follows presence (5 → 4 still quorate), then another (→ 3, not quorate).
    const leaving = who('social-worker');
    ok(await ask(leaving.socket, 'meeting:leave', { sessionId }));
    await chair.until((p) => p.snapshot?.poll?.quorum.present === 4, 'presence 4 in quorum');
    expect(chair.snapshot?.poll?.quorum.reached).toBe(true);
    await leaving.join(sessionId);
    await chair.until((p) => p.snapshot?.poll?.quorum.present === 5, 'presence back to 5');

    // Vote twice (at once, from the same member): one vote is stored.
    const member = who('psychologist');
    const twice = await Promise.all([
      ask(member.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'yes' }),
      ask(member.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'yes' }),
    ]);
    expect(twice.every((a) => a.ok)).toBe(true);
    expect(await ask(member.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    ok(await ask(chair.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'yes' }));
    ok(
      await ask(who('rapporteur-psychosocial').socket, 'poll:vote', {
        sessionId,
        pollId: poll.id,
        choice: 'abstain',
      }),
    );
    const observer = who('observer-un');
    expect(await ask(observer.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const votes = await pg.query(`SELECT count(*)::int AS n FROM meeting_votes WHERE poll_id = $1`, [poll.id]);
    expect(votes.rows[0].n).toBe(3);
    await observer.until((p) => p.snapshot?.poll?.votesCast === 3, 'the live tally');
    expect(observer.snapshot?.poll?.tally).toEqual({ yes: 2, no: 0, abstain: 1 });

    const closed = ok(await ask(chair.socket, 'poll:close', { sessionId, pollId: poll.id }));
    expect(closed.result).toMatchObject({ outcome: 'adopted', quorumReached: true, votesCast: 3 });
    const decision = await pg.query(`SELECT text, result FROM meeting_decisions WHERE poll_id = $1`, [poll.id]);
    expect(decision.rows[0]).toMatchObject({
      text: 'Send the chapter to the council?',
      result: { outcome: 'adopted', tally: { yes: 2, no: 0, abstain: 1 } },
    });
  });

  it('keeps a secret ballot secret: no tally until closed, choices stored apart from voters', async () => {
    const chair = people[0];
    const poll = ok(
      await ask(chair.socket, 'poll:open', {
        sessionId,
        question: 'Which pilot region first?',
        kind: 'options',
        options: ['Ferghana valley', 'Almaty region'],
        secret: true,
        quorum: { kind: 'none' },
      }),
    );
    const member = who('psychologist');
    const voted = ok(await ask(member.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'Almaty region' }));
    expect(voted).toMatchObject({ tally: null, votesCast: 1, voted: true, myChoice: 'Almaty region' });
    await chair.until((p) => p.snapshot?.poll?.votesCast === 1, 'one vote cast');
    expect(chair.snapshot?.poll?.tally).toBeNull();
    const stored = await pg.query(`SELECT choice FROM meeting_votes WHERE poll_id = $1`, [poll.id]);
    expect(stored.rows).toEqual([{ choice: null }]);
    const closed = ok(await ask(chair.socket, 'poll:close', { sessionId, pollId: poll.id }));
    expect(closed.result?.outcome).toBe('Almaty region');
    expect(closed.tally).toEqual({ 'Ferghana valley': 0, 'Almaty region': 1 });
  });

  it('merges two editors typing the notes at the same time, and a late joiner sees both', async () => {
    const chair = people[0];
    const rapporteur = who('rapporteur-psychosocial');
    const itemId = agenda[0];
    const docs = [chair, rapporteur].map((p) => {
      const doc = new Y.Doc();
      const state = p.snapshot?.notes.items[itemId];
      if (state) Y.applyUpdate(doc, Buffer.from(state, 'base64'));
      return doc;
    });
    // Remote updates are applied as they arrive, the way the web client does.
    [chair, rapporteur].forEach((p, i) =>
      p.socket.on('meeting:event', (e) => {
        if (e.type === 'notes.update' && e.itemId === itemId)
          Y.applyUpdate(docs[i], Buffer.from(e.update, 'base64'), 'remote');
      }),
    );
    const send = (i: number, text: string) => {
      const before = Y.encodeStateVector(docs[i]);
      docs[i].getText(NOTES_TEXT).insert(0, text);
      const update = Buffer.from(Y.encodeStateAsUpdate(docs[i], before)).toString('base64');
      return ask([chair, rapporteur][i].socket, 'notes:update', { sessionId, itemId, update });
    };
    const acks = await Promise.all([
      send(0, 'Chair: the chapter is agreed. '),
      send(1, 'Rapporteur: two regions proposed. '),
    ]);
    expect(acks.every((a) => a.ok)).toBe(true);
    const both = (d: Y.Doc) => {
      const t = d.getText(NOTES_TEXT).toString();
      return t.includes('Chair: the chapter is agreed.') && t.includes('Rapporteur: two regions proposed.');
    };
    await chair.until(() => both(docs[0]), 'both notes at the chair');
    await rapporteur.until(() => both(docs[1]), 'both notes at the rapporteur');
    expect(docs[0].getText(NOTES_TEXT).toString()).toBe(docs[1].getText(NOTES_TEXT).toString());

    const late = await Participant.join('late', api.baseUrl, tokens['social-worker'], sessionId);
    people.push(late);
    const lateDoc = new Y.Doc();
    Y.applyUpdate(lateDoc, Buffer.from(late.snapshot?.notes.items[itemId] ?? '', 'base64'));
    expect(lateDoc.getText(NOTES_TEXT).toString()).toBe(docs[0].getText(NOTES_TEXT).toString());
    // Not a Yjs update: refused with a field error.
    expect(
      await ask(chair.socket, 'notes:update', {
        sessionId,
        itemId,
        update: Buffer.from('garbage!').toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'update' }] },
    });
  });

  it('numbers every room event so a client can fetch what it missed', async () => {
    const chair = people[0];
    const member = who('psychologist');
    const from = member.snapshot?.meeting.seq ?? 0;
    ok(await ask(chair.socket, 'agenda:advance', { sessionId }));
    ok(await ask(chair.socket, 'agenda:timer', { sessionId, action: 'pause' }));
    ok(await ask(chair.socket, 'chat:send', { sessionId, clientId: 'chair-1', body: 'Moving on to the pilots' }));
    const missed = ok(await ask(member.socket, 'meeting:missed', { sessionId, afterSeq: from }));
    expect(missed.complete).toBe(true);
    const seqs = missed.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => from + 1 + i));
    expect(missed.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['agenda.moved', 'timer.changed', 'chat.message']),
    );
    const { rows } = await pg.query(`SELECT max(seq)::int AS seq FROM meeting_events`);
    expect(rows[0].seq).toBe(seqs[seqs.length - 1]);
    await member.until((p) => p.snapshot?.meeting.currentItemId === agenda[1], 'the agenda move');
    expect(member.snapshot?.meeting.timer.runningSince).toBeNull();
  });

  it('recovers a dropped connection within the window: same socket, missed events replayed, attendance reopened', async () => {
    const chair = people[0];
    const worker = new Participant(
      'counsellor',
      await connectLive(api.baseUrl, await signedIn(http, demo('counsellor-tm')), { reconnection: true }),
    );
    people.push(worker);
    await worker.join(sessionId);
    // Recovery resumes from the last broadcast the client received (its offset): wait for the first one.
    await worker.until((p) => p.presence.length > 0, 'a first broadcast');
    const id = worker.socket.id;
    worker.socket.io.engine.close(); // the network drops; the client reconnects by itself
    const during = ok(
      await ask(chair.socket, 'chat:send', { sessionId, clientId: 'during-drop', body: 'While you were away' }),
    );
    await worker.until(
      (p) => p.socket.connected && !!p.snapshot?.chat.some((m) => m.id === during.id),
      'the replayed message',
    );
    expect(worker.socket.recovered).toBe(true);
    expect(worker.socket.id).toBe(id);
    // The server reopens the attendance of the restored socket as a new span (the old one stays closed).
    const spans = async () =>
      (
        await pg.query(
          `SELECT count(*) FILTER (WHERE left_at IS NULL)::int AS open, count(*)::int AS all
             FROM meeting_attendance WHERE split_part(socket_id, '/', 1) = $1`,
          [id],
        )
      ).rows[0];
    const deadline = Date.now() + 5_000;
    while ((await spans()).all < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await spans()).toEqual({ open: 1, all: 2 });
    // Closing the connection (the tab) is leaving: the others see the person go.
    const counsellor = worker.snapshot?.me.userId ?? '';
    await chair.until((p) => !!p.snapshot?.presence.some((x) => x.userId === counsellor), 'the counsellor in');
    worker.close();
    await chair.until((p) => !p.snapshot?.presence.some((x) => x.userId === counsellor), 'the counsellor gone');
    expect(await spans()).toEqual({ open: 0, all: 2 });
  });

  it('limits how many events one person may send, with an error ack', async () => {
    const member = who('psychologist');
    const replies = await Promise.all(Array.from({ length: 45 }, () => ask(member.socket, 'time:sync', {})));
    const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(25);
    await new Promise((r) => setTimeout(r, 1600)); // the bucket refills
    ok(await ask(member.socket, 'time:sync', {}));
  });

  it('lists the meetings a person may join, live first, with who is in', async () => {
    const mine = await http.call<LiveMeetingListResponse>('/api/live/meetings', { token: tokens['psychologist'] });
    expect(mine.status).toBe(200);
    const entry = mine.body.meetings.find((m) => m.sessionId === sessionId);
    expect(entry).toMatchObject({ status: 'live', readOnly: false, minutesId: null, canReadMinutes: true });
    expect(entry?.present).toBeGreaterThanOrEqual(5);
    expect(mine.body.meetings[0].status).toBe('live');
    const observer = await http.call<LiveMeetingListResponse>('/api/live/meetings', { token: tokens['observer-un'] });
    expect(observer.body.meetings.find((m) => m.sessionId === sessionId)).toMatchObject({
      readOnly: true,
      canReadMinutes: false,
    });
    const outsider = await http.call<LiveMeetingListResponse>('/api/live/meetings', { token: tokens['prosecutor'] });
    expect(outsider.body.meetings.map((m) => m.sessionId)).not.toContain(sessionId);
  });

  it('ends the meeting into draft minutes with attendance, speakers, decisions and notes', async () => {
    const chair = people[0];
    const member = who('psychologist');
    expect(await ask(member.socket, 'meeting:end', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const ended = ok(await ask(chair.socket, 'meeting:end', { sessionId }));
    await member.until((p) => p.snapshot?.meeting.status === 'ended', 'the end');
    expect(member.snapshot?.minutesId).toBe(ended.minutesId);
    expect(await ask(member.socket, 'chat:send', { sessionId, clientId: 'after', body: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const draft = await http.call<MinutesDraftView>(`/api/sessions/${sessionId}/minutes-draft`, {
      token: tokens['chair-psychosocial'],
    });
    expect(draft.status).toBe(200);
    const c = draft.body.content;
    expect(c.attendance.map((a) => a.person.userId)).toContain(chair.snapshot?.me.userId);
    expect(c.attendance.length).toBeGreaterThanOrEqual(6);
    for (const a of c.attendance) expect(a.secondsPresent).toBeGreaterThanOrEqual(0);
    expect(c.items[0].notes).toContain('Chair: the chapter is agreed.');
    expect(c.items[0].notes).toContain('Rapporteur: two regions proposed.');
    expect(c.items[0].speakers.length).toBe(1);
    expect(c.items[0].decisions.map((d) => d.result.outcome)).toEqual(['no_quorum', 'adopted', 'Almaty region']);
    expect(c.chatMessages).toBe(4);

    const observer = await http.call(`/api/sessions/${sessionId}/minutes-draft`, { token: tokens['observer-un'] });
    expect(observer.status).toBe(403);
    const outsider = await http.call(`/api/sessions/${sessionId}/minutes-draft`, { token: tokens['prosecutor'] });
    expect(outsider.status).toBe(404);
  });
});
