import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ErrorCode, GroupRole, LiveEvent, MeetingSnapshot, QueueEntry } from '@kengash/contracts';
import { LiveService, LiveSocket } from '@kengash/web-identity-data-access';
import { chatEvent, FakeLiveSocket, snapshotFixture } from '../testing/fake-live-socket';
import { LiveCallError } from './live-call-error';
import { MeetingRoomService } from './meeting-room.service';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const ok = <T>(data: T) => ({ ok: true as const, data });

describe('MeetingRoomService', () => {
  const openSocket = signal<LiveSocket | null>(null);
  let socket: FakeLiveSocket;
  let sut: MeetingRoomService;

  beforeEach(() => {
    socket = new FakeLiveSocket();
    openSocket.set(null);
    TestBed.configureTestingModule({
      providers: [MeetingRoomService, { provide: LiveService, useValue: { openSocket } }],
    });
    sut = TestBed.inject(MeetingRoomService);
  });

  afterEach(() => TestBed.resetTestingModule());

  /** Opens the socket, enters session s1 and answers the join with `snapshot`. */
  async function joined(snapshot: MeetingSnapshot = snapshotFixture()): Promise<void> {
    openSocket.set(socket.asSocket());
    TestBed.tick();
    sut.enter('s1');
    socket.connect();
    const join = socket.take('meeting:join');
    expect(join.payload).toEqual({ sessionId: 's1' });
    join.reply(ok(snapshot));
    await settle();
    socket.take('time:sync').reply(ok({ serverTime: Date.now() }));
    await settle();
  }

  it('joins once connected and holds the snapshot', async () => {
    sut.enter('s1');
    openSocket.set(socket.asSocket());
    TestBed.tick();
    expect(sut.connection()).toBe('connecting');
    expect(socket.count('meeting:join')).toBe(0);

    socket.connect();
    expect(sut.connection()).toBe('online');
    socket.take('meeting:join').reply(ok(snapshotFixture()));
    await settle();

    expect(sut.snapshot()?.meeting.seq).toBe(5);
    expect(sut.snapshot()?.session.title).toBe('Spring session');
  });

  it('shows why it could not join', async () => {
    openSocket.set(socket.asSocket());
    TestBed.tick();
    sut.enter('s1');
    socket.connect();
    socket.take('meeting:join').reply({
      ok: false,
      error: { statusCode: 403, code: ErrorCode.Forbidden, message: 'Not invited', correlationId: 'x' },
    });
    await settle();

    expect(sut.snapshot()).toBeNull();
    expect(sut.joinError()).toMatchObject({ statusCode: 403, code: ErrorCode.Forbidden, message: 'Not invited' });
  });

  it('applies events in order and ignores those already applied (acks and broadcasts alike)', async () => {
    await joined();
    socket.fire('meeting:event', chatEvent(6));
    socket.fire('meeting:event', chatEvent(6));
    socket.fire('meeting:event', chatEvent(4));
    socket.fire('meeting:event', { ...chatEvent(7), sessionId: 'other' });

    expect(sut.snapshot()?.meeting.seq).toBe(6);
    expect(sut.snapshot()?.chat.map((m) => m.body)).toEqual(['message 6']);
    expect(socket.count('meeting:missed')).toBe(0);
  });

  it('asks for missed events at a gap and applies them with the waiting ones in order', async () => {
    await joined();
    socket.fire('meeting:event', chatEvent(8));
    socket.fire('meeting:event', chatEvent(9));

    const missed = socket.take('meeting:missed');
    expect(missed.payload).toEqual({ sessionId: 's1', afterSeq: 5 });
    expect(socket.count('meeting:missed')).toBe(0); // one request for the gap
    expect(sut.snapshot()?.meeting.seq).toBe(5);

    missed.reply(ok({ events: [chatEvent(6), chatEvent(7)], complete: true }));
    await settle();

    expect(sut.snapshot()?.meeting.seq).toBe(9);
    expect(sut.snapshot()?.chat.map((m) => m.seq)).toEqual([6, 7, 8, 9]);
  });

  it('joins again for a fresh snapshot when the server has too many missed events', async () => {
    await joined();
    socket.fire('meeting:event', chatEvent(900));
    socket.take('meeting:missed').reply(ok({ events: [], complete: false }));
    await settle();

    const rejoin = socket.take('meeting:join');
    socket.fire('meeting:event', chatEvent(901)); // arrives while joining: waits
    rejoin.reply(ok(snapshotFixture({}, 900)));
    await settle();

    expect(sut.snapshot()?.meeting.seq).toBe(901);
    expect(sut.snapshot()?.chat.map((m) => m.seq)).toEqual([901]);
  });

  it('joins again when the missed events still leave a gap', async () => {
    await joined();
    socket.fire('meeting:event', chatEvent(9));
    socket.take('meeting:missed').reply(ok({ events: [chatEvent(6)], complete: true }));
    await settle();

    socket.take('meeting:join').reply(ok(snapshotFixture({}, 9)));
    await settle();
    expect(sut.snapshot()?.meeting.seq).toBe(9);
    expect(socket.count('meeting:missed')).toBe(0);
  });

  it('keeps events that arrive before the snapshot and applies the newer ones after it', async () => {
    openSocket.set(socket.asSocket());
    TestBed.tick();
    sut.enter('s1');
    socket.connect();
    const join = socket.take('meeting:join');
    socket.fire('meeting:event', chatEvent(5));
    socket.fire('meeting:event', chatEvent(6));
    join.reply(ok(snapshotFixture()));
    await settle();

    expect(sut.snapshot()?.meeting.seq).toBe(6);
    expect(sut.snapshot()?.chat.map((m) => m.seq)).toEqual([6]);
  });

  it('keeps its state after a recovered reconnect and joins again after an unrecovered one', async () => {
    await joined();
    socket.drop();
    expect(sut.connection()).toBe('offline');
    expect(sut.reconnected()).toBe(false);

    socket.connect(true);
    expect(sut.connection()).toBe('online');
    expect(sut.reconnected()).toBe(true);
    expect(socket.count('meeting:join')).toBe(0);
    expect(sut.snapshot()?.meeting.seq).toBe(5);

    socket.drop();
    socket.connect(false);
    socket.take('meeting:join').reply(ok(snapshotFixture({}, 12)));
    await settle();
    expect(sut.snapshot()?.meeting.seq).toBe(12);
  });

  it('joins again on a new socket (after a token refresh)', async () => {
    await joined();
    const next = new FakeLiveSocket();
    next.connected = true;
    openSocket.set(next.asSocket());
    TestBed.tick();

    next.take('meeting:join').reply(ok(snapshotFixture({}, 7)));
    await settle();
    expect(sut.snapshot()?.meeting.seq).toBe(7);
    socket.fire('meeting:event', chatEvent(8)); // the old socket is no longer listened to
    expect(sut.snapshot()?.meeting.seq).toBe(7);
  });

  it('applies presence deltas', async () => {
    await joined();
    const guest = { userId: 'u2', name: null, role: GroupRole.Observer, country: null, organisation: 'UN (demo)' };
    socket.fire('meeting:presence', { sessionId: 's1', joined: [guest], left: [] });
    expect(sut.snapshot()?.presence.map((p) => p.userId)).toEqual(['u-me', 'u2']);
    socket.fire('meeting:presence', { sessionId: 's1', joined: [], left: ['u-me'] });
    expect(sut.snapshot()?.presence.map((p) => p.userId)).toEqual(['u2']);
  });

  describe('requests', () => {
    it('resolves with the ack data and rejects with the typed error', async () => {
      await joined();
      const entry: QueueEntry = {
        id: 'q1',
        person: snapshotFixture().me,
        raisedAt: '2025-04-10T05:11:00Z',
        status: 'waiting',
        grantedAt: null,
        agendaItemId: 'i1',
      };
      const raised = sut.raiseHand();
      const request = socket.take('hand:raise');
      expect(request.payload).toEqual({ sessionId: 's1' });
      request.reply(ok({ waiting: [entry], speaking: null }));
      await expect(raised).resolves.toEqual({ waiting: [entry], speaking: null });

      const grant = sut.grantFloor('u2');
      socket.take('floor:grant').reply({
        ok: false,
        error: { statusCode: 403, code: ErrorCode.Forbidden, message: 'Only the chair', correlationId: 'c' },
      });
      await expect(grant).rejects.toMatchObject({ statusCode: 403, code: ErrorCode.Forbidden, transient: false });
    });

    it('rejects at once when offline, and on a dropped connection or a timeout', async () => {
      await joined();
      const waiting = sut.advance();
      socket.drop();
      await expect(waiting).rejects.toMatchObject({ code: 'OFFLINE', statusCode: 0 });
      await expect(sut.start()).rejects.toBeInstanceOf(LiveCallError);

      socket.connect(true);
      const slow = sut.back();
      socket.take('agenda:back').timeOut();
      await expect(slow).rejects.toMatchObject({ code: 'TIMEOUT', transient: true });
    });

    it('keeps my own vote on the poll', async () => {
      const poll = {
        id: 'p1',
        agendaItemId: 'i1',
        question: 'Adopt?',
        kind: 'yes_no_abstain' as const,
        options: ['yes', 'no', 'abstain'],
        secret: true,
        status: 'open' as const,
        openedAt: '2025-04-10T05:20:00Z',
        closedAt: null,
        votesCast: 0,
        tally: null,
        quorum: { rule: { kind: 'none' as const }, eligible: 3, present: 3, required: 0, reached: true },
        result: null,
        minutesId: null,
        myChoice: null,
      };
      await joined(snapshotFixture({ poll }));
      const vote = sut.vote('p1', 'yes');
      socket.take('poll:vote').reply(ok({ ...poll, votesCast: 1, myChoice: 'yes' }));
      await vote;
      expect(sut.snapshot()?.poll?.myChoice).toBe('yes');

      const broadcast: LiveEvent = {
        type: 'poll.voted',
        seq: 6,
        sessionId: 's1',
        at: '2025-04-10T05:21:00Z',
        poll: { ...poll, votesCast: 1 },
      };
      delete broadcast.poll.myChoice;
      socket.fire('meeting:event', broadcast);
      expect(sut.snapshot()?.poll).toMatchObject({ votesCast: 1, myChoice: 'yes' });
    });
  });

  describe('chat', () => {
    it('keeps a message pending until acknowledged', async () => {
      await joined();
      const clientId = sut.sendChat('Hello');
      expect(sut.pendingChat()).toEqual([{ clientId, body: 'Hello', status: 'sending', error: null }]);

      const send = socket.take('chat:send');
      expect(send.payload).toEqual({ sessionId: 's1', clientId, body: 'Hello' });
      const message = chatEvent(6, 'Hello', clientId, 'u-me');
      if (message.type !== 'chat.message') throw new Error('fixture');
      send.reply(ok(message.message));
      await settle();

      expect(sut.pendingChat()).toEqual([]);
      expect(sut.snapshot()?.chat.map((m) => m.body)).toEqual(['Hello']);
      socket.fire('meeting:event', message); // the broadcast of the same message
      expect(sut.snapshot()?.chat).toHaveLength(1);
      expect(sut.snapshot()?.meeting.seq).toBe(6);
    });

    it('re-sends unacknowledged messages after a reconnect with the same client id', async () => {
      await joined();
      const clientId = sut.sendChat('Lost on the way');
      socket.take('chat:send'); // never answered
      socket.drop();
      await settle();
      expect(sut.pendingChat()[0]).toMatchObject({ clientId, status: 'waiting' });

      const offline = sut.sendChat('Typed while offline');
      expect(socket.count('chat:send')).toBe(0);

      socket.connect(false);
      socket.take('meeting:join').reply(ok(snapshotFixture()));
      await settle();

      const resent = [socket.take('chat:send'), socket.take('chat:send')].map((r) => r.payload);
      expect(resent).toEqual([
        { sessionId: 's1', clientId, body: 'Lost on the way' },
        { sessionId: 's1', clientId: offline, body: 'Typed while offline' },
      ]);
    });

    it('drops a pending message the snapshot already has (delivered before the connection fell)', async () => {
      await joined();
      const clientId = sut.sendChat('Delivered');
      socket.take('chat:send');
      socket.drop();
      socket.connect(false);
      const delivered = chatEvent(6, 'Delivered', clientId, 'u-me');
      if (delivered.type !== 'chat.message') throw new Error('fixture');
      socket.take('meeting:join').reply(ok(snapshotFixture({ chat: [delivered.message] }, 6)));
      await settle();

      expect(sut.pendingChat()).toEqual([]);
      expect(socket.count('chat:send')).toBe(0);
    });

    it('marks a refused message as failed', async () => {
      await joined();
      sut.sendChat('x'.repeat(3000));
      socket.take('chat:send').reply({
        ok: false,
        error: { statusCode: 400, code: ErrorCode.ValidationFailed, message: 'Too long', correlationId: 'c' },
      });
      await settle();
      expect(sut.pendingChat()[0]).toMatchObject({ status: 'failed', error: { message: 'Too long' } });
    });
  });

  it('corrects the clock with the server offset', async () => {
    openSocket.set(socket.asSocket());
    TestBed.tick();
    sut.enter('s1');
    socket.connect();
    socket.take('meeting:join').reply(ok(snapshotFixture()));
    await settle();
    socket.take('time:sync').reply(ok({ serverTime: Date.now() + 60_000 }));
    await settle();

    expect(sut.clockOffset()).toBeGreaterThan(59_000);
    expect(sut.clockOffset()).toBeLessThan(61_000);
    expect(sut.now() - Date.now()).toBeGreaterThan(59_000);
  });

  it('measures the item timer from the server state', async () => {
    await joined(
      snapshotFixture({
        meeting: {
          ...snapshotFixture().meeting,
          timer: { runningSince: '2025-04-10T05:00:00.000Z', accumulatedMs: 30_000 },
        },
      }),
    );
    expect(sut.itemElapsed(Date.parse('2025-04-10T05:01:00.000Z'))).toBe(90_000);
  });
});
