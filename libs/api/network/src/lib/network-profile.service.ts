import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import { AccessEventsService, Principal, UserEntity } from '@kengash/api-identity';
import {
  ContactDetailsResponse,
  ContactField,
  ContactViewsResponse,
  DirectoryResponse,
  ErrorCode,
  FORMER_MEMBER_LABEL,
  NetworkProfile,
  PersonalDataExport,
  PROFILE_FIELDS,
  PROFILE_LIMITS,
  ProfileField,
  UserStatus,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { NetworkApplicationEntity } from './network-application.entity';
import { parse } from './network-input';
import { ensureProfileFromApplication } from './network-profile.data';
import { NetworkContactViewEntity, NetworkProfileEntity } from './network-profile.entity';
import { directoryQuerySchema, eraseSchema, profileUpdateSchema } from './network-profile-input';
import {
  completeVisibility,
  directoryEntry,
  ProfileFacts,
  READABLE_VISIBILITIES,
  revealableContactFields,
  ViewerLevel,
  viewerLevel,
} from './network-visibility';
import { toApplicationView } from './network.service';

const notMember = () =>
  new DomainException(ErrorCode.NotFound, 'You have no network profile (it belongs to accepted practitioners)');
const notInDirectory = () => new DomainException(ErrorCode.NotFound, 'This person has no contact details for you');

/** SQL: the profile belongs to an active network member (accepted application, active account). */
const ACTIVE_MEMBER = `u.status = 'active' AND EXISTS (
  SELECT 1 FROM network_applications a WHERE a.user_id = p.user_id AND a.status = 'accepted')`;

/** Columns of `network_profiles` as `ProfileFacts` (alias `p`). */
const PROFILE_COLUMNS = `p.user_id AS "userId", p.name, p.role, p.organisation_type AS "organisationType",
  p.organisation_name AS "organisationName", p.country, p.region, p.languages, p.expertise, p.bio, p.phone, p.email,
  p.label, p.visibility`;

/** The text fields the directory's free-text search looks in (each only when visible to the viewer). */
const SEARCHABLE: [ProfileField, string][] = [
  ['name', 'p.name'],
  ['role', 'p.role'],
  ['organisationName', 'p.organisation_name'],
  ['region', 'p.region'],
  ['bio', 'p.bio'],
];

/**
 * Rows naming a person, for the export: table, the column holding their user id, and the columns left out.
 * Left out are secrets and their hashes (refresh/one-time/calendar/RSVP token hashes, recovery-code hashes,
 * attachment storage keys): they are credentials, not information about the person, and a leaked export must not
 * let anyone act as them. Tables another part of the code base has not created (yet) are skipped.
 */
const PERSONAL_ROWS: { kind: string; table: string; column: string; omit?: string[] }[] = [
  { kind: 'groupMemberships', table: 'group_memberships', column: 'user_id' },
  { kind: 'sessionInvitations', table: 'invitations', column: 'user_id', omit: ['rsvp_token_hash'] },
  { kind: 'notifications', table: 'notifications', column: 'user_id' },
  { kind: 'notificationPreferences', table: 'notification_preferences', column: 'user_id' },
  { kind: 'calendarFeeds', table: 'calendar_feeds', column: 'user_id', omit: ['token_hash'] },
  { kind: 'signInSessions', table: 'refresh_tokens', column: 'user_id', omit: ['token_hash'] },
  { kind: 'singleSignOnIdentities', table: 'sso_identities', column: 'user_id' },
  { kind: 'practicesAuthored', table: 'practices', column: 'author_id' },
  { kind: 'practiceComments', table: 'practice_comments', column: 'author_id' },
  { kind: 'practiceEndorsements', table: 'practice_endorsements', column: 'user_id' },
  { kind: 'practiceReviews', table: 'practice_reviewers', column: 'user_id' },
  { kind: 'practiceAttachments', table: 'practice_attachments', column: 'uploaded_by', omit: ['storage_key'] },
  { kind: 'workPlanComments', table: 'work_plan_comments', column: 'author_id' },
  { kind: 'workPlanItemsOwned', table: 'work_plan_items', column: 'owner_id' },
  { kind: 'actionItemsOwned', table: 'action_items', column: 'owner_id' },
  { kind: 'minutesComments', table: 'minutes_comments', column: 'author_id' },
  { kind: 'minutesAmendments', table: 'minutes_amendments', column: 'proposer_id' },
  { kind: 'meetingAttendance', table: 'meeting_attendance', column: 'user_id' },
  { kind: 'meetingChat', table: 'meeting_chat', column: 'user_id' },
  { kind: 'meetingQueue', table: 'meeting_queue', column: 'user_id' },
  { kind: 'meetingVotes', table: 'meeting_votes', column: 'user_id' },
  { kind: 'auditEventsByMe', table: 'audit_events', column: 'actor_id', omit: ['prev_hash', 'hash'] },
];

/**
 * Left out of the account in the export: `password_hash` (a credential: of no use to the person, and a leaked
 * export must not give anyone something to crack) and `totp_secret_enc` (the second factor's seed: whoever holds
 * it can produce sign-in codes).
 */
const ACCOUNT_SECRETS = ['password_hash', 'totp_secret_enc'];

/** JSON columns that may hold a copy of a person's display name (table, column, extra condition). */
const NAME_COPIES: [string, string, string][] = [
  ['meeting_events', 'data', ''],
  ['meeting_polls', 'result', ''],
  ['meeting_decisions', 'result', ''],
  ['minutes', 'content', ''],
  [
    'minutes_versions',
    'content',
    `AND document_id IN (SELECT id FROM minutes_documents WHERE content_hash IS NULL AND approved_at IS NULL)`,
  ],
];

/** Names shorter than this are not searched for in other people's records (too likely to match other words). */
const MIN_NAME_TO_REPLACE = 3;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function toProfile(p: NetworkProfileEntity): NetworkProfile {
  return {
    userId: p.userId,
    name: p.name,
    role: p.role,
    organisationType: p.organisationType,
    organisationName: p.organisationName,
    country: p.country,
    region: p.region,
    languages: p.languages,
    expertise: p.expertise,
    bio: p.bio,
    phone: p.phone,
    email: p.email,
    label: p.label,
    visibility: completeVisibility(p.visibility),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/**
 * Practitioners' profiles, the privacy-respecting directory, logged contact-detail views and the person's data
 * rights (export, erasure). A viewer only ever receives the fields their level may see: hidden fields are left out
 * of the JSON, and filters and the free-text search look only at fields the viewer may see (in SQL, so that
 * paging and totals are right and no filter reveals a hidden value).
 */
@Injectable()
export class NetworkProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEventsService,
  ) {}

  /** The person's accepted application (their active membership), the most recently decided first. */
  private async membership(m: EntityManager, userId: string): Promise<NetworkApplicationEntity | null> {
    return m.getRepository(NetworkApplicationEntity).findOne({
      where: { userId, status: 'accepted' },
      order: { decidedAt: { direction: 'DESC', nulls: 'LAST' } },
    });
  }

  /** The caller's own profile (created lazily from their application); 404 without an active membership. */
  private async own(m: EntityManager, p: Principal, lock = false): Promise<NetworkProfileEntity> {
    const application = await this.membership(m, p.userId);
    if (!application) throw notMember();
    const repo = m.getRepository(NetworkProfileEntity);
    const find = () =>
      repo.findOne({ where: { userId: p.userId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const found = await find();
    if (found) return found;
    await ensureProfileFromApplication(m, application);
    return (await find()) as NetworkProfileEntity;
  }

  async getProfile(p: Principal): Promise<NetworkProfile> {
    return toProfile(await this.own(this.db.manager, p));
  }

  async updateProfile(p: Principal, body: unknown, ip: string | null): Promise<NetworkProfile> {
    // Membership first: people without a profile learn nothing about the request's shape.
    await this.own(this.db.manager, p);
    const input = parse(profileUpdateSchema, body);
    return this.db.transaction(async (tx) => {
      const profile = await this.own(tx, p, true);
      if (input.version !== profile.version)
        throw new DomainException(
          ErrorCode.Conflict,
          'Your profile was changed elsewhere since you opened it: reload it and make your changes again',
        );
      const changed: string[] = [];
      const record = profile as unknown as Record<string, unknown>;
      for (const f of PROFILE_FIELDS) {
        const value = input[f];
        if (value === undefined) continue;
        const before = record[f];
        const same = Array.isArray(value)
          ? JSON.stringify(before) === JSON.stringify([...new Set(value)])
          : before === value;
        if (!same) changed.push(f);
        record[f] = Array.isArray(value) ? [...new Set(value)] : value;
      }
      if (input.label !== undefined && input.label !== profile.label) {
        changed.push('label');
        profile.label = input.label;
      }
      const visibility = completeVisibility(profile.visibility);
      const visibilityChanged: string[] = [];
      for (const field of PROFILE_FIELDS) {
        const v = input.visibility?.[field];
        if (v && visibility[field] !== v) {
          visibilityChanged.push(field);
          visibility[field] = v;
        }
      }
      profile.visibility = visibility;
      if (!changed.length && !visibilityChanged.length) return toProfile(profile);
      const saved = await tx.getRepository(NetworkProfileEntity).save(profile);
      await this.audit.record(
        {
          actorId: p.userId,
          action: 'network.profile_updated',
          targetType: 'network_profile',
          targetId: p.userId,
          // Field names only: the values (names, phone numbers…) never go into the append-only audit log.
          details: { fields: changed, visibility: visibilityChanged },
          ip,
        },
        tx,
      );
      return toProfile(saved);
    });
  }

  // --- the directory ---------------------------------------------------------------------------------------

  /** The caller's directory level; 403 for observers, practitioners without a membership and everyone else. */
  private async level(m: EntityManager, p: Principal): Promise<ViewerLevel> {
    const level = viewerLevel({
      globalRole: p.globalRole,
      memberships: p.memberships,
      activeNetworkMember: !!(await this.membership(m, p.userId)),
    });
    if (!level)
      throw new DomainException(
        ErrorCode.Forbidden,
        'The directory is open to network members, the council and the secretariat',
      );
    return level;
  }

  async directory(p: Principal, query: unknown): Promise<DirectoryResponse> {
    const level = await this.level(this.db.manager, p);
    const input = parse(directoryQuerySchema, query);
    const params: unknown[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The viewer and their readable visibilities, as parameters added on first use (PostgreSQL refuses unused ones).
    let viewer = '';
    let levels = '';
    const visible = (f: ProfileField) => {
      viewer ||= add(p.userId);
      levels ||= add(READABLE_VISIBILITIES[level]);
      return `(p.user_id = ${viewer}::uuid OR p.visibility->>'${f}' = ANY(${levels}::text[]))`;
    };
    const where = [ACTIVE_MEMBER];
    if (input.country.length)
      where.push(`${visible('country')} AND p.country::text = ANY(${add(input.country)}::text[])`);
    if (input.expertise.length)
      where.push(`${visible('expertise')} AND p.expertise && ${add(input.expertise)}::text[]`);
    if (input.language.length) where.push(`${visible('languages')} AND p.languages && ${add(input.language)}::text[]`);
    if (input.organisationType.length)
      where.push(
        `${visible('organisationType')} AND p.organisation_type = ANY(${add(input.organisationType)}::text[])`,
      );
    if (input.q) {
      const like = add(`%${escapeLike(input.q)}%`);
      where.push(`(${SEARCHABLE.map(([f, col]) => `(${visible(f)} AND ${col} ILIKE ${like})`).join(' OR ')})`);
    }
    const pageSize = PROFILE_LIMITS.directoryPage;
    const rows: (ProfileFacts & { total: string })[] = await this.db.query(
      `SELECT ${PROFILE_COLUMNS}, count(*) OVER () AS total
         FROM network_profiles p JOIN users u ON u.id = p.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.user_id
        LIMIT ${add(pageSize)} OFFSET ${add((input.page - 1) * pageSize)}`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && input.page > 1) {
      const [counted]: { n: string }[] = await this.db.query(
        `SELECT count(*) AS n FROM network_profiles p JOIN users u ON u.id = p.user_id WHERE ${where.join(' AND ')}`,
        params.slice(0, -2),
      );
      total = Number(counted.n);
    }
    return {
      entries: rows.map((r) => directoryEntry(r, r.userId === p.userId ? 'owner' : level)),
      total,
      page: input.page,
      pageSize,
    };
  }

  /** Reveals the contact fields the viewer may see and logs the view (same transaction). 404 when there are none. */
  async contact(p: Principal, subjectId: string): Promise<ContactDetailsResponse> {
    return this.db.transaction(async (tx) => {
      const level = await this.level(tx, p);
      const [subject]: ProfileFacts[] = await tx.query(
        `SELECT ${PROFILE_COLUMNS} FROM network_profiles p JOIN users u ON u.id = p.user_id
          WHERE p.user_id = $1 AND ${ACTIVE_MEMBER}`,
        [subjectId],
      );
      if (!subject) throw notInDirectory();
      const self = subject.userId === p.userId;
      const fields = revealableContactFields(subject, self ? 'owner' : level);
      if (!fields.length) throw notInDirectory();
      const reply: ContactDetailsResponse = { userId: subject.userId, viewedAt: new Date().toISOString() };
      for (const f of fields) reply[f] = subject[f];
      if (self) return reply; // looking at one's own details is not someone viewing them
      const view = await tx
        .getRepository(NetworkContactViewEntity)
        .save({ viewerId: p.userId, subjectId: subject.userId, fields });
      reply.viewedAt = view.viewedAt.toISOString();
      return reply;
    });
  }

  async contactViews(p: Principal): Promise<ContactViewsResponse> {
    await this.own(this.db.manager, p);
    const rows: { viewer_id: string; display_name: string; fields: ContactField[]; viewed_at: Date }[] =
      await this.db.query(
        `SELECT v.viewer_id, u.display_name, v.fields, v.viewed_at
           FROM network_contact_views v JOIN users u ON u.id = v.viewer_id
          WHERE v.subject_id = $1 ORDER BY v.viewed_at DESC, v.id LIMIT 500`,
        [p.userId],
      );
    return {
      views: rows.map((r) => ({
        viewer: { id: r.viewer_id, displayName: r.display_name },
        fields: r.fields,
        viewedAt: r.viewed_at.toISOString(),
      })),
    };
  }

  // --- data rights -----------------------------------------------------------------------------------------

  /** Everything Kengash holds about the signed-in practitioner (see `PERSONAL_ROWS` for what is left out). */
  async exportData(p: Principal, ip: string | null): Promise<PersonalDataExport> {
    return this.db.transaction(async (tx) => {
      const profile = await this.own(tx, p);
      const [account]: { account: Record<string, unknown> }[] = await tx.query(
        `SELECT to_jsonb(u) - $2::text[] AS account FROM users u WHERE u.id = $1`,
        [p.userId, ACCOUNT_SECRETS],
      );
      const applications = await tx
        .getRepository(NetworkApplicationEntity)
        .createQueryBuilder('a')
        .leftJoinAndSelect('a.referee', 'referee')
        .leftJoinAndSelect('a.endorsedBy', 'endorsedBy')
        .leftJoinAndSelect('a.decidedBy', 'decidedBy')
        .where('a.user_id = :id OR a.email = :email', { id: p.userId, email: account.account['email'] })
        .orderBy('a.created_at', 'ASC')
        .getMany();
      const byMe: { subject_id: string; fields: ContactField[]; viewed_at: Date }[] = await tx.query(
        `SELECT subject_id, fields, viewed_at FROM network_contact_views WHERE viewer_id = $1 ORDER BY viewed_at DESC`,
        [p.userId],
      );
      const other: Record<string, unknown[]> = {};
      for (const r of PERSONAL_ROWS) {
        const [exists]: { t: string | null }[] = await tx.query(`SELECT to_regclass($1) AS t`, [`public.${r.table}`]);
        if (!exists.t) continue;
        const rows: { row: unknown }[] = await tx.query(
          `SELECT to_jsonb(t) - $2::text[] AS row FROM "${r.table}" t WHERE t."${r.column}" = $1`,
          [p.userId, r.omit ?? []],
        );
        other[r.kind] = rows.map((x) => x.row);
      }
      const out: PersonalDataExport = {
        exportedAt: new Date().toISOString(),
        account: account.account,
        profile: toProfile(profile),
        applications: applications.map(toApplicationView),
        contactViewsOfMe: (await this.contactViews(p)).views,
        contactViewsByMe: byMe.map((r) => ({
          subjectUserId: r.subject_id,
          fields: r.fields,
          viewedAt: r.viewed_at.toISOString(),
        })),
        other,
      };
      await this.audit.record(
        {
          actorId: p.userId,
          action: 'network.data_exported',
          targetType: 'user',
          targetId: p.userId,
          details: { applications: applications.length },
          ip,
        },
        tx,
      );
      return out;
    });
  }

  /**
   * Erases the signed-in practitioner's account in one transaction: every personal field goes, the `users` row
   * stays (anonymised, disabled) so that content they wrote keeps its author id and shows `FORMER_MEMBER_LABEL`.
   *
   * Not touched: the audit log (append-only, enforced by triggers) — its rows name people by id only (this
   * module and every other writer put ids, counts and codes in `details`, never names, e-mails or phones); its
   * `ip` column is kept as the security record the log is for. Authored content (practice entries, comments,
   * endorsements, chat messages, minutes) is kept under the anonymised account, as the issue asks.
   */
  async erase(p: Principal, body: unknown, ip: string | null): Promise<void> {
    await this.own(this.db.manager, p);
    const input = parse(eraseSchema, body);
    if (input.confirm !== 'ERASE')
      throw new DomainException(ErrorCode.UnprocessableContent, 'Type ERASE to confirm that the erasure is final', [
        { field: 'confirm', messages: ['type ERASE to confirm'] },
      ]);
    await this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id: p.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notMember();
      const profile = await tx.getRepository(NetworkProfileEntity).findOne({ where: { userId: user.id } });
      const applications = await tx
        .getRepository(NetworkApplicationEntity)
        .createQueryBuilder('a')
        .where('a.user_id = :id OR a.email = :email', { id: user.id, email: user.email })
        .getMany();
      const names = [user.displayName, profile?.name, ...applications.map((a) => a.name)].filter(
        (n): n is string => !!n && n.trim().length >= MIN_NAME_TO_REPLACE,
      );
      const emails = [user.email, profile?.email, ...applications.map((a) => a.email)].filter((e): e is string => !!e);

      const q = (sql: string, params: unknown[]) => tx.query(sql, params);
      // [rows, affected] for a DELETE
      const views: [unknown[], number] = await q(
        `DELETE FROM network_contact_views WHERE subject_id = $1 OR viewer_id = $1`,
        [user.id],
      );
      await q(`DELETE FROM network_profiles WHERE user_id = $1`, [user.id]);
      // Their applications (by account and by e-mail): the audit log keeps that decisions were made, by id.
      if (applications.length)
        await q(`DELETE FROM network_applications WHERE id = ANY($1::uuid[])`, [applications.map((a) => a.id)]);
      for (const table of [
        'refresh_tokens',
        'one_time_tokens',
        'sso_identities',
        'recovery_codes',
        'calendar_feeds',
        'notifications',
        'notification_preferences',
        'invitations',
      ])
        await q(`DELETE FROM "${table}" WHERE user_id = $1`, [user.id]);
      // Other people's notifications that quote them (e.g. "<name>: accepted" to a session's organiser).
      for (const name of names)
        await q(
          `UPDATE notifications SET title = replace(title, $1, $2), body = replace(body, $1, $2)
            WHERE strpos(title, $1) > 0 OR strpos(body, $1) > 0`,
          [name, FORMER_MEMBER_LABEL],
        );
      // Copies of their name in other records' JSON (live-meeting events such as chat messages, poll and decision
      // results, live notes, minutes not yet approved). Approved minutes carry an integrity hash and are the
      // council's official record: they are left as they are (practitioners are not in council minutes).
      for (const name of names) {
        const inJson = JSON.stringify(name).slice(1, -1);
        for (const [table, column, extra] of NAME_COPIES)
          await q(
            `UPDATE "${table}" SET "${column}" = replace("${column}"::text, $1, $2)::jsonb
              WHERE strpos("${column}"::text, $1) > 0 ${extra}`,
            [inJson, FORMER_MEMBER_LABEL],
          );
      }
      // Background jobs (pg-boss) whose data carries their e-mail or name, e.g. a mail still queued for them.
      for (const table of ['pgboss.job', 'pgboss.archive']) {
        const [exists]: { t: string | null }[] = await q(`SELECT to_regclass($1) AS t`, [table]);
        if (!exists.t) continue;
        await q(
          `DELETE FROM ${table} WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(data::text, s) > 0)`,
          [[...emails, ...names]],
        );
      }
      // The account: kept for authorship, with nothing personal left, and no way to sign in.
      await q(
        `UPDATE users SET email = $2, display_name = $3, organisation = NULL, country = NULL, password_hash = NULL,
                totp_secret_enc = NULL, totp_enabled_at = NULL, totp_last_step = NULL, email_verified_at = NULL,
                last_sign_in_at = NULL, name_visible_to_observers = false, status = $4, version = version + 1,
                updated_at = now()
          WHERE id = $1`,
        [user.id, `erased-${randomUUID()}@erased.invalid`, FORMER_MEMBER_LABEL, UserStatus.Disabled],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'network.account_erased',
          targetType: 'user',
          targetId: user.id,
          details: { applications: applications.length, contactViews: Number(views[1] ?? 0) },
          ip,
        },
        tx,
      );
    });
    this.accessEvents.revoke({ userId: p.userId, reason: 'disabled' });
  }
}
