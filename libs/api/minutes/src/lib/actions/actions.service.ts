import { AuditService } from '@kengash/api-audit';
import { DomainException, ValidationDomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import {
  ActionItemListResponse,
  ActionItemStatus,
  ActionItemView,
  ErrorCode,
  FieldError,
  GlobalRole,
  GroupRole,
  MinutesContent,
  OPEN_ACTION_STATUSES,
  OpenActionsResponse,
  SessionStatus,
  SessionView,
  UserStatus,
} from '@kengash/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { SessionViewExtension, SessionViewExtensions } from '@kengash/api-scheduling';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActionItemEntity } from './action-item.entity';
import { ActionItemListQueryDto, CreateActionItemDto, UpdateActionItemDto } from './actions.dto';

interface Row {
  id: string;
  title: string;
  group_id: string;
  group_name: ActionItemView['groupName'];
  group_slug: string;
  session_id: string | null;
  minutes_id: string | null;
  item_key: string | null;
  decision_index: number | null;
  owner_id: string;
  owner_name: string;
  due_date: string;
  status: ActionItemStatus;
  overdue: boolean;
  work_plan_item_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** `overdue` is judged on the owner's local calendar: the due date has passed where they live. */
const SELECT = `
  SELECT a.id, a.title, a.group_id, g.name AS group_name, g.slug AS group_slug, a.session_id, a.minutes_id,
         a.item_key, a.decision_index, a.owner_id, u.display_name AS owner_name,
         to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status,
         (a.status = ANY('{open,in_progress}'::text[]) AND a.due_date < (now() AT TIME ZONE u.time_zone)::date) AS overdue,
         a.work_plan_item_id, a.created_by, a.created_at, a.updated_at, a.version
    FROM action_items a
    JOIN working_groups g ON g.id = a.group_id
    JOIN users u ON u.id = a.owner_id`;

const LIST_LIMIT = 500;

function toView(r: Row): ActionItemView {
  return {
    id: r.id,
    title: r.title,
    groupId: r.group_id,
    groupName: r.group_name,
    groupSlug: r.group_slug,
    sessionId: r.session_id,
    minutesId: r.minutes_id,
    itemKey: r.item_key,
    decisionIndex: r.decision_index,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.overdue,
    workPlanItemId: r.work_plan_item_id,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

const EDITORS: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair, GroupRole.Rapporteur];

const notFound = () => new DomainException(ErrorCode.NotFound, 'This action item was not found');
const groupNotFound = () => new DomainException(ErrorCode.NotFound, 'This working group was not found');
const observersOnly = () =>
  new DomainException(ErrorCode.Forbidden, 'Action items are open to the members of the group and the secretariat');

/** What a person may do with a group's action items. */
interface GroupRights {
  read: boolean;
  /** An observer of the group: it exists for them, so a denial is 403 rather than 404. */
  visible: boolean;
  /** Chair, co-chair, rapporteur, secretariat: create and change any field. */
  edit: boolean;
}

function groupRights(principal: Principal, groupId: string): GroupRights {
  if (principal.globalRole === GlobalRole.Secretariat) return { read: true, visible: true, edit: true };
  const role = principal.memberships.find((m) => m.groupId === groupId)?.role ?? null;
  const read = role !== null && role !== GroupRole.Observer;
  return { read, visible: role !== null, edit: role !== null && EDITORS.includes(role) };
}

/**
 * Action items. Members of the item's group (not observers) and the secretariat read them, and the owner reads
 * their own; chairs, co-chairs, rapporteurs and the secretariat create them and change anything; the owner may
 * change the status only. Changes are optimistic (`version`, 409 when stale) and audited.
 */
@Injectable()
export class ActionsService implements SessionViewExtension, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly extensions: SessionViewExtensions,
  ) {}

  async get(principal: Principal, id: string): Promise<ActionItemView> {
    const view = await this.view(id);
    if (!view) throw notFound();
    this.requireRead(principal, view.groupId, view.ownerId);
    return view;
  }

  async list(principal: Principal, q: ActionItemListQueryDto): Promise<ActionItemListResponse> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (principal.globalRole !== GlobalRole.Secretariat) {
      const readable = principal.memberships.filter((m) => m.role !== GroupRole.Observer).map((m) => m.groupId);
      where.push(`(a.group_id = ANY(${param(readable)}::uuid[]) OR a.owner_id = ${param(principal.userId)})`);
    }
    if (q.groupId) {
      const rights = groupRights(principal, q.groupId);
      if (!rights.read) {
        if (rights.visible) throw observersOnly();
        const exists = (await this.db.query(`SELECT 1 FROM working_groups WHERE id = $1`, [q.groupId])).length > 0;
        // Outsiders learn nothing about the group; only their own items of it, if any, are listed.
        if (!exists) throw groupNotFound();
      }
      where.push(`a.group_id = ${param(q.groupId)}`);
    }
    if (q.status) where.push(`a.status = ${param(q.status)}`);
    if (q.owner === 'me') where.push(`a.owner_id = ${param(principal.userId)}`);
    if (q.overdue === true)
      where.push(
        `a.status = ANY('{open,in_progress}'::text[]) AND a.due_date < (now() AT TIME ZONE u.time_zone)::date`,
      );
    if (q.overdue === false)
      where.push(
        `NOT (a.status = ANY('{open,in_progress}'::text[]) AND a.due_date < (now() AT TIME ZONE u.time_zone)::date)`,
      );
    const rows: Row[] = await this.db.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.due_date DESC, a.created_at DESC, a.id LIMIT ${LIST_LIMIT}`,
      values,
    );
    return { items: rows.map(toView) };
  }

  /** The carry-over for a session (`GET /api/sessions/:id/open-actions`). */
  async openForSession(principal: Principal, sessionId: string): Promise<OpenActionsResponse> {
    const sessions: { starts_at: Date; group_ids: string[] }[] = await this.db.query(
      `SELECT s.starts_at, ARRAY(SELECT sg.group_id::text FROM session_groups sg WHERE sg.session_id = s.id) AS group_ids
         FROM sessions s WHERE s.id = $1`,
      [sessionId],
    );
    const session = sessions[0];
    if (!session) throw new DomainException(ErrorCode.NotFound, 'This session was not found');
    const rights = session.group_ids.map((g) => groupRights(principal, g));
    if (!rights.some((r) => r.read)) {
      if (rights.some((r) => r.visible)) throw observersOnly();
      throw new DomainException(ErrorCode.NotFound, 'This session was not found');
    }
    return { sessionId, items: await this.carriedOver(sessionId, session.group_ids, session.starts_at) };
  }

  /** The session view's agenda section "Open action items (carried over)", for those who may read them. */
  async extend(principal: Principal, view: SessionView): Promise<Partial<SessionView>> {
    if (view.status === SessionStatus.Ended || view.status === SessionStatus.Cancelled) return {};
    if (!view.groupIds.some((g) => groupRights(principal, g).read)) return {};
    return { carriedOverActions: await this.carriedOver(view.id, view.groupIds, new Date(view.startsAt)) };
  }

  onModuleInit(): void {
    this.extensions.register(this);
  }

  /**
   * Open and in-progress items of the session's groups (and items decided at earlier occurrences of the same
   * series), leaving out those decided at this session or at later ones.
   */
  private async carriedOver(sessionId: string, groupIds: string[], startsAt: Date): Promise<ActionItemView[]> {
    const rows: Row[] = await this.db.query(
      `${SELECT}
        LEFT JOIN sessions src ON src.id = a.session_id
        WHERE a.status = ANY($3::text[])
          AND (a.group_id = ANY($2::uuid[]) OR a.session_id = $1)
          AND (src.id IS NULL OR (src.id = $1 AND src.rrule IS NOT NULL) OR (src.id <> $1 AND src.starts_at < $4))
        ORDER BY a.due_date, a.created_at, a.id LIMIT ${LIST_LIMIT}`,
      [sessionId, groupIds, OPEN_ACTION_STATUSES, startsAt],
    );
    return rows.map(toView);
  }

  async create(principal: Principal, input: CreateActionItemDto, ip: string | null): Promise<ActionItemView> {
    const exists = (await this.db.query(`SELECT 1 FROM working_groups WHERE id = $1`, [input.groupId])).length > 0;
    const rights = groupRights(principal, input.groupId);
    if (!exists || !rights.visible) throw groupNotFound();
    if (!rights.edit)
      throw new DomainException(
        ErrorCode.Forbidden,
        'Only the chair, a co-chair, the rapporteur or the secretariat can create action items',
      );
    const id = await this.db.transaction(async (tx) => {
      const errors: FieldError[] = [];
      let sessionId = input.sessionId ?? null;
      if (input.minutesId) {
        const source = await this.checkSource(tx, input, errors);
        if (source && sessionId && source !== sessionId)
          errors.push({ field: 'sessionId', messages: ['must be the session of the minutes'] });
        sessionId = sessionId ?? source;
      } else {
        if (input.itemKey != null) errors.push({ field: 'itemKey', messages: ['needs minutesId'] });
        if (input.decisionIndex != null) errors.push({ field: 'decisionIndex', messages: ['needs minutesId'] });
      }
      await this.checkFields(
        tx,
        input.groupId,
        { ownerId: input.ownerId, sessionId, workPlanItemId: input.workPlanItemId },
        errors,
      );
      if (errors.length) throw new ValidationDomainException(errors);
      const saved = await tx.getRepository(ActionItemEntity).save({
        title: input.title.trim(),
        groupId: input.groupId,
        sessionId,
        minutesId: input.minutesId ?? null,
        itemKey: input.itemKey ?? null,
        decisionIndex: input.decisionIndex ?? null,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        status: input.status ?? ActionItemStatus.Open,
        workPlanItemId: input.workPlanItemId ?? null,
        createdBy: principal.userId,
        version: 1,
        remindedDueAt: null,
        remindedOverdueAt: null,
      });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'action_item.created',
          targetType: 'working_group',
          targetId: input.groupId,
          details: { actionItemId: saved.id, ownerId: input.ownerId, dueDate: input.dueDate, sessionId },
          ip,
        },
        tx,
      );
      return saved.id;
    });
    return (await this.view(id)) as ActionItemView;
  }

  /**
   * Optimistic concurrency: `UPDATE … WHERE id = $1 AND version = $2`; when no row matched, someone saved first
   * and the answer is 409 with the current item. A new due date or owner re-arms the reminders.
   */
  async update(
    principal: Principal,
    id: string,
    change: UpdateActionItemDto,
    ip: string | null,
  ): Promise<ActionItemView> {
    const item = await this.db.getRepository(ActionItemEntity).findOne({ where: { id } });
    if (!item) throw notFound();
    const rights = this.requireRead(principal, item.groupId, item.ownerId);
    const { version: _version, ...fields } = change;
    const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
    if (!rights.edit) {
      const owner = item.ownerId === principal.userId;
      if (!owner)
        throw new DomainException(
          ErrorCode.Forbidden,
          'Only the chair, a co-chair, the rapporteur or the secretariat can change this action item',
        );
      const other = changed.filter((k) => k !== 'status');
      if (other.length)
        throw new DomainException(ErrorCode.Forbidden, 'As its owner you may change only the status', {
          fields: other,
        });
    }
    await this.db.transaction(async (tx) => {
      const errors: FieldError[] = [];
      await this.checkFields(
        tx,
        item.groupId,
        { ownerId: change.ownerId, sessionId: change.sessionId, workPlanItemId: change.workPlanItemId },
        errors,
      );
      if (errors.length) throw new ValidationDomainException(errors);
      const sets: string[] = [];
      const values: unknown[] = [id, change.version];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (change.title !== undefined) set('title', change.title.trim());
      if (change.ownerId !== undefined) set('owner_id', change.ownerId);
      if (change.dueDate !== undefined) set('due_date', change.dueDate);
      if (change.status !== undefined) set('status', change.status);
      if (change.sessionId !== undefined) set('session_id', change.sessionId);
      if (change.workPlanItemId !== undefined) set('work_plan_item_id', change.workPlanItemId);
      const rearm =
        (change.dueDate !== undefined && change.dueDate !== item.dueDate) ||
        (change.ownerId !== undefined && change.ownerId !== item.ownerId);
      if (rearm) sets.push('reminded_due_at = NULL', 'reminded_overdue_at = NULL');
      const [, affected] = (await tx.query(
        `UPDATE action_items SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2`,
        values,
      )) as [unknown, number];
      if (affected !== 1) {
        throw new DomainException(
          ErrorCode.Conflict,
          'Someone else changed this action item; review the current version and apply your change again',
          { current: await this.view(id) },
        );
      }
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'action_item.updated',
          targetType: 'working_group',
          targetId: item.groupId,
          details: {
            actionItemId: id,
            fields: changed,
            ...(change.status !== undefined && { status: { from: item.status, to: change.status } }),
          },
          ip,
        },
        tx,
      );
    });
    return (await this.view(id)) as ActionItemView;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private async view(id: string, m: EntityManager = this.db.manager): Promise<ActionItemView | null> {
    const rows: Row[] = await m.query(`${SELECT} WHERE a.id = $1`, [id]);
    return rows.length ? toView(rows[0]) : null;
  }

  /** 404 to outsiders, 403 to observers of the group; the owner always reads their own item. */
  private requireRead(principal: Principal, groupId: string, ownerId: string): GroupRights {
    const rights = groupRights(principal, groupId);
    if (rights.read) return rights;
    if (ownerId === principal.userId) return { read: true, visible: true, edit: false };
    if (rights.visible) throw observersOnly();
    throw notFound();
  }

  /** The owner, session and work-plan item must belong to the group; adds field errors. */
  private async checkFields(
    tx: EntityManager,
    groupId: string,
    f: { ownerId?: string; sessionId?: string | null; workPlanItemId?: string | null },
    errors: FieldError[],
  ): Promise<void> {
    if (f.ownerId !== undefined) {
      const ok: unknown[] = await tx.query(
        `SELECT 1 FROM users u
          WHERE u.id = $1 AND u.status = $3
            AND (u.global_role = $4 OR EXISTS (
                  SELECT 1 FROM group_memberships m
                   WHERE m.user_id = u.id AND m.group_id = $2 AND m.role <> $5
                     AND m.term_start <= current_date AND (m.term_end IS NULL OR m.term_end >= current_date)))`,
        [f.ownerId, groupId, UserStatus.Active, GlobalRole.Secretariat, GroupRole.Observer],
      );
      if (!ok.length)
        errors.push({ field: 'ownerId', messages: ['must be a current member of the group, or the secretariat'] });
    }
    if (f.sessionId) {
      const ok: unknown[] = await tx.query(`SELECT 1 FROM session_groups WHERE session_id = $1 AND group_id = $2`, [
        f.sessionId,
        groupId,
      ]);
      if (!ok.length) errors.push({ field: 'sessionId', messages: ['must be a session of the group'] });
    }
    if (f.workPlanItemId) {
      const ok: unknown[] = await tx.query(`SELECT 1 FROM work_plan_item_groups WHERE item_id = $1 AND group_id = $2`, [
        f.workPlanItemId,
        groupId,
      ]);
      if (!ok.length) errors.push({ field: 'workPlanItemId', messages: ['must be a work-plan item of the group'] });
    }
  }

  /** The decision the item comes from: the minutes exist, and the item key and decision index are in them. */
  private async checkSource(
    tx: EntityManager,
    input: CreateActionItemDto,
    errors: FieldError[],
  ): Promise<string | null> {
    const docs: { session_id: string; content: MinutesContent }[] = await tx.query(
      `SELECT d.session_id, v.content FROM minutes_documents d
         JOIN minutes_versions v ON v.document_id = d.id AND v.number = d.current_version
        WHERE d.id = $1`,
      [input.minutesId],
    );
    const doc = docs[0];
    if (!doc) {
      errors.push({ field: 'minutesId', messages: ['must name existing minutes'] });
      return null;
    }
    if (input.itemKey != null) {
      const section = doc.content.items.find((i) => i.key === input.itemKey);
      if (!section) errors.push({ field: 'itemKey', messages: ['must be an item of the minutes'] });
      else if (input.decisionIndex != null && input.decisionIndex >= section.decisions.length)
        errors.push({ field: 'decisionIndex', messages: ['must be a decision of the item'] });
    } else if (input.decisionIndex != null) {
      errors.push({ field: 'decisionIndex', messages: ['needs itemKey'] });
    }
    return doc.session_id;
  }
}
