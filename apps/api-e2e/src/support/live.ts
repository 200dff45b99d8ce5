import {
  Ack,
  applyLiveEvent,
  applyPresence,
  ClientToServerEvents,
  LiveEvent,
  MeetingSnapshot,
  PresenceDelta,
  ServerToClientEvents,
} from '@kengash/contracts';
import { io, Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type ResultOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Connects a real Socket.IO client to `/live`; rejects with the server's reason on a refused handshake. */
export function connectLive(
  baseUrl: string,
  token?: string,
  options: { reconnection?: boolean } = {},
): Promise<LiveSocket> {
  const socket: LiveSocket = io(`${baseUrl}/live`, {
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits an event and waits for its ack (bounded). */
export function ask<E extends EventName>(
  socket: LiveSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = 10_000,
): Promise<ResultOf<E>> {
  return (
    socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<ResultOf<E>> }
  ).emitWithAck(event, payload);
}

/** The data of a successful ack, or a thrown error naming the code. */
export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`ack failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** A participant: a socket plus the room state it keeps by applying events, as a real client does. */
export class Participant {
  snapshot: MeetingSnapshot | null = null;
  readonly events: LiveEvent[] = [];
  readonly presence: PresenceDelta[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly name: string,
    readonly socket: LiveSocket,
  ) {
    socket.on('meeting:event', (e) => {
      this.events.push(e);
      this.early.set(e.seq, e);
      this.drain();
    });
    socket.on('meeting:presence', (d) => {
      this.presence.push(d);
      if (this.snapshot) this.snapshot = applyPresence(this.snapshot, d);
      this.notify();
    });
  }

  static async join(name: string, baseUrl: string, token: string, sessionId: string): Promise<Participant> {
    const p = new Participant(name, await connectLive(baseUrl, token));
    await p.join(sessionId);
    return p;
  }

  async join(sessionId: string): Promise<MeetingSnapshot> {
    const snapshot = ok(await ask(this.socket, 'meeting:join', { sessionId }));
    this.snapshot = snapshot;
    this.drain();
    return snapshot;
  }

  /**
   * Events are applied in sequence order, as the web client does: two commits on different database
   * connections may be broadcast in the other order, so an early event waits for the one before it, and a gap
   * that stays open is filled with `meeting:missed`.
   */
  private readonly early = new Map<number, LiveEvent>();
  private gapTimer: NodeJS.Timeout | null = null;

  private drain(): void {
    if (!this.snapshot) return;
    for (const seq of [...this.early.keys()]) if (seq <= this.snapshot.meeting.seq) this.early.delete(seq);
    let next = this.early.get(this.snapshot.meeting.seq + 1);
    while (next && this.snapshot) {
      this.early.delete(next.seq);
      this.snapshot = applyLiveEvent(this.snapshot, next);
      next = this.early.get(this.snapshot.meeting.seq + 1);
    }
    if (this.early.size && !this.gapTimer) {
      this.gapTimer = setTimeout(() => void this.fillGap(), 500);
    }
    this.notify();
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = null;
    if (!this.snapshot || !this.early.size || !this.socket.connected) return;
    const reply = await ask(this.socket, 'meeting:missed', {
      sessionId: this.snapshot.session.id,
      afterSeq: this.snapshot.meeting.seq,
    }).catch(() => null);
    if (reply?.ok) for (const e of reply.data.events) this.early.set(e.seq, e);
    this.drain();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until `check` holds on this participant's state (bounded). */
  async until(check: (p: Participant) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.name}: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket.close();
  }
}
