import { DomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import { ErrorCode, GlobalRole, GroupRole, GroupVisibility } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkingGroupEntity } from './working-group.entity';

const EDITORS: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair];
const CONTRIBUTORS: readonly GroupRole[] = [GroupRole.Chair, GroupRole.CoChair, GroupRole.Rapporteur, GroupRole.Member];

export interface GroupRights {
  read: boolean;
  editPlan: boolean;
  comment: boolean;
  manageMembers: boolean;
  manageGroup: boolean;
}

const NONE: GroupRights = { read: false, editPlan: false, comment: false, manageMembers: false, manageGroup: false };

/**
 * Object-level rules for a working group's content (plans, comments, members):
 * - the secretariat reads and manages every group;
 * - a restricted group is visible only to its current members (any role, observers read-only);
 * - a council-internal group is visible to council participants: anyone with a current membership in some
 *   group, and the national focal points;
 * - administrators see group content only through an active break-glass grant;
 * - chairs and co-chairs edit the plan; chairs, co-chairs, rapporteurs and members comment.
 * Someone who may not see a group gets 404 for it, never 403.
 */
@Injectable()
export class GroupAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async rights(principal: Principal | null, group: WorkingGroupEntity): Promise<GroupRights> {
    if (!principal || principal.totpEnrolmentRequired) return NONE;
    if (principal.globalRole === GlobalRole.Secretariat) {
      return { read: true, editPlan: true, comment: true, manageMembers: true, manageGroup: true };
    }
    const role = principal.memberships.find((m) => m.groupId === group.id)?.role ?? null;
    let read: boolean;
    if (principal.globalRole === GlobalRole.Admin) read = await this.hasBreakGlass(principal.userId, group.id);
    else if (role) read = true;
    else if (group.visibility === GroupVisibility.Restricted) read = false;
    else read = principal.memberships.length > 0 || principal.globalRole === GlobalRole.FocalPoint;
    const admin = principal.globalRole === GlobalRole.Admin;
    return {
      read,
      editPlan: read && role !== null && EDITORS.includes(role),
      comment: read && role !== null && CONTRIBUTORS.includes(role),
      manageMembers: admin,
      manageGroup: admin,
    };
  }

  /** The group, if it exists and the principal may read it; 404 otherwise. */
  async readable(
    principal: Principal | null,
    groupId: string,
  ): Promise<{ group: WorkingGroupEntity; rights: GroupRights }> {
    const group = await this.db.getRepository(WorkingGroupEntity).findOne({ where: { id: groupId } });
    if (!group) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
    const rights = await this.rights(principal, group);
    if (!rights.read) throw new DomainException(ErrorCode.NotFound, 'This working group was not found');
    return { group, rights };
  }

  /** Throws 403 when the principal can see the group but may not do this. */
  require(rights: GroupRights, what: keyof GroupRights, message: string): void {
    if (!rights[what]) throw new DomainException(ErrorCode.Forbidden, message);
  }

  private async hasBreakGlass(adminId: string, groupId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM break_glass_grants
        WHERE admin_id = $1 AND target_type = 'working_group' AND target_id = $2 AND expires_at > now() LIMIT 1`,
      [adminId, groupId],
    );
    return rows.length > 0;
  }
}
