import { AuditService } from '@kengash/api-audit';
import { AuthConfig, DomainException } from '@kengash/api-core';
import { ErrorCode, SsoInfo, UserStatus } from '@kengash/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import { BaseClient, generators, Issuer } from 'openid-client';
import { DataSource } from 'typeorm';
import { AuthService, IssuedSession, RequestMeta } from '../auth/auth.service';
import { SsoIdentityEntity } from '../entities/sso-identity.entity';
import { UserEntity } from '../entities/user.entity';

export const SSO_COOKIE = 'kg_sso';
export const SSO_COOKIE_PATH = '/api/auth/sso';
const FLOW_TTL_SECONDS = 10 * 60;

interface FlowClaims {
  typ: 'sso_flow';
  verifier: string;
  state: string;
  nonce: string;
}

/** Why an SSO sign-in did not complete; the web app shows a message for each. */
export type SsoFailure =
  | 'sso_not_configured'
  | 'sso_flow_expired'
  | 'sso_rejected'
  | 'sso_email_unverified'
  | 'sso_no_account';

export class SsoError extends Error {
  constructor(readonly reason: SsoFailure) {
    super(reason);
  }
}

/**
 * OpenID Connect single sign-on: authorization code flow with PKCE (S256), state and nonce, via
 * `openid-client`. The flow's secrets travel in a short-lived signed HttpOnly cookie. An OIDC subject is
 * linked to a Kengash account only when the provider says the e-mail is verified and that address belongs
 * to an invited person (the first SSO sign-in accepts the invitation); nobody can register through SSO.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private readonly auth: AuthConfig;
  private client?: Promise<BaseClient>;

  constructor(
    config: ConfigService,
    private readonly jwt: JwtService,
    private readonly sessions: AuthService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.auth = config.getOrThrow<AuthConfig>('auth');
  }

  info(): SsoInfo {
    return { enabled: this.auth.oidc !== null, displayName: this.auth.oidc?.displayName ?? null };
  }

  get redirectUri(): string {
    return `${this.auth.publicUrl.replace(/\/$/, '')}/api/auth/sso/callback`;
  }

  private getClient(): Promise<BaseClient> {
    const oidc = this.auth.oidc;
    if (!oidc) throw new DomainException(ErrorCode.NotFound, 'Single sign-on is not configured');
    this.client ??= Issuer.discover(oidc.issuerUrl).then(
      (issuer) =>
        new issuer.Client({
          client_id: oidc.clientId,
          client_secret: oidc.clientSecret,
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
        }),
      (e: unknown) => {
        this.client = undefined; // try discovery again next time
        throw e;
      },
    );
    return this.client;
  }

  /** The provider's authorization URL and the signed flow cookie value. */
  async start(): Promise<{ url: string; flowCookie: string }> {
    const client = await this.getClient().catch((e: unknown) => {
      if (e instanceof DomainException) throw e;
      this.logger.error({ err: e }, 'OIDC discovery failed');
      throw new DomainException(ErrorCode.ServiceUnavailable, 'The sign-on provider cannot be reached');
    });
    const flow: FlowClaims = {
      typ: 'sso_flow',
      verifier: generators.codeVerifier(),
      state: generators.state(),
      nonce: generators.nonce(),
    };
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      code_challenge: generators.codeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      redirect_uri: this.redirectUri,
    });
    const flowCookie = this.jwt.sign(flow, { secret: this.auth.secrets.jwtAccessSecret, expiresIn: FLOW_TTL_SECONDS });
    return { url, flowCookie };
  }

  /** Completes the flow: a Kengash session for the linked (or newly linked invited) account. */
  async callback(request: IncomingMessage, flowCookie: string | undefined, meta: RequestMeta): Promise<IssuedSession> {
    if (!this.auth.oidc) throw new SsoError('sso_not_configured');
    let flow: FlowClaims;
    try {
      flow = this.jwt.verify<FlowClaims>(flowCookie ?? '', { secret: this.auth.secrets.jwtAccessSecret });
      if (flow.typ !== 'sso_flow') throw new Error('wrong token type');
    } catch {
      throw new SsoError('sso_flow_expired');
    }
    const client = await this.getClient();
    let claims: { iss: string; sub: string; email?: string; email_verified?: boolean };
    try {
      const tokenSet = await client.callback(this.redirectUri, client.callbackParams(request), {
        code_verifier: flow.verifier,
        state: flow.state,
        nonce: flow.nonce,
      });
      claims = tokenSet.claims() as typeof claims;
      if (claims.email === undefined && tokenSet.access_token) {
        // Providers may keep the e-mail out of the ID token and hand it out from the UserInfo endpoint.
        const info = (await client.userinfo(tokenSet.access_token)) as {
          sub: string;
          email?: string;
          email_verified?: boolean;
        };
        if (info.sub !== claims.sub) throw new Error('UserInfo subject differs from the ID token');
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (e) {
      this.logger.warn({ reason: e instanceof Error ? e.message : 'unknown' }, 'OIDC callback rejected');
      throw new SsoError('sso_rejected');
    }

    const user = await this.db.transaction(async (tx) => {
      const links = tx.getRepository(SsoIdentityEntity);
      const users = tx.getRepository(UserEntity);
      const link = await links.findOne({ where: { issuer: claims.iss, subject: claims.sub } });
      if (link) {
        const linked = await users.findOne({ where: { id: link.userId } });
        if (!linked || linked.status !== UserStatus.Active) throw new SsoError('sso_no_account');
        return linked;
      }
      if (!claims.email || claims.email_verified !== true) throw new SsoError('sso_email_unverified');
      const invited = await users.findOne({ where: { email: claims.email }, lock: { mode: 'pessimistic_write' } });
      if (!invited || invited.status !== UserStatus.Invited) {
        await this.audit.record(
          { action: 'auth.sso_refused', details: { issuer: claims.iss, reason: 'no_invited_account' }, ip: meta.ip },
          tx,
        );
        throw new SsoError('sso_no_account');
      }
      await links.insert({ userId: invited.id, issuer: claims.iss, subject: claims.sub });
      invited.status = UserStatus.Active;
      invited.emailVerifiedAt ??= new Date();
      await users.save(invited);
      await this.audit.record(
        {
          actorId: invited.id,
          action: 'auth.sso_linked',
          targetType: 'user',
          targetId: invited.id,
          details: { issuer: claims.iss },
          ip: meta.ip,
        },
        tx,
      );
      return invited;
    });
    return this.sessions.startSession(user, meta, 'sso');
  }
}
