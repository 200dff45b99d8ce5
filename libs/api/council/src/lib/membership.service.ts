import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import { AccessEventsService, UserEntity } from '@kengash/api-identity';
import { ErrorCode, UserStatus } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { GroupMembershipEntity } from './group-membership.entity';
import { AddMembershipDto } from './membership.dto';
import { WorkingGroupEntity } from './working-group.entity';

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Who belongs to a working group, for which term. Every change is audited; a removal ends live access at once. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEventsService,
  ) {}

  async add(actorId: string, groupId: string, input: AddMembershipDto, ip: string | null): Promise<{ id: string }> {
    if (input.termEnd && input.termEnd < input.termStart) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The term ends before it starts', [
        { field: 'termEnd', messages: ['must not be before termStart'] },
      ]);
    }
    return this.db.transaction(async (tx) => {
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
      return { id: saved.id };
    });
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
