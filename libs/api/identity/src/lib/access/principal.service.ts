import { ROLES_REQUIRING_2FA, MembershipSummary, UserStatus } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities/user.entity';
import { AccessClaims, TokenService } from '../tokens/token.service';
import type { Principal } from './principal';

interface MembershipRow {
  group_id: string;
  slug: string;
  role: MembershipSummary['role'];
  term_start: string;
  term_end: string | null;
}

/** Turns an access token into a `Principal`, checking that the person and the session are still valid. */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async fromAccessToken(token: string | undefined | null): Promise<Principal | null> {
    if (!token) return null;
    const claims = this.tokens.verifyAccess(token);
    return claims ? this.fromClaims(claims) : null;
  }

  /** Verified claims → the principal, if the session (refresh family) is still alive and the person active. */
  async fromClaims(claims: AccessClaims): Promise<Principal | null> {
    if (!(await this.tokens.familyAlive(claims.fam))) return null;
    return this.load(claims.sub, claims.fam);
  }

  async load(userId: string, familyId: string): Promise<Principal | null> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user || user.status !== UserStatus.Active) return null;
    return {
      userId: user.id,
      email: user.email,
      globalRole: user.globalRole,
      country: user.country as Principal['country'],
      memberships: await this.memberships(user.id),
      totpEnabled: user.totpEnabledAt !== null,
      totpEnrolmentRequired: ROLES_REQUIRING_2FA.includes(user.globalRole) && user.totpEnabledAt === null,
      familyId,
    };
  }

  /** Current memberships (term includes today), read without the council domain's entities. */
  async memberships(userId: string): Promise<MembershipSummary[]> {
    const rows: MembershipRow[] = await this.db.query(
      `SELECT m.group_id, g.slug, m.role, to_char(m.term_start, 'YYYY-MM-DD') AS term_start,
              to_char(m.term_end, 'YYYY-MM-DD') AS term_end
         FROM group_memberships m JOIN working_groups g ON g.id = m.group_id
        WHERE m.user_id = $1 AND m.term_start <= current_date AND (m.term_end IS NULL OR m.term_end >= current_date)
        ORDER BY g.slug`,
      [userId],
    );
    return rows.map((r) => ({
      groupId: r.group_id,
      groupSlug: r.slug,
      role: r.role,
      termStart: r.term_start,
      termEnd: r.term_end,
    }));
  }
}
