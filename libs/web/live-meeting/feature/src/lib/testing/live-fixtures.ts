import { Ack, GroupRole, LivePerson, MeetingSnapshot, PollView } from '@kengash/contracts';
import type { LiveSocket } from '@kengash/web-identity-data-access';

type Handler = (...args: never[]) => void;

export interface SentRequest {
  event: string;
  payload: Record<string, unknown>;
  reply: (ack: Ack<unknown>) => void;
}

/** A socket.io client stand-in: records requests with their ack callbacks, fires server events. */
export class FakeSocket {
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
      emit: (event: string, payload: Record<string, unknown>, callback: (e: Error | null, a?: Ack<unknown>) => void) =>
        this.sent.push({ event, payload, reply: (ack) => callback(null, ack) }),
    };
  }

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

  take(event: string): SentRequest {
    const index = this.sent.findIndex((r) => r.event === event);
    if (index < 0) throw new Error(`no ${event} sent (sent: ${this.sent.map((r) => r.event).join(', ') || 'none'})`);
    return this.sent.splice(index, 1)[0];
  }

  asSocket(): LiveSocket {
    return this as unknown as LiveSocket;
  }
}

export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

export const CHAIR: LivePerson = {
  userId: 'u-chair',
  name: 'Madina Abdullaeva',
  role: GroupRole.Chair,
  country: 'TJ' as LivePerson['country'],
  organisation: 'Dushanbe Centre (demo)',
};
export const MEMBER: LivePerson = {
  userId: 'u-member',
  name: 'Nodira Tursunova',
  role: GroupRole.Member,
  country: 'UZ' as LivePerson['country'],
  organisation: 'Tashkent Clinic (demo)',
};
export const OBSERVER: LivePerson = {
  userId: 'u-observer',
  name: null,
  role: GroupRole.Observer,
  country: null,
  organisation: 'UN (demo)',
};

export function pollFixture(overrides: Partial<PollView> = {}): PollView {
  return {
    id: 'p1',
    agendaItemId: 'i1',
    question: 'Adopt the work plan?',
    kind: 'yes_no_abstain',
    options: ['yes', 'no', 'abstain'],
    secret: false,
    status: 'open',
    openedAt: '2025-04-10T05:20:00Z',
    closedAt: null,
    votesCast: 3,
    tally: { yes: 2, no: 1, abstain: 0 },
    quorum: { rule: { kind: 'majority' }, eligible: 5, present: 4, required: 3, reached: true },
    result: null,
    minutesId: null,
    myChoice: null,
    ...overrides,
  };
}

export function snapshotFixture(overrides: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    session: {
      id: 's1',
      title: 'Psychosocial Support: spring session',
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
      currentItemId: 'i2',
      timer: { runningSince: null, accumulatedMs: 125_000 },
      seq: 10,
    },
    agenda: [
      { id: 'i1', position: 0, title: 'Opening', minutesAllotted: 10, presenter: null },
      { id: 'i2', position: 1, title: 'Work plan', minutesAllotted: 30, presenter: 'Madina Abdullaeva' },
    ],
    presence: [CHAIR, MEMBER, OBSERVER],
    queue: { waiting: [], speaking: null },
    poll: null,
    chat: [],
    notes: { items: {} },
    me: MEMBER,
    can: { chair: false, raiseHand: true, chat: true, vote: true, takeNotes: false, readOnly: false },
    minutesId: null,
    ...overrides,
  };
}
