import { UserEntity } from '@kengash/api-identity';
import { AgendaItemEntity, SessionEntity } from '@kengash/api-scheduling';
import type {
  LiveEventData,
  MeetingStatus,
  MinutesDraftContent,
  PollKind,
  PollResult,
  QuorumRule,
} from '@kengash/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** The live meeting of a session occurrence. `seq` is the last committed room-event number. */
@Entity({ name: 'meetings' })
@Index(['sessionId', 'occurrenceStart'], { unique: true })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  /** The occurrence of the session (its start for a single session). */
  @Column({ name: 'occurrence_start', type: 'timestamptz' })
  occurrenceStart!: Date;

  @Column({ type: 'text', default: 'waiting' })
  status!: MeetingStatus;

  @Column({ type: 'bigint', default: 0 })
  seq!: string;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'current_item_id', type: 'uuid', nullable: true })
  currentItemId!: string | null;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'current_item_id' })
  currentItem?: AgendaItemEntity | null;

  @Column({ name: 'timer_running_since', type: 'timestamptz', nullable: true })
  timerRunningSince!: Date | null;

  @Column({ name: 'timer_accumulated_ms', type: 'bigint', default: 0 })
  timerAccumulatedMs!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every committed room event, numbered per meeting: what a client that missed events asks for. */
@Entity({ name: 'meeting_events' })
export class MeetingEventEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'text' })
  type!: LiveEventData['type'];

  @Column({ type: 'jsonb' })
  data!: LiveEventData;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** API processes that hold live connections, with a heartbeat: spans of a dead instance are closed by the others. */
@Entity({ name: 'live_instances' })
export class LiveInstanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt!: Date;
}

/** One connection's time in a meeting room. Durations are the union of a person's spans (never double-counted). */
@Entity({ name: 'meeting_attendance' })
@Index(['meetingId', 'userId'])
@Index(['instanceId'], { where: 'left_at IS NULL' })
@Index(['socketId'], { where: 'left_at IS NULL' })
export class AttendanceSpanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The connection: `<socket id>/<random per connection>` (a recovered socket gets a new span). */
  @Column({ name: 'socket_id', type: 'text' })
  socketId!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}

/** A raised hand and, if granted, the turn at the floor. At most one active (waiting/speaking) per person. */
@Entity({ name: 'meeting_queue' })
@Index(['meetingId', 'userId'], { unique: true, where: "status IN ('waiting', 'speaking')" })
export class QueueEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The meeting sequence number assigned on receipt: the queue order. */
  @Column({ name: 'raised_seq', type: 'bigint' })
  raisedSeq!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'text' })
  status!: 'waiting' | 'speaking' | 'spoke' | 'lowered';

  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true })
  agendaItemId!: string | null;

  @Column({ name: 'granted_at', type: 'timestamptz', nullable: true })
  grantedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'lowered_by', type: 'uuid', nullable: true })
  loweredBy!: string | null;
}

/** A chat message; (meeting, author, client id) is unique so a resend after a reconnect is stored once. */
@Entity({ name: 'meeting_chat' })
@Index(['meetingId', 'userId', 'clientId'], { unique: true })
@Index(['meetingId', 'seq'])
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'meeting_polls' })
@Index(['meetingId'], { unique: true, where: "status = 'open'" })
export class PollEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text' })
  kind!: PollKind;

  @Column({ type: 'jsonb' })
  options!: string[];

  @Column({ type: 'boolean' })
  secret!: boolean;

  @Column({ type: 'jsonb' })
  quorum!: QuorumRule;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'closed';

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: PollResult | null;

  /** Minutes of an earlier session this poll approves when adopted (see the minutes domain). */
  @Column({ name: 'minutes_id', type: 'uuid', nullable: true })
  minutesId!: string | null;
}

/**
 * Who voted: one row per member and poll (the primary key enforces one vote). For a secret ballot the
 * choice is not kept here but in {@link SecretBallotEntity}, unlinked from the voter.
 */
@Entity({ name: 'meeting_votes' })
export class VoteEntity {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid' })
  pollId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Null for a secret ballot. */
  @Column({ type: 'text', nullable: true })
  choice!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The choices of a secret ballot, with no voter and no time. */
@Entity({ name: 'meeting_secret_ballots' })
export class SecretBallotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'poll_id', type: 'uuid' })
  pollId!: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @Column({ type: 'text' })
  choice!: string;
}

/** The result of a closed poll, as a draft decision for the minutes. */
@Entity({ name: 'meeting_decisions' })
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Index({ unique: true })
  @Column({ name: 'poll_id', type: 'uuid' })
  pollId!: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb' })
  result!: PollResult;

  @Column({ type: 'text', default: 'draft' })
  status!: 'draft';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Yjs updates of an agenda item's live notes, in commit order; merged into one on meeting end. */
@Entity({ name: 'meeting_note_updates' })
@Index(['meetingId', 'agendaItemId', 'id'])
export class NoteUpdateEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Column({ type: 'bytea' })
  update!: Buffer;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The draft of the minutes frozen when the meeting ends (the minutes workflow builds on it). */
@Entity({ name: 'minutes' })
export class MinutesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: 'draft';

  @Column({ type: 'jsonb' })
  content!: MinutesDraftContent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const LIVE_MEETING_ENTITIES = [
  MeetingEntity,
  MeetingEventEntity,
  LiveInstanceEntity,
  AttendanceSpanEntity,
  QueueEntryEntity,
  ChatMessageEntity,
  PollEntity,
  VoteEntity,
  SecretBallotEntity,
  DecisionEntity,
  NoteUpdateEntity,
  MinutesEntity,
];
