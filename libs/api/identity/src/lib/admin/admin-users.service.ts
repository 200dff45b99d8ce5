import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import {
  AdminUserSummary,
  BreakGlassResponse,
  ErrorCode,
  GlobalRole,
  InviteUserRequest,
  UpdateUserRequest,
  UserStatus,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessEventsService } from '../access/access-events.service';
import type { Principal } from '../access/principal';
import { AuthService } from '../auth/auth.service';
import { BreakGlassGrantEntity } from '../entities/break-glass-grant.entity';
import { UserEntity } from '../entities/user.entity';
import { TokenService } from '../tokens/token.service';

export const BREAK_GLASS_MINUTES = 30;

function summary(u: UserEntity): AdminUserSummary {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    globalRole: u.globalRole,
    country: u.country as AdminUserSummary['country'],
    organisation: u.organisation,
    status: u.status,
    totpEnabled: u.totpEnabledAt !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  };
}

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEventsService,
  ) {}

  async list(): Promise<AdminUserSummary[]> {
    const users = await this.db.getRepository(UserEntity).find({ order: { displayName: 'ASC' } });
    return users.map(summary);
  }

  /** Only administrators may create or promote administrators and secretariat officers. */
  private assertMayGrant(actor: Principal, role: GlobalRole): void {
    if ((role === GlobalRole.Admin || role === GlobalRole.Secretariat) && actor.globalRole !== GlobalRole.Admin) {
      throw new DomainException(ErrorCode.Forbidden, 'Only an administrator can give this role');
    }
  }

  async invite(actor: Principal, request: InviteUserRequest, ip: string | null): Promise<AdminUserSummary> {
    this.assertMayGrant(actor, request.globalRole);
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const existing = await repo.findOne({ where: { email: request.email.trim() } });
      if (existing && existing.status !== UserStatus.Invited) {
        throw new DomainException(ErrorCode.Conflict, 'A person with this e-mail address already has an account');
      }
      const user =
        existing ??
        (await repo.save(
          repo.create({
            email: request.email.trim(),
            displayName: request.displayName.trim(),
            globalRole: request.globalRole,
            country: request.country ?? null,
            organisation: request.organisation ?? null,
            locale: request.locale ?? 'en',
            status: UserStatus.Invited,
          }),
        ));
      await this.auth.sendInvitation(user, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'invitation.sent',
          targetType: 'user',
          targetId: user.id,
          details: { role: user.globalRole, resent: !!existing },
          ip,
        },
        tx,
      );
      return summary(user);
    });
  }

  async update(actor: Principal, id: string, change: UpdateUserRequest, ip: string | null): Promise<AdminUserSummary> {
    if (change.globalRole) this.assertMayGrant(actor, change.globalRole);
    const result = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainException(ErrorCode.NotFound, 'This person was not found');
      if (user.globalRole === GlobalRole.Admin && actor.globalRole !== GlobalRole.Admin) {
        throw new DomainException(ErrorCode.Forbidden, 'Only an administrator can change an administrator');
      }
      if (
        user.id === actor.userId &&
        (change.status === UserStatus.Disabled || (change.globalRole && change.globalRole !== user.globalRole))
      ) {
        throw new DomainException(ErrorCode.Conflict, 'You cannot disable yourself or change your own role');
      }
      const before = { globalRole: user.globalRole, status: user.status, country: user.country };
      if (change.globalRole !== undefined) user.globalRole = change.globalRole;
      if (change.status !== undefined) {
        if (user.status === UserStatus.Invited && change.status === UserStatus.Active) {
          throw new DomainException(ErrorCode.Conflict, 'An invited person becomes active by accepting the invitation');
        }
        user.status = change.status;
      }
      if (change.country !== undefined) user.country = change.country;
      await repo.save(user);
      const after = { globalRole: user.globalRole, status: user.status, country: user.country };
      if (before.globalRole !== after.globalRole) {
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'user.role_changed',
            targetType: 'user',
            targetId: user.id,
            details: { from: before.globalRole, to: after.globalRole },
            ip,
          },
          tx,
        );
      }
      if (before.status !== after.status) {
        await this.audit.record(
          {
            actorId: actor.userId,
            action: after.status === UserStatus.Disabled ? 'user.disabled' : 'user.enabled',
            targetType: 'user',
            targetId: user.id,
            ip,
          },
          tx,
        );
      }
      if (before.country !== after.country) {
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'user.country_changed',
            targetType: 'user',
            targetId: user.id,
            details: { from: before.country, to: after.country },
            ip,
          },
          tx,
        );
      }
      if (after.status === UserStatus.Disabled && before.status !== UserStatus.Disabled)
        await this.tokens.revokeAllFor(user.id, tx);
      return {
        user,
        disabled: after.status === UserStatus.Disabled && before.status !== UserStatus.Disabled,
        roleChanged: before.globalRole !== after.globalRole,
      };
    });
    if (result.disabled) this.accessEvents.revoke({ userId: result.user.id, reason: 'disabled' });
    else if (result.roleChanged) this.accessEvents.revoke({ userId: result.user.id, reason: 'role_changed' });
    return summary(result.user);
  }

  async breakGlass(
    actor: Principal,
    targetType: string,
    targetId: string,
    reason: string,
    ip: string | null,
  ): Promise<BreakGlassResponse> {
    return this.db.transaction(async (tx) => {
      const grant = await tx.getRepository(BreakGlassGrantEntity).save({
        adminId: actor.userId,
        reason,
        targetType,
        targetId,
        expiresAt: new Date(Date.now() + BREAK_GLASS_MINUTES * 60_000),
      });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'break_glass.used',
          targetType,
          targetId,
          details: { reason, grantId: grant.id },
          ip,
        },
        tx,
      );
      return { grantId: grant.id, expiresAt: grant.expiresAt.toISOString() };
    });
  }
}
