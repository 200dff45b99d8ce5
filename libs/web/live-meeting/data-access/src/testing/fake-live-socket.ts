import { Ack, GroupRole, LiveEvent, MeetingSnapshot } from '@kengash/contracts';
import type { LiveSocket } from '@kengash/web-identity-data-access';

type Handler = (...args: never[]) => void;

export interface SentRequest {
  event: string;
  payload: Record<string, unknown>;
  reply: (ack: Ack<unknown>) => void;
  timeOut: () => void;
}

/** A stand-in for a socket.io client socket: records requests (with their ack callbacks) and fires events. */
export class FakeLiveSocket {
  connected = false;
  recovered = false;
  readonly handlers = new Map<string, Set<Handler>>();
  readonly sent: SentRequest[] = [];

  on(event: string, handler: Handler): this {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(event, set);
    return this;
  }

  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  timeout(_ms: number) {
    return {
      emit: (
        event: string,
        payload: Record<string, unknown>,
        callback: (error: Error | null, ack?: Ack<unknown>) => void,
      ) => {
        this.sent.push({
          event,
          payload,
          reply: (ack) => callback(null, ack),
          timeOut: () => callback(new Error('operation has timed out')),
        });
      },
    };
  }

  /** Fires a server event at the registered handlers. */
  fire(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) (handler as (...a: unknown[]) => void)(...args);
  }

  connect(recovered = false): void {
    this.connected = true;
    this.recovered = recovered;
    this.fire('connect');
  }

  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** Removes and returns the oldest request of `event` (throws when there is none). */
  take(event: string): SentRequest {
    const index = this.sent.findIndex((r) => r.event === event);
    if (index < 0) throw new Error(`no ${event} sent (sent: ${this.sent.map((r) => r.event).join(', ') || 'none'})`);
    return this.sent.splice(index, 1)[0];
  }

  count(event: string): number {
    return this.sent.filter((r) => r.event === event).length;
  }

  asSocket(): LiveSocket {
    return this as unknown as LiveSocket;
  }
}

export function snapshotFixture(overrides: Partial<MeetingSnapshot> = {}, seq = 5): MeetingSnapshot {
  const me = { userId: 'u-me', name: 'Nodira Tursunova', role: GroupRole.Member, country: null, organisation: null };
  return {
    session: {
      id: 's1',
      title: 'Spring session',
      startsAt: '2025-04-10T05:00:00Z',
      endsAt: '2025-04-10T07:00:00Z',
      timeZone: 'Asia/Tashkent',
      groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
    },
    meeting: {
      meetingId: 'm1',
      status: 'live',
      startedAt: '2025-04-10T05:00:00Z',
      endedAt: null,
      currentItemId: 'i1',
      timer: { runningSince: null, accumulatedMs: 0 },
      seq,
    },
    agenda: [
      { id: 'i1', position: 0, title: 'Opening', minutesAllotted: 10, presenter: null },
      { id: 'i2', position: 1, title: 'Plans', minutesAllotted: 30, presenter: null },
    ],
    presence: [me],
    queue: { waiting: [], speaking: null },
    poll: null,
    chat: [],
    notes: { items: {} },
    me,
    can: { chair: false, raiseHand: true, chat: true, vote: true, takeNotes: false, readOnly: false },
    minutesId: null,
    ...overrides,
  };
}

export function chatEvent(seq: number, body = `message ${seq}`, clientId = `c${seq}`, userId = 'u-other'): LiveEvent {
  return {
    type: 'chat.message',
    seq,
    sessionId: 's1',
    at: '2025-04-10T05:10:00Z',
    message: {
      id: `m${seq}`,
      clientId,
      seq,
      author: { userId, name: 'Someone', role: GroupRole.Member, country: null, organisation: null },
      body,
      sentAt: '2025-04-10T05:10:00Z',
    },
  };
}
