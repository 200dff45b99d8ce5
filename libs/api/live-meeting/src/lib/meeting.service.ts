import { MinutesVoteRegistry } from './minutes-vote';
import { DomainException, ValidationDomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import { AgendaItemEntity, occurrences, SessionEntity, SessionOverrideEntity } from '@kengash/api-scheduling';
import {
  ChatMessage,
  ErrorCode,
  GlobalRole,
  LIVE_LIMITS,
  LiveAgendaItem,
  LiveMeetingListResponse,
  LiveMeetingSummary,
  LiveEvent,
  LiveEventData,
  MeetingCapabilities,
  MeetingSnapshot,
  MeetingState,
  MinutesAttendance,
  MinutesDecision,
  MinutesDraftContent,
  MinutesDraftView,
  MinutesItem,
  MissedEvents,
  NOTES_TEXT,
  OpenPollInput,
  PollResult,
  PollView,
  QuorumRule,
  QuorumState,
  SessionStatus,
  SpeakerQueue,
  YES_NO_ABSTAIN,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import * as Y from 'yjs';
import {
  ChatMessageEntity,
  DecisionEntity,
  MeetingEntity,
  MeetingEventEntity,
  MinutesEntity,
  NoteUpdateEntity,
  PollEntity,
  QueueEntryEntity,
  SecretBallotEntity,
  VoteEntity,
} from './live.entities';
import { Audience, capabilities, loadPeople, personFor, returned, RoomPerson, VOTING_ROLES } from './people';
import { chatFor, eventFor, queueFor } from './redact';

/** What a socket keeps about a meeting it joined (plain data: it survives connection-state recovery). */
export interface JoinedMeeting {
  meetingId: string;
  sessionId: string;
  me: RoomPerson;
  can: MeetingCapabilities;
  audience: Audience;
}

/** Draft minutes are for the chairs, the rapporteur and the voting members: never observers or guests. */
const mayReadMinutes = (can: MeetingCapabilities) => !can.readOnly && (can.chair || can.vote || can.takeNotes);

/** How long an instance reuses what it read about the people of a session (names, roles, privacy). */
export const ROSTER_TTL_MS = 30_000;

/** Open attendance spans count only while their API instance is alive (heartbeat within this window). */
export const INSTANCE_STALE_SECONDS = 15;

const notFound = () =>
  new DomainException(ErrorCode.NotFound, 'This meeting was not found, or you are not invited to it');
const forbidden = (message: string) => new DomainException(ErrorCode.Forbidden, message);
const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainException(ErrorCode.Conflict, message, details);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The live meeting's rules. Every mutation runs in one transaction that locks the meeting row, assigns the
 * next sequence number, writes the domain rows and the numbered event, and commits before anything is
 * broadcast: the database is the room's state, so any API instance can serve any client.
 */
@Injectable()
export class MeetingService {
  private readonly rosters = new Map<string, { expires: number; people: Map<string, RoomPerson> }>();
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly minutesVotes: MinutesVoteRegistry,
  ) {}

  // ---- admission and snapshot ----------------------------------------------------------------------------

  async admit(principal: Principal, sessionId: string): Promise<JoinedMeeting> {
    const session = await this.db.getRepository(SessionEntity).findOne({ where: { id: sessionId } });
    if (!session) throw notFound();
    const people = await loadPeople(this.db.manager, sessionId, [principal.userId]);
    const me = people.get(principal.userId);
    const can = me ? capabilities(me.standing) : null;
    if (!me || !can) throw notFound();
    if (session.status === SessionStatus.Cancelled) throw conflict('This session was cancelled');
    const meeting = await this.meetingOf(session);
    const { standing: _standing, ...person } = me;
    this.remember(sessionId, person);
    return { meetingId: meeting.id, sessionId, me: person, can, audience: can.readOnly ? 'observer' : 'full' };
  }

  // ---- who people are in a session (cached briefly per instance) ------------------------------------------

  /**
   * People as the room shows them, from a per-instance roster of the session kept for
   * {@link ROSTER_TTL_MS}: a join storm then reads each person once, not once per snapshot (O(N), not O(N²)).
   * Admission never uses it (it reads the person's standing fresh); a join refreshes the joiner's entry.
   */
  async people(m: EntityManager, sessionId: string, ids: readonly string[]): Promise<Map<string, RoomPerson>> {
    const roster = this.roster(sessionId);
    const missing = [...new Set(ids)].filter((id) => !roster.has(id));
    if (missing.length) {
      for (const [id, { standing: _s, ...person }] of await loadPeople(m, sessionId, missing)) roster.set(id, person);
    }
    const out = new Map<string, RoomPerson>();
    for (const id of ids) {
      const person = roster.get(id);
      if (person) out.set(id, person);
    }
    return out;
  }

  private remember(sessionId: string, person: RoomPerson): void {
    this.roster(sessionId).set(person.userId, person);
  }

  private roster(sessionId: string): Map<string, RoomPerson> {
    const now = Date.now();
    let entry = this.rosters.get(sessionId);
    if (!entry || entry.expires < now) {
      if (this.rosters.size > 200) for (const [k, v] of this.rosters) if (v.expires < now) this.rosters.delete(k);
      entry = { expires: now + ROSTER_TTL_MS, people: new Map() };
      this.rosters.set(sessionId, entry);
    }
    return entry.people;
  }

  /** The meeting of the session's current occurrence (created on first join). */
  private async meetingOf(session: SessionEntity): Promise<MeetingEntity> {
    const occurrenceStart = await this.currentOccurrence(session);
    await this.db.query(
      `INSERT INTO meetings (session_id, occurrence_start) VALUES ($1, $2)
       ON CONFLICT (session_id, occurrence_start) DO NOTHING`,
      [session.id, occurrenceStart],
    );
    return this.db.getRepository(MeetingEntity).findOneOrFail({ where: { sessionId: session.id, occurrenceStart } });
  }

  private async currentOccurrence(session: SessionEntity): Promise<Date> {
    return (await this.occurrenceOf(session)).recurrenceId;
  }

  /** A single session: itself. A series: the occurrence under way or the next one (else the last). */
  private async occurrenceOf(session: SessionEntity): Promise<{ recurrenceId: Date; startsAt: Date; endsAt: Date }> {
    const single = { recurrenceId: session.startsAt, startsAt: session.startsAt, endsAt: session.endsAt };
    if (!session.rrule) return single;
    const overrides = await this.db.getRepository(SessionOverrideEntity).find({ where: { sessionId: session.id } });
    const now = Date.now();
    const list = occurrences(
      {
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        timeZone: session.timeZone,
        rrule: session.rrule,
        exdates: session.exdates ?? [],
        overrides,
      },
      new Date(now - 2 * 86_400_000),
      new Date(now + 400 * 86_400_000),
    );
    const grace = 2 * 3_600_000;
    return list.find((o) => o.endsAt.getTime() + grace > now) ?? list[list.length - 1] ?? single;
  }

  async snapshot(joined: JoinedMeeting): Promise<MeetingSnapshot> {
    const { meetingId, sessionId, audience } = joined;
    const m = this.db.manager;
    const [meeting, session, agenda, presence, queue, poll, chat, notes, minutes] = await Promise.all([
      m.getRepository(MeetingEntity).findOneByOrFail({ id: meetingId }),
      m.getRepository(SessionEntity).findOneOrFail({ where: { id: sessionId }, relations: { groups: true } }),
      this.agenda(m, sessionId),
      this.presence(meetingId, sessionId),
      this.queue(m, meetingId, sessionId),
      m.getRepository(PollEntity).findOne({ where: { meetingId }, order: { openedAt: 'DESC' } }),
      this.chatHistory(meetingId, sessionId),
      this.notesState(m, meetingId),
      m.getRepository(MinutesEntity).findOne({ where: { meetingId }, select: { id: true } }),
    ]);
    const pollView = poll ? await this.pollView(m, poll, sessionId, meetingId, joined.me.userId) : null;
    return {
      session: {
        id: session.id,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone: session.timeZone,
        groups: (session.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
      },
      meeting: this.state(meeting),
      agenda,
      presence: presence.map((p) => personFor(p, audience)),
      queue: queueFor(queue, audience),
      poll: pollView,
      chat: chat.map((c) => chatFor(c, audience)),
      notes,
      me: personFor(joined.me, 'full'),
      can: joined.can,
      minutesId: minutes?.id ?? null,
    };
  }

  private state(m: MeetingEntity): MeetingState {
    return {
      meetingId: m.id,
      status: m.status,
      startedAt: iso(m.startedAt),
      endedAt: iso(m.endedAt),
      currentItemId: m.currentItemId,
      timer: { runningSince: iso(m.timerRunningSince), accumulatedMs: Number(m.timerAccumulatedMs) },
      seq: Number(m.seq),
    };
  }

  private async agenda(m: EntityManager, sessionId: string): Promise<LiveAgendaItem[]> {
    const items = await m
      .getRepository(AgendaItemEntity)
      .find({ where: { sessionId }, relations: { presenter: true }, order: { position: 'ASC' } });
    return items.map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      minutesAllotted: i.minutesAllotted,
      presenter: i.presenter?.displayName ?? null,
    }));
  }

  /** People with an open span on a live API instance, one entry per person. */
  async presence(meetingId: string, sessionId: string, m: EntityManager = this.db.manager): Promise<RoomPerson[]> {
    const ids = await this.presentIds(m, meetingId);
    const people = await this.people(m, sessionId, ids);
    return [...people.values()].sort(
      (a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.userId.localeCompare(b.userId),
    );
  }

  async presentIds(m: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT DISTINCT a.user_id FROM meeting_attendance a
         JOIN live_instances i ON i.id = a.instance_id AND i.seen_at > now() - make_interval(secs => $2)
        WHERE a.meeting_id = $1 AND a.left_at IS NULL`,
      [meetingId, INSTANCE_STALE_SECONDS],
    );
    return rows.map((r) => r.user_id);
  }

  /** Is this person still in the room through another connection? */
  async stillPresent(meetingId: string, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT DISTINCT a.user_id FROM meeting_attendance a
         JOIN live_instances i ON i.id = a.instance_id AND i.seen_at > now() - make_interval(secs => $3)
        WHERE a.meeting_id = $1 AND a.left_at IS NULL AND a.user_id = ANY($2::uuid[])`,
      [meetingId, userIds, INSTANCE_STALE_SECONDS],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  private async chatHistory(meetingId: string, sessionId: string): Promise<ChatMessage[]> {
    const rows = await this.db.getRepository(ChatMessageEntity).find({
      where: { meetingId },
      order: { seq: 'DESC' },
      take: LIVE_LIMITS.chatHistory,
    });
    rows.reverse();
    const people = await this.people(
      this.db.manager,
      sessionId,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => this.chatView(r, people.get(r.userId)));
  }

  private chatView(r: ChatMessageEntity, author: RoomPerson | undefined): ChatMessage {
    const { standing: _s, ...person } = (author ?? {
      userId: r.userId,
      name: null,
      role: 'guest',
      country: null,
      organisation: null,
      nameVisibleToObservers: false,
    }) as RoomPerson & { standing?: unknown };
    return {
      id: r.id,
      clientId: r.clientId,
      seq: Number(r.seq),
      author: person,
      body: r.body,
      sentAt: r.createdAt.toISOString(),
    };
  }

  private async notesState(m: EntityManager, meetingId: string): Promise<{ items: Record<string, string> }> {
    const rows = await m.getRepository(NoteUpdateEntity).find({ where: { meetingId }, order: { id: 'ASC' } });
    const byItem = new Map<string, Uint8Array[]>();
    for (const r of rows) {
      const list = byItem.get(r.agendaItemId) ?? [];
      list.push(new Uint8Array(r.update));
      byItem.set(r.agendaItemId, list);
    }
    const items: Record<string, string> = {};
    for (const [itemId, updates] of byItem) items[itemId] = Buffer.from(Y.mergeUpdates(updates)).toString('base64');
    return { items };
  }

  private async queue(m: EntityManager, meetingId: string, sessionId: string): Promise<SpeakerQueue> {
    const rows = await m.getRepository(QueueEntryEntity).find({
      where: [
        { meetingId, status: 'waiting' },
        { meetingId, status: 'speaking' },
      ],
      order: { raisedSeq: 'ASC' },
    });
    const people = await this.people(
      m,
      sessionId,
      rows.map((r) => r.userId),
    );
    const view = (r: QueueEntryEntity) => {
      const person = people.get(r.userId) ?? {
        userId: r.userId,
        name: null,
        role: 'guest' as const,
        country: null,
        organisation: null,
        nameVisibleToObservers: false,
      };
      return {
        id: r.id,
        person,
        raisedAt: r.raisedAt.toISOString(),
        status: r.status as 'waiting' | 'speaking',
        grantedAt: iso(r.grantedAt),
        agendaItemId: r.agendaItemId,
      };
    };
    const speaking = rows.find((r) => r.status === 'speaking');
    return {
      waiting: rows.filter((r) => r.status === 'waiting').map(view),
      speaking: speaking ? view(speaking) : null,
    };
  }

  async missed(joined: JoinedMeeting, afterSeq: number): Promise<MissedEvents> {
    const rows = await this.db
      .getRepository(MeetingEventEntity)
      .createQueryBuilder('e')
      .where('e.meeting_id = :id AND e.seq > :after', { id: joined.meetingId, after: afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(LIVE_LIMITS.missedMax + 1)
      .getMany();
    const complete = rows.length <= LIVE_LIMITS.missedMax;
    return {
      events: rows
        .slice(0, LIVE_LIMITS.missedMax)
        .map((r) =>
          eventFor(
            { ...r.data, seq: Number(r.seq), sessionId: joined.sessionId, at: r.createdAt.toISOString() } as LiveEvent,
            joined.audience,
          ),
        ),
      complete,
    };
  }

  // ---- attendance ----------------------------------------------------------------------------------------

  async openSpan(meetingId: string, userId: string, socketId: string, instanceId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, socket_id, instance_id, joined_at)
       SELECT $1, $2, $3, $4, now()
        WHERE NOT EXISTS (SELECT 1 FROM meeting_attendance
                           WHERE meeting_id = $1 AND socket_id = $3 AND left_at IS NULL)`,
      [meetingId, userId, socketId, instanceId],
    );
  }

  /** Closes the socket's open spans (all its meetings, or one); returns the meetings left. */
  async closeSpans(socketId: string, meetingId?: string): Promise<{ meetingId: string; userId: string }[]> {
    const rows = returned<{ meeting_id: string; user_id: string }>(
      await this.db.query(
        `UPDATE meeting_attendance SET left_at = now()
        WHERE socket_id = $1 AND left_at IS NULL AND ($2::uuid IS NULL OR meeting_id = $2)
        RETURNING meeting_id, user_id`,
        [socketId, meetingId ?? null],
      ),
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, userId: r.user_id }));
  }

  // ---- the one way to change a room ----------------------------------------------------------------------

  private async commit<T>(
    joined: JoinedMeeting,
    work: (
      tx: EntityManager,
      meeting: MeetingEntity,
      seq: number,
    ) => Promise<{ data: LiveEventData | null; result: T }>,
  ): Promise<{ event: LiveEvent | null; result: T }> {
    return this.db.transaction(async (tx) => {
      const meeting = await tx
        .getRepository(MeetingEntity)
        .findOne({ where: { id: joined.meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw notFound();
      const seq = Number(meeting.seq) + 1;
      const { data, result } = await work(tx, meeting, seq);
      if (!data) return { event: null, result };
      await tx.query(`UPDATE meetings SET seq = $2 WHERE id = $1`, [meeting.id, seq]);
      const row = await tx.getRepository(MeetingEventEntity).save({
        meetingId: meeting.id,
        seq: String(seq),
        type: data.type,
        data,
        actorId: joined.me.userId,
      });
      return { event: { ...data, seq, sessionId: joined.sessionId, at: row.createdAt.toISOString() }, result };
    });
  }

  private requireChair(joined: JoinedMeeting): void {
    if (!joined.can.chair) throw forbidden('Only the chair or a co-chair can do this');
  }

  private requireStatus(meeting: MeetingEntity, ...allowed: MeetingEntity['status'][]): void {
    if (allowed.includes(meeting.status)) return;
    const message =
      meeting.status === 'ended'
        ? 'This meeting has ended'
        : meeting.status === 'waiting'
          ? 'The meeting has not started yet'
          : 'The meeting has already started';
    throw conflict(message, { status: meeting.status });
  }

  /** A single session is live, then ended, with its meeting; a series goes on (its meetings are per occurrence). */
  private async markSession(tx: EntityManager, sessionId: string, status: SessionStatus): Promise<void> {
    await tx.query(`UPDATE sessions SET status = $2 WHERE id = $1 AND rrule IS NULL AND status <> 'cancelled'`, [
      sessionId,
      status,
    ]);
  }

  // ---- agenda --------------------------------------------------------------------------------------------

  start(joined: JoinedMeeting) {
    this.requireChair(joined);
    return this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'waiting');
      const first = await tx
        .getRepository(AgendaItemEntity)
        .findOne({ where: { sessionId: joined.sessionId }, order: { position: 'ASC' } });
      const now = new Date();
      Object.assign(meeting, {
        status: 'live',
        startedAt: now,
        currentItemId: first?.id ?? null,
        timerRunningSince: now,
        timerAccumulatedMs: '0',
        seq: String(seq),
      });
      await tx.getRepository(MeetingEntity).save(meeting);
      await this.markSession(tx, joined.sessionId, SessionStatus.Live);
      const state = this.state(meeting);
      return { data: { type: 'meeting.started', state }, result: state };
    });
  }

  move(joined: JoinedMeeting, direction: 1 | -1) {
    this.requireChair(joined);
    return this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'live');
      const items = await tx
        .getRepository(AgendaItemEntity)
        .find({ where: { sessionId: joined.sessionId }, order: { position: 'ASC' } });
      const at = items.findIndex((i) => i.id === meeting.currentItemId);
      const target = items[at + direction];
      if (!target)
        throw conflict(direction > 0 ? 'This is the last agenda item' : 'This is the first agenda item', {
          currentItemId: meeting.currentItemId,
        });
      await this.endTurn(tx, meeting.id);
      const now = new Date();
      Object.assign(meeting, {
        currentItemId: target.id,
        timerRunningSince: now,
        timerAccumulatedMs: '0',
        seq: String(seq),
      });
      await tx.getRepository(MeetingEntity).save(meeting);
      const state = this.state(meeting);
      return { data: { type: 'agenda.moved', state }, result: state };
    });
  }

  timer(joined: JoinedMeeting, action: 'pause' | 'resume' | 'reset') {
    this.requireChair(joined);
    return this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'live');
      const now = new Date();
      if (action === 'pause' && meeting.timerRunningSince) {
        meeting.timerAccumulatedMs = String(
          Number(meeting.timerAccumulatedMs) + (now.getTime() - meeting.timerRunningSince.getTime()),
        );
        meeting.timerRunningSince = null;
      } else if (action === 'resume' && !meeting.timerRunningSince) {
        meeting.timerRunningSince = now;
      } else if (action === 'reset') {
        meeting.timerAccumulatedMs = '0';
        meeting.timerRunningSince = meeting.timerRunningSince ? now : null;
      } else {
        return { data: null, result: this.state(meeting) };
      }
      meeting.seq = String(seq);
      await tx.getRepository(MeetingEntity).save(meeting);
      const state = this.state(meeting);
      return { data: { type: 'timer.changed', state }, result: state };
    });
  }

  // ---- speaker queue -------------------------------------------------------------------------------------

  private async endTurn(tx: EntityManager, meetingId: string): Promise<void> {
    await tx.query(
      `UPDATE meeting_queue SET status = 'spoke', ended_at = now() WHERE meeting_id = $1 AND status = 'speaking'`,
      [meetingId],
    );
  }

  private queueEvent = async (tx: EntityManager, joined: JoinedMeeting) => {
    const queue = await this.queue(tx, joined.meetingId, joined.sessionId);
    return { data: { type: 'queue.changed', queue } as LiveEventData, result: queueFor(queue, joined.audience) };
  };

  raiseHand(joined: JoinedMeeting) {
    if (!joined.can.raiseHand) throw forbidden('Observers cannot ask for the floor');
    return this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'live');
      const inserted: unknown[] = await tx.query(
        `INSERT INTO meeting_queue (meeting_id, user_id, raised_seq, raised_at, status, agenda_item_id)
         VALUES ($1, $2, $3, now(), 'waiting', $4)
         ON CONFLICT (meeting_id, user_id) WHERE status IN ('waiting', 'speaking') DO NOTHING RETURNING id`,
        [meeting.id, joined.me.userId, seq, meeting.currentItemId],
      );
      if (!inserted.length) {
        const queue = await this.queue(tx, joined.meetingId, joined.sessionId);
        return { data: null, result: queueFor(queue, joined.audience) };
      }
      return this.queueEvent(tx, joined);
    });
  }

  lowerHand(joined: JoinedMeeting, userId?: string) {
    const target = userId ?? joined.me.userId;
    if (target !== joined.me.userId) this.requireChair(joined);
    else if (!joined.can.raiseHand) throw forbidden('Observers cannot ask for the floor');
    return this.commit(joined, async (tx, meeting) => {
      this.requireStatus(meeting, 'live');
      const changed = returned<{ id: string }>(
        await tx.query(
          `UPDATE meeting_queue
            SET status = CASE status WHEN 'speaking' THEN 'spoke' ELSE 'lowered' END,
                ended_at = CASE status WHEN 'speaking' THEN now() ELSE ended_at END,
                lowered_by = $3
          WHERE meeting_id = $1 AND user_id = $2 AND status IN ('waiting', 'speaking') RETURNING id`,
          [meeting.id, target, joined.me.userId],
        ),
      );
      if (!changed.length) {
        const queue = await this.queue(tx, joined.meetingId, joined.sessionId);
        return { data: null, result: queueFor(queue, joined.audience) };
      }
      return this.queueEvent(tx, joined);
    });
  }

  grantFloor(joined: JoinedMeeting, userId: string) {
    this.requireChair(joined);
    return this.commit(joined, async (tx, meeting) => {
      this.requireStatus(meeting, 'live');
      const entry = await tx
        .getRepository(QueueEntryEntity)
        .findOne({ where: { meetingId: meeting.id, userId, status: 'waiting' } });
      if (!entry) throw conflict('This person has not raised their hand', { userId });
      await this.endTurn(tx, meeting.id);
      await tx.query(
        `UPDATE meeting_queue SET status = 'speaking', granted_at = now(), agenda_item_id = $2 WHERE id = $1`,
        [entry.id, meeting.currentItemId],
      );
      return this.queueEvent(tx, joined);
    });
  }

  // ---- chat ----------------------------------------------------------------------------------------------

  /**
   * Chat is the busiest event, so its usual case is one statement (one round trip, autocommit): take the next
   * number (the UPDATE locks the meeting row, like {@link commit}), store the message and its event. Anything
   * unusual — a resend, a meeting not open, a race between two sends of the same client id — falls back to
   * the general path, which answers it exactly.
   */
  async chat(
    joined: JoinedMeeting,
    clientId: string,
    body: string,
  ): Promise<{ event: LiveEvent | null; result: ChatMessage }> {
    if (!joined.can.chat) throw forbidden('Observers cannot write in the chat');
    const id = randomUUID();
    const at = new Date();
    const message = this.chatView(
      Object.assign(new ChatMessageEntity(), { id, clientId, seq: '0', body, createdAt: at, userId: joined.me.userId }),
      joined.me,
    );
    const data: LiveEventData = { type: 'chat.message', message };
    try {
      const rows: { seq: string }[] = await this.db.query(
        `WITH m AS (
           UPDATE meetings SET seq = seq + 1
            WHERE id = $1 AND status IN ('waiting', 'live')
              AND NOT EXISTS (SELECT 1 FROM meeting_chat WHERE meeting_id = $1 AND user_id = $2 AND client_id = $3)
           RETURNING seq),
         c AS (
           INSERT INTO meeting_chat (id, meeting_id, user_id, client_id, seq, body, created_at)
           SELECT $4, $1, $2, $3, m.seq, $5, $6 FROM m RETURNING seq)
         INSERT INTO meeting_events (meeting_id, seq, type, data, actor_id, created_at)
         SELECT $1, c.seq, 'chat.message', jsonb_set($7::jsonb, '{message,seq}', to_jsonb(c.seq)), $2, $6 FROM c
         RETURNING seq`,
        [joined.meetingId, joined.me.userId, clientId, id, body, at, JSON.stringify(data)],
      );
      if (rows.length) {
        const seq = Number(rows[0].seq);
        const stored = { ...message, seq };
        return {
          event: { type: 'chat.message', message: stored, seq, sessionId: joined.sessionId, at: at.toISOString() },
          result: chatFor(stored, 'full'),
        };
      }
    } catch (error) {
      // Two sends of one client id at once: the unique index refused the second; the general path answers it.
      const e = error as { code?: string; driverError?: { code?: string } };
      if ((e.code ?? e.driverError?.code) !== '23505') throw error;
    }
    return this.chatSlow(joined, clientId, body);
  }

  private chatSlow(joined: JoinedMeeting, clientId: string, body: string) {
    return this.commit(joined, async (tx, meeting, seq) => {
      const repo = tx.getRepository(ChatMessageEntity);
      const existing = await repo.findOne({ where: { meetingId: meeting.id, userId: joined.me.userId, clientId } });
      // A resend of a message already stored (same client id): answer with the stored one, broadcast nothing.
      if (existing) return { data: null, result: this.chatView(existing, joined.me) };
      this.requireStatus(meeting, 'waiting', 'live');
      const row = await repo.save({
        meetingId: meeting.id,
        userId: joined.me.userId,
        clientId,
        body,
        seq: String(seq),
      });
      const message = this.chatView(row, joined.me);
      return { data: { type: 'chat.message', message }, result: chatFor(message, 'full') };
    });
  }

  // ---- polls ---------------------------------------------------------------------------------------------

  private async quorum(m: EntityManager, rule: QuorumRule, sessionId: string, meetingId: string): Promise<QuorumState> {
    const [{ eligible, present }] = (await m.query(
      `WITH voters AS (
         SELECT DISTINCT gm.user_id FROM group_memberships gm
           JOIN session_groups sg ON sg.group_id = gm.group_id AND sg.session_id = $1
           JOIN users u ON u.id = gm.user_id AND u.status = 'active'
          WHERE gm.role = ANY($3::text[]) AND gm.term_start <= current_date
            AND (gm.term_end IS NULL OR gm.term_end >= current_date))
       SELECT (SELECT count(*) FROM voters)::int AS eligible,
              (SELECT count(DISTINCT a.user_id) FROM meeting_attendance a
                 JOIN voters v ON v.user_id = a.user_id
                 JOIN live_instances i ON i.id = a.instance_id AND i.seen_at > now() - make_interval(secs => $4)
                WHERE a.meeting_id = $2 AND a.left_at IS NULL)::int AS present`,
      [sessionId, meetingId, VOTING_ROLES, INSTANCE_STALE_SECONDS],
    )) as { eligible: number; present: number }[];
    const required = rule.kind === 'majority' ? Math.floor(eligible / 2) + 1 : rule.kind === 'count' ? rule.count : 0;
    return { rule, eligible, present, required, reached: present >= required };
  }

  /** The quorum of the meeting's open poll, or null when none is open (for presence batches). */
  async openPollQuorum(meetingId: string, sessionId: string): Promise<QuorumState | null> {
    const poll = await this.db.getRepository(PollEntity).findOne({ where: { meetingId, status: 'open' } });
    return poll ? this.quorum(this.db.manager, poll.quorum, sessionId, meetingId) : null;
  }

  private async tally(m: EntityManager, poll: PollEntity): Promise<{ tally: Record<string, number>; cast: number }> {
    const rows: { choice: string; n: number }[] = poll.secret
      ? await m.query(
          `SELECT choice, count(*)::int AS n FROM meeting_secret_ballots WHERE poll_id = $1 GROUP BY choice`,
          [poll.id],
        )
      : await m.query(`SELECT choice, count(*)::int AS n FROM meeting_votes WHERE poll_id = $1 GROUP BY choice`, [
          poll.id,
        ]);
    const tally: Record<string, number> = Object.fromEntries(poll.options.map((o) => [o, 0]));
    let cast = 0;
    for (const r of rows) {
      tally[r.choice] = r.n;
      cast += r.n;
    }
    return { tally, cast };
  }

  private async pollView(
    m: EntityManager,
    poll: PollEntity,
    sessionId: string,
    meetingId: string,
    viewerId: string | null,
  ): Promise<PollView> {
    const { tally, cast } = await this.tally(m, poll);
    const quorum =
      poll.status === 'open' ? await this.quorum(m, poll.quorum, sessionId, meetingId) : this.closedQuorum(poll);
    const view: PollView = {
      id: poll.id,
      agendaItemId: poll.agendaItemId,
      question: poll.question,
      kind: poll.kind,
      options: poll.options,
      secret: poll.secret,
      status: poll.status,
      openedAt: poll.openedAt.toISOString(),
      closedAt: iso(poll.closedAt),
      votesCast: cast,
      tally: poll.secret && poll.status === 'open' ? null : tally,
      quorum,
      result: poll.result,
      minutesId: poll.minutesId,
    };
    if (viewerId) {
      const vote = await m.getRepository(VoteEntity).findOne({ where: { pollId: poll.id, userId: viewerId } });
      view.voted = !!vote;
      view.myChoice = vote?.choice ?? null;
    }
    return view;
  }

  private closedQuorum(poll: PollEntity): QuorumState {
    const q = (poll.result as (PollResult & { quorum?: QuorumState }) | null)?.quorum;
    return q ?? { rule: poll.quorum, eligible: 0, present: 0, required: 0, reached: false };
  }

  openPoll(joined: JoinedMeeting, input: OpenPollInput) {
    this.requireChair(joined);
    const options = input.kind === 'yes_no_abstain' ? [...YES_NO_ABSTAIN] : (input.options ?? []).map((o) => o.trim());
    if (input.kind === 'options') {
      if (options.length < 2 || new Set(options).size !== options.length || options.some((o) => !o))
        throw new ValidationDomainException([{ field: 'options', messages: ['must be two or more distinct labels'] }]);
    }
    const minutesVote = input.minutesId ? this.minutesVotes.get() : null;
    if (input.minutesId) {
      if (input.kind !== 'yes_no_abstain')
        throw new ValidationDomainException([
          { field: 'kind', messages: ['must be yes_no_abstain to approve minutes'] },
        ]);
      if (!minutesVote)
        throw new ValidationDomainException([{ field: 'minutesId', messages: ['minutes cannot be voted on here'] }]);
    }
    return this.commit(joined, async (tx, meeting) => {
      this.requireStatus(meeting, 'live');
      const open = await tx.getRepository(PollEntity).findOne({ where: { meetingId: meeting.id, status: 'open' } });
      if (open) throw conflict('Close the open poll first', { pollId: open.id });
      if (input.minutesId && minutesVote) {
        const refused = await minutesVote.check(tx, input.minutesId, joined.sessionId);
        if (refused) throw new ValidationDomainException([{ field: 'minutesId', messages: [refused] }]);
      }
      const poll = await tx.getRepository(PollEntity).save({
        meetingId: meeting.id,
        agendaItemId: meeting.currentItemId,
        question: input.question.trim(),
        kind: input.kind,
        options,
        secret: input.secret,
        quorum: input.quorum,
        status: 'open' as const,
        openedBy: joined.me.userId,
        openedAt: new Date(),
        closedAt: null,
        result: null,
        minutesId: input.minutesId ?? null,
      });
      const view = await this.pollView(tx, poll, joined.sessionId, meeting.id, null);
      return { data: { type: 'poll.opened', poll: view }, result: { ...view, voted: false, myChoice: null } };
    });
  }

  vote(joined: JoinedMeeting, pollId: string, choice: string) {
    if (!joined.can.vote) throw forbidden('Only voting members of the working group can vote');
    return this.commit(joined, async (tx, meeting) => {
      const poll = await tx.getRepository(PollEntity).findOne({ where: { id: pollId, meetingId: meeting.id } });
      if (!poll) throw new DomainException(ErrorCode.NotFound, 'This poll was not found');
      if (poll.status !== 'open') throw conflict('This poll is closed', { pollId });
      if (!poll.options.includes(choice))
        throw new ValidationDomainException([
          { field: 'choice', messages: [`must be one of ${poll.options.join(', ')}`] },
        ]);
      // One vote per member: the primary key (poll, user) decides, even between two API instances.
      const inserted: unknown[] = await tx.query(
        `INSERT INTO meeting_votes (poll_id, user_id, choice) VALUES ($1, $2, $3)
         ON CONFLICT (poll_id, user_id) DO NOTHING RETURNING poll_id`,
        [poll.id, joined.me.userId, poll.secret ? null : choice],
      );
      if (!inserted.length) {
        const mine = await tx.getRepository(VoteEntity).findOneByOrFail({ pollId: poll.id, userId: joined.me.userId });
        if (!poll.secret && mine.choice === choice) {
          return { data: null, result: await this.pollView(tx, poll, joined.sessionId, meeting.id, joined.me.userId) };
        }
        throw conflict('You have already voted in this poll; a vote cannot be changed', { pollId });
      }
      if (poll.secret) await tx.getRepository(SecretBallotEntity).insert({ pollId: poll.id, choice });
      const view = await this.pollView(tx, poll, joined.sessionId, meeting.id, null);
      return { data: { type: 'poll.voted', poll: view }, result: { ...view, voted: true, myChoice: choice } };
    });
  }

  closePoll(joined: JoinedMeeting, pollId: string) {
    this.requireChair(joined);
    return this.commit(joined, async (tx, meeting) => {
      const poll = await tx.getRepository(PollEntity).findOne({ where: { id: pollId, meetingId: meeting.id } });
      if (!poll) throw new DomainException(ErrorCode.NotFound, 'This poll was not found');
      if (poll.status !== 'open') throw conflict('This poll is already closed', { pollId });
      const decision = await this.close(tx, joined, poll);
      const view = await this.pollView(tx, poll, joined.sessionId, meeting.id, joined.me.userId);
      const broadcast = { ...view };
      delete broadcast.voted;
      delete broadcast.myChoice;
      return { data: { type: 'poll.closed', poll: broadcast, decisionId: decision.id }, result: view };
    });
  }

  private async close(tx: EntityManager, joined: JoinedMeeting, poll: PollEntity): Promise<DecisionEntity> {
    const { tally, cast } = await this.tally(tx, poll);
    const quorum = await this.quorum(tx, poll.quorum, joined.sessionId, joined.meetingId);
    let outcome: PollResult['outcome'];
    if (!quorum.reached) outcome = 'no_quorum';
    else if (poll.kind === 'yes_no_abstain')
      outcome = (tally['yes'] ?? 0) > (tally['no'] ?? 0) ? 'adopted' : 'rejected';
    else {
      const top = Math.max(...Object.values(tally));
      const winners = Object.keys(tally).filter((k) => tally[k] === top);
      outcome = winners.length === 1 && top > 0 ? winners[0] : 'tie';
    }
    const result: PollResult & { quorum: QuorumState } = {
      tally,
      votesCast: cast,
      quorumReached: quorum.reached,
      outcome,
      quorum,
    };
    Object.assign(poll, { status: 'closed', closedAt: new Date(), result });
    await tx.getRepository(PollEntity).save(poll);
    if (poll.minutesId)
      await this.minutesVotes.get()?.closed(tx, {
        minutesId: poll.minutesId,
        pollId: poll.id,
        sessionId: joined.sessionId,
        result,
        closedBy: joined.me.userId,
      });
    // The motion as put; the outcome is structured (`result`), so each reader's language can word it.
    return tx.getRepository(DecisionEntity).save({
      meetingId: joined.meetingId,
      pollId: poll.id,
      agendaItemId: poll.agendaItemId,
      text: poll.question,
      result,
      status: 'draft' as const,
    });
  }

  // ---- live notes ----------------------------------------------------------------------------------------

  notes(joined: JoinedMeeting, itemId: string, update: string) {
    if (!joined.can.takeNotes) throw forbidden('Only the rapporteur and the chairs take the notes');
    const bytes = Buffer.from(update, 'base64');
    if (!bytes.length || bytes.toString('base64') !== update.replace(/\s/g, ''))
      throw new ValidationDomainException([{ field: 'update', messages: ['must be a base64 Yjs update'] }]);
    try {
      Y.decodeUpdate(new Uint8Array(bytes));
    } catch {
      throw new ValidationDomainException([{ field: 'update', messages: ['is not a valid Yjs update'] }]);
    }
    return this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'waiting', 'live');
      const item = await tx
        .getRepository(AgendaItemEntity)
        .findOne({ where: { id: itemId, sessionId: joined.sessionId } });
      if (!item)
        throw new ValidationDomainException([{ field: 'itemId', messages: ['is not an item of this agenda'] }]);
      await tx.getRepository(NoteUpdateEntity).insert({
        meetingId: meeting.id,
        agendaItemId: itemId,
        update: bytes,
        userId: joined.me.userId,
      });
      return { data: { type: 'notes.update', itemId, update }, result: { seq } };
    });
  }

  // ---- end of meeting: the draft of the minutes ----------------------------------------------------------

  async end(
    joined: JoinedMeeting,
  ): Promise<{ events: LiveEvent[]; result: { state: MeetingState; minutesId: string } }> {
    this.requireChair(joined);
    const events: LiveEvent[] = [];
    // An open poll is closed first, as its own event, so its decision is in the minutes.
    const open = await this.db
      .getRepository(PollEntity)
      .findOne({ where: { meetingId: joined.meetingId, status: 'open' } });
    if (open) {
      const closed = await this.closePoll(joined, open.id).catch((e: unknown) => {
        if (e instanceof DomainException && e.code === ErrorCode.Conflict) return null;
        throw e;
      });
      if (closed?.event) events.push(closed.event);
    }
    const ended = await this.commit(joined, async (tx, meeting, seq) => {
      this.requireStatus(meeting, 'live');
      await this.endTurn(tx, meeting.id);
      Object.assign(meeting, { status: 'ended', endedAt: new Date(), timerRunningSince: null, seq: String(seq) });
      await tx.getRepository(MeetingEntity).save(meeting);
      await this.markSession(tx, joined.sessionId, SessionStatus.Ended);
      const content = await this.draft(tx, joined, meeting);
      const minutes = await tx
        .getRepository(MinutesEntity)
        .save({ meetingId: meeting.id, sessionId: joined.sessionId, status: 'draft' as const, content });
      const state = this.state(meeting);
      return {
        data: { type: 'meeting.ended', state, minutesId: minutes.id },
        result: { state, minutesId: minutes.id },
      };
    });
    if (ended.event) events.push(ended.event);
    return { events, result: ended.result };
  }

  private async draft(tx: EntityManager, joined: JoinedMeeting, meeting: MeetingEntity): Promise<MinutesDraftContent> {
    const endedAt = meeting.endedAt ?? new Date();
    const startedAt = meeting.startedAt ?? endedAt;
    const session = await tx
      .getRepository(SessionEntity)
      .findOneOrFail({ where: { id: joined.sessionId }, relations: { groups: true } });
    // Time present: the union of each person's spans within the meeting (two tabs or a reconnect never add up twice).
    const spans: { user_id: string; secs: number; first: Date; last: Date }[] = await tx.query(
      `SELECT user_id, round(extract(epoch FROM sum(upper(r) - lower(r))))::int AS secs,
              min(lower(r)) AS first, max(upper(r)) AS last
         FROM (SELECT user_id,
                      unnest(range_agg(tstzrange(greatest(joined_at, $2), least(coalesce(left_at, $3), $3)))) AS r
                 FROM meeting_attendance
                WHERE meeting_id = $1 AND joined_at < $3 AND coalesce(left_at, $3) > $2
                GROUP BY user_id) x
        GROUP BY user_id`,
      [meeting.id, startedAt, endedAt],
    );
    const turns: { user_id: string; agenda_item_id: string | null; secs: number; turns: number }[] = await tx.query(
      `SELECT user_id, agenda_item_id, round(extract(epoch FROM sum(coalesce(ended_at, $2) - granted_at)))::int AS secs,
              count(*)::int AS turns
         FROM meeting_queue WHERE meeting_id = $1 AND granted_at IS NOT NULL
        GROUP BY user_id, agenda_item_id`,
      [meeting.id, endedAt],
    );
    const decisions = await tx
      .getRepository(DecisionEntity)
      .find({ where: { meetingId: meeting.id }, order: { createdAt: 'ASC' } });
    const polls = await tx.getRepository(PollEntity).find({ where: { meetingId: meeting.id } });
    const secretPoll = new Map(polls.map((p) => [p.id, p.secret]));
    const people = await loadPeople(tx, joined.sessionId, [
      ...spans.map((s) => s.user_id),
      ...turns.map((t) => t.user_id),
    ]);
    const person = (id: string) => {
      const p = people.get(id);
      return p
        ? { userId: p.userId, name: p.name, role: p.role, country: p.country, organisation: p.organisation }
        : { userId: id, name: null, role: 'guest' as const, country: null, organisation: null };
    };
    const notes = await this.notesState(tx, meeting.id);
    const text = (itemId: string) => {
      const state = notes.items[itemId];
      if (!state) return '';
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(state, 'base64'));
      const value = doc.getText(NOTES_TEXT).toString();
      doc.destroy();
      return value;
    };
    const decisionView = (d: DecisionEntity): MinutesDecision => ({
      id: d.id,
      pollId: d.pollId,
      text: d.text,
      result: d.result,
      secret: secretPoll.get(d.pollId) ?? false,
    });
    const agenda = await this.agenda(tx, joined.sessionId);
    const items: MinutesItem[] = agenda.map((item) => ({
      item,
      notes: text(item.id),
      speakers: turns
        .filter((t) => t.agenda_item_id === item.id)
        .map((t) => ({ person: person(t.user_id), seconds: t.secs, turns: t.turns }))
        .sort((a, b) => b.seconds - a.seconds),
      decisions: decisions.filter((d) => d.agendaItemId === item.id).map(decisionView),
    }));
    const attendance: MinutesAttendance[] = spans
      .map((s) => ({
        person: person(s.user_id),
        secondsPresent: s.secs,
        firstJoinedAt: new Date(s.first).toISOString(),
        lastLeftAt: new Date(s.last).toISOString(),
      }))
      .sort((a, b) => (a.person.name ?? '').localeCompare(b.person.name ?? ''));
    const [{ n }] = (await tx.query(`SELECT count(*)::int AS n FROM meeting_chat WHERE meeting_id = $1`, [
      meeting.id,
    ])) as {
      n: number;
    }[];
    // The notes are frozen: the item's updates are merged into one row.
    for (const [itemId, state] of Object.entries(notes.items)) {
      await tx.getRepository(NoteUpdateEntity).delete({ meetingId: meeting.id, agendaItemId: itemId });
      await tx
        .getRepository(NoteUpdateEntity)
        .insert({ meetingId: meeting.id, agendaItemId: itemId, update: Buffer.from(state, 'base64'), userId: null });
    }
    return {
      session: {
        id: session.id,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone: session.timeZone,
        groups: (session.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
      },
      startedAt: iso(meeting.startedAt),
      endedAt: endedAt.toISOString(),
      attendance,
      items,
      otherDecisions: decisions.filter((d) => !agenda.some((a) => a.id === d.agendaItemId)).map(decisionView),
      chatMessages: n,
    };
  }

  /**
   * The meetings a person may join: for each session they are admitted to (group member, invitee, organiser;
   * the secretariat: all), the occurrence its live room belongs to, when that starts within a week or is
   * under way, plus any meeting that is live now. Live first, then by start.
   */
  async myMeetings(principal: Principal): Promise<LiveMeetingListResponse> {
    const now = Date.now();
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id FROM sessions s
        WHERE s.status <> 'cancelled'
          AND ($2 OR s.organiser_id = $1
               OR EXISTS (SELECT 1 FROM invitations i WHERE i.session_id = s.id AND i.user_id = $1)
               OR EXISTS (SELECT 1 FROM group_memberships m JOIN session_groups sg ON sg.group_id = m.group_id
                           WHERE sg.session_id = s.id AND m.user_id = $1 AND m.term_start <= current_date
                             AND (m.term_end IS NULL OR m.term_end >= current_date)))
          AND (s.rrule IS NOT NULL OR s.ends_at > now() - interval '12 hours'
               OR EXISTS (SELECT 1 FROM meetings mt WHERE mt.session_id = s.id AND mt.status = 'live'))
          AND (s.rrule IS NOT NULL OR s.starts_at < now() + interval '7 days'
               OR EXISTS (SELECT 1 FROM meetings mt WHERE mt.session_id = s.id AND mt.status = 'live'))`,
      [principal.userId, principal.globalRole === GlobalRole.Secretariat],
    );
    if (!rows.length) return { meetings: [] };
    const sessions = await this.db
      .getRepository(SessionEntity)
      .find({ where: { id: In(rows.map((r) => r.id)) }, relations: { groups: true } });
    const people = await Promise.all(sessions.map((s) => loadPeople(this.db.manager, s.id, [principal.userId])));
    const meetings = await this.db
      .getRepository(MeetingEntity)
      .find({ where: { sessionId: In(sessions.map((s) => s.id)) } });
    const present: { meeting_id: string; n: number }[] = meetings.length
      ? await this.db.query(
          `SELECT a.meeting_id, count(DISTINCT a.user_id)::int AS n FROM meeting_attendance a
             JOIN live_instances i ON i.id = a.instance_id AND i.seen_at > now() - make_interval(secs => $2)
            WHERE a.meeting_id = ANY($1::uuid[]) AND a.left_at IS NULL GROUP BY a.meeting_id`,
          [meetings.map((m) => m.id), INSTANCE_STALE_SECONDS],
        )
      : [];
    const minutes = meetings.length
      ? await this.db.getRepository(MinutesEntity).find({ where: { meetingId: In(meetings.map((m) => m.id)) } })
      : [];
    const out: LiveMeetingSummary[] = [];
    for (const [i, session] of sessions.entries()) {
      const me = people[i].get(principal.userId);
      const can = me ? capabilities(me.standing) : null;
      if (!can) continue;
      const occurrence = await this.occurrenceOf(session);
      const meeting = meetings.find(
        (m) => m.sessionId === session.id && m.occurrenceStart.getTime() === occurrence.recurrenceId.getTime(),
      );
      const live = meetings.find((m) => m.sessionId === session.id && m.status === 'live');
      const shown = live ?? meeting;
      const inWindow =
        occurrence.startsAt.getTime() < now + 7 * 86_400_000 && occurrence.endsAt.getTime() > now - 12 * 3_600_000;
      if (!live && !inWindow) continue;
      out.push({
        sessionId: session.id,
        title: session.title,
        occurrenceStart: (shown?.occurrenceStart ?? occurrence.recurrenceId).toISOString(),
        startsAt: occurrence.startsAt.toISOString(),
        endsAt: occurrence.endsAt.toISOString(),
        timeZone: session.timeZone,
        format: session.format as LiveMeetingSummary['format'],
        groupIds: (session.groups ?? []).map((g) => g.id),
        status: shown?.status ?? 'not_opened',
        present: present.find((p) => p.meeting_id === shown?.id)?.n ?? 0,
        minutesId: minutes.find((x) => x.meetingId === shown?.id)?.id ?? null,
        readOnly: can.readOnly,
        canReadMinutes: mayReadMinutes(can),
      });
    }
    const rank = (m: LiveMeetingSummary) => (m.status === 'live' ? 0 : m.status === 'ended' ? 2 : 1);
    out.sort((a, b) => rank(a) - rank(b) || a.startsAt.localeCompare(b.startsAt));
    return { meetings: out };
  }

  /** The latest draft of a session's minutes: for its chairs, rapporteur and voting members; never observers. */
  async minutesDraft(principal: Principal, sessionId: string): Promise<MinutesDraftView> {
    const joined = await this.admit(principal, sessionId).catch((e: unknown) => {
      if (e instanceof DomainException && e.code === ErrorCode.Conflict) throw notFound();
      throw e;
    });
    if (!mayReadMinutes(joined.can))
      throw forbidden('Draft minutes are open to the chairs, the rapporteur and the voting members');
    const row = await this.db
      .getRepository(MinutesEntity)
      .findOne({ where: { sessionId }, order: { createdAt: 'DESC' } });
    if (!row) throw new DomainException(ErrorCode.NotFound, 'This meeting has no minutes yet');
    return {
      id: row.id,
      sessionId: row.sessionId,
      meetingId: row.meetingId,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      content: row.content,
    };
  }
}
