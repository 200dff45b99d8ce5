import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import {
  ErrorCode,
  WorkPlan,
  WorkPlanComment,
  WorkPlanItem,
  WorkPlanItemStatus,
  WorkPlanListResponse,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { GroupAccessService, GroupRights } from './group-access.service';
import { CreateWorkPlanDto, CreateWorkPlanItemDto, UpdateWorkPlanItemDto } from './work-plan.dto';
import {
  WorkPlanCommentEntity,
  WorkPlanEntity,
  WorkPlanItemEntity,
  WorkPlanItemGroupEntity,
  WorkPlanItemSessionEntity,
} from './work-plan.entity';
import { WorkingGroupEntity } from './working-group.entity';

interface ItemRow {
  id: string;
  plan_id: string;
  objective: string;
  deliverable: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: WorkPlanItemStatus;
  progress: number;
  version: number;
  updated_at: Date;
  demo: boolean;
  group_ids: string[];
  session_ids: string[] | null;
  comment_count: string;
}

const ITEM_SELECT = `
  SELECT i.id, i.plan_id, i.objective, i.deliverable, i.owner_id, u.display_name AS owner_name,
         to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.status, i.progress, i.version, i.updated_at, i.demo,
         ARRAY(SELECT g.group_id::text FROM work_plan_item_groups g WHERE g.item_id = i.id ORDER BY g.group_id) AS group_ids,
         ARRAY(SELECT s.session_id::text FROM work_plan_item_sessions s WHERE s.item_id = i.id ORDER BY s.session_id) AS session_ids,
         (SELECT count(*) FROM work_plan_comments c WHERE c.item_id = i.id) AS comment_count
    FROM work_plan_items i LEFT JOIN users u ON u.id = i.owner_id`;

function toItem(r: ItemRow): WorkPlanItem {
  return {
    id: r.id,
    planId: r.plan_id,
    objective: r.objective,
    deliverable: r.deliverable,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status: r.status,
    progress: r.progress,
    groupIds: r.group_ids,
    sessionIds: r.session_ids ?? [],
    commentCount: Number(r.comment_count),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    demo: r.demo,
  };
}

/** Work plans and their items; chairs edit, members comment, every change is checked against the group's rules. */
@Injectable()
export class WorkPlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, groupId: string): Promise<WorkPlanListResponse> {
    await this.access.readable(principal, groupId);
    // The group's own plans, plus the plans of other groups that share a joint item with it (only those items).
    const rows: ItemRow[] = await this.db.query(
      `${ITEM_SELECT} WHERE i.id IN (SELECT item_id FROM work_plan_item_groups WHERE group_id = $1) ORDER BY i.due_date NULLS LAST, i.objective`,
      [groupId],
    );
    const items = rows.map(toItem);
    const plans = await this.db.getRepository(WorkPlanEntity).find({
      where: [{ groupId }, { id: In([...new Set(items.map((i) => i.planId))]) }],
      order: { periodStart: 'DESC', title: 'ASC' },
    });
    const out: WorkPlan[] = plans
      .sort((a, b) => Number(a.groupId !== groupId) - Number(b.groupId !== groupId))
      .map((p) => ({
        id: p.id,
        groupId: p.groupId,
        title: p.title,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        demo: p.demo,
        items: items.filter((i) => i.planId === p.id),
      }));
    return { plans: out };
  }

  async createPlan(
    principal: Principal,
    groupId: string,
    input: CreateWorkPlanDto,
    ip: string | null,
  ): Promise<WorkPlan> {
    const { rights } = await this.access.readable(principal, groupId);
    this.access.require(rights, 'editPlan', 'Only the chair, a co-chair or the secretariat can create a work plan');
    if (input.periodEnd < input.periodStart) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The period ends before it starts', [
        { field: 'periodEnd', messages: ['must not be before periodStart'] },
      ]);
    }
    return this.db.transaction(async (tx) => {
      const plan = await tx.getRepository(WorkPlanEntity).save({ groupId, ...input, demo: false });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'work_plan.created',
          targetType: 'working_group',
          targetId: groupId,
          details: { planId: plan.id },
          ip,
        },
        tx,
      );
      return {
        id: plan.id,
        groupId,
        title: plan.title,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        demo: false,
        items: [],
      };
    });
  }

  /** Rights over an item: the union over the groups it belongs to (a joint item may be edited by either chair). */
  private async itemRights(
    principal: Principal,
    itemId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ item: WorkPlanItemEntity; rights: GroupRights; groupIds: string[] }> {
    const item = await manager.getRepository(WorkPlanItemEntity).findOne({ where: { id: itemId } });
    if (!item) throw new DomainException(ErrorCode.NotFound, 'This work-plan item was not found');
    const links = await manager.getRepository(WorkPlanItemGroupEntity).find({ where: { itemId } });
    const groups = await manager
      .getRepository(WorkingGroupEntity)
      .find({ where: { id: In(links.map((l) => l.groupId)) } });
    const all = await Promise.all(groups.map((g) => this.access.rights(principal, g)));
    const rights: GroupRights = {
      read: all.some((r) => r.read),
      editPlan: all.some((r) => r.editPlan),
      comment: all.some((r) => r.comment),
      manageMembers: all.some((r) => r.manageMembers),
      manageGroup: all.some((r) => r.manageGroup),
    };
    if (!rights.read) throw new DomainException(ErrorCode.NotFound, 'This work-plan item was not found');
    return { item, rights, groupIds: links.map((l) => l.groupId) };
  }

  async getItem(id: string): Promise<WorkPlanItem> {
    const rows: ItemRow[] = await this.db.query(`${ITEM_SELECT} WHERE i.id = $1`, [id]);
    if (!rows.length) throw new DomainException(ErrorCode.NotFound, 'This work-plan item was not found');
    return toItem(rows[0]);
  }

  async createItem(
    principal: Principal,
    planId: string,
    input: CreateWorkPlanItemDto,
    ip: string | null,
  ): Promise<WorkPlanItem> {
    const plan = await this.db.getRepository(WorkPlanEntity).findOne({ where: { id: planId } });
    if (!plan) throw new DomainException(ErrorCode.NotFound, 'This work plan was not found');
    const { rights } = await this.access.readable(principal, plan.groupId);
    this.access.require(rights, 'editPlan', 'Only the chair, a co-chair or the secretariat can add items');
    const id = await this.db.transaction(async (tx) => {
      const joint = [...new Set((input.jointGroupIds ?? []).filter((g) => g !== plan.groupId))];
      if (
        joint.length &&
        (await tx.getRepository(WorkingGroupEntity).count({ where: { id: In(joint) } })) !== joint.length
      ) {
        throw new DomainException(ErrorCode.ValidationFailed, 'Unknown group', [
          { field: 'jointGroupIds', messages: ['must name existing working groups'] },
        ]);
      }
      await this.checkSessions(tx, input.sessionIds);
      const saved = await tx.getRepository(WorkPlanItemEntity).save({
        planId,
        objective: input.objective,
        deliverable: input.deliverable,
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        status: input.status ?? WorkPlanItemStatus.Planned,
        progress: input.progress ?? 0,
        version: 1,
        demo: false,
      });
      await tx
        .getRepository(WorkPlanItemGroupEntity)
        .insert([plan.groupId, ...joint].map((groupId) => ({ itemId: saved.id, groupId })));
      if (input.sessionIds?.length)
        await tx
          .getRepository(WorkPlanItemSessionEntity)
          .insert(input.sessionIds.map((sessionId) => ({ itemId: saved.id, sessionId })));
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'work_plan.item_created',
          targetType: 'working_group',
          targetId: plan.groupId,
          details: { itemId: saved.id, joint },
          ip,
        },
        tx,
      );
      return saved.id;
    });
    return this.getItem(id);
  }

  private async checkSessions(tx: EntityManager, sessionIds: string[] | undefined): Promise<void> {
    if (!sessionIds?.length) return;
    const found: unknown[] = await tx.query(`SELECT id FROM sessions WHERE id = ANY($1::uuid[])`, [sessionIds]);
    if (found.length !== new Set(sessionIds).size) {
      throw new DomainException(ErrorCode.ValidationFailed, 'Unknown session', [
        { field: 'sessionIds', messages: ['must name existing sessions'] },
      ]);
    }
  }

  /**
   * Optimistic concurrency: `UPDATE … WHERE id = $1 AND version = $2`; when no row matched, someone saved
   * first, and the answer is 409 with the current item.
   */
  async updateItem(
    principal: Principal,
    itemId: string,
    change: UpdateWorkPlanItemDto,
    ip: string | null,
  ): Promise<WorkPlanItem> {
    const { rights, groupIds } = await this.itemRights(principal, itemId);
    this.access.require(rights, 'editPlan', 'Only the chair, a co-chair or the secretariat can edit the work plan');
    await this.db.transaction(async (tx) => {
      const sets: string[] = [];
      const values: unknown[] = [itemId, change.version];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (change.objective !== undefined) set('objective', change.objective);
      if (change.deliverable !== undefined) set('deliverable', change.deliverable);
      if (change.ownerId !== undefined) set('owner_id', change.ownerId);
      if (change.dueDate !== undefined) set('due_date', change.dueDate);
      if (change.status !== undefined) set('status', change.status);
      if (change.progress !== undefined) set('progress', change.progress);
      const [, affected] = (await tx.query(
        `UPDATE work_plan_items SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
        values,
      )) as [unknown, number];
      if (affected !== 1) {
        throw new DomainException(
          ErrorCode.Conflict,
          'Someone else changed this item; review the current version and apply your change again',
          {
            current: await this.getItem(itemId),
          },
        );
      }
      if (change.sessionIds !== undefined) {
        await this.checkSessions(tx, change.sessionIds);
        await tx.getRepository(WorkPlanItemSessionEntity).delete({ itemId });
        if (change.sessionIds.length)
          await tx
            .getRepository(WorkPlanItemSessionEntity)
            .insert(change.sessionIds.map((sessionId) => ({ itemId, sessionId })));
      }
      const { version: _version, ...fields } = change;
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'work_plan.item_updated',
          targetType: 'working_group',
          targetId: groupIds[0],
          details: { itemId, fields: Object.keys(fields) },
          ip,
        },
        tx,
      );
    });
    return this.getItem(itemId);
  }

  async deleteItem(principal: Principal, itemId: string, ip: string | null): Promise<void> {
    const { rights, groupIds } = await this.itemRights(principal, itemId);
    this.access.require(rights, 'editPlan', 'Only the chair, a co-chair or the secretariat can edit the work plan');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(WorkPlanItemEntity).delete({ id: itemId });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'work_plan.item_deleted',
          targetType: 'working_group',
          targetId: groupIds[0],
          details: { itemId },
          ip,
        },
        tx,
      );
    });
  }

  async comments(principal: Principal, itemId: string): Promise<WorkPlanComment[]> {
    await this.itemRights(principal, itemId);
    const rows: {
      id: string;
      item_id: string;
      author_id: string;
      author_name: string;
      body: string;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT c.id, c.item_id, c.author_id, u.display_name AS author_name, c.body, c.created_at
         FROM work_plan_comments c JOIN users u ON u.id = c.author_id WHERE c.item_id = $1 ORDER BY c.created_at`,
      [itemId],
    );
    return rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      authorId: r.author_id,
      authorName: r.author_name,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async addComment(principal: Principal, itemId: string, body: string): Promise<WorkPlanComment> {
    const { rights } = await this.itemRights(principal, itemId);
    this.access.require(rights, 'comment', 'Observers can read the work plan but not comment');
    const saved = await this.db
      .getRepository(WorkPlanCommentEntity)
      .save({ itemId, authorId: principal.userId, body: body.trim() });
    const [comment] = (await this.comments(principal, itemId)).filter((c) => c.id === saved.id);
    return comment;
  }
}
