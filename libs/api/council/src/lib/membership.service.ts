import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import { AccessEventsService, Principal, UserEntity } from '@kengash/api-identity';
import {
  ErrorCode,
  GROUP_ROLES,
  GroupMember,
  GroupMembersResponse,
  GroupRole,
  MemberImportResult,
  UpdateMembershipRequest,
  UserStatus,
} from '@kengash/contracts';
import { parse } from 'csv-parse/sync';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { GroupMembershipEntity } from './group-membership.entity';
import { GroupAccessService } from './group-access.service';
import { AddMembershipDto } from './membership.dto';
import { WorkingGroupEntity } from './working-group.entity';

interface MemberRow {
  id: string;
  user_id: string;
  display_name: string;
  organisation: string | null;
  country: string | null;
  role: GroupRole;
  term_start: string;
  term_end: string | null;
  current: boolean;
}

const isDate = (v: string | undefined): v is string =>
  !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

const MEMBER_SELECT = `
  SELECT m.id, m.user_id, u.display_name, u.organisation, u.country, m.role,
         to_char(m.term_start, 'YYYY-MM-DD') AS term_start, to_char(m.term_end, 'YYYY-MM-DD') AS term_end,
         (m.term_start <= current_date AND (m.term_end IS NULL OR m.term_end >= current_date)) AS current
    FROM group_memberships m JOIN users u ON u.id = m.user_id`;
const MEMBER_ORDER = `ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'co_chair' THEN 1 WHEN 'rapporteur' THEN 2 WHEN 'member' THEN 3 ELSE 4 END,
         u.display_name, m.term_start DESC`;

const toMember = (r: MemberRow): GroupMember => ({
  membershipId: r.id,
  userId: r.user_id,
  displayName: r.display_name,
  organisation: r.organisation,
  country: r.country as GroupMember['country'],
  role: r.role,
  termStart: r.term_start,
  termEnd: r.term_end,
  current: r.current,
});

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Who belongs to a working group, for which term. Every change is audited; a removal ends live access at once. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEventsService,
    private readonly access: GroupAccessService,
  ) {}

  async add(actorId: string, groupId: string, input: AddMembershipDto, ip: string | null): Promise<GroupMember> {
    if (input.termEnd && input.termEnd < input.termStart) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The term ends before it starts', [
        { field: 'termEnd', messages: ['must not be before termStart'] },
      ]);
    }
    const id = await this.db.transaction(async (tx) => {
      const group = await tx.getRepository(WorkingGroupEntity).findOne({ where: { id: groupId } });
      if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
      const user = await tx.getRepository(UserEntity).findOne({ where: { id: input.userId } });
      if (!user || user.status === UserStatus.Disabled)
        throw new DomainException(ErrorCode.NotFound, 'This person was not found');
      const overlapping = await tx.getRepository(GroupMembershipEntity).count({
        where: [
          { groupId, userId: user.id, termEnd: IsNull(), termStart: LessThanOrEqual(input.termEnd ?? '9999-12-31') },
          {
            groupId,
            userId: user.id,
            termEnd: MoreThanOrEqual(input.termStart),
            termStart: LessThanOrEqual(input.termEnd ?? '9999-12-31'),
          },
        ],
      });
      if (overlapping)
        throw new DomainException(ErrorCode.Conflict, 'This person already has a role in this group for that term');
      const saved = await tx.getRepository(GroupMembershipEntity).save({
        groupId,
        userId: user.id,
        role: input.role,
        termStart: input.termStart,
        termEnd: input.termEnd ?? null,
      });
      await this.audit.record(
        {
          actorId,
          action: 'membership.added',
          targetType: 'working_group',
          targetId: groupId,
          details: { userId: user.id, role: input.role, termStart: input.termStart, termEnd: input.termEnd ?? null },
          ip,
        },
        tx,
      );
      return saved.id;
    });
    const [row] = (await this.db.query(`${MEMBER_SELECT} WHERE m.id = $1`, [id])) as MemberRow[];
    return toMember(row);
  }

  async list(principal: Principal, groupId: string, history: boolean): Promise<GroupMembersResponse> {
    await this.access.readable(principal, groupId);
    const rows: MemberRow[] = await this.db.query(`${MEMBER_SELECT} WHERE m.group_id = $1 ${MEMBER_ORDER}`, [groupId]);
    const members = rows.map(toMember);
    return { current: members.filter((m) => m.current), past: history ? members.filter((m) => !m.current) : [] };
  }

  async update(
    actorId: string,
    groupId: string,
    membershipId: string,
    change: UpdateMembershipRequest,
    ip: string | null,
  ): Promise<void> {
    const userId = await this.db.transaction(async (tx) => {
      const m = await tx
        .getRepository(GroupMembershipEntity)
        .findOne({ where: { id: membershipId, groupId }, lock: { mode: 'pessimistic_write' } });
      if (!m) throw new DomainException(ErrorCode.NotFound, 'This membership was not found');
      const before = { role: m.role, termEnd: m.termEnd };
      if (change.role !== undefined) m.role = change.role;
      if (change.termEnd !== undefined) m.termEnd = change.termEnd;
      if (m.termEnd !== null && m.termEnd < m.termStart) {
        throw new DomainException(ErrorCode.ValidationFailed, 'The term ends before it starts', [
          { field: 'termEnd', messages: ['must not be before the term start'] },
        ]);
      }
      await tx.getRepository(GroupMembershipEntity).save(m);
      await this.audit.record(
        {
          actorId,
          action: 'membership.changed',
          targetType: 'working_group',
          targetId: groupId,
          details: { userId: m.userId, before, after: { role: m.role, termEnd: m.termEnd } },
          ip,
        },
        tx,
      );
      return m.userId;
    });
    this.accessEvents.revoke({ userId, reason: 'role_changed', groupId });
  }

  /**
   * Members from CSV (`email,role,term_start,term_end`). Idempotent: a row whose person already holds that
   * role from that date is counted as unchanged; every other problem rejects only its row, with a reason.
   */
  async import(actorId: string, groupId: string, csv: string, ip: string | null): Promise<MemberImportResult> {
    let records: Record<string, string>[];
    try {
      records = parse(csv, {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        relax_column_count: true,
      });
    } catch (e) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The CSV cannot be read', [
        { field: 'csv', messages: [e instanceof Error ? e.message : 'unreadable'] },
      ]);
    }
    if (records.length > 2000)
      throw new DomainException(ErrorCode.ValidationFailed, 'Too many rows', [
        { field: 'csv', messages: ['at most 2000 rows'] },
      ]);
    const result: MemberImportResult = { created: 0, unchanged: 0, rejected: [] };
    await this.db.transaction(async (tx) => {
      const group = await tx.getRepository(WorkingGroupEntity).findOne({ where: { id: groupId } });
      if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
      const created: { userId: string; role: string }[] = [];
      for (const [index, r] of records.entries()) {
        const row = index + 2; // the header is row 1
        const email = r['email'] || null;
        const reject = (reason: string) => result.rejected.push({ row, email, reason });
        if (!email) {
          reject('email is missing');
          continue;
        }
        const role = r['role'] as GroupRole;
        if (!GROUP_ROLES.includes(role)) {
          reject(`role must be one of ${GROUP_ROLES.join(', ')}`);
          continue;
        }
        const termStart = r['term_start'];
        const termEnd = r['term_end'] || null;
        if (!isDate(termStart)) {
          reject('term_start must be a date (yyyy-mm-dd)');
          continue;
        }
        if (termEnd !== null && (!isDate(termEnd) || termEnd < termStart)) {
          reject('term_end must be a date on or after term_start');
          continue;
        }
        const user = await tx.getRepository(UserEntity).findOne({ where: { email } });
        if (!user || user.status === UserStatus.Disabled) {
          reject('no active or invited account has this e-mail address');
          continue;
        }
        const existing = await tx.getRepository(GroupMembershipEntity).find({ where: { groupId, userId: user.id } });
        if (existing.some((m) => m.role === role && m.termStart === termStart && (m.termEnd ?? null) === termEnd)) {
          result.unchanged++;
          continue;
        }
        const overlaps = existing.some(
          (m) => m.termStart <= (termEnd ?? '9999-12-31') && (m.termEnd ?? '9999-12-31') >= termStart,
        );
        if (overlaps) {
          reject('overlaps a term this person already has in the group');
          continue;
        }
        await tx.getRepository(GroupMembershipEntity).insert({ groupId, userId: user.id, role, termStart, termEnd });
        created.push({ userId: user.id, role });
        result.created++;
      }
      await this.audit.record(
        {
          actorId,
          action: 'membership.imported',
          targetType: 'working_group',
          targetId: groupId,
          details: { created, unchanged: result.unchanged, rejected: result.rejected.length },
          ip,
        },
        tx,
      );
    });
    return result;
  }

  /** Ends the person's current term in the group (history is kept) and closes their live connections. */
  async remove(actorId: string, groupId: string, userId: string, ip: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await tx.getRepository(GroupMembershipEntity).find({
        where: [
          { groupId, userId, termStart: LessThanOrEqual(today()), termEnd: IsNull() },
          { groupId, userId, termStart: LessThanOrEqual(today()), termEnd: MoreThanOrEqual(today()) },
        ],
      });
      if (!current.length)
        throw new DomainException(ErrorCode.NotFound, 'This person is not a current member of the group');
      for (const m of current) {
        // The term ends yesterday; one that started today had no past and is removed outright.
        if (m.termStart >= today()) await tx.getRepository(GroupMembershipEntity).delete({ id: m.id });
        else await tx.getRepository(GroupMembershipEntity).update({ id: m.id }, { termEnd: yesterday() });
      }
      await this.audit.record(
        {
          actorId,
          action: 'membership.removed',
          targetType: 'working_group',
          targetId: groupId,
          details: { userId, roles: current.map((m) => m.role) },
          ip,
        },
        tx,
      );
    });
    this.accessEvents.revoke({ userId, reason: 'membership_removed', groupId });
  }
}
