import { GroupRole } from './identity';
import { applyLiveEvent, applyPresence, LiveEvent, LivePerson, MeetingSnapshot, PollView } from './live';

const person = (userId: string, name: string): LivePerson => ({
  userId,
  name,
  role: GroupRole.Member,
  country: null,
  organisation: null,
});

const snapshot = (): MeetingSnapshot => ({
  session: { id: 's', title: 'T', startsAt: '', endsAt: '', timeZone: 'Asia/Tashkent', groups: [] },
  meeting: {
    meetingId: 'm',
    status: 'live',
    startedAt: null,
    endedAt: null,
    currentItemId: 'i1',
    timer: { runningSince: null, accumulatedMs: 0 },
    seq: 5,
  },
  agenda: [],
  presence: [person('a', 'Aziz')],
  queue: { waiting: [], speaking: null },
  poll: null,
  chat: [],
  notes: { items: {} },
  me: person('a', 'Aziz'),
  can: { chair: false, raiseHand: true, chat: true, vote: true, takeNotes: false, readOnly: false },
  minutesId: null,
});

const message = (seq: number, id = `c${seq}`): LiveEvent => ({
  type: 'chat.message',
  seq,
  sessionId: 's',
  at: '',
  message: { id, clientId: id, seq, author: person('b', 'Botir'), body: 'x', sentAt: '' },
});

const poll = (over: Partial<PollView>): PollView => ({
  id: 'p',
  agendaItemId: null,
  question: 'Q?',
  kind: 'yes_no_abstain',
  options: ['yes', 'no', 'abstain'],
  secret: false,
  status: 'open',
  openedAt: '',
  closedAt: null,
  votesCast: 0,
  tally: { yes: 0, no: 0, abstain: 0 },
  quorum: { rule: { kind: 'none' }, eligible: 1, present: 1, required: 0, reached: true },
  result: null,
  minutesId: null,
  ...over,
});

describe('applyLiveEvent', () => {
  it('applies newer events once, ignores replays, and advances seq', () => {
    const s1 = applyLiveEvent(snapshot(), message(6));
    expect(s1.chat.map((m) => m.id)).toEqual(['c6']);
    expect(s1.meeting.seq).toBe(6);
    expect(applyLiveEvent(s1, message(6))).toBe(s1);
    expect(applyLiveEvent(s1, message(4))).toBe(s1);
  });

  it('keeps at most the last 100 chat messages', () => {
    let s = snapshot();
    for (let i = 6; i < 120; i++) s = applyLiveEvent(s, message(i));
    expect(s.chat).toHaveLength(100);
    expect(s.chat[99].seq).toBe(119);
  });

  it('keeps the reader’s own vote when others vote, and the minutes id at the end', () => {
    let s = applyLiveEvent(snapshot(), { type: 'poll.opened', seq: 6, sessionId: 's', at: '', poll: poll({}) });
    s = { ...s, poll: s.poll && { ...s.poll, voted: true, myChoice: 'yes' } };
    s = applyLiveEvent(s, { type: 'poll.voted', seq: 7, sessionId: 's', at: '', poll: poll({ votesCast: 2 }) });
    expect(s.poll).toMatchObject({ votesCast: 2, voted: true, myChoice: 'yes' });
    s = applyLiveEvent(s, { type: 'poll.opened', seq: 8, sessionId: 's', at: '', poll: poll({ id: 'p2' }) });
    expect(s.poll).toMatchObject({ id: 'p2', voted: false, myChoice: null });
    const ended = applyLiveEvent(s, {
      type: 'meeting.ended',
      seq: 9,
      sessionId: 's',
      at: '',
      state: { ...s.meeting, status: 'ended', seq: 9 },
      minutesId: 'min',
    });
    expect(ended.meeting.status).toBe('ended');
    expect(ended.minutesId).toBe('min');
  });
});

describe('applyPresence', () => {
  it('adds and removes people once, sorted by name, and carries the quorum onto the open poll', () => {
    let s: MeetingSnapshot = { ...snapshot(), poll: poll({}) };
    s = applyPresence(s, { sessionId: 's', joined: [person('c', 'Charos'), person('b', 'Botir')], left: [] });
    s = applyPresence(s, { sessionId: 's', joined: [person('b', 'Botir')], left: ['a'] });
    expect(s.presence.map((p) => p.userId)).toEqual(['b', 'c']);
    const quorum = { rule: { kind: 'majority' as const }, eligible: 6, present: 2, required: 4, reached: false };
    s = applyPresence(s, { sessionId: 's', joined: [], left: [], quorum });
    expect(s.poll?.quorum).toEqual(quorum);
  });
});
