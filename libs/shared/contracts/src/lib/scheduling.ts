import type { ActionItemView } from './actions';
import type { SessionAudience } from './network';
export enum SessionFormat {
  Online = 'online',
  InPerson = 'in_person',
  Hybrid = 'hybrid',
}

export enum SessionStatus {
  Scheduled = 'scheduled',
  Live = 'live',
  Ended = 'ended',
  Cancelled = 'cancelled',
}

export enum Rsvp {
  Pending = 'pending',
  Accepted = 'accepted',
  Declined = 'declined',
  Tentative = 'tentative',
}

export interface AgendaItemView {
  id: string;
  position: number;
  title: string;
  presenterId: string | null;
  presenterName: string | null;
  minutesAllotted: number;
  documents: { name: string; url: string }[];
}

export interface AgendaItemInput {
  title: string;
  presenterId?: string | null;
  minutesAllotted: number;
  documents?: { name: string; url: string }[];
}

export interface InviteeView {
  userId: string;
  displayName: string;
  organisation: string | null;
  country: string | null;
  timeZone: string;
  rsvp: Rsvp;
  respondedAt: string | null;
}

export interface RsvpCounts {
  pending: number;
  accepted: number;
  declined: number;
  tentative: number;
}

/**
 * A session (or a series). Instants are UTC ISO strings; `timeZone` is the organiser's IANA zone, in which
 * the recurrence rule is computed. `localStart`/`localEnd` are the wall times in that zone.
 */
export interface SessionView {
  id: string;
  title: string;
  description: string | null;
  groupIds: string[];
  format: SessionFormat;
  location: string | null;
  onlineRoom: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localStart: string; // yyyy-mm-ddTHH:mm in timeZone
  localEnd: string;
  status: SessionStatus;
  rrule: string | null;
  capacity: number | null;
  organiserId: string | null;
  sequence: number;
  agenda: AgendaItemView[];
  /**
   * The agenda section "Open action items (carried over)": open and in-progress action items of the session's
   * groups decided before it. Present for people who may read the groups' action items, on sessions not yet
   * ended or cancelled; absent otherwise.
   */
  carriedOverActions?: ActionItemView[];
  invitees: InviteeView[];
  rsvpCounts: RsvpCounts;
  myRsvp: Rsvp | null;
  demo: boolean;
  /**
   * `groups`: its groups' members and the people invited; `network`: a network event, also shown to every active
   * network member (practitioners) and the council, who may RSVP to it.
   */
  audience: SessionAudience;
  /** What the caller may do (the API decides; the screens follow). */
  can: {
    /** Change, reschedule or cancel it: the organiser, chairs and co-chairs of its groups, the secretariat. */
    edit: boolean;
  };
}

/** One occurrence of a session or series, for calendars. */
export interface OccurrenceView {
  sessionId: string;
  /** The original start of this occurrence (RFC 5545 RECURRENCE-ID); equals startsAt unless moved. */
  recurrenceId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: SessionFormat;
  status: SessionStatus;
  moved: boolean;
  groupIds: string[];
  myRsvp: Rsvp | null;
  audience: SessionAudience;
}

/** GET /api/sessions/calendar?from&to[&groupId] */
export interface CalendarResponse {
  from: string;
  to: string;
  occurrences: OccurrenceView[];
}

/** POST /api/sessions — times as UTC instants, or as wall times with `timeZone`. */
export interface CreateSessionRequest {
  title: string;
  description?: string;
  groupIds: string[];
  format: SessionFormat;
  location?: string;
  onlineRoom?: string;
  /** Wall time in `timeZone`, `yyyy-mm-ddTHH:mm`. */
  localStart: string;
  durationMinutes: number;
  timeZone: string;
  /** RFC 5545 RRULE without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=2TH;COUNT=6`. */
  rrule?: string;
  capacity?: number;
  agenda?: AgendaItemInput[];
  /** People invited besides the groups' current members. */
  extraInviteeIds?: string[];
  /** Leave the groups' members out of the default invitees. */
  membersNotInvited?: boolean;
  /**
   * Default `groups`. `network` (the secretariat and administrators only) makes a network event: `groupIds` may
   * then be empty, and every active network member sees it in their calendar and may RSVP.
   */
  audience?: SessionAudience;
}

/** PATCH /api/sessions/:id — any field; a change of time or place increments `sequence` and re-sends invitations. */
export type UpdateSessionRequest = Partial<Omit<CreateSessionRequest, 'groupIds' | 'membersNotInvited'>>;

/** POST /api/sessions/:id/occurrences/cancel — cancel one occurrence of a series (EXDATE). */
export interface CancelOccurrenceRequest {
  recurrenceId: string;
}

/** POST /api/sessions/:id/occurrences/move — move one occurrence (RECURRENCE-ID override). */
export interface MoveOccurrenceRequest {
  recurrenceId: string;
  localStart: string;
  durationMinutes: number;
}

/** POST /api/sessions/:id/rsvp (signed in) or POST /api/rsvp/:token (from the e-mail link) */
export interface RsvpRequest {
  rsvp: Rsvp.Accepted | Rsvp.Declined | Rsvp.Tentative;
}

/** A conflict: an invitee already has another session then. */
export interface ConflictView {
  userId: string;
  displayName: string;
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** POST /api/sessions/slots */
export interface SlotFinderRequest {
  inviteeIds: string[];
  durationMinutes: number;
  /** yyyy-mm-dd, inclusive, in `timeZone` */
  fromDate: string;
  toDate: string;
  timeZone: string;
  /** Granularity of candidate starts, minutes (default 30). */
  stepMinutes?: number;
  limit?: number;
}

export interface SlotView {
  startsAt: string;
  endsAt: string;
  /** People for whom the slot lies inside their working hours. */
  insideWorkingHours: number;
  total: number;
  /** Local start per invitee zone, for display. */
  local: { zone: string; time: string }[];
}

export interface SlotFinderResponse {
  slots: SlotView[];
}

/** GET/POST /api/me/calendar-feed: the personal feed URL (POST makes a new one and revokes the old). */
export interface CalendarFeedResponse {
  url: string | null;
  createdAt: string | null;
}

// ---- notifications ------------------------------------------------------------------------------------

export enum NotificationKind {
  SessionInvitation = 'session_invitation',
  SessionChanged = 'session_changed',
  SessionCancelled = 'session_cancelled',
  SessionReminder = 'session_reminder',
  RsvpReceived = 'rsvp_received',
  WorkPlanComment = 'work_plan_comment',
  ActionItemDue = 'action_item_due',
  MinutesCirculated = 'minutes_circulated',
  /** A best-practice entry to review (to its reviewers), or the review's outcome (to its author). */
  PracticeReview = 'practice_review',
  /** An announcement of the secretariat to the practitioners' network. */
  NetworkAnnouncement = 'network_announcement',
  /** To the secretariat: network members whose re-vetting is due (or overdue). */
  NetworkRevetDue = 'network_revet_due',
}

export enum NotificationChannel {
  InApp = 'in_app',
  Email = 'email',
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Written in the recipient's language when the notification is made. */
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListResponse {
  items: NotificationView[];
  unread: number;
}

export interface NotificationPreferences {
  /** kind → channel → on/off */
  channels: Record<NotificationKind, Record<NotificationChannel, boolean>>;
  /** Send one e-mail a day instead of one per notification. */
  dailyDigest: boolean;
  /** Working hours for the slot finder, in the person's own zone, HH:mm. */
  workingHours: { start: string; end: string };
}

/** GET /api/dev/mailbox: mail caught by the in-process SMTP catcher (development, no SMTP_URL). */
export interface CaughtMailView {
  at: string;
  to: string[];
  subject: string;
  text: string;
  attachments: string[];
}

export interface DevMailboxResponse {
  items: CaughtMailView[];
}

/** POST /api/rsvp/:token */
export interface RsvpByTokenResponse {
  title: string;
  rsvp: Rsvp;
}
