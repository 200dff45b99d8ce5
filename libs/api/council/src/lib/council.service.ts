import { AuditService } from '@kengash/api-audit';
import { DomainException, NotFoundDomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import {
  Chairmanship,
  CountryCode,
  CouncilSettings,
  CreateWorkingGroupRequest,
  ErrorCode,
  GlobalRole,
  GroupVisibility,
  UpdateCouncilRequest,
  UpdateWorkingGroupRequest,
  WorkingGroupDetail,
  WorkingGroupListResponse,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChairmanshipEntity } from './chairmanship.entity';
import { CouncilEntity } from './council.entity';
import { GroupAccessService } from './group-access.service';
import { WorkingGroupEntity } from './working-group.entity';

interface GroupStatsRow {
  group_id: string;
  member_count: string;
  countries: string[] | null;
}

const isStaff = (p: Principal | null) => p?.globalRole === GlobalRole.Secretariat || p?.globalRole === GlobalRole.Admin;

@Injectable()
export class CouncilService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly audit: AuditService,
  ) {}

  private async council(manager: EntityManager = this.db.manager): Promise<CouncilEntity> {
    const council = await manager.getRepository(CouncilEntity).findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!council) throw new NotFoundDomainException('The council');
    return council;
  }

  // ---- settings -----------------------------------------------------------------------------------------

  async settings(today: string = new Date().toISOString().slice(0, 10)): Promise<CouncilSettings> {
    const council = await this.council();
    const chairs = await this.db
      .getRepository(ChairmanshipEntity)
      .find({ where: { councilId: council.id }, order: { periodStart: 'ASC' } });
    const chairmanships: Chairmanship[] = chairs.map((c) => ({
      country: c.country as CountryCode,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
    }));
    return {
      id: council.id,
      name: council.name,
      defaultTimeZone: council.defaultTimeZone,
      memberCountries: council.memberCountries as CountryCode[],
      chairmanships,
      currentChair: chairmanships.find((c) => c.periodStart <= today && today <= c.periodEnd) ?? null,
      demo: council.demo,
    };
  }

  async updateSettings(actor: Principal, change: UpdateCouncilRequest, ip: string | null): Promise<CouncilSettings> {
    if (change.chairmanships) {
      const sorted = [...change.chairmanships].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
      sorted.forEach((c, i) => {
        if (c.periodEnd < c.periodStart) {
          throw new DomainException(ErrorCode.ValidationFailed, 'A chairmanship ends before it starts', [
            { field: `chairmanships.${i}.periodEnd`, messages: ['must not be before periodStart'] },
          ]);
        }
        if (i > 0 && c.periodStart <= sorted[i - 1].periodEnd) {
          throw new DomainException(ErrorCode.ValidationFailed, 'Chairmanship periods overlap', [
            { field: `chairmanships.${i}.periodStart`, messages: ['overlaps the previous chairmanship'] },
          ]);
        }
      });
    }
    await this.db.transaction(async (tx) => {
      const council = await this.council(tx);
      if (change.name) council.name = change.name;
      if (change.defaultTimeZone) council.defaultTimeZone = change.defaultTimeZone;
      if (change.memberCountries) council.memberCountries = [...new Set(change.memberCountries)];
      await tx.getRepository(CouncilEntity).save(council);
      if (change.chairmanships) {
        await tx.getRepository(ChairmanshipEntity).delete({ councilId: council.id });
        await tx
          .getRepository(ChairmanshipEntity)
          .insert(change.chairmanships.map((c) => ({ councilId: council.id, ...c })));
      }
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'council.updated',
          targetType: 'council',
          targetId: council.id,
          details: { fields: Object.keys(change) },
          ip,
        },
        tx,
      );
    });
    return this.settings();
  }

  // ---- groups -------------------------------------------------------------------------------------------

  /**
   * The council and the groups the caller may see: anyone sees council-internal groups' public summary;
   * restricted groups only to their members and the secretariat; archived ones only to staff on request.
   */
  async listGroups(
    principal: Principal | null = null,
    includeArchived = false,
    today: string = new Date().toISOString().slice(0, 10),
  ): Promise<WorkingGroupListResponse> {
    const council = await this.council();
    const all = await this.db
      .getRepository(WorkingGroupEntity)
      .find({ where: { councilId: council.id }, order: { slug: 'ASC' } });
    const visible: WorkingGroupEntity[] = [];
    for (const g of all) {
      if (g.archivedAt && !(includeArchived && isStaff(principal))) continue;
      if (g.visibility === GroupVisibility.Restricted && !(await this.access.rights(principal, g)).read) continue;
      visible.push(g);
    }
    const stats = await this.stats(today);
    return {
      council: { id: council.id, name: council.name, demo: council.demo },
      groups: visible.map((g) => this.summary(g, stats)),
    };
  }

  private async stats(today: string): Promise<Map<string, GroupStatsRow>> {
    // Current members only: a term that includes today (observers are not counted as members).
    const rows: GroupStatsRow[] = await this.db.query(
      `SELECT m.group_id,
              count(DISTINCT m.user_id) AS member_count,
              array_remove(array_agg(DISTINCT u.country ORDER BY u.country), NULL) AS countries
         FROM group_memberships m
         JOIN users u ON u.id = m.user_id
        WHERE m.role <> 'observer'
          AND m.term_start <= $1::date
          AND (m.term_end IS NULL OR m.term_end >= $1::date)
          AND u.status <> 'disabled'
        GROUP BY m.group_id`,
      [today],
    );
    return new Map(rows.map((s) => [s.group_id, s]));
  }

  private summary(g: WorkingGroupEntity, stats: Map<string, GroupStatsRow>): WorkingGroupSummary {
    return {
      id: g.id,
      slug: g.slug,
      name: g.name,
      theme: g.theme,
      mandate: g.mandate,
      periodStart: g.periodStart,
      periodEnd: g.periodEnd,
      memberCount: Number(stats.get(g.id)?.member_count ?? 0),
      countries: (stats.get(g.id)?.countries ?? []) as CountryCode[],
    };
  }

  async detail(principal: Principal | null, groupId: string): Promise<WorkingGroupDetail> {
    const group = await this.db.getRepository(WorkingGroupEntity).findOne({ where: { id: groupId } });
    if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
    const rights = await this.access.rights(principal, group);
    // The public summary of a council-internal group is public (the council publishes its themes).
    if (group.visibility === GroupVisibility.Restricted && !rights.read) {
      throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
    }
    return {
      ...this.summary(group, await this.stats(new Date().toISOString().slice(0, 10))),
      visibility: group.visibility,
      archivedAt: group.archivedAt?.toISOString() ?? null,
      myRole: principal?.memberships.find((m) => m.groupId === group.id)?.role ?? null,
      can: {
        editPlan: rights.editPlan,
        comment: rights.comment,
        manageMembers: rights.manageMembers,
        manageGroup: rights.manageGroup,
      },
    };
  }

  async detailBySlug(principal: Principal | null, slug: string): Promise<WorkingGroupDetail> {
    const group = await this.db.getRepository(WorkingGroupEntity).findOne({ where: { slug } });
    if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
    return this.detail(principal, group.id);
  }

  async create(actor: Principal, input: CreateWorkingGroupRequest, ip: string | null): Promise<WorkingGroupDetail> {
    if (input.periodEnd < input.periodStart) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The period ends before it starts', [
        { field: 'periodEnd', messages: ['must not be before periodStart'] },
      ]);
    }
    const id = await this.db.transaction(async (tx) => {
      const council = await this.council(tx);
      if (await tx.getRepository(WorkingGroupEntity).exists({ where: { councilId: council.id, slug: input.slug } })) {
        throw new DomainException(ErrorCode.Conflict, 'A working group with this slug exists', [
          { field: 'slug', messages: ['is already used'] },
        ]);
      }
      const saved = await tx
        .getRepository(WorkingGroupEntity)
        .save({ councilId: council.id, archivedAt: null, ...input });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'group.created',
          targetType: 'working_group',
          targetId: saved.id,
          details: { slug: input.slug },
          ip,
        },
        tx,
      );
      return saved.id;
    });
    return this.detail(actor, id);
  }

  async update(
    actor: Principal,
    groupId: string,
    change: UpdateWorkingGroupRequest,
    ip: string | null,
  ): Promise<WorkingGroupDetail> {
    await this.db.transaction(async (tx) => {
      const group = await tx
        .getRepository(WorkingGroupEntity)
        .findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
      Object.assign(group, change);
      if (group.periodEnd < group.periodStart) {
        throw new DomainException(ErrorCode.ValidationFailed, 'The period ends before it starts', [
          { field: 'periodEnd', messages: ['must not be before periodStart'] },
        ]);
      }
      await tx.getRepository(WorkingGroupEntity).save(group);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'group.updated',
          targetType: 'working_group',
          targetId: groupId,
          details: { fields: Object.keys(change) },
          ip,
        },
        tx,
      );
    });
    return this.detail(actor, groupId);
  }

  async archive(actor: Principal, groupId: string, ip: string | null): Promise<WorkingGroupDetail> {
    await this.db.transaction(async (tx) => {
      const group = await tx
        .getRepository(WorkingGroupEntity)
        .findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
      if (group.archivedAt) throw new DomainException(ErrorCode.Conflict, 'This working group is already archived');
      group.archivedAt = new Date();
      await tx.getRepository(WorkingGroupEntity).save(group);
      await this.audit.record(
        { actorId: actor.userId, action: 'group.archived', targetType: 'working_group', targetId: groupId, ip },
        tx,
      );
    });
    return this.detail(actor, groupId);
  }
}
