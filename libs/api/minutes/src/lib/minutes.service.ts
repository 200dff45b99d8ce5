import { AuditService } from '@kengash/api-audit';
import { NotificationsService, RenderedNotification } from '@kengash/api-notifications';
import { DomainException, ValidationDomainException } from '@kengash/api-core';
import { CouncilEntity } from '@kengash/api-council';
import { Principal, UserEntity } from '@kengash/api-identity';
import {
  MeetingEntity,
  MinutesEntity,
  MinutesVote,
  MinutesVoteClosed,
  MinutesVoteRegistry,
} from '@kengash/api-live-meeting';
import { AgendaItemEntity, InvitationEntity, SessionEntity } from '@kengash/api-scheduling';
import {
  AmendmentView,
  ErrorCode,
  GlobalRole,
  GroupRole,
  MINUTES_LIMITS,
  MinutesCommentView,
  MinutesContent,
  MinutesApprovalVote,
  MinutesDiffView,
  MinutesFace,
  MinutesForApprovalResponse,
  MinutesView,
  MinutesVisibility,
  PublicMinutesView,
  NotificationKind,
  pickText,
  Rsvp,
  SessionMinutesList,
} from '@kengash/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MinutesExportHeader, minutesToMarkdown, minutesToPdf } from './export/minutes-export';
import { ActionsService } from './actions/actions.service';
import {
  contentHash,
  escapeHtml,
  diffContent,
  fromLiveRecord,
  parseContent,
  publicFace,
  sanitizeNotes,
} from './content';
import {
  MinutesAmendmentEntity,
  MinutesCommentEntity,
  MinutesDocumentEntity,
  MinutesVersionEntity,
} from './minutes.entities';

/** What a person may do with a session's minutes. */
interface Rights {
  /** Members of the session's groups (not observers) and the secretariat read every face and status. */
  read: boolean;
  /** The person can see the session exists (an observer of its group): denial is 403, not 404. */
  visible: boolean;
  /** Rapporteur, chair, co-chair, secretariat: write drafts, circulate, start a correction. */
  write: boolean;
  /** Chair and co-chair: decide amendments, approve. */
  chair: boolean;
}

/**
 * SQL: the minutes document `d` (its session `s`) may be voted on in session $1 — a session sharing a group,
 * started earlier; or the same series (minutes of an earlier occurrence).
 */
const VOTABLE = `(EXISTS (SELECT 1 FROM session_groups a JOIN session_groups b ON b.group_id = a.group_id
                           WHERE a.session_id = d.session_id AND b.session_id = $1)
   AND ((d.session_id <> $1 AND s.starts_at < (SELECT starts_at FROM sessions WHERE id = $1))
        OR (d.session_id = $1 AND s.rrule IS NOT NULL)))`;

/** The full record is always the group's, whatever the column holds (demo rows take the column default). */
const visibilityOf = (doc: MinutesDocumentEntity): MinutesVisibility =>
  doc.face === 'full' ? 'group' : doc.visibility;

/** The section of a new full record that lists the action items carried over from earlier sessions. */
export const CARRY_OVER_KEY = 'extra-900';

const notFound = () => new DomainException(ErrorCode.NotFound, 'These minutes were not found');
const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainException(ErrorCode.Conflict, message, details);
const field = (name: string, message: string) => new ValidationDomainException([{ field: name, messages: [message] }]);

/**
 * Minutes documents and their cycle. Every change of state is one transaction that locks the document row,
 * checks the state, writes, and audits; approved documents answer 409 to any change.
 */
@Injectable()
export class MinutesService implements MinutesVote, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly actions: ActionsService,
    private readonly minutesVotes: MinutesVoteRegistry,
  ) {}

  onModuleInit(): void {
    this.minutesVotes.register(this);
  }

  // ---- access ------------------------------------------------------------------------------------------

  private async session(id: string): Promise<SessionEntity> {
    const session = await this.db.getRepository(SessionEntity).findOne({ where: { id }, relations: { groups: true } });
    if (!session) throw notFound();
    return session;
  }

  private rights(principal: Principal, session: SessionEntity): Rights {
    const groups = new Set((session.groups ?? []).map((g) => g.id));
    const roles = principal.memberships.filter((m) => groups.has(m.groupId)).map((m) => m.role);
    const secretariat = principal.globalRole === GlobalRole.Secretariat;
    const member = roles.some((r) => r !== GroupRole.Observer);
    const chair = roles.includes(GroupRole.Chair) || roles.includes(GroupRole.CoChair);
    return {
      read: member || secretariat,
      visible: member || secretariat || roles.length > 0,
      write: secretariat || chair || roles.includes(GroupRole.Rapporteur),
      chair,
    };
  }

  /** The document, its session and the caller's rights; 404 to outsiders, 403 to observers of the group. */
  private async load(
    principal: Principal,
    id: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ doc: MinutesDocumentEntity; session: SessionEntity; rights: Rights }> {
    const doc = await m
      .getRepository(MinutesDocumentEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!doc) throw notFound();
    const session = await this.session(doc.sessionId);
    const rights = this.rights(principal, session);
    const publicApproved = doc.face === 'public' && doc.status === 'approved';
    if (!rights.read && !publicApproved) {
      if (rights.visible)
        throw new DomainException(
          ErrorCode.Forbidden,
          'Minutes are open to the members of the group and the secretariat',
        );
      throw notFound();
    }
    return { doc, session, rights };
  }

  private requireStatus(doc: MinutesDocumentEntity, ...allowed: MinutesDocumentEntity['status'][]): void {
    if (allowed.includes(doc.status)) return;
    throw conflict(
      doc.status === 'approved'
        ? 'Approved minutes never change; start a correction instead'
        : `This cannot be done while the minutes are ${doc.status}`,
      { status: doc.status },
    );
  }

  private async content(
    m: EntityManager,
    doc: MinutesDocumentEntity,
    number = doc.currentVersion,
  ): Promise<MinutesContent> {
    const version = await m.getRepository(MinutesVersionEntity).findOne({ where: { documentId: doc.id, number } });
    if (!version) throw new DomainException(ErrorCode.NotFound, 'This version was not found');
    return version.content;
  }

  // ---- views -------------------------------------------------------------------------------------------

  async list(principal: Principal, sessionId: string): Promise<SessionMinutesList> {
    const session = await this.session(sessionId);
    const rights = this.rights(principal, session);
    const docs = await this.db
      .getRepository(MinutesDocumentEntity)
      .find({ where: { sessionId }, order: { createdAt: 'DESC' } });
    const visible = docs.filter((d) => rights.read || (d.face === 'public' && d.status === 'approved'));
    if (!visible.length && !rights.read) {
      if (rights.visible)
        throw new DomainException(ErrorCode.Forbidden, 'Minutes are open to the members of the group');
      throw notFound();
    }
    return {
      documents: visible.map((d) => ({
        id: d.id,
        face: d.face,
        status: d.status,
        correctsId: d.correctsId,
        version: d.currentVersion,
      })),
      canCreate: rights.write,
    };
  }

  async view(principal: Principal, id: string): Promise<MinutesView> {
    const { doc, session, rights } = await this.load(principal, id);
    return this.toView(principal, doc, session, rights);
  }

  private async toView(
    principal: Principal,
    doc: MinutesDocumentEntity,
    session: SessionEntity,
    rights: Rights,
    m: EntityManager = this.db.manager,
  ): Promise<MinutesView> {
    const content = await this.content(m, doc);
    const versions = await m
      .getRepository(MinutesVersionEntity)
      .find({ where: { documentId: doc.id }, relations: { author: true }, order: { number: 'ASC' } });
    const attendee = content.attendance.some((a) => a.person.userId === principal.userId);
    const approver = doc.approvedBy
      ? await m.getRepository(UserEntity).findOne({ where: { id: doc.approvedBy }, select: { displayName: true } })
      : null;
    const open = doc.status !== 'approved';
    return {
      id: doc.id,
      sessionId: doc.sessionId,
      face: doc.face,
      status: doc.status,
      visibility: visibilityOf(doc),
      contentHash: doc.contentHash,
      approvedAt: doc.approvedAt?.toISOString() ?? null,
      approvedBy: doc.approvedBy,
      approvedByName: approver?.displayName ?? null,
      approvalVote: doc.approvalVote,
      correctsId: doc.correctsId,
      version: doc.currentVersion,
      content,
      versions: versions.map((v) => ({
        number: v.number,
        authorName: v.author?.displayName ?? null,
        note: v.note,
        createdAt: v.createdAt.toISOString(),
      })),
      session: {
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone: session.timeZone,
        groups: (session.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
      },
      can: {
        edit: rights.write && doc.status === 'draft',
        circulate: rights.write && doc.status === 'draft',
        amend: rights.read && attendee && doc.status === 'circulated',
        decideAmendments: rights.chair && doc.status === 'circulated',
        approve: rights.chair && open,
        correct: rights.write && doc.status === 'approved',
        comment: rights.read && open,
        setVisibility: rights.write && doc.face === 'public',
      },
    };
  }

  async version(principal: Principal, id: string, number: number): Promise<MinutesContent> {
    const { doc } = await this.load(principal, id);
    return this.content(this.db.manager, doc, number);
  }

  async diff(principal: Principal, id: string, from: number, to: number): Promise<MinutesDiffView> {
    const { doc } = await this.load(principal, id);
    const [a, b] = await Promise.all([
      this.content(this.db.manager, doc, from),
      this.content(this.db.manager, doc, to),
    ]);
    return diffContent(a, b, from, to);
  }

  // ---- creating ----------------------------------------------------------------------------------------

  /**
   * Starts minutes for a session: the full record from the live meeting's frozen record when there is one
   * (else from the agenda, for minutes written by hand), the public summary from the latest full record
   * without its restricted items.
   */
  async create(principal: Principal, sessionId: string, face: MinutesFace, ip: string | null): Promise<MinutesView> {
    const session = await this.session(sessionId);
    const rights = this.rights(principal, session);
    if (!rights.write) {
      if (rights.read || rights.visible)
        throw new DomainException(ErrorCode.Forbidden, 'The rapporteur, the chairs and the secretariat write minutes');
      throw notFound();
    }
    const id = await this.db.transaction(async (tx) => {
      // One open document per face: a second start answers with a conflict naming it.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`minutes:${sessionId}:${face}`]);
      const open = await tx
        .getRepository(MinutesDocumentEntity)
        .findOne({ where: { sessionId, face, status: In(['draft', 'circulated']) } });
      if (open) throw conflict('These minutes are already being written', { id: open.id });
      const approved = await tx
        .getRepository(MinutesDocumentEntity)
        .findOne({ where: { sessionId, face, status: 'approved' } });
      if (approved) throw conflict('These minutes are approved; start a correction instead', { id: approved.id });
      let content: MinutesContent;
      let meetingId: string | null = null;
      if (face === 'public') {
        const full = await tx
          .getRepository(MinutesDocumentEntity)
          .findOne({ where: { sessionId, face: 'full' }, order: { createdAt: 'DESC' } });
        if (!full) throw conflict('Write the full record first; the public summary is made from it');
        content = publicFace(await this.content(tx, full));
        meetingId = full.meetingId;
      } else {
        const live = await tx
          .getRepository(MinutesEntity)
          .findOne({ where: { sessionId }, order: { createdAt: 'DESC' } });
        if (live) {
          content = fromLiveRecord(live.content, session.title);
          meetingId = live.meetingId;
        } else content = await this.fromAgenda(tx, session);
        // The carry-over: items still open from earlier sessions become a section to review.
        const open = (await this.actions.openForSession(principal, sessionId)).items;
        if (open.length)
          content.items.push({
            key: CARRY_OVER_KEY,
            title: 'Open action items (carried over)',
            notes: `<ul>${open
              .map((a) => `<li>${escapeHtml(a.title)} — ${escapeHtml(a.ownerName)}, ${a.dueDate} (${a.status})</li>`)
              .join('')}</ul>`,
            speakers: [],
            decisions: [],
            // Owners and internal tasks of the group: kept out of a public summary unless the rapporteur opens it.
            restricted: true,
          });
      }
      const doc = await tx.getRepository(MinutesDocumentEntity).save({
        sessionId,
        meetingId,
        face,
        visibility: face === 'full' ? ('group' as const) : ('council' as const),
        status: 'draft' as const,
        currentVersion: 1,
        createdBy: principal.userId,
      });
      await tx.getRepository(MinutesVersionEntity).insert({
        documentId: doc.id,
        number: 1,
        content,
        authorId: principal.userId,
        note:
          face === 'public'
            ? 'From the full record, without restricted items'
            : meetingId
              ? 'From the live meeting'
              : null,
      });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'minutes.created',
          targetType: 'minutes',
          targetId: doc.id,
          ip,
          details: { face },
        },
        tx,
      );
      return doc.id;
    });
    return this.view(principal, id);
  }

  /** Minutes written by hand (an in-person session): the agenda, and the invitees who accepted as attendance. */
  private async fromAgenda(tx: EntityManager, session: SessionEntity): Promise<MinutesContent> {
    const agenda = await tx
      .getRepository(AgendaItemEntity)
      .find({ where: { sessionId: session.id }, order: { position: 'ASC' } });
    const accepted = await tx
      .getRepository(InvitationEntity)
      .find({ where: { sessionId: session.id, rsvp: Rsvp.Accepted }, relations: { user: true } });
    return {
      title: session.title,
      attendance: accepted
        .filter((i) => i.user)
        .map((i) => ({
          person: {
            userId: i.userId,
            name: i.user?.displayName ?? null,
            role: GroupRole.Member,
            country: (i.user?.country ?? null) as MinutesContent['attendance'][number]['person']['country'],
            organisation: i.user?.organisation ?? null,
          },
          secondsPresent: null,
          firstJoinedAt: null,
          lastLeftAt: null,
        })),
      items: agenda.map((a) => ({
        key: a.id,
        title: a.title,
        notes: '',
        speakers: [],
        decisions: [],
        restricted: false,
      })),
    };
  }

  /** Starts a correction of approved minutes: a new draft document with the approved content. */
  async correct(principal: Principal, id: string, ip: string | null): Promise<MinutesView> {
    const { doc, rights } = await this.load(principal, id);
    if (!rights.write)
      throw new DomainException(ErrorCode.Forbidden, 'The rapporteur, the chairs and the secretariat correct minutes');
    this.requireStatus(doc, 'approved');
    const newId = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`minutes:${doc.sessionId}:${doc.face}`]);
      const open = await tx
        .getRepository(MinutesDocumentEntity)
        .findOne({ where: { sessionId: doc.sessionId, face: doc.face, status: In(['draft', 'circulated']) } });
      if (open) throw conflict('A correction is already being written', { id: open.id });
      const content = await this.content(tx, doc);
      const created = await tx.getRepository(MinutesDocumentEntity).save({
        sessionId: doc.sessionId,
        meetingId: doc.meetingId,
        face: doc.face,
        visibility: doc.visibility,
        status: 'draft' as const,
        currentVersion: 1,
        correctsId: doc.id,
        createdBy: principal.userId,
      });
      await tx.getRepository(MinutesVersionEntity).insert({
        documentId: created.id,
        number: 1,
        content,
        authorId: principal.userId,
        note: 'Correction of approved minutes',
      });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'minutes.correction_started',
          targetType: 'minutes',
          targetId: created.id,
          ip,
          details: { corrects: doc.id },
        },
        tx,
      );
      return created.id;
    });
    return this.view(principal, newId);
  }

  // ---- the cycle ---------------------------------------------------------------------------------------

  /** Saves a new version of a draft; a save based on an older version answers 409 with the current document. */
  async save(
    principal: Principal,
    id: string,
    baseVersion: number,
    rawContent: unknown,
    note: string | undefined,
  ): Promise<MinutesView> {
    if (!Number.isInteger(baseVersion) || baseVersion < 1) throw field('baseVersion', 'must be a version number');
    if (note !== undefined && (typeof note !== 'string' || note.length > 500))
      throw field('note', 'must be at most 500 characters');
    const content = parseContent(rawContent);
    return this.db.transaction(async (tx) => {
      const { doc, session, rights } = await this.load(principal, id, tx, true);
      if (!rights.write)
        throw new DomainException(ErrorCode.Forbidden, 'The rapporteur, the chairs and the secretariat edit minutes');
      this.requireStatus(doc, 'draft');
      if (baseVersion !== doc.currentVersion) {
        const current = await this.toView(principal, doc, session, rights, tx);
        throw conflict('Someone saved these minutes meanwhile; review their version', { current });
      }
      await this.newVersion(tx, doc, content, principal.userId, note ?? null);
      return this.toView(principal, doc, session, rights, tx);
    });
  }

  private async newVersion(
    tx: EntityManager,
    doc: MinutesDocumentEntity,
    content: MinutesContent,
    authorId: string,
    note: string | null,
  ): Promise<number> {
    const number = doc.currentVersion + 1;
    await tx.getRepository(MinutesVersionEntity).insert({ documentId: doc.id, number, content, authorId, note });
    doc.currentVersion = number;
    await tx.getRepository(MinutesDocumentEntity).update({ id: doc.id }, { currentVersion: number });
    return number;
  }

  /** Circulates a draft; the attendees of record hear of it (in the app and by e-mail, per their preferences). */
  async circulate(principal: Principal, id: string, ip: string | null): Promise<MinutesView> {
    const view = await this.db.transaction(async (tx) => {
      const { doc, session, rights } = await this.load(principal, id, tx, true);
      if (!rights.write)
        throw new DomainException(
          ErrorCode.Forbidden,
          'The rapporteur, the chairs and the secretariat circulate minutes',
        );
      this.requireStatus(doc, 'draft');
      doc.status = 'circulated';
      doc.circulatedAt = new Date();
      await tx
        .getRepository(MinutesDocumentEntity)
        .update({ id: doc.id }, { status: 'circulated', circulatedAt: doc.circulatedAt });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'minutes.circulated',
          targetType: 'minutes',
          targetId: doc.id,
          ip,
          details: { version: doc.currentVersion },
        },
        tx,
      );
      return this.toView(principal, doc, session, rights, tx);
    });
    const attendees = view.content.attendance.map((a) => a.person.userId).filter((u) => u !== principal.userId);
    await this.notifications.notify({
      userIds: attendees,
      kind: NotificationKind.MinutesCirculated,
      render: (r) => circulatedNotice(r.locale, view.session.title, `/sessions/${view.sessionId}/minutes`),
    });
    return view;
  }

  /** Approval by the chair: the content is frozen and its SHA-256 stored; nothing changes it afterwards. */
  async approve(principal: Principal, id: string, ip: string | null): Promise<MinutesView> {
    return this.db.transaction(async (tx) => {
      const { doc, session, rights } = await this.load(principal, id, tx, true);
      if (!rights.chair) throw new DomainException(ErrorCode.Forbidden, 'The chair approves the minutes');
      this.requireStatus(doc, 'draft', 'circulated');
      const pending = await this.pendingAmendments(tx, doc.id);
      if (pending) throw conflict('Decide the proposed amendments first', { pending });
      await this.freeze(tx, doc, principal.userId, ip, null);
      return this.toView(principal, doc, session, rights, tx);
    });
  }

  private pendingAmendments(tx: EntityManager, documentId: string): Promise<number> {
    return tx.getRepository(MinutesAmendmentEntity).count({ where: { documentId, status: 'proposed' } });
  }

  /** Approves: stores the SHA-256 of the current content, who approved, and the vote if a meeting approved. */
  private async freeze(
    tx: EntityManager,
    doc: MinutesDocumentEntity,
    actorId: string,
    ip: string | null,
    vote: MinutesApprovalVote | null,
  ): Promise<void> {
    const hash = contentHash(await this.content(tx, doc));
    Object.assign(doc, {
      status: 'approved',
      contentHash: hash,
      approvedAt: new Date(),
      approvedBy: actorId,
      approvalVote: vote,
    });
    await tx.getRepository(MinutesDocumentEntity).update(
      { id: doc.id },
      {
        status: 'approved',
        contentHash: hash,
        approvedAt: doc.approvedAt,
        approvedBy: actorId,
        approvalVote: vote,
      },
    );
    await this.audit.record(
      {
        actorId,
        action: 'minutes.approved',
        targetType: 'minutes',
        targetId: doc.id,
        ip,
        details: vote
          ? { version: doc.currentVersion, hash, via: 'vote', sessionId: vote.sessionId, pollId: vote.pollId }
          : { version: doc.currentVersion, hash },
      },
      tx,
    );
  }

  // ---- visibility of a public summary ------------------------------------------------------------------

  /**
   * Who reads a public summary once approved: every signed-in person (`council`) or anyone (`public`). It is not
   * part of the content (the hash does not change), so it may be set in any status; audited.
   */
  async setVisibility(
    principal: Principal,
    id: string,
    visibility: 'council' | 'public',
    ip: string | null,
  ): Promise<MinutesView> {
    return this.db.transaction(async (tx) => {
      const { doc, session, rights } = await this.load(principal, id, tx, true);
      if (!rights.write)
        throw new DomainException(
          ErrorCode.Forbidden,
          'The rapporteur, the chairs and the secretariat decide who reads a public summary',
        );
      if (doc.face !== 'public') throw field('visibility', 'only a public summary can be opened beyond the group');
      if (doc.visibility !== visibility) {
        const before = doc.visibility;
        doc.visibility = visibility;
        await tx.getRepository(MinutesDocumentEntity).update({ id: doc.id }, { visibility });
        await this.audit.record(
          {
            actorId: principal.userId,
            action: 'minutes.visibility_changed',
            targetType: 'minutes',
            targetId: doc.id,
            ip,
            details: { from: before, to: visibility },
          },
          tx,
        );
      }
      return this.toView(principal, doc, session, rights, tx);
    });
  }

  /** An approved public summary open to anyone; 404 for everything else (nothing is revealed). */
  async publicView(id: string): Promise<PublicMinutesView> {
    const doc = await this.db.getRepository(MinutesDocumentEntity).findOne({ where: { id } });
    if (!doc || doc.face !== 'public' || doc.status !== 'approved' || doc.visibility !== 'public' || !doc.contentHash)
      throw notFound();
    const session = await this.session(doc.sessionId);
    const content = await this.content(this.db.manager, doc);
    const ids = content.attendance.map((a) => a.person.userId);
    const shown: { id: string }[] = ids.length
      ? await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND name_visible_to_observers`, [ids])
      : [];
    const named = new Set(shown.map((u) => u.id));
    return {
      id: doc.id,
      title: content.title,
      session: {
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone: session.timeZone,
        groups: (session.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
      },
      approvedAt: (doc.approvedAt ?? new Date(0)).toISOString(),
      contentHash: doc.contentHash,
      approvalVote: doc.approvalVote,
      attendance: content.attendance.map((a) => ({
        name: named.has(a.person.userId) ? a.person.name : null,
        role: a.person.role,
        country: a.person.country,
        organisation: a.person.organisation,
      })),
      items: content.items.map((i) => ({ key: i.key, title: i.title, notes: i.notes, decisions: i.decisions })),
    };
  }

  // ---- approval by a vote in a later session (called by the live meeting) -------------------------------

  /**
   * Circulated minutes of earlier sessions of the session's groups: what its meeting may approve by a vote.
   * For a series, the series' own minutes of earlier occurrences too. Readers of the session's minutes only.
   */
  async forApproval(principal: Principal, sessionId: string): Promise<MinutesForApprovalResponse> {
    const session = await this.session(sessionId);
    const rights = this.rights(principal, session);
    if (!rights.read) {
      if (rights.visible)
        throw new DomainException(ErrorCode.Forbidden, 'Minutes are open to the members of the group');
      throw notFound();
    }
    const rows: {
      id: string;
      face: MinutesFace;
      session_id: string;
      title: string;
      starts_at: Date;
      current_version: number;
    }[] = await this.db.query(
      `SELECT d.id, d.face, d.session_id, s.title, s.starts_at, d.current_version
         FROM minutes_documents d JOIN sessions s ON s.id = d.session_id
        WHERE d.status = 'circulated' AND ${VOTABLE}
        ORDER BY s.starts_at DESC, d.face, d.created_at LIMIT 50`,
      [sessionId],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        face: r.face,
        sessionId: r.session_id,
        sessionTitle: r.title,
        sessionStartsAt: new Date(r.starts_at).toISOString(),
        version: r.current_version,
      })),
    };
  }

  async check(tx: EntityManager, minutesId: string, sessionId: string): Promise<string | null> {
    const rows: { status: MinutesDocumentEntity['status']; votable: boolean }[] = await tx.query(
      `SELECT d.status, ${VOTABLE} AS votable FROM minutes_documents d JOIN sessions s ON s.id = d.session_id
        WHERE d.id = $2`,
      [sessionId, minutesId],
    );
    const row = rows[0];
    // Minutes of other groups are not named: the same answer as for minutes that do not exist.
    if (!row || !row.votable) return 'must be minutes of an earlier session of the same working group';
    if (row.status === 'approved') return 'are already approved';
    if (row.status !== 'circulated') return 'must be circulated before a vote';
    if (await this.pendingAmendments(tx, minutesId)) return 'have proposed amendments still to decide';
    return null;
  }

  async closed(tx: EntityManager, vote: MinutesVoteClosed): Promise<void> {
    const doc = await tx
      .getRepository(MinutesDocumentEntity)
      .findOne({ where: { id: vote.minutesId }, lock: { mode: 'pessimistic_write' } });
    // Adopted is the only outcome that changes anything; minutes changed meanwhile (approved by the chair, an
    // amendment proposed) stay as they are, and the poll's own decision still records the vote.
    if (!doc || doc.status !== 'circulated' || vote.result.outcome !== 'adopted') return;
    if (await this.pendingAmendments(tx, doc.id)) return;
    const sessions: { title: string }[] = await tx.query(`SELECT title FROM sessions WHERE id = $1`, [vote.sessionId]);
    const tally = vote.result.tally;
    await this.freeze(tx, doc, vote.closedBy, null, {
      sessionId: vote.sessionId,
      sessionTitle: sessions[0]?.title ?? '',
      pollId: vote.pollId,
      yes: tally['yes'] ?? 0,
      no: tally['no'] ?? 0,
      abstain: tally['abstain'] ?? 0,
      votesCast: vote.result.votesCast,
    });
  }

  // ---- amendments --------------------------------------------------------------------------------------

  async amendments(principal: Principal, id: string): Promise<AmendmentView[]> {
    const { doc } = await this.load(principal, id);
    const rows = await this.db
      .getRepository(MinutesAmendmentEntity)
      .find({ where: { documentId: doc.id }, relations: { proposer: true }, order: { createdAt: 'ASC' } });
    return rows.map(amendmentView);
  }

  /** Only attendees of record propose amendments, while the minutes circulate. */
  async propose(
    principal: Principal,
    id: string,
    itemKey: string,
    proposedNotes: string,
    reason: string,
  ): Promise<AmendmentView> {
    return this.db.transaction(async (tx) => {
      const { doc, rights } = await this.load(principal, id, tx, true);
      this.requireStatus(doc, 'circulated');
      const content = await this.content(tx, doc);
      const attendee = rights.read && content.attendance.some((a) => a.person.userId === principal.userId);
      if (!attendee) throw new DomainException(ErrorCode.Forbidden, 'Only those who attended may propose amendments');
      if (!content.items.some((i) => i.key === itemKey)) throw field('itemKey', 'is not an item of these minutes');
      const row = await tx.getRepository(MinutesAmendmentEntity).save({
        documentId: doc.id,
        itemKey,
        proposedNotes: sanitizeNotes(proposedNotes),
        reason: reason.trim(),
        proposerId: principal.userId,
        status: 'proposed' as const,
      });
      const saved = await tx
        .getRepository(MinutesAmendmentEntity)
        .findOneOrFail({ where: { id: row.id }, relations: { proposer: true } });
      return amendmentView(saved);
    });
  }

  /** The chair accepts (the item's notes become the proposal, as a new version) or rejects, with a note. */
  async decide(
    principal: Principal,
    id: string,
    amendmentId: string,
    accept: boolean,
    note: string,
    ip: string | null,
  ): Promise<AmendmentView> {
    return this.db.transaction(async (tx) => {
      const { doc, rights } = await this.load(principal, id, tx, true);
      if (!rights.chair) throw new DomainException(ErrorCode.Forbidden, 'The chair decides amendments');
      this.requireStatus(doc, 'circulated');
      const amendment = await tx
        .getRepository(MinutesAmendmentEntity)
        .findOne({ where: { id: amendmentId, documentId: doc.id } });
      if (!amendment) throw new DomainException(ErrorCode.NotFound, 'This amendment was not found');
      if (amendment.status !== 'proposed')
        throw conflict('This amendment has already been decided', { status: amendment.status });
      let resultingVersion: number | null = null;
      if (accept) {
        const content = await this.content(tx, doc);
        const next: MinutesContent = {
          ...content,
          items: content.items.map((i) => (i.key === amendment.itemKey ? { ...i, notes: amendment.proposedNotes } : i)),
        };
        resultingVersion = await this.newVersion(
          tx,
          doc,
          next,
          principal.userId,
          `Amendment accepted: ${note.trim()}`.slice(0, 500),
        );
      }
      await tx.getRepository(MinutesAmendmentEntity).update(
        { id: amendment.id },
        {
          status: accept ? 'accepted' : 'rejected',
          decidedBy: principal.userId,
          decisionNote: note.trim(),
          decidedAt: new Date(),
          resultingVersion,
        },
      );
      await this.audit.record(
        {
          actorId: principal.userId,
          action: accept ? 'minutes.amendment_accepted' : 'minutes.amendment_rejected',
          targetType: 'minutes',
          targetId: doc.id,
          ip,
          details: { amendmentId },
        },
        tx,
      );
      const saved = await tx
        .getRepository(MinutesAmendmentEntity)
        .findOneOrFail({ where: { id: amendment.id }, relations: { proposer: true } });
      return amendmentView(saved);
    });
  }

  // ---- comments ----------------------------------------------------------------------------------------

  async comments(principal: Principal, id: string): Promise<MinutesCommentView[]> {
    const { doc } = await this.load(principal, id);
    const rows = await this.db
      .getRepository(MinutesCommentEntity)
      .find({ where: { documentId: doc.id }, relations: { author: true }, order: { createdAt: 'ASC' } });
    return rows.map(commentView);
  }

  async comment(principal: Principal, id: string, itemKey: string | null, body: string): Promise<MinutesCommentView> {
    const text = body.trim();
    if (!text) throw field('body', 'must not be empty');
    if (text.length > MINUTES_LIMITS.commentMax)
      throw field('body', `must be at most ${MINUTES_LIMITS.commentMax} characters`);
    const { doc, rights } = await this.load(principal, id);
    if (!rights.read) throw new DomainException(ErrorCode.Forbidden, 'Members of the group comment on minutes');
    this.requireStatus(doc, 'draft', 'circulated');
    if (itemKey !== null) {
      const content = await this.content(this.db.manager, doc);
      if (!content.items.some((i) => i.key === itemKey)) throw field('itemKey', 'is not an item of these minutes');
    }
    const row = await this.db
      .getRepository(MinutesCommentEntity)
      .save({ documentId: doc.id, itemKey, authorId: principal.userId, body: text });
    const saved = await this.db
      .getRepository(MinutesCommentEntity)
      .findOneOrFail({ where: { id: row.id }, relations: { author: true } });
    return commentView(saved);
  }

  /**
   * The document as PDF or Markdown, labels in the caller's language (or the one asked for); exporting the
   * full record (restricted to the group) is audited.
   */
  async export(
    principal: Principal,
    id: string,
    format: 'pdf' | 'md',
    locale: 'en' | 'ru' | undefined,
    ip: string | null,
  ): Promise<{ body: Buffer | string; contentType: string; filename: string }> {
    const { doc, session } = await this.load(principal, id);
    const content = await this.content(this.db.manager, doc);
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id: principal.userId } });
    const lang: 'en' | 'ru' = locale ?? (user?.locale === 'ru' ? 'ru' : 'en');
    const council = await this.db.getRepository(CouncilEntity).findOne({ where: {}, order: { createdAt: 'ASC' } });
    const header: MinutesExportHeader = {
      councilName: council ? pickText(council.name, lang) : 'Kengash',
      groupNames: (session.groups ?? []).map((g) => pickText(g.name, lang)),
      sessionTitle: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      timeZone: session.timeZone,
      status: doc.status,
      face: doc.face,
      contentHash: doc.contentHash,
      version: doc.currentVersion,
      locale: lang,
      generatedAt: new Date().toISOString(),
    };
    if (doc.face === 'full')
      await this.audit.record({
        actorId: principal.userId,
        action: 'minutes.exported',
        targetType: 'minutes',
        targetId: doc.id,
        ip,
        details: { format, version: doc.currentVersion, status: doc.status },
      });
    const base = `minutes-${session.startsAt.toISOString().slice(0, 10)}-${doc.face}-v${doc.currentVersion}`;
    return format === 'pdf'
      ? { body: await minutesToPdf(content, header), contentType: 'application/pdf', filename: `${base}.pdf` }
      : {
          body: minutesToMarkdown(content, header),
          contentType: 'text/markdown; charset=utf-8',
          filename: `${base}.md`,
        };
  }

  /** The meeting a document was drafted from (for the exports' header and the tests). */
  async meetingOf(doc: MinutesDocumentEntity): Promise<MeetingEntity | null> {
    return doc.meetingId ? this.db.getRepository(MeetingEntity).findOne({ where: { id: doc.meetingId } }) : null;
  }
}

const amendmentView = (r: MinutesAmendmentEntity): AmendmentView => ({
  id: r.id,
  itemKey: r.itemKey,
  proposedNotes: r.proposedNotes,
  reason: r.reason,
  proposer: { userId: r.proposerId, name: r.proposer?.displayName ?? '' },
  status: r.status,
  decisionNote: r.decisionNote,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  resultingVersion: r.resultingVersion,
});

const commentView = (r: MinutesCommentEntity): MinutesCommentView => ({
  id: r.id,
  itemKey: r.itemKey,
  author: { userId: r.authorId, name: r.author?.displayName ?? '' },
  body: r.body,
  createdAt: r.createdAt.toISOString(),
});

/** The notice that minutes circulate, in the recipient's language. */
export function circulatedNotice(locale: string, sessionTitle: string, link: string): RenderedNotification {
  return locale === 'ru'
    ? {
        title: `Протокол на согласовании: ${sessionTitle}`,
        body: 'Проект протокола разослан участникам. Предложите поправки до его утверждения председателем.',
        link,
      }
    : {
        title: `Minutes to review: ${sessionTitle}`,
        body: 'The draft minutes have been circulated to those who attended. Propose amendments before the chair approves them.',
        link,
      };
}
