import { AuditService } from '@kengash/api-audit';
import { AuthConfig, DomainException, MailService, ValidationDomainException } from '@kengash/api-core';
import {
  CurrentUser,
  ErrorCode,
  InvitationPreview,
  ROLES_REQUIRING_2FA,
  SessionResponse,
  SignInResponse,
  UserStatus,
} from '@kengash/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AccessEventsService } from '../access/access-events.service';
import { PrincipalService } from '../access/principal.service';
import { randomToken } from '../crypto/secret-box';
import { OneTimeTokenEntity, OneTimeTokenPurpose } from '../entities/one-time-token.entity';
import { RecoveryCodeEntity } from '../entities/recovery-code.entity';
import { UserEntity } from '../entities/user.entity';
import { PasswordService } from '../password/password.service';
import { ACCESS_TOKEN_TTL_SECONDS, TokenService } from '../tokens/token.service';
import { TotpService } from '../totp/totp.service';
import { identityMail } from './mail-templates';

export const INVITATION_TTL_HOURS = 72;
export const PASSWORD_RESET_TTL_MINUTES = 30;
export const EMAIL_VERIFICATION_TTL_HOURS = 48;

/** A signed-in session: the access token goes in the body, the refresh token into an HttpOnly cookie. */
export interface IssuedSession {
  response: SessionResponse;
  refreshToken: string;
}

export interface RequestMeta {
  ip: string | null;
}

const BAD_CREDENTIALS = 'The e-mail address or password is not correct';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly auth: AuthConfig;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly totp: TotpService,
    private readonly principals: PrincipalService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly accessEvents: AccessEventsService,
    config: ConfigService,
  ) {
    this.auth = config.getOrThrow<AuthConfig>('auth');
  }

  /** Password check for the local strategy: the same answer and about the same time whether or not the account exists. */
  async validatePassword(email: string, password: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email: email.trim() } });
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    const usable = ok && user && user.status === UserStatus.Active && (!user.demo || this.auth.demoData);
    if (!usable || !user) {
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: user?.id,
        details: { reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : 'account_not_usable' },
        ip: meta.ip,
      });
      throw new DomainException(ErrorCode.Unauthenticated, BAD_CREDENTIALS);
    }
    if (user.passwordHash && this.passwords.needsRehash(user.passwordHash)) {
      await this.db
        .getRepository(UserEntity)
        .update({ id: user.id }, { passwordHash: await this.passwords.hash(password) });
    }
    return user;
  }

  /** After the password: a session, or a TOTP challenge when the person has 2FA. */
  async afterPassword(user: UserEntity, meta: RequestMeta): Promise<{ result: SignInResponse; refreshToken?: string }> {
    if (user.totpEnabledAt) {
      return { result: { status: 'totp_required', challengeToken: this.tokens.signTotpChallenge(user.id) } };
    }
    const session = await this.startSession(user, meta, 'password');
    return { result: session.response, refreshToken: session.refreshToken };
  }

  async completeTotp(
    challengeToken: string,
    code: string | undefined,
    recoveryCode: string | undefined,
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    const userId = this.tokens.verifyTotpChallenge(challengeToken);
    if (!userId) throw new DomainException(ErrorCode.Unauthenticated, 'The sign-in step has expired; start again');
    return this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status !== UserStatus.Active || !user.totpSecretEnc || !user.totpEnabledAt) {
        throw new DomainException(ErrorCode.Unauthenticated, 'The sign-in step has expired; start again');
      }
      let method: 'totp' | 'recovery_code';
      if (code !== undefined) {
        const step = this.totp.acceptedStep(
          user.totpSecretEnc,
          code,
          user.totpLastStep === null ? null : BigInt(user.totpLastStep),
        );
        if (step === null) return this.failTotp(user, meta, tx);
        await tx.getRepository(UserEntity).update({ id: user.id }, { totpLastStep: step.toString() });
        method = 'totp';
      } else if (recoveryCode !== undefined) {
        const used = await tx
          .getRepository(RecoveryCodeEntity)
          .update(
            { userId: user.id, codeHash: this.totp.hashRecoveryCode(recoveryCode), usedAt: IsNull() },
            { usedAt: new Date() },
          );
        if (!used.affected) return this.failTotp(user, meta, tx);
        method = 'recovery_code';
      } else {
        throw new ValidationDomainException([{ field: 'code', messages: ['a code or a recovery code is required'] }]);
      }
      return this.startSession(user, meta, method, tx);
    });
  }

  private async failTotp(user: UserEntity, meta: RequestMeta, tx: EntityManager): Promise<never> {
    await this.audit.record(
      { actorId: user.id, action: 'auth.totp_failed', targetType: 'user', targetId: user.id, ip: meta.ip },
      tx,
    );
    throw new DomainException(ErrorCode.Unauthenticated, 'The code is not correct or was already used');
  }

  async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<IssuedSession> {
    if (!refreshToken) throw new DomainException(ErrorCode.Unauthenticated, 'Sign in to continue');
    const outcome = await this.tokens.rotate(refreshToken);
    if (outcome.kind === 'reused') {
      await this.audit.record({
        actorId: outcome.userId,
        action: 'auth.refresh_reuse_detected',
        targetType: 'user',
        targetId: outcome.userId,
        details: { familyId: outcome.familyId },
        ip: meta.ip,
      });
      this.accessEvents.revoke({ userId: outcome.userId, reason: 'session_revoked' });
      throw new DomainException(ErrorCode.Unauthenticated, 'This session was ended for your safety; sign in again');
    }
    if (outcome.kind === 'invalid') throw new DomainException(ErrorCode.Unauthenticated, 'Sign in to continue');
    const principal = await this.principals.load(outcome.userId, outcome.familyId);
    if (!principal) {
      await this.tokens.revokeFamily(outcome.familyId);
      throw new DomainException(ErrorCode.Unauthenticated, 'Sign in to continue');
    }
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: outcome.userId });
    return {
      refreshToken: outcome.token,
      response: {
        status: 'signed_in',
        accessToken: this.tokens.signAccess(user.id, outcome.familyId),
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        user: await this.currentUser(user),
      },
    };
  }

  async signOut(familyId: string, userId: string, meta: RequestMeta): Promise<void> {
    await this.tokens.revokeFamily(familyId);
    await this.audit.record({
      actorId: userId,
      action: 'auth.sign_out',
      targetType: 'user',
      targetId: userId,
      ip: meta.ip,
    });
    this.accessEvents.revoke({ userId, reason: 'signed_out' });
  }

  // ---- e-mailed single-use tokens -------------------------------------------------------------------

  async createOneTimeToken(
    userId: string,
    purpose: OneTimeTokenPurpose,
    ttlMs: number,
    tx: EntityManager,
  ): Promise<string> {
    const repo = tx.getRepository(OneTimeTokenEntity);
    // A new link replaces older unused ones of the same purpose.
    await repo.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const token = randomToken();
    await repo.insert({
      userId,
      purpose,
      tokenHash: this.tokens.hashOpaque(token),
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
    });
    return token;
  }

  /** Finds a live token (locking it); `consume` marks it used in the same transaction. */
  private async liveToken(tx: EntityManager, token: string, purpose: OneTimeTokenPurpose): Promise<OneTimeTokenEntity> {
    const row = await tx.getRepository(OneTimeTokenEntity).findOne({
      where: { tokenHash: this.tokens.hashOpaque(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new DomainException(ErrorCode.NotFound, 'This link is not valid any more; ask for a new one');
    return row;
  }

  link(path: string, token: string): string {
    return `${this.auth.publicUrl.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;
  }

  async sendInvitation(user: UserEntity, tx: EntityManager): Promise<void> {
    const token = await this.createOneTimeToken(user.id, 'invitation', INVITATION_TTL_HOURS * 3_600_000, tx);
    const mail = identityMail(
      'invitation',
      user.locale,
      user.displayName,
      this.link('/invitation', token),
      String(INVITATION_TTL_HOURS),
    );
    await this.mail.send({ to: user.email, ...mail });
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    return this.db.transaction(async (tx) => {
      const row = await this.liveToken(tx, token, 'invitation');
      const user = await tx.getRepository(UserEntity).findOneByOrFail({ id: row.userId });
      return { email: user.email, displayName: user.displayName, expiresAt: row.expiresAt.toISOString() };
    });
  }

  async acceptInvitation(token: string, password: string, meta: RequestMeta): Promise<IssuedSession> {
    return this.db.transaction(async (tx) => {
      const row = await this.liveToken(tx, token, 'invitation');
      const user = await tx.getRepository(UserEntity).findOneByOrFail({ id: row.userId });
      if (user.status === UserStatus.Disabled)
        throw new DomainException(ErrorCode.NotFound, 'This link is not valid any more; ask for a new one');
      this.assertPassword(password, user);
      await tx.getRepository(OneTimeTokenEntity).update({ id: row.id }, { usedAt: new Date() });
      user.passwordHash = await this.passwords.hash(password);
      user.status = UserStatus.Active;
      user.emailVerifiedAt ??= new Date(); // the link arrived at this address
      await tx.getRepository(UserEntity).save(user);
      await this.audit.record(
        { actorId: user.id, action: 'invitation.accepted', targetType: 'user', targetId: user.id, ip: meta.ip },
        tx,
      );
      return this.startSession(user, meta, 'invitation', tx);
    });
  }

  /** Always succeeds from the caller's point of view: no answer tells whether the address has an account. */
  async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email: email.trim() } });
    if (!user || user.status !== UserStatus.Active) {
      await this.audit.record({ action: 'auth.password_reset_requested', details: { matched: false }, ip: meta.ip });
      return;
    }
    await this.db.transaction(async (tx) => {
      const token = await this.createOneTimeToken(user.id, 'password_reset', PASSWORD_RESET_TTL_MINUTES * 60_000, tx);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'auth.password_reset_requested',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
        },
        tx,
      );
      const mail = identityMail(
        'password_reset',
        user.locale,
        user.displayName,
        this.link('/reset-password', token),
        String(PASSWORD_RESET_TTL_MINUTES),
      );
      await this.mail.send({ to: user.email, ...mail });
    });
  }

  async confirmPasswordReset(token: string, password: string, meta: RequestMeta): Promise<void> {
    const userId = await this.db.transaction(async (tx) => {
      const row = await this.liveToken(tx, token, 'password_reset');
      const user = await tx.getRepository(UserEntity).findOneByOrFail({ id: row.userId });
      this.assertPassword(password, user);
      await tx.getRepository(OneTimeTokenEntity).update({ id: row.id }, { usedAt: new Date() });
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await this.passwords.hash(password) });
      await this.tokens.revokeAllFor(user.id, tx); // every other session ends
      await this.audit.record(
        { actorId: user.id, action: 'auth.password_reset', targetType: 'user', targetId: user.id, ip: meta.ip },
        tx,
      );
      return user.id;
    });
    this.accessEvents.revoke({ userId, reason: 'session_revoked' });
  }

  async sendEmailVerification(user: UserEntity): Promise<void> {
    await this.db.transaction(async (tx) => {
      const token = await this.createOneTimeToken(
        user.id,
        'email_verification',
        EMAIL_VERIFICATION_TTL_HOURS * 3_600_000,
        tx,
      );
      const mail = identityMail(
        'email_verification',
        user.locale,
        user.displayName,
        this.link('/verify-email', token),
        '',
      );
      await this.mail.send({ to: user.email, ...mail });
    });
  }

  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.liveToken(tx, token, 'email_verification');
      await tx.getRepository(OneTimeTokenEntity).update({ id: row.id }, { usedAt: new Date() });
      await tx.getRepository(UserEntity).update({ id: row.userId }, { emailVerifiedAt: new Date() });
    });
  }

  assertPassword(password: string, user: Pick<UserEntity, 'email' | 'displayName'>): void {
    const problems = this.passwords.problems(password, user);
    if (problems.length) throw new ValidationDomainException([{ field: 'password', messages: problems }]);
  }

  // ---- sessions ---------------------------------------------------------------------------------------

  async startSession(
    user: UserEntity,
    meta: RequestMeta,
    method: string,
    tx: EntityManager = this.db.manager,
  ): Promise<IssuedSession> {
    const { token, familyId } = await this.tokens.issueRefresh(user.id, tx);
    await tx.getRepository(UserEntity).update({ id: user.id }, { lastSignInAt: new Date() });
    await this.audit.record(
      {
        actorId: user.id,
        action: 'auth.sign_in',
        targetType: 'user',
        targetId: user.id,
        details: { method },
        ip: meta.ip,
      },
      tx,
    );
    return {
      refreshToken: token,
      response: {
        status: 'signed_in',
        accessToken: this.tokens.signAccess(user.id, familyId),
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        user: await this.currentUser(user, tx),
      },
    };
  }

  async currentUser(user: UserEntity, tx: EntityManager = this.db.manager): Promise<CurrentUser> {
    const fresh = await tx.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return {
      id: fresh.id,
      email: fresh.email,
      displayName: fresh.displayName,
      locale: fresh.locale,
      timeZone: fresh.timeZone,
      country: fresh.country as CurrentUser['country'],
      organisation: fresh.organisation,
      nameVisibleToObservers: fresh.nameVisibleToObservers,
      globalRole: fresh.globalRole,
      emailVerified: fresh.emailVerifiedAt !== null,
      totpEnabled: fresh.totpEnabledAt !== null,
      totpEnrolmentRequired: ROLES_REQUIRING_2FA.includes(fresh.globalRole) && fresh.totpEnabledAt === null,
      memberships: await this.principals.memberships(fresh.id),
    };
  }
}
