import { AuthConfig } from '@kengash/api-core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSecretKey, KeyObject, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { randomToken, tokenHash } from '../crypto/secret-box';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** The HMAC key of access tokens and 2FA challenges (the module's JWT secret; also passport's). */
export function accessKey(config: ConfigService): KeyObject {
  return createSecretKey(Buffer.from(config.getOrThrow<AuthConfig>('auth').secrets.jwtAccessSecret, 'utf8'));
}
export const REFRESH_TOKEN_TTL_DAYS = 14;
export const TOTP_CHALLENGE_TTL_SECONDS = 5 * 60;

export interface AccessClaims {
  sub: string;
  typ: 'access';
  /** Refresh-token family: signing out or a detected theft ends the session it belongs to. */
  fam: string;
}

interface ChallengeClaims {
  sub: string;
  typ: 'totp_challenge';
}

export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; familyId: string; token: string }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' };

@Injectable()
export class TokenService {
  private readonly auth: AuthConfig;

  constructor(
    private readonly jwt: JwtService,
    config: ConfigService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.auth = config.getOrThrow<AuthConfig>('auth');
  }

  signAccess(userId: string, familyId: string): string {
    const claims: AccessClaims = { sub: userId, typ: 'access', fam: familyId };
    return this.jwt.sign(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
  }

  /** The claims of a valid, unexpired access token, or null. */
  verifyAccess(token: string): AccessClaims | null {
    try {
      const claims = this.jwt.verify<AccessClaims>(token);
      return claims.typ === 'access' && typeof claims.sub === 'string' ? claims : null;
    } catch {
      return null;
    }
  }

  signTotpChallenge(userId: string): string {
    const claims: ChallengeClaims = { sub: userId, typ: 'totp_challenge' };
    return this.jwt.sign(claims, { expiresIn: TOTP_CHALLENGE_TTL_SECONDS });
  }

  verifyTotpChallenge(token: string): string | null {
    try {
      const claims = this.jwt.verify<ChallengeClaims>(token);
      return claims.typ === 'totp_challenge' ? claims.sub : null;
    } catch {
      return null;
    }
  }

  hashOpaque(token: string): string {
    return tokenHash(this.auth.secrets.jwtRefreshSecret, token);
  }

  /** Starts a new sign-in family with its first refresh token. */
  async issueRefresh(
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ token: string; familyId: string }> {
    const familyId = randomUUID();
    const token = await this.insertRefresh(manager, userId, familyId);
    return { token, familyId };
  }

  /**
   * Rotates a refresh token. A token already rotated (or revoked) being presented again means it was
   * copied: the whole family is revoked and the caller must sign the person out everywhere in it.
   */
  async rotate(token: string): Promise<RefreshOutcome> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RefreshTokenEntity);
      const row = await repo.findOne({
        where: { tokenHash: this.hashOpaque(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { kind: 'invalid' };
      if (row.rotatedAt || row.revokedAt) {
        await repo.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { kind: 'reused', userId: row.userId, familyId: row.familyId };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
      await repo.update({ id: row.id }, { rotatedAt: new Date() });
      const next = await this.insertRefresh(tx, row.userId, row.familyId);
      return { kind: 'rotated', userId: row.userId, familyId: row.familyId, token: next };
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllFor(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** True while the family has a token that is neither revoked nor expired (the session is alive). */
  async familyAlive(familyId: string): Promise<boolean> {
    const n = await this.db.query(
      `SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
      [familyId],
    );
    return n.length > 0;
  }

  private async insertRefresh(manager: EntityManager, userId: string, familyId: string): Promise<string> {
    const token = randomToken();
    await manager.getRepository(RefreshTokenEntity).insert({
      userId,
      familyId,
      tokenHash: this.hashOpaque(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      rotatedAt: null,
      revokedAt: null,
    });
    return token;
  }
}
