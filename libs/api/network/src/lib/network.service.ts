import { AuditService } from '@kengash/api-audit';
import { AuthConfig, DomainException, HttpConfig, MailService, ValidationDomainException } from '@kengash/api-core';
import { AccessEventsService, AuthService, Principal, TokenService, UserEntity } from '@kengash/api-identity';
import {
  ApplicationFormResponse,
  ApplicationStatus,
  ApplicationStatusView,
  ErrorCode,
  GlobalRole,
  Locale,
  NETWORK_LIMITS,
  NETWORK_REVET_YEARS,
  NetworkApplicationListResponse,
  NetworkApplicationReceipt,
  NetworkApplicationView,
  NetworkPersonRef,
  PRIVACY_NOTICE_VERSION,
  UserStatus,
} from '@kengash/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { checkFormToken, formTokenKey, issueFormToken } from './form-token';
import { NetworkApplicationEntity } from './network-application.entity';
import {
  applicationSchema,
  decisionSchema,
  endorseSchema,
  parse,
  parseStatusFilter,
  revetDueSchema,
  statusChangeSchema,
} from './network-input';
import { networkMail } from './network-mail';
import { ensureProfileFromApplication } from './network-profile.data';

export const hashStatusToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Roles whose active holders may be named as referees. */
const REFEREE_ROLES = [GlobalRole.Member, GlobalRole.Practitioner, GlobalRole.FocalPoint, GlobalRole.Secretariat];

/** The one neutral answer to a form that fails the honeypot: nothing says which check tripped. */
const refusedForm = () =>
  new DomainException(
    ErrorCode.MalformedRequest,
    'The form could not be accepted. Please reload the page, fill it in again and send it.',
  );

const person = (u: UserEntity | null | undefined): NetworkPersonRef | null =>
  u ? { id: u.id, displayName: u.displayName } : null;

export function toApplicationView(a: NetworkApplicationEntity): NetworkApplicationView {
  return {
    id: a.id,
    status: a.status,
    name: a.name,
    email: a.email,
    locale: a.locale,
    role: a.role,
    organisationType: a.organisationType,
    organisationName: a.organisationName,
    country: a.country,
    region: a.region,
    languages: a.languages,
    expertise: a.expertise,
    motivation: a.motivation,
    referee: person(a.referee),
    consentVersion: a.consentVersion,
    consentAt: a.consentAt.toISOString(),
    submittedAt: a.createdAt.toISOString(),
    endorsedBy: person(a.endorsedBy),
    endorsedAt: a.endorsedAt?.toISOString() ?? null,
    endorsementNote: a.endorsementNote,
    decidedBy: person(a.decidedBy),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    reasonShareable: a.reasonShareable,
    statusNote: a.statusNote,
    userId: a.userId,
    revetDue: a.revetDue,
    demo: a.demo,
    version: a.version,
  };
}

interface Outcome {
  to: string;
  locale: string;
  name: string;
  kind: 'accepted' | 'rejected';
  shared: string | null;
}

const RELATIONS = { referee: true, endorsedBy: true, decidedBy: true } as const;

/**
 * Applications to the practitioners' network and their vetting: the country's focal point endorses (and sees
 * only their country's queue; other countries' applications do not exist for them), the secretariat decides
 * with a written reason, and accepted people are invited to create a practitioner account.
 */
@Injectable()
export class NetworkService {
  private readonly logger = new Logger(NetworkService.name);
  private readonly formKey: Buffer;
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly accessEvents: AccessEventsService,
  ) {
    this.formKey = formTokenKey(config.getOrThrow<AuthConfig>('auth').secrets.dataEncryptionKey);
    this.publicUrl = config.getOrThrow<HttpConfig>('http').publicUrl.replace(/\/$/, '');
  }

  private statusLink(token: string): string {
    return `${this.publicUrl}/network/status?token=${encodeURIComponent(token)}`;
  }

  form(): ApplicationFormResponse {
    const { token, issuedAt } = issueFormToken(this.formKey);
    return {
      formToken: token,
      issuedAt: issuedAt.toISOString(),
      honeypotField: 'website',
      minSeconds: NETWORK_LIMITS.formMinSeconds,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    };
  }

  async apply(body: unknown, ip: string | null): Promise<NetworkApplicationReceipt> {
    // The honeypot first: a bot learns nothing about the fields.
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (raw['website'] !== undefined && raw['website'] !== '' && raw['website'] !== null) throw refusedForm();
    const token = checkFormToken(this.formKey, raw['formToken'], {
      minMs: NETWORK_LIMITS.formMinSeconds * 1000,
      maxMs: NETWORK_LIMITS.formMaxHours * 3_600_000,
    });
    if (!token.ok) {
      this.logger.warn({ reason: token.reason }, 'Network application refused by the form check');
      throw refusedForm();
    }
    const input = parse(applicationSchema, body);
    const errors: { field: string; messages: string[] }[] = [];
    if (input.consentVersion !== PRIVACY_NOTICE_VERSION)
      errors.push({
        field: 'consentVersion',
        messages: [`consent to the current privacy notice (version ${PRIVACY_NOTICE_VERSION}) is required`],
      });
    let refereeId: string | null = null;
    if (input.refereeEmail) {
      const referee = await this.db.getRepository(UserEntity).findOne({
        where: { email: input.refereeEmail, status: UserStatus.Active, globalRole: In(REFEREE_ROLES) },
      });
      if (referee) refereeId = referee.id;
      else errors.push({ field: 'refereeEmail', messages: ['is not an active member of the council or the network'] });
    }
    if (errors.length) throw new ValidationDomainException(errors);

    const statusToken = randomBytes(32).toString('base64url');
    const locale: Locale = input.locale ?? 'en';
    try {
      await this.db.transaction(async (tx) => {
        const saved = await tx.getRepository(NetworkApplicationEntity).save(
          tx.getRepository(NetworkApplicationEntity).create({
            status: 'submitted',
            name: input.name,
            email: input.email,
            locale,
            role: input.role,
            organisationType: input.organisationType,
            organisationName: input.organisationName,
            country: input.country,
            region: input.region,
            languages: [...new Set(input.languages)],
            expertise: [...new Set(input.expertise)],
            motivation: input.motivation,
            refereeId,
            consentVersion: input.consentVersion,
            consentAt: new Date(),
            statusTokenHash: hashStatusToken(statusToken),
            formNonce: token.nonce,
          }),
        );
        await this.audit.record(
          {
            action: 'network.application_submitted',
            targetType: 'network_application',
            targetId: saved.id,
            details: { country: saved.country, consentVersion: saved.consentVersion, referee: refereeId !== null },
            ip,
          },
          tx,
        );
        // Inside the transaction: when the mail cannot be sent, nothing is stored and the applicant may retry.
        await this.mail.send({
          to: saved.email,
          ...networkMail('received', locale, saved.name, this.statusLink(statusToken)),
        });
      });
    } catch (e) {
      // The same form sent twice (its nonce is unique): refused like any other replayed form.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') throw refusedForm();
      throw e;
    }
    return { status: 'submitted' };
  }

  async statusByToken(token: unknown): Promise<ApplicationStatusView> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token))
      throw new DomainException(ErrorCode.NotFound, 'This status link is not valid');
    const a = await this.db
      .getRepository(NetworkApplicationEntity)
      .findOne({ where: { statusTokenHash: hashStatusToken(token) } });
    if (!a) throw new DomainException(ErrorCode.NotFound, 'This status link is not valid');
    const view: ApplicationStatusView = {
      status: a.status,
      submittedAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
    if (a.reasonShareable && a.decisionReason) view.reason = a.decisionReason;
    return view;
  }

  // --- vetting ---------------------------------------------------------------------------------------------

  /**
   * The secretariat vets everything; a focal point only their country's applications. Others: 403. Roles are
   * checked before the body, so nobody learns the shape of a request they may not make.
   */
  private assertVetter(p: Principal): void {
    if (p.globalRole === GlobalRole.Secretariat) return;
    if (p.globalRole === GlobalRole.FocalPoint && p.country) return;
    throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat and national focal points vet applications');
  }

  private assertSecretariat(p: Principal): void {
    if (p.globalRole !== GlobalRole.Secretariat)
      throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat decides on applications');
  }

  /** The application as the caller may see it: a focal point's view stops at their country's border (404). */
  private async load(tx: EntityManager, p: Principal, id: string, lock = false): Promise<NetworkApplicationEntity> {
    this.assertVetter(p);
    const repo = tx.getRepository(NetworkApplicationEntity);
    const a = lock
      ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : await repo.findOne({ where: { id }, relations: RELATIONS });
    if (!a || (p.globalRole === GlobalRole.FocalPoint && a.country !== p.country))
      throw new DomainException(ErrorCode.NotFound, 'This application was not found');
    return a;
  }

  private async reload(tx: EntityManager, id: string): Promise<NetworkApplicationView> {
    return toApplicationView(
      await tx.getRepository(NetworkApplicationEntity).findOneOrFail({ where: { id }, relations: RELATIONS }),
    );
  }

  private conflict(a: NetworkApplicationEntity, what: string): DomainException {
    return new DomainException(ErrorCode.Conflict, `An application that is ${a.status} cannot be ${what}`);
  }

  async list(p: Principal, status: unknown): Promise<NetworkApplicationListResponse> {
    this.assertVetter(p);
    const filter = parseStatusFilter(status);
    const rows = await this.db.getRepository(NetworkApplicationEntity).find({
      where: {
        ...(filter ? { status: filter } : {}),
        ...(p.globalRole === GlobalRole.FocalPoint && p.country ? { country: p.country } : {}),
      },
      relations: RELATIONS,
      order: { createdAt: 'ASC' },
    });
    return { applications: rows.map(toApplicationView) };
  }

  async get(p: Principal, id: string): Promise<NetworkApplicationView> {
    return toApplicationView(await this.load(this.db.manager, p, id));
  }

  async endorse(p: Principal, id: string, body: unknown, ip: string | null): Promise<NetworkApplicationView> {
    if (p.globalRole !== GlobalRole.FocalPoint)
      throw new DomainException(
        ErrorCode.Forbidden,
        "Only the national focal point of the applicant's country endorses",
      );
    const input = parse(endorseSchema, body);
    return this.db.transaction(async (tx) => {
      const a = await this.load(tx, p, id, true);
      if (a.status !== 'submitted') throw this.conflict(a, 'endorsed');
      a.status = 'endorsed';
      a.endorsedById = p.userId;
      a.endorsedAt = new Date();
      a.endorsementNote = input.note || null;
      await tx.getRepository(NetworkApplicationEntity).save(a);
      await this.audit.record(
        {
          actorId: p.userId,
          action: 'network.application_endorsed',
          targetType: 'network_application',
          targetId: a.id,
          details: { country: a.country },
          ip,
        },
        tx,
      );
      return this.reload(tx, a.id);
    });
  }

  async decide(p: Principal, id: string, body: unknown, ip: string | null): Promise<NetworkApplicationView> {
    this.assertSecretariat(p);
    const input = parse(decisionSchema, body);
    const reason = input.reason?.trim() ?? '';
    const { view, outcome } = await this.db.transaction(async (tx) => {
      const a = await this.load(tx, p, id, true);
      if (!reason)
        throw new DomainException(ErrorCode.UnprocessableContent, 'A decision needs a written reason', [
          { field: 'reason', messages: ['a written reason is required'] },
        ]);
      if (input.decision === 'accepted' && a.status !== 'endorsed')
        throw new DomainException(
          ErrorCode.Conflict,
          `Only an application endorsed by the focal point can be accepted; this one is ${a.status}`,
        );
      if (input.decision === 'rejected' && !['submitted', 'endorsed'].includes(a.status))
        throw this.conflict(a, 'rejected');
      const now = new Date();
      if (input.decision === 'accepted') {
        const users = tx.getRepository(UserEntity);
        const existing = await users.findOne({ where: { email: a.email } });
        if (existing && existing.status !== UserStatus.Invited)
          throw new DomainException(ErrorCode.Conflict, 'A person with this e-mail address already has an account');
        const user =
          existing ??
          (await users.save(
            users.create({
              email: a.email,
              displayName: a.name,
              globalRole: GlobalRole.Practitioner,
              country: a.country,
              organisation: a.organisationName,
              locale: a.locale,
              status: UserStatus.Invited,
            }),
          ));
        a.userId = user.id;
        a.revetDue =
          input.revetDue ?? DateTime.fromJSDate(now, { zone: 'utc' }).plus({ years: NETWORK_REVET_YEARS }).toISODate();
        await this.auth.sendInvitation(user, tx);
        await this.audit.record(
          {
            actorId: p.userId,
            action: 'invitation.sent',
            targetType: 'user',
            targetId: user.id,
            details: { role: user.globalRole, resent: !!existing, networkApplicationId: a.id },
            ip,
          },
          tx,
        );
      }
      a.status = input.decision;
      a.decidedById = p.userId;
      a.decidedAt = now;
      a.decisionReason = reason;
      a.reasonShareable = input.reasonShareable;
      await tx.getRepository(NetworkApplicationEntity).save(a);
      // The practitioner's profile, from the application, with the minimal default visibility.
      if (input.decision === 'accepted') await ensureProfileFromApplication(tx, a);
      await this.audit.record(
        {
          actorId: p.userId,
          action: input.decision === 'accepted' ? 'network.application_accepted' : 'network.application_rejected',
          targetType: 'network_application',
          targetId: a.id,
          details: { country: a.country, reasonShareable: a.reasonShareable, revetDue: a.revetDue, userId: a.userId },
          ip,
        },
        tx,
      );
      const outcome: Outcome = {
        to: a.email,
        locale: a.locale,
        name: a.name,
        kind: input.decision,
        shared: a.reasonShareable ? reason : null,
      };
      return { view: await this.reload(tx, a.id), outcome };
    });
    await this.sendOutcome(outcome, id);
    return view;
  }

  /** After the decision is stored: a failed mail is logged, the decision stands (the status link shows it). */
  private async sendOutcome(o: Outcome, id: string): Promise<void> {
    try {
      // Only the status token's hash is kept: the outcome mail refers to the link of the first mail.
      await this.mail.send({ to: o.to, ...networkMail(o.kind, o.locale, o.name, '', o.shared) });
    } catch (e) {
      this.logger.error({ err: e, applicationId: id }, 'The outcome e-mail could not be sent');
    }
  }

  async suspend(p: Principal, id: string, body: unknown, ip: string | null): Promise<NetworkApplicationView> {
    return this.changeMembership(p, id, body, ip, 'suspended', ['accepted'], 'network.member_suspended');
  }

  async leave(p: Principal, id: string, body: unknown, ip: string | null): Promise<NetworkApplicationView> {
    return this.changeMembership(p, id, body, ip, 'left', ['accepted', 'suspended'], 'network.member_left');
  }

  /** Suspension and departure end the practitioner's access: their account is disabled and signed out. */
  private async changeMembership(
    p: Principal,
    id: string,
    body: unknown,
    ip: string | null,
    to: ApplicationStatus,
    from: ApplicationStatus[],
    action: string,
  ): Promise<NetworkApplicationView> {
    this.assertSecretariat(p);
    const input = parse(statusChangeSchema, body);
    let disabled: string | null = null;
    const view = await this.db.transaction(async (tx) => {
      const a = await this.load(tx, p, id, true);
      if (!from.includes(a.status)) throw this.conflict(a, to);
      a.status = to;
      a.statusNote = input.note || null;
      await tx.getRepository(NetworkApplicationEntity).save(a);
      if (a.userId) {
        const user = await tx.getRepository(UserEntity).findOne({ where: { id: a.userId } });
        if (user && user.globalRole === GlobalRole.Practitioner && user.status !== UserStatus.Disabled) {
          user.status = UserStatus.Disabled;
          await tx.getRepository(UserEntity).save(user);
          await this.tokens.revokeAllFor(user.id, tx);
          disabled = user.id;
        }
      }
      await this.audit.record(
        {
          actorId: p.userId,
          action,
          targetType: 'network_application',
          targetId: a.id,
          details: { country: a.country, accountDisabled: disabled !== null },
          ip,
        },
        tx,
      );
      return this.reload(tx, a.id);
    });
    if (disabled) this.accessEvents.revoke({ userId: disabled, reason: 'disabled' });
    return view;
  }

  async setRevetDue(p: Principal, id: string, body: unknown, ip: string | null): Promise<NetworkApplicationView> {
    this.assertSecretariat(p);
    const input = parse(revetDueSchema, body);
    return this.db.transaction(async (tx) => {
      const a = await this.load(tx, p, id, true);
      if (!['accepted', 'suspended'].includes(a.status)) throw this.conflict(a, 'given a re-vetting date');
      const before = a.revetDue;
      a.revetDue = input.revetDue;
      await tx.getRepository(NetworkApplicationEntity).save(a);
      await this.audit.record(
        {
          actorId: p.userId,
          action: 'network.revet_due_changed',
          targetType: 'network_application',
          targetId: a.id,
          details: { from: before, to: a.revetDue },
          ip,
        },
        tx,
      );
      return this.reload(tx, a.id);
    });
  }
}
