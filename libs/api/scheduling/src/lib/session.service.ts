import { AuditService } from '@kengash/api-audit';
import { AuthConfig, DomainException } from '@kengash/api-core';
import { GroupAccessService, WorkingGroupEntity } from '@kengash/api-council';
import { Principal, TokenService, UserEntity } from '@kengash/api-identity';
import { NotificationsService } from '@kengash/api-notifications';
import {
  CalendarResponse,
  ConflictView,
  ErrorCode,
  GlobalRole,
  GroupRole,
  NotificationKind,
  OccurrenceView,
  Rsvp,
  RsvpCounts,
  SessionStatus,
  SessionView,
} from '@kengash/contracts';
import { utcToZoned, zonedToUtc } from '@kengash/util-time';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity';
import { SessionViewExtensions } from './session-view-extensions';
import { buildCalendar, IcsSession } from './ics/ics';
import { occurrences, SeriesSpec } from './recurrence/recurrence';
import { InvitationEntity, SessionOverrideEntity } from './scheduling.entities';
import { CreateSessionDto, UpdateSessionDto } from './session.dto';
import { SessionEntity } from './session.entity';
import { sessionMail } from './session-mail';

const EDITOR_ROLES: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair];

/**
 * Who sees network events (sessions with the network as audience) and may RSVP to them: the active network
 * members (practitioners) and the council around them — members and chairs, focal points, the secretariat —
 * and administrators. Observers are not part of the network. A signed-in principal's account is active (a
 * suspended or departed practitioner's account is disabled), so the role is enough.
 */
export const NETWORK_AUDIENCE_ROLES: readonly GlobalRole[] = [
  GlobalRole.Practitioner,
  GlobalRole.Member,
  GlobalRole.FocalPoint,
  GlobalRole.Secretariat,
  GlobalRole.Admin,
];
/** Who may make a session a network event. */
const NETWORK_ORGANISER_ROLES: readonly GlobalRole[] = [GlobalRole.Secretariat, GlobalRole.Admin];

export const inNetworkAudience = (p: Principal) => NETWORK_AUDIENCE_ROLES.includes(p.globalRole);

export interface SessionRights {
  read: boolean;
  edit: boolean;
  invited: boolean;
}

/** A calendar range: `to` after `from`, at most 400 days. */
function checkRange(from: Date, to: Date): void {
  if (to.getTime() - from.getTime() > 400 * 86_400_000 || to <= from) {
    throw new DomainException(ErrorCode.ValidationFailed, 'The range is not valid', [
      { field: 'to', messages: ['must be after from, at most 400 days later'] },
    ]);
  }
}

@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly groups: GroupAccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly tokens: TokenService,
    private readonly extensions: SessionViewExtensions,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<AuthConfig>('auth').publicUrl.replace(/\/$/, '');
  }

  // ---- access --------------------------------------------------------------------------------------------

  /**
   * Readers: invitees, readers of any of its groups, the secretariat, and for a network event the whole network
   * audience. Editors: organiser, chairs of its groups, secretariat.
   */
  async rights(principal: Principal, session: SessionEntity): Promise<SessionRights> {
    const groups = session.groups ?? [];
    const invited =
      (await this.db
        .getRepository(InvitationEntity)
        .count({ where: { sessionId: session.id, userId: principal.userId } })) > 0;
    if (principal.globalRole === GlobalRole.Secretariat) return { read: true, edit: true, invited };
    let read = invited || (session.audience === 'network' && inNetworkAudience(principal));
    for (const g of groups) if (!read) read = (await this.groups.rights(principal, g)).read;
    const chair = principal.memberships.some(
      (m) => groups.some((g) => g.id === m.groupId) && EDITOR_ROLES.includes(m.role),
    );
    return { read, edit: read && (session.organiserId === principal.userId || chair), invited };
  }

  private async load(id: string, manager: EntityManager = this.db.manager): Promise<SessionEntity> {
    const session = await manager.getRepository(SessionEntity).findOne({ where: { id }, relations: { groups: true } });
    if (!session) throw new DomainException(ErrorCode.NotFound, 'This session was not found');
    return session;
  }

  private async readable(principal: Principal, id: string): Promise<{ session: SessionEntity; rights: SessionRights }> {
    const session = await this.load(id);
    const rights = await this.rights(principal, session);
    if (!rights.read) throw new DomainException(ErrorCode.NotFound, 'This session was not found');
    return { session, rights };
  }

  private async editable(principal: Principal, id: string): Promise<SessionEntity> {
    const { session, rights } = await this.readable(principal, id);
    if (!rights.edit)
      throw new DomainException(
        ErrorCode.Forbidden,
        'Only the organiser, a chair of its group or the secretariat can change this session',
      );
    return session;
  }

  // ---- views ---------------------------------------------------------------------------------------------

  async spec(session: SessionEntity, manager: EntityManager = this.db.manager): Promise<SeriesSpec> {
    const overrides = await manager.getRepository(SessionOverrideEntity).find({ where: { sessionId: session.id } });
    return {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      rrule: session.rrule,
      exdates: session.exdates ?? [],
      overrides: overrides.map((o) => ({
        recurrenceId: o.recurrenceId,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        cancelled: o.cancelled,
      })),
    };
  }

  async view(principal: Principal, id: string): Promise<SessionView> {
    const { session, rights } = await this.readable(principal, id);
    const view = await this.toView(session, principal.userId);
    view.can = { edit: rights.edit };
    // Who answers a network event is not the network's business: its editors see the invitees, others themselves.
    if (session.audience === 'network' && !rights.edit)
      view.invitees = view.invitees.filter((i) => i.userId === principal.userId);
    return this.extensions.apply(principal, view);
  }

  private async toView(session: SessionEntity, viewerId: string | null): Promise<SessionView> {
    const agenda = await this.db
      .getRepository(AgendaItemEntity)
      .find({ where: { sessionId: session.id }, relations: { presenter: true }, order: { position: 'ASC' } });
    const invitees: {
      user_id: string;
      display_name: string;
      organisation: string | null;
      country: string | null;
      time_zone: string;
      rsvp: Rsvp;
      responded_at: Date | null;
    }[] = await this.db.query(
      `SELECT i.user_id, u.display_name, u.organisation, u.country, u.time_zone, i.rsvp, i.responded_at
           FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.session_id = $1 ORDER BY u.display_name`,
      [session.id],
    );
    const counts: RsvpCounts = { pending: 0, accepted: 0, declined: 0, tentative: 0 };
    for (const i of invitees) counts[i.rsvp]++;
    return {
      id: session.id,
      title: session.title,
      description: session.description,
      groupIds: (session.groups ?? []).map((g) => g.id),
      format: session.format as SessionView['format'],
      location: session.location,
      onlineRoom: session.onlineRoom,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      timeZone: session.timeZone,
      localStart: utcToZoned(session.startsAt, session.timeZone),
      localEnd: utcToZoned(session.endsAt, session.timeZone),
      status: session.status as SessionStatus,
      rrule: session.rrule,
      capacity: session.capacity,
      organiserId: session.organiserId,
      sequence: session.sequence,
      agenda: agenda.map((a) => ({
        id: a.id,
        position: a.position,
        title: a.title,
        presenterId: a.presenterId,
        presenterName: a.presenter?.displayName ?? null,
        minutesAllotted: a.minutesAllotted,
        documents: a.documents ?? [],
      })),
      invitees: invitees.map((i) => ({
        userId: i.user_id,
        displayName: i.display_name,
        organisation: i.organisation,
        country: i.country,
        timeZone: i.time_zone,
        rsvp: i.rsvp,
        respondedAt: i.responded_at ? new Date(i.responded_at).toISOString() : null,
      })),
      rsvpCounts: counts,
      myRsvp: invitees.find((i) => i.user_id === viewerId)?.rsvp ?? null,
      demo: session.demo,
      audience: session.audience,
      can: { edit: false },
    };
  }

  /**
   * Occurrences in [from, to) of the sessions the person is invited to and of the network events they may see
   * (or of one group they can read).
   */
  async calendar(principal: Principal, from: Date, to: Date, groupId?: string): Promise<CalendarResponse> {
    checkRange(from, to);
    let ids: string[];
    if (groupId) {
      await this.groups.readable(principal, groupId);
      ids = (await this.db.query(`SELECT session_id FROM session_groups WHERE group_id = $1`, [groupId])).map(
        (r: { session_id: string }) => r.session_id,
      );
    } else {
      ids = (
        await this.db.query(
          `SELECT session_id FROM invitations WHERE user_id = $1
           UNION SELECT id FROM sessions WHERE audience = 'network' AND $2::boolean`,
          [principal.userId, inNetworkAudience(principal)],
        )
      ).map((r: { session_id: string }) => r.session_id);
    }
    const sessions = ids.length
      ? await this.db.getRepository(SessionEntity).find({ where: { id: In(ids) }, relations: { groups: true } })
      : [];
    const mine = new Map<string, Rsvp>(
      (await this.db.query(`SELECT session_id, rsvp FROM invitations WHERE user_id = $1`, [principal.userId])).map(
        (r: { session_id: string; rsvp: Rsvp }) => [r.session_id, r.rsvp],
      ),
    );
    const out: OccurrenceView[] = [];
    for (const s of sessions) out.push(...(await this.occurrenceViews(s, from, to, mine.get(s.id) ?? null)));
    out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { from: from.toISOString(), to: to.toISOString(), occurrences: out };
  }

  /**
   * Occurrences in [from, to) of one session (a series' dates, moved and cancelled ones marked), for whoever may
   * see the session; 404 otherwise, as for the session itself.
   */
  async sessionOccurrences(principal: Principal, id: string, from: Date, to: Date): Promise<CalendarResponse> {
    checkRange(from, to);
    const { session } = await this.readable(principal, id);
    const withGroups = await this.db
      .getRepository(SessionEntity)
      .findOneOrFail({ where: { id: session.id }, relations: { groups: true } });
    const rows: { rsvp: Rsvp }[] = await this.db.query(
      `SELECT rsvp FROM invitations WHERE session_id = $1 AND user_id = $2`,
      [id, principal.userId],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      occurrences: await this.occurrenceViews(withGroups, from, to, rows[0]?.rsvp ?? null),
    };
  }

  private async occurrenceViews(
    s: SessionEntity,
    from: Date,
    to: Date,
    myRsvp: Rsvp | null,
  ): Promise<OccurrenceView[]> {
    return occurrences(await this.spec(s), from, to).map((o) => ({
      sessionId: s.id,
      recurrenceId: o.recurrenceId.toISOString(),
      title: s.title,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      timeZone: s.timeZone,
      format: s.format as OccurrenceView['format'],
      status: s.status as SessionStatus,
      moved: o.moved,
      groupIds: (s.groups ?? []).map((g) => g.id),
      myRsvp,
      audience: s.audience,
    }));
  }

  // ---- changes -------------------------------------------------------------------------------------------

  async create(principal: Principal, input: CreateSessionDto, ip: string | null): Promise<SessionView> {
    const audience = input.audience ?? 'groups';
    if (audience === 'network' && !NETWORK_ORGANISER_ROLES.includes(principal.globalRole))
      throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat schedules network events');
    const groups = await this.db.getRepository(WorkingGroupEntity).find({ where: { id: In(input.groupIds) } });
    if (groups.length !== new Set(input.groupIds).size)
      throw new DomainException(ErrorCode.NotFound, 'A working group was not found');
    for (const g of groups) {
      const r = await this.groups.rights(principal, g);
      if (!r.read) throw new DomainException(ErrorCode.NotFound, 'A working group was not found');
      if (!r.editPlan)
        throw new DomainException(
          ErrorCode.Forbidden,
          'Only a chair or co-chair of every group, or the secretariat, can schedule its sessions',
        );
    }
    const startsAt = zonedToUtc(input.localStart, input.timeZone);
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    const id = await this.db.transaction(async (tx) => {
      const session = await tx.getRepository(SessionEntity).save({
        title: input.title,
        description: input.description ?? null,
        format: input.format,
        location: input.location ?? null,
        onlineRoom: input.onlineRoom ?? null,
        startsAt,
        endsAt,
        timeZone: input.timeZone,
        rrule: input.rrule ?? null,
        capacity: input.capacity ?? null,
        status: SessionStatus.Scheduled,
        organiserId: principal.userId,
        sequence: 0,
        exdates: [],
        demo: false,
        audience,
        groups,
      });
      await this.saveAgenda(tx, session.id, input.agenda ?? []);
      const members: { user_id: string }[] = input.membersNotInvited
        ? []
        : await tx.query(
            `SELECT DISTINCT m.user_id FROM group_memberships m JOIN users u ON u.id = m.user_id
              WHERE m.group_id = ANY($1::uuid[]) AND m.term_start <= current_date AND (m.term_end IS NULL OR m.term_end >= current_date)
                AND u.status <> 'disabled'`,
            [input.groupIds],
          );
      const inviteeIds = [...new Set([...members.map((m) => m.user_id), ...(input.extraInviteeIds ?? [])])];
      const found = await tx.getRepository(UserEntity).count({ where: { id: In(inviteeIds) } });
      if (found !== inviteeIds.length)
        throw new DomainException(ErrorCode.ValidationFailed, 'Unknown invitee', [
          { field: 'extraInviteeIds', messages: ['must name existing people'] },
        ]);
      await this.invite(tx, session.id, inviteeIds);
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'session.created',
          targetType: 'session',
          targetId: session.id,
          details: { groups: input.groupIds, invitees: inviteeIds.length, audience },
          ip,
        },
        tx,
      );
      return session.id;
    });
    await this.announce(id, NotificationKind.SessionInvitation);
    return this.view(principal, id);
  }

  private async saveAgenda(
    tx: EntityManager,
    sessionId: string,
    agenda: CreateSessionDto['agenda'] & object,
  ): Promise<void> {
    await tx.getRepository(AgendaItemEntity).delete({ sessionId });
    if (agenda.length) {
      await tx.getRepository(AgendaItemEntity).insert(
        agenda.map((a, i) => ({
          sessionId,
          position: i + 1,
          title: a.title,
          presenterId: a.presenterId ?? null,
          minutesAllotted: a.minutesAllotted,
          documents: a.documents ?? [],
        })),
      );
    }
  }

  private async invite(tx: EntityManager, sessionId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const existing = new Set(
      (await tx.getRepository(InvitationEntity).find({ where: { sessionId } })).map((i) => i.userId),
    );
    const fresh = userIds.filter((u) => !existing.has(u));
    if (fresh.length) {
      await tx.getRepository(InvitationEntity).insert(
        fresh.map((userId) => ({
          sessionId,
          userId,
          rsvp: Rsvp.Pending,
          respondedAt: null,
          rsvpTokenHash: this.tokens.hashOpaque(randomBytes(32).toString('base64url')),
        })),
      );
    }
  }

  async update(principal: Principal, id: string, change: UpdateSessionDto, ip: string | null): Promise<SessionView> {
    await this.db
      .transaction(async (tx) => {
        const session = await this.editable(principal, id);
        if (session.status === SessionStatus.Cancelled || session.status === SessionStatus.Ended) {
          throw new DomainException(ErrorCode.Conflict, 'A cancelled or ended session cannot be changed');
        }
        if (change.audience !== undefined && change.audience !== session.audience) {
          if (change.audience === 'network' && !NETWORK_ORGANISER_ROLES.includes(principal.globalRole))
            throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat makes a session a network event');
          if (change.audience === 'groups' && !(session.groups ?? []).length)
            throw new DomainException(
              ErrorCode.ValidationFailed,
              'A session without groups must stay a network event',
              [{ field: 'audience', messages: ['a session of no working group can only be a network event'] }],
            );
        }
        const zone = change.timeZone ?? session.timeZone;
        const local = change.localStart ?? utcToZoned(session.startsAt, session.timeZone);
        const duration =
          change.durationMinutes ?? Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
        const startsAt = zonedToUtc(local, zone);
        const endsAt = new Date(startsAt.getTime() + duration * 60_000);
        const rescheduled =
          startsAt.getTime() !== session.startsAt.getTime() ||
          endsAt.getTime() !== session.endsAt.getTime() ||
          zone !== session.timeZone ||
          (change.rrule !== undefined && change.rrule !== session.rrule) ||
          (change.location !== undefined && change.location !== session.location) ||
          (change.onlineRoom !== undefined && change.onlineRoom !== session.onlineRoom) ||
          (change.format !== undefined && change.format !== session.format) ||
          (change.title !== undefined && change.title !== session.title);
        await tx.getRepository(SessionEntity).update(
          { id },
          {
            title: change.title ?? session.title,
            description: change.description ?? session.description,
            format: change.format ?? session.format,
            location: change.location ?? session.location,
            onlineRoom: change.onlineRoom ?? session.onlineRoom,
            capacity: change.capacity ?? session.capacity,
            rrule: change.rrule ?? session.rrule,
            timeZone: zone,
            startsAt,
            endsAt,
            sequence: rescheduled ? session.sequence + 1 : session.sequence,
            audience: change.audience ?? session.audience,
          },
        );
        if (change.agenda) await this.saveAgenda(tx, id, change.agenda);
        if (change.extraInviteeIds) await this.invite(tx, id, change.extraInviteeIds);
        await this.audit.record(
          {
            actorId: principal.userId,
            action: 'session.updated',
            targetType: 'session',
            targetId: id,
            details: { fields: Object.keys(change), rescheduled },
            ip,
          },
          tx,
        );
        return rescheduled;
      })
      .then((rescheduled) => (rescheduled ? this.announce(id, NotificationKind.SessionChanged) : undefined));
    return this.view(principal, id);
  }

  async cancel(principal: Principal, id: string, ip: string | null): Promise<SessionView> {
    await this.db.transaction(async (tx) => {
      const session = await this.editable(principal, id);
      if (session.status === SessionStatus.Cancelled)
        throw new DomainException(ErrorCode.Conflict, 'This session is already cancelled');
      await tx
        .getRepository(SessionEntity)
        .update({ id }, { status: SessionStatus.Cancelled, sequence: session.sequence + 1 });
      await this.audit.record(
        { actorId: principal.userId, action: 'session.cancelled', targetType: 'session', targetId: id, ip },
        tx,
      );
    });
    await this.announce(id, NotificationKind.SessionCancelled);
    return this.view(principal, id);
  }

  /** Cancels (EXDATE) or moves (RECURRENCE-ID override) one occurrence of a series. */
  async changeOccurrence(
    principal: Principal,
    id: string,
    recurrenceId: Date,
    move: { localStart: string; durationMinutes: number } | null,
    ip: string | null,
  ): Promise<SessionView> {
    await this.db.transaction(async (tx) => {
      const session = await this.editable(principal, id);
      if (!session.rrule) throw new DomainException(ErrorCode.Conflict, 'This session is not a series');
      const spec = await this.spec(session, tx);
      const original = occurrences(
        { ...spec, exdates: [], overrides: [] },
        new Date(recurrenceId.getTime() - 1),
        new Date(recurrenceId.getTime() + 1),
      ).find((o) => o.recurrenceId.getTime() === recurrenceId.getTime());
      if (!original)
        throw new DomainException(ErrorCode.NotFound, 'The series has no occurrence starting then', [
          { field: 'recurrenceId', messages: ['is not the start of an occurrence'] },
        ]);
      if (move) {
        const startsAt = zonedToUtc(move.localStart, session.timeZone);
        await tx.getRepository(SessionOverrideEntity).save({
          sessionId: id,
          recurrenceId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + move.durationMinutes * 60_000),
          cancelled: false,
        });
      } else {
        await tx.getRepository(SessionOverrideEntity).delete({ sessionId: id, recurrenceId });
        await tx.getRepository(SessionEntity).update({ id }, { exdates: [...(session.exdates ?? []), recurrenceId] });
      }
      await tx.getRepository(SessionEntity).update({ id }, { sequence: session.sequence + 1 });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: move ? 'session.occurrence_moved' : 'session.occurrence_cancelled',
          targetType: 'session',
          targetId: id,
          details: { recurrenceId: recurrenceId.toISOString() },
          ip,
        },
        tx,
      );
    });
    await this.announce(id, NotificationKind.SessionChanged);
    return this.view(principal, id);
  }

  async rsvp(principal: Principal, id: string, answer: Rsvp): Promise<SessionView> {
    const { session, rights } = await this.readable(principal, id);
    // A network event is open: whoever may see it answers, and their answer makes them an invitee.
    if (!rights.invited && session.audience === 'network' && inNetworkAudience(principal)) {
      if (session.status === SessionStatus.Cancelled)
        throw new DomainException(ErrorCode.Conflict, 'This session was cancelled');
      await this.db.transaction((tx) => this.invite(tx, id, [principal.userId]));
    }
    const result = await this.db
      .getRepository(InvitationEntity)
      .update({ sessionId: id, userId: principal.userId }, { rsvp: answer, respondedAt: new Date() });
    if (!result.affected) throw new DomainException(ErrorCode.Forbidden, 'You are not invited to this session');
    await this.notifyOrganiser(id, principal.userId, answer);
    return this.view(principal, id);
  }

  /** RSVP from the e-mailed link (no sign-in): the token names one invitation. */
  async rsvpByToken(token: string, answer: Rsvp): Promise<{ title: string; rsvp: Rsvp }> {
    const invitation = await this.db
      .getRepository(InvitationEntity)
      .findOne({ where: { rsvpTokenHash: this.tokens.hashOpaque(token) } });
    if (!invitation) throw new DomainException(ErrorCode.NotFound, 'This link is not valid');
    const session = await this.load(invitation.sessionId);
    if (session.status === SessionStatus.Cancelled)
      throw new DomainException(ErrorCode.Conflict, 'This session was cancelled');
    await this.db
      .getRepository(InvitationEntity)
      .update(
        { sessionId: invitation.sessionId, userId: invitation.userId },
        { rsvp: answer, respondedAt: new Date() },
      );
    await this.notifyOrganiser(session.id, invitation.userId, answer);
    return { title: session.title, rsvp: answer };
  }

  private async notifyOrganiser(sessionId: string, userId: string, answer: Rsvp): Promise<void> {
    const session = await this.load(sessionId);
    if (!session.organiserId || session.organiserId === userId) return;
    const who = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    await this.notifications.notify({
      userIds: [session.organiserId],
      kind: NotificationKind.RsvpReceived,
      render: (r) => ({
        title: r.locale === 'ru' ? `Ответ на приглашение: ${session.title}` : `RSVP: ${session.title}`,
        body: `${who?.displayName ?? ''}: ${answer}`,
        link: `/sessions/${session.id}`,
      }),
    });
  }

  /** Conflicts: invitees who already have another session overlapping this one's first occurrence. */
  async conflicts(principal: Principal, id: string): Promise<ConflictView[]> {
    const { session, rights } = await this.readable(principal, id);
    // Other people's calendars: for a network event, only for its editors.
    if (session.audience === 'network' && !rights.edit)
      throw new DomainException(ErrorCode.Forbidden, 'Only the organisers see the conflicts of a network event');
    const rows: { user_id: string; display_name: string; id: string; title: string; starts_at: Date; ends_at: Date }[] =
      await this.db.query(
        `SELECT i.user_id, u.display_name, s.id, s.title, s.starts_at, s.ends_at
         FROM invitations mine
         JOIN invitations i ON i.user_id = mine.user_id AND i.session_id <> mine.session_id
         JOIN sessions s ON s.id = i.session_id AND s.status <> 'cancelled'
         JOIN users u ON u.id = i.user_id
        WHERE mine.session_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY u.display_name, s.starts_at`,
        [id, session.startsAt, session.endsAt],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      sessionId: r.id,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
    }));
  }

  // ---- calendar files ------------------------------------------------------------------------------------

  async icsSession(session: SessionEntity, manager: EntityManager = this.db.manager): Promise<IcsSession> {
    const organiser = session.organiserId
      ? await manager.getRepository(UserEntity).findOneBy({ id: session.organiserId })
      : null;
    const attendees: { display_name: string; email: string }[] = await manager.query(
      `SELECT u.display_name, u.email FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.session_id = $1 ORDER BY u.display_name`,
      [session.id],
    );
    return {
      ...(await this.spec(session, manager)),
      id: session.id,
      title: session.title,
      description: session.description,
      location: session.location ?? session.onlineRoom,
      url: `${this.publicUrl}/sessions/${session.id}`,
      sequence: session.sequence,
      cancelled: session.status === SessionStatus.Cancelled,
      organiser: organiser ? { name: organiser.displayName, email: organiser.email } : null,
      attendees: attendees.map((a) => ({ name: a.display_name, email: a.email })),
    };
  }

  async ics(principal: Principal, id: string): Promise<string> {
    const { session } = await this.readable(principal, id);
    return buildCalendar([await this.icsSession(session)], { name: session.title });
  }

  /** Invitation / change / cancellation: in-app and e-mail with an .ics (REQUEST or CANCEL) in each person's language and zone. */
  private async announce(id: string, kind: NotificationKind): Promise<void> {
    try {
      const session = await this.load(id);
      const invitees: { user_id: string }[] = await this.db.query(
        `SELECT user_id FROM invitations WHERE session_id = $1`,
        [id],
      );
      const ics = buildCalendar([await this.icsSession(session)], {
        name: session.title,
        method: kind === NotificationKind.SessionCancelled ? 'CANCEL' : 'REQUEST',
      });
      const rsvpLinks = new Map<string, string>();
      // A fresh RSVP link per person for this mail; it replaces the link of any earlier mail.
      for (const i of invitees) {
        const token = randomBytes(32).toString('base64url');
        await this.db
          .getRepository(InvitationEntity)
          .update({ sessionId: id, userId: i.user_id }, { rsvpTokenHash: this.tokens.hashOpaque(token) });
        rsvpLinks.set(i.user_id, `${this.publicUrl}/rsvp?token=${encodeURIComponent(token)}`);
      }
      await this.notifications.notify({
        userIds: invitees
          .map((i) => i.user_id)
          .filter((u) => u !== session.organiserId || kind !== NotificationKind.SessionInvitation),
        kind,
        render: (r) => {
          const mail = sessionMail(
            kind,
            session,
            r,
            rsvpLinks.get(r.id) ?? `${this.publicUrl}/sessions/${id}`,
            `${this.publicUrl}/sessions/${id}`,
          );
          return {
            title: mail.title,
            body: mail.summary,
            link: `/sessions/${id}`,
            email: {
              subject: mail.subject,
              text: mail.text,
              attachments: [
                {
                  filename: 'invite.ics',
                  content: ics,
                  contentType: `text/calendar; charset=utf-8; method=${kind === NotificationKind.SessionCancelled ? 'CANCEL' : 'REQUEST'}`,
                },
              ],
            },
          };
        },
      });
    } catch (e) {
      // The change itself is committed; a mail relay failure must not undo it. It is logged for the operators.
      this.logger.error({ err: e, sessionId: id }, 'Could not send session notifications');
    }
  }
}
