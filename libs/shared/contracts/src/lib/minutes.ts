import type { LivePerson, PollResult } from './live';
import type { LocalizedText } from './locale';

/**
 * Minutes: the council's record of a session. A document goes draft → circulated → approved (locked); a
 * correction of approved minutes is a new document of the same session that goes through the same cycle.
 * Each session has a full record (group + secretariat) and may have a public summary (restricted items left
 * out), each with its own cycle.
 */
export type MinutesStatus = 'draft' | 'circulated' | 'approved';
export type MinutesFace = 'full' | 'public';
/**
 * Who reads minutes once approved: the full record is always `group` (the session's groups and the secretariat);
 * a public summary is `council` (every signed-in person, the default) or `public` (anyone, without an account:
 * `GET /api/public/minutes/:id`). Before approval only the group reads either face.
 */
export type MinutesVisibility = 'group' | 'council' | 'public';

export const MINUTES_LIMITS = {
  titleMax: 300,
  itemTitleMax: 300,
  /** Sanitised HTML of one item's notes. */
  notesMax: 100_000,
  items: 60,
  attendance: 500,
  amendmentMax: 20_000,
  reasonMax: 2_000,
  commentMax: 4_000,
} as const;

export interface MinutesAttendee {
  person: LivePerson;
  /** Null for minutes written by hand (in-person sessions), or when unknown. */
  secondsPresent: number | null;
  firstJoinedAt: string | null;
  lastLeftAt: string | null;
}

export interface MinutesSpeakerLine {
  name: string;
  seconds: number;
  turns: number;
}

export interface MinutesDecisionLine {
  text: string;
  /** From a poll in the live room; null for a decision recorded by hand. */
  result: PollResult | null;
  secret: boolean;
}

export interface MinutesSection {
  /** Stable within a document's versions: the agenda item id, or `extra-<n>` for added sections. */
  key: string;
  title: string;
  /** The notes as sanitised HTML (paragraphs, lists, emphasis, links, headings h3–h4). */
  notes: string;
  speakers: MinutesSpeakerLine[];
  decisions: MinutesDecisionLine[];
  /** Restricted items are left out of the public summary. */
  restricted: boolean;
}

/** What a version of minutes says. */
export interface MinutesContent {
  title: string;
  attendance: MinutesAttendee[];
  items: MinutesSection[];
}

export interface MinutesVersionSummary {
  number: number;
  authorName: string | null;
  note: string | null;
  createdAt: string;
}

export interface MinutesView {
  id: string;
  sessionId: string;
  face: MinutesFace;
  status: MinutesStatus;
  visibility: MinutesVisibility;
  /** Set once approved: SHA-256 (hex) of the canonical JSON of the approved content. */
  contentHash: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  /** Set when the minutes were approved by a vote in a later session's live meeting (not by the chair alone). */
  approvalVote: MinutesApprovalVote | null;
  /** The approved minutes this document corrects, if it is a correction. */
  correctsId: string | null;
  /** The current version's number (optimistic concurrency: send it back when saving). */
  version: number;
  content: MinutesContent;
  versions: MinutesVersionSummary[];
  session: {
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    groups: { id: string; name: LocalizedText }[];
  };
  /** What the caller may do (the API decides; the UI shows or hides). */
  can: {
    edit: boolean;
    circulate: boolean;
    amend: boolean;
    decideAmendments: boolean;
    approve: boolean;
    correct: boolean;
    comment: boolean;
    /** Change a public summary's visibility (rapporteur, chairs, secretariat). */
    setVisibility: boolean;
  };
}

/** PUT /api/minutes/:id/visibility — a public summary only. */
export interface SetMinutesVisibilityRequest {
  visibility: 'council' | 'public';
}

/**
 * GET /api/public/minutes/:id (no account): an approved public summary whose visibility is `public`. People are
 * shown as the live room shows them to observers (by role, country and organisation when they chose not to show
 * their name), without account ids; speaker lines are left out.
 */
export interface PublicMinutesView {
  id: string;
  title: string;
  session: MinutesView['session'];
  approvedAt: string;
  contentHash: string;
  approvalVote: MinutesApprovalVote | null;
  attendance: { name: string | null; role: string; country: string | null; organisation: string | null }[];
  items: { key: string; title: string; notes: string; decisions: MinutesDecisionLine[] }[];
}

/** How a meeting approved minutes: the poll, where it was held, and its count. */
export interface MinutesApprovalVote {
  sessionId: string;
  sessionTitle: string;
  pollId: string;
  yes: number;
  no: number;
  abstain: number;
  votesCast: number;
}

/**
 * GET /api/sessions/:id/minutes-for-approval: circulated minutes of earlier sessions of the session's groups
 * that a meeting of this session may approve by a vote.
 */
export interface MinutesForApproval {
  id: string;
  face: MinutesFace;
  sessionId: string;
  sessionTitle: string;
  sessionStartsAt: string;
  version: number;
}

export interface MinutesForApprovalResponse {
  items: MinutesForApproval[];
}

/** PUT /api/minutes/:id — a new version (draft only). */
export interface SaveMinutesRequest {
  /** The version the edit is based on; another save in between answers 409 with the current document. */
  baseVersion: number;
  content: MinutesContent;
  note?: string;
}

export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected';

export interface AmendmentView {
  id: string;
  itemKey: string;
  proposedNotes: string;
  reason: string;
  proposer: { userId: string; name: string };
  status: AmendmentStatus;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** The version an accepted amendment produced. */
  resultingVersion: number | null;
}

/** POST /api/minutes/:id/amendments (circulated minutes; attendees of record only). */
export interface ProposeAmendmentRequest {
  itemKey: string;
  proposedNotes: string;
  reason: string;
}

/** POST /api/minutes/:id/amendments/:amendmentId/decision (chair). */
export interface DecideAmendmentRequest {
  accept: boolean;
  note: string;
}

export interface MinutesCommentView {
  id: string;
  itemKey: string | null;
  author: { userId: string; name: string };
  body: string;
  createdAt: string;
}

/** One item's change between two versions. */
export interface MinutesItemDiff {
  key: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** Word-level parts of the notes' text: unchanged, added or removed. */
  parts: { kind: 'same' | 'added' | 'removed'; text: string }[];
  restrictedChanged: boolean;
}

/** GET /api/minutes/:id/diff?from=&to= */
export interface MinutesDiffView {
  from: number;
  to: number;
  titleChanged: boolean;
  items: MinutesItemDiff[];
}

/** GET /api/sessions/:id/minutes — the session's minutes documents (newest first per face). */
export interface SessionMinutesList {
  documents: { id: string; face: MinutesFace; status: MinutesStatus; correctsId: string | null; version: number }[];
  /** The caller may start minutes by hand (chairs, rapporteur, secretariat). */
  canCreate: boolean;
}

// ---- decisions register -----------------------------------------------------------------------------------

/**
 * Where a decision stands: `recorded` in a live meeting whose minutes are not started yet, or the status of
 * the minutes that carry it.
 */
export type DecisionStatus = 'recorded' | MinutesStatus;

export interface DecisionRegisterEntry {
  /** Stable: `<minutes id>:<item key>:<n>`, or the live decision's id while no minutes exist. */
  id: string;
  text: string;
  status: DecisionStatus;
  session: { id: string; title: string; startsAt: string; timeZone: string };
  groups: { id: string; name: LocalizedText }[];
  agendaItem: { key: string; title: string } | null;
  /** The vote, when it was decided by a poll. */
  result: PollResult | null;
  minutesId: string | null;
  /** Taken from an approved public summary (the caller is not in the group). */
  fromPublicSummary: boolean;
}

/** GET /api/decisions?q=&groupId=&status= */
export interface DecisionRegisterResponse {
  decisions: DecisionRegisterEntry[];
  /** More matched than were returned (the limit is 200): narrow the search. */
  truncated: boolean;
}
