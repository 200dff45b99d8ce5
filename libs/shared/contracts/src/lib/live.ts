import type { CountryCode } from './council';
import { ErrorResponse } from './errors';
import type { GroupRole } from './identity';
import type { LocalizedText } from './locale';
import { NotificationView } from './scheduling';

/** Socket.IO namespace of live meetings. */
export const LIVE_NAMESPACE = '/live';

/** Every ack is either `{ ok: true, data }` or `{ ok: false, error }`. */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: Omit<ErrorResponse, 'statusCode'> & { statusCode: number } };

export interface TimeSyncResult {
  /** Server time in epoch milliseconds, for clients to correct their agenda timers. */
  serverTime: number;
}

export interface ServerShutdownNotice {
  reason: 'server_shutdown';
  message: string;
}

// ---- limits shared by the gateway and the clients -------------------------------------------------------

export const LIVE_LIMITS = {
  /** Chat messages returned in the join snapshot. */
  chatHistory: 100,
  chatBodyMax: 2000,
  clientIdMax: 64,
  pollQuestionMax: 500,
  pollOptionMax: 200,
  pollOptionsMax: 12,
  /** One Yjs update (base64) per `notes:update`. */
  notesUpdateMax: 32_768,
  /** Events answered by one `meeting:missed`; beyond it the client re-joins for a fresh snapshot. */
  missedMax: 500,
  /** Presence deltas are coalesced to at most one batch per room in this window. */
  presenceBatchMs: 250,
} as const;

// ---- people in the room ---------------------------------------------------------------------------------

/**
 * The person's standing in this meeting: their role in one of the session's groups, `guest` for an invitee
 * who is not a member, `secretariat` for council staff.
 */
export type MeetingRole = GroupRole | 'guest' | 'secretariat';

/** A person as the room shows them. `name` is null when they show only their role to observers. */
export interface LivePerson {
  userId: string;
  name: string | null;
  role: MeetingRole;
  country: CountryCode | null;
  organisation: string | null;
}

export interface MeetingCapabilities {
  /** Start, advance and end the meeting, run the timer, grant the floor, lower hands, run polls. */
  chair: boolean;
  raiseHand: boolean;
  chat: boolean;
  vote: boolean;
  takeNotes: boolean;
  /** Observers: they see the room and cannot act in it. */
  readOnly: boolean;
}

// ---- agenda and timer -----------------------------------------------------------------------------------

export type MeetingStatus = 'waiting' | 'live' | 'ended';

export interface LiveAgendaItem {
  id: string;
  position: number;
  title: string;
  minutesAllotted: number;
  presenter: string | null;
}

/** The current item's timer: elapsed = accumulatedMs + (runningSince ? now - runningSince : 0). */
export interface ItemTimer {
  runningSince: string | null;
  accumulatedMs: number;
}

export interface MeetingState {
  meetingId: string;
  status: MeetingStatus;
  startedAt: string | null;
  endedAt: string | null;
  currentItemId: string | null;
  timer: ItemTimer;
  /** The last sequence number the server has committed for this meeting. */
  seq: number;
}

// ---- speaker queue --------------------------------------------------------------------------------------

export interface QueueEntry {
  id: string;
  person: LivePerson;
  /** Server receipt time (the order is by the per-meeting sequence number assigned at receipt). */
  raisedAt: string;
  status: 'waiting' | 'speaking';
  grantedAt: string | null;
  agendaItemId: string | null;
}

export interface SpeakerQueue {
  /** Waiting hands in server receipt order, the same on every client. */
  waiting: QueueEntry[];
  speaking: QueueEntry | null;
}

// ---- chat -----------------------------------------------------------------------------------------------

export interface ChatMessage {
  id: string;
  clientId: string;
  seq: number;
  author: LivePerson;
  body: string;
  sentAt: string;
}

// ---- polls ----------------------------------------------------------------------------------------------

export type PollKind = 'yes_no_abstain' | 'options';
export const YES_NO_ABSTAIN = ['yes', 'no', 'abstain'] as const;

/** `majority`: more than half of the eligible voting members present; `count`: at least `count` present. */
export type QuorumRule = { kind: 'majority' } | { kind: 'count'; count: number } | { kind: 'none' };

export interface QuorumState {
  rule: QuorumRule;
  /** Current voting members of the session's groups (observers and ended terms never count). */
  eligible: number;
  /** Of those, how many are in the room now. */
  present: number;
  required: number;
  reached: boolean;
}

export interface PollView {
  id: string;
  agendaItemId: string | null;
  question: string;
  kind: PollKind;
  options: string[];
  secret: boolean;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  votesCast: number;
  /** Votes per option; null while a secret ballot is open. */
  tally: Record<string, number> | null;
  quorum: QuorumState;
  /** Set when closed. */
  result: PollResult | null;
  /** The minutes this poll would approve (see {@link OpenPollInput.minutesId}). */
  minutesId: string | null;
  /** The caller's own choice; null if not voted, or for a secret ballot after a re-join (only `voted` is known). */
  myChoice?: string | null;
  /** Whether the caller has voted in this poll. */
  voted?: boolean;
}

export interface PollResult {
  tally: Record<string, number>;
  votesCast: number;
  quorumReached: boolean;
  /** For yes/no/abstain: adopted when quorate and yes > no; for options: the option with most votes (null on a tie). */
  outcome: 'adopted' | 'rejected' | 'no_quorum' | 'tie' | string;
}

export interface OpenPollInput {
  sessionId: string;
  question: string;
  kind: PollKind;
  /** Only for `options`: two to twelve distinct labels. */
  options?: string[];
  secret: boolean;
  quorum: QuorumRule;
  /**
   * A vote to approve circulated minutes of an earlier session of the same group (yes/no/abstain only): when
   * the poll closes adopted, the minutes are approved (and locked) with the vote recorded.
   */
  minutesId?: string;
}

// ---- live notes -----------------------------------------------------------------------------------------

/** A Yjs document per agenda item; the shared text is `Y.Doc#getText(NOTES_TEXT)`. */
export const NOTES_TEXT = 'notes';

export interface NotesState {
  /** Agenda item id → the document's whole state as one Yjs update, base64. */
  items: Record<string, string>;
}

// ---- reactions (ephemeral) -----------------------------------------------------------------------------

export const REACTIONS = ['applause', 'agree', 'disagree', 'question', 'louder'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface ReactionEvent {
  sessionId: string;
  userId: string;
  reaction: Reaction;
  /** Server time (epoch ms) when it was relayed. */
  at: number;
}

// ---- room events (persisted, numbered) ------------------------------------------------------------------

export type LiveEventData =
  | { type: 'meeting.started'; state: MeetingState }
  | { type: 'agenda.moved'; state: MeetingState }
  | { type: 'timer.changed'; state: MeetingState }
  | { type: 'meeting.ended'; state: MeetingState; minutesId: string }
  | { type: 'queue.changed'; queue: SpeakerQueue }
  | { type: 'chat.message'; message: ChatMessage }
  | { type: 'poll.opened'; poll: PollView }
  | { type: 'poll.voted'; poll: PollView }
  | { type: 'poll.closed'; poll: PollView; decisionId: string }
  | { type: 'notes.update'; itemId: string; update: string };

/** A committed room event. `seq` grows by one per event of the meeting, so gaps show missed events. */
export type LiveEvent = LiveEventData & { seq: number; sessionId: string; at: string };

export interface PresenceDelta {
  sessionId: string;
  joined: LivePerson[];
  left: string[];
  /** Present when a poll is open: quorum follows presence. */
  quorum?: QuorumState;
}

export interface MeetingSnapshot {
  session: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    groups: { id: string; name: LocalizedText }[];
  };
  meeting: MeetingState;
  agenda: LiveAgendaItem[];
  presence: LivePerson[];
  queue: SpeakerQueue;
  poll: PollView | null;
  /** The last {@link LIVE_LIMITS.chatHistory} messages, oldest first. */
  chat: ChatMessage[];
  notes: NotesState;
  me: LivePerson;
  can: MeetingCapabilities;
  /** Set once the meeting has ended. */
  minutesId: string | null;
}

export interface MissedEvents {
  events: LiveEvent[];
  /** False when more than {@link LIVE_LIMITS.missedMax} were missed: re-join for a fresh snapshot. */
  complete: boolean;
}

// ---- minutes draft (frozen at the end of the meeting) ---------------------------------------------------

export interface MinutesAttendance {
  person: LivePerson;
  /** Time in the room, joins across reconnects and devices merged (never double-counted). */
  secondsPresent: number;
  firstJoinedAt: string;
  lastLeftAt: string;
}

export interface MinutesSpeaker {
  person: LivePerson;
  seconds: number;
  turns: number;
}

export interface MinutesItem {
  item: LiveAgendaItem;
  notes: string;
  speakers: MinutesSpeaker[];
  decisions: MinutesDecision[];
}

export interface MinutesDecision {
  id: string;
  pollId: string;
  /** The motion as put to the vote; the outcome is in `result` (worded by each reader's language). */
  text: string;
  result: PollResult;
  secret: boolean;
}

export interface MinutesDraftContent {
  session: MeetingSnapshot['session'];
  startedAt: string | null;
  endedAt: string;
  attendance: MinutesAttendance[];
  items: MinutesItem[];
  /** Decisions on polls opened with no current agenda item. */
  otherDecisions: MinutesDecision[];
  chatMessages: number;
}

export interface MinutesDraftView {
  id: string;
  sessionId: string;
  meetingId: string;
  status: 'draft';
  createdAt: string;
  content: MinutesDraftContent;
}

// ---- the person's meetings (REST) ------------------------------------------------------------------------

/** A meeting the caller may join: live now, or the current or next occurrence of a session within a week. */
export interface LiveMeetingSummary {
  sessionId: string;
  title: string;
  /** The occurrence the live room belongs to (RECURRENCE-ID; the start for a single session). */
  occurrenceStart: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: 'online' | 'in_person' | 'hybrid';
  groupIds: string[];
  /** `not_opened`: nobody has entered the room yet. */
  status: MeetingStatus | 'not_opened';
  /** People in the room now. */
  present: number;
  minutesId: string | null;
  /** The caller would join as an observer. */
  readOnly: boolean;
  /** The caller may read the draft minutes (chairs, rapporteur, voting members; not observers or guests). */
  canReadMinutes: boolean;
}

/** GET /api/live/meetings */
export interface LiveMeetingListResponse {
  meetings: LiveMeetingSummary[];
}

// ---- socket event maps ----------------------------------------------------------------------------------

export interface SessionRef {
  sessionId: string;
}

type AckFn<T> = (result: Ack<T>) => void;

/** Events a client sends (the gateway's handlers). */
export interface ClientToServerEvents {
  'time:sync': (payload: Record<string, never>, ack: AckFn<TimeSyncResult>) => void;
  'meeting:join': (payload: SessionRef, ack: AckFn<MeetingSnapshot>) => void;
  'meeting:leave': (payload: SessionRef, ack: AckFn<{ left: true }>) => void;
  'meeting:missed': (payload: SessionRef & { afterSeq: number }, ack: AckFn<MissedEvents>) => void;
  'meeting:start': (payload: SessionRef, ack: AckFn<MeetingState>) => void;
  'agenda:advance': (payload: SessionRef, ack: AckFn<MeetingState>) => void;
  'agenda:back': (payload: SessionRef, ack: AckFn<MeetingState>) => void;
  'agenda:timer': (payload: SessionRef & { action: 'pause' | 'resume' | 'reset' }, ack: AckFn<MeetingState>) => void;
  'meeting:end': (payload: SessionRef, ack: AckFn<{ state: MeetingState; minutesId: string }>) => void;
  'hand:raise': (payload: SessionRef, ack: AckFn<SpeakerQueue>) => void;
  /** Without `userId`: lower your own hand (or yield the floor); with it (chair): lower that person's. */
  'hand:lower': (payload: SessionRef & { userId?: string }, ack: AckFn<SpeakerQueue>) => void;
  'floor:grant': (payload: SessionRef & { userId: string }, ack: AckFn<SpeakerQueue>) => void;
  'chat:send': (payload: SessionRef & { clientId: string; body: string }, ack: AckFn<ChatMessage>) => void;
  'poll:open': (payload: OpenPollInput, ack: AckFn<PollView>) => void;
  'poll:vote': (payload: SessionRef & { pollId: string; choice: string }, ack: AckFn<PollView>) => void;
  'poll:close': (payload: SessionRef & { pollId: string }, ack: AckFn<PollView>) => void;
  'notes:update': (payload: SessionRef & { itemId: string; update: string }, ack: AckFn<{ seq: number }>) => void;
  /** A passing reaction (applause, agree…): shown for a moment, never stored. */
  'meeting:react': (payload: SessionRef & { reaction: Reaction }, ack: AckFn<{ sent: true }>) => void;
}

/** Events the server emits. */
export interface ServerToClientEvents {
  'server:shutdown': (notice: ServerShutdownNotice) => void;
  /** A new in-app notification for the signed-in person (sent to their own sockets only). */
  'notification:new': (n: NotificationView) => void;
  /** A committed room event, in sequence order. */
  'meeting:event': (event: LiveEvent) => void;
  /** Who came and went (coalesced, at most one batch per room per 250 ms). */
  'meeting:presence': (delta: PresenceDelta) => void;
  /** A passing reaction (not stored, not numbered). */
  'meeting:reaction': (reaction: ReactionEvent) => void;
}

export type LiveEventName = keyof ClientToServerEvents;
export const LIVE_CLIENT_EVENTS: readonly LiveEventName[] = [
  'time:sync',
  'meeting:join',
  'meeting:leave',
  'meeting:missed',
  'meeting:start',
  'agenda:advance',
  'agenda:back',
  'agenda:timer',
  'meeting:end',
  'hand:raise',
  'hand:lower',
  'floor:grant',
  'chat:send',
  'poll:open',
  'poll:vote',
  'poll:close',
  'notes:update',
  'meeting:react',
];

// ---- applying events to a snapshot (the same on every client) -------------------------------------------

/**
 * Applies a committed room event to a snapshot and returns the new snapshot (the input is not changed).
 * Events at or below the snapshot's `meeting.seq` are ignored (already applied); a gap is the caller's cue
 * to ask `meeting:missed`. Notes updates are not merged here (Yjs does that): they only advance `seq`.
 */
export function applyLiveEvent(snapshot: MeetingSnapshot, event: LiveEvent): MeetingSnapshot {
  if (event.seq <= snapshot.meeting.seq) return snapshot;
  const next: MeetingSnapshot = { ...snapshot, meeting: { ...snapshot.meeting, seq: event.seq } };
  switch (event.type) {
    case 'meeting.started':
    case 'agenda.moved':
    case 'timer.changed':
      next.meeting = { ...event.state, seq: event.seq };
      break;
    case 'meeting.ended':
      next.meeting = { ...event.state, seq: event.seq };
      next.minutesId = event.minutesId;
      break;
    case 'queue.changed':
      next.queue = event.queue;
      break;
    case 'chat.message':
      if (!snapshot.chat.some((m) => m.id === event.message.id))
        next.chat = [...snapshot.chat, event.message].slice(-LIVE_LIMITS.chatHistory);
      break;
    case 'poll.opened':
    case 'poll.voted':
    case 'poll.closed': {
      const same = snapshot.poll?.id === event.poll.id;
      next.poll = {
        ...event.poll,
        myChoice: event.poll.myChoice ?? (same ? snapshot.poll?.myChoice : null) ?? null,
        voted: event.poll.voted ?? (same ? snapshot.poll?.voted : false) ?? false,
      };
      break;
    }
    case 'notes.update':
      break;
  }
  return next;
}

/** Applies a presence delta (joined people replace any earlier entry for the same person). */
export function applyPresence(snapshot: MeetingSnapshot, delta: PresenceDelta): MeetingSnapshot {
  const joined = new Map(delta.joined.map((p) => [p.userId, p]));
  const left = new Set(delta.left);
  const presence = snapshot.presence.filter((p) => !left.has(p.userId) && !joined.has(p.userId));
  presence.push(...joined.values());
  presence.sort((a, b) => (a.name ?? a.role).localeCompare(b.name ?? b.role));
  const poll = snapshot.poll && delta.quorum ? { ...snapshot.poll, quorum: delta.quorum } : snapshot.poll;
  return { ...snapshot, presence, poll };
}
