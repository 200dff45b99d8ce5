import { AuditService } from '@kengash/api-audit';
import { DomainException, ValidationDomainException } from '@kengash/api-core';
import {
  CurrentUser,
  ErrorCode,
  ROLES_REQUIRING_2FA,
  RecoveryCodesResponse,
  TotpEnrolmentResponse,
  UpdateProfileRequest,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuthService } from '../auth/auth.service';
import { RecoveryCodeEntity } from '../entities/recovery-code.entity';
import { UserEntity } from '../entities/user.entity';
import { PasswordService } from '../password/password.service';
import { TokenService } from '../tokens/token.service';
import { TotpService } from '../totp/totp.service';

@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
  ) {}

  private user(principal: Principal): Promise<UserEntity> {
    return this.db.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
  }

  async me(principal: Principal): Promise<CurrentUser> {
    return this.auth.currentUser(await this.user(principal));
  }

  async update(principal: Principal, change: UpdateProfileRequest): Promise<CurrentUser> {
    const patch: Partial<UserEntity> = {};
    if (change.displayName !== undefined) patch.displayName = change.displayName.trim();
    if (change.locale !== undefined) patch.locale = change.locale;
    if (change.timeZone !== undefined) patch.timeZone = change.timeZone;
    if (change.nameVisibleToObservers !== undefined) patch.nameVisibleToObservers = change.nameVisibleToObservers;
    if (Object.keys(patch).length) await this.db.getRepository(UserEntity).update({ id: principal.userId }, patch);
    return this.me(principal);
  }

  async requestEmailVerification(principal: Principal): Promise<void> {
    const user = await this.user(principal);
    if (user.emailVerifiedAt) throw new DomainException(ErrorCode.Conflict, 'Your e-mail address is already confirmed');
    await this.auth.sendEmailVerification(user);
  }

  async changePassword(principal: Principal, current: string, next: string, ip: string | null): Promise<void> {
    const user = await this.user(principal);
    if (!(await this.passwords.verify(user.passwordHash, current))) {
      throw new ValidationDomainException([{ field: 'currentPassword', messages: ['is not correct'] }]);
    }
    const problems = this.passwords.problems(next, user);
    if (problems.length) throw new ValidationDomainException([{ field: 'newPassword', messages: problems }]);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await this.passwords.hash(next) });
      await this.audit.record(
        { actorId: user.id, action: 'auth.password_changed', targetType: 'user', targetId: user.id, ip },
        tx,
      );
    });
  }

  /** A new, unconfirmed secret: 2FA is not on until a code from it is confirmed. */
  async enrolTotp(principal: Principal): Promise<TotpEnrolmentResponse> {
    const user = await this.user(principal);
    if (user.totpEnabledAt)
      throw new DomainException(ErrorCode.Conflict, 'Two-factor sign-in is already on; turn it off first');
    const secret = this.totp.newSecret();
    await this.db
      .getRepository(UserEntity)
      .update({ id: user.id }, { totpSecretEnc: secret.sealed, totpLastStep: null });
    const otpauthUrl = this.totp.otpauthUrl(secret.base32, user.email);
    return { secret: secret.base32, otpauthUrl, qrSvg: await this.totp.qrSvg(otpauthUrl) };
  }

  async confirmTotp(principal: Principal, code: string, ip: string | null): Promise<RecoveryCodesResponse> {
    return this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: principal.userId }, lock: { mode: 'pessimistic_write' } });
      if (user.totpEnabledAt) throw new DomainException(ErrorCode.Conflict, 'Two-factor sign-in is already on');
      if (!user.totpSecretEnc) throw new DomainException(ErrorCode.Conflict, 'Start the set-up first');
      const step = this.totp.acceptedStep(user.totpSecretEnc, code, null);
      if (step === null) throw new ValidationDomainException([{ field: 'code', messages: ['is not correct'] }]);
      const { codes, hashes } = this.totp.newRecoveryCodes();
      await tx
        .getRepository(UserEntity)
        .update({ id: user.id }, { totpEnabledAt: new Date(), totpLastStep: step.toString() });
      await tx.getRepository(RecoveryCodeEntity).delete({ userId: user.id });
      await tx
        .getRepository(RecoveryCodeEntity)
        .insert(hashes.map((codeHash) => ({ userId: user.id, codeHash, usedAt: null })));
      await this.audit.record(
        { actorId: user.id, action: 'auth.totp_enabled', targetType: 'user', targetId: user.id, ip },
        tx,
      );
      return { recoveryCodes: codes };
    });
  }

  async disableTotp(principal: Principal, code: string, ip: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: principal.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user.totpEnabledAt || !user.totpSecretEnc)
        throw new DomainException(ErrorCode.Conflict, 'Two-factor sign-in is not on');
      if (ROLES_REQUIRING_2FA.includes(user.globalRole)) {
        throw new DomainException(ErrorCode.Conflict, 'Your role requires two-factor sign-in; it cannot be turned off');
      }
      const step = this.totp.acceptedStep(
        user.totpSecretEnc,
        code,
        user.totpLastStep === null ? null : BigInt(user.totpLastStep),
      );
      if (step === null)
        throw new ValidationDomainException([{ field: 'code', messages: ['is not correct or was already used'] }]);
      await tx
        .getRepository(UserEntity)
        .update({ id: user.id }, { totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null });
      await tx.getRepository(RecoveryCodeEntity).delete({ userId: user.id });
      await this.audit.record(
        { actorId: user.id, action: 'auth.totp_disabled', targetType: 'user', targetId: user.id, ip },
        tx,
      );
    });
  }
}
