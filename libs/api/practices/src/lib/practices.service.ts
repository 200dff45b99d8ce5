import { AuditService } from '@kengash/api-audit';
import { DomainException, ValidationDomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import { NotificationsService, RenderedNotification } from '@kengash/api-notifications';
import {
  CountryCode,
  ErrorCode,
  GlobalRole,
  GroupRole,
  NotificationKind,
  LocalizedText,
  personalDataWarnings,
  PRACTICE_LIMITS,
  PracticeCommentView,
  PracticeInput,
  PracticeLanguage,
  PracticeQueueResponse,
  PracticeView,
  PracticeVisibility,
  ReviewerCandidatesResponse,
  UserStatus,
} from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { canCreate, canReview, entryRights, EntryRights } from './practice-access';
import {
  PracticeAttachmentEntity,
  PracticeCommentEntity,
  PracticeEndorsementEntity,
  PracticeEntity,
  PracticeRelatedEntity,
  PracticeReviewerEntity,
  PracticeTranslationEntity,
} from './practice.entities';
import { parsePracticeInput, upsertTranslation } from './practice-input';

const notFound = () => new DomainException(ErrorCode.NotFound, 'This entry was not found');
const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainException(ErrorCode.Conflict, message, details);
const forbidden = (message: string) => new DomainException(ErrorCode.Forbidden, message);

interface Loaded {
  entry: PracticeEntity;
  reviewerIds: string[];
  rights: EntryRights;
}

/**
 * Best-practice entries and their review workflow. Each change of state is one transaction that locks the
 * entry row, checks the state and the person's rights, writes, and is audited.
 */
@Injectable()
export class PracticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  // ---- access ------------------------------------------------------------------------------------------

  /** The entry and the person's rights; 404 when they may not know it exists, 403 when they may but not read. */
  async load(
    principal: Principal | null,
    id: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<Loaded> {
    const entry = await m
      .getRepository(PracticeEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!entry) throw notFound();
    const reviewerIds = (await m.getRepository(PracticeReviewerEntity).find({ where: { practiceId: id } })).map(
      (r) => r.userId,
    );
    const rights = entryRights(principal, { ...entry, reviewerIds });
    if (!rights.read) throw notFound();
    return { entry, reviewerIds, rights };
  }

  // ---- views -------------------------------------------------------------------------------------------

  /** One entry; a published entry's view count grows when someone other than its author opens it. */
  async view(principal: Principal | null, id: string): Promise<PracticeView> {
    const loaded = await this.load(principal, id);
    if (loaded.entry.status === 'published' && loaded.entry.authorId !== principal?.userId) {
      await this.db.query(`UPDATE practices SET views = views + 1 WHERE id = $1`, [id]);
      loaded.entry.views += 1;
    }
    return this.toView(principal, loaded);
  }

  private async toView(
    principal: Principal | null,
    { entry, reviewerIds, rights }: Loaded,
    m: EntityManager = this.db.manager,
  ): Promise<PracticeView> {
    const [translations, related, group, people, attachments, endorsements] = await Promise.all([
      m.getRepository(PracticeTranslationEntity).find({ where: { practiceId: entry.id } }),
      m.query(
        `SELECT r.related_id AS id, p.status, p.visibility, p.author_id, p.group_id, p.original_locale,
                (SELECT json_object_agg(t.locale, t.title) FROM practice_translations t WHERE t.practice_id = p.id) AS titles
           FROM practice_related r JOIN practices p ON p.id = r.related_id WHERE r.practice_id = $1`,
        [entry.id],
      ) as Promise<RelatedRow[]>,
      entry.groupId
        ? (m.query(`SELECT id, name FROM working_groups WHERE id = $1`, [entry.groupId]) as Promise<
            { id: string; name: LocalizedText }[]
          >)
        : Promise.resolve([]),
      m.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [
        [entry.authorId, ...reviewerIds].filter((x): x is string => !!x),
      ]) as Promise<{ id: string; display_name: string }[]>,
      m
        .getRepository(PracticeAttachmentEntity)
        .find({ where: { practiceId: entry.id }, relations: { uploader: true }, order: { uploadedAt: 'ASC' } }),
      m.query(
        `SELECT count(*)::int AS n, bool_or(user_id = $2) AS mine FROM practice_endorsements WHERE practice_id = $1`,
        [entry.id, principal?.userId ?? null],
      ) as Promise<{ n: number; mine: boolean | null }[]>,
    ]);
    const name = new Map(people.map((u) => [u.id, u.display_name]));
    const ref = (userId: string | null) => (userId ? { userId, name: name.get(userId) ?? '' } : null);
    const ordered = [...translations].sort(
      (a, b) => (a.locale === entry.originalLocale ? -1 : 0) - (b.locale === entry.originalLocale ? -1 : 0),
    );
    const reader = principal?.userId ?? null;
    return {
      id: entry.id,
      status: entry.status,
      visibility: entry.visibility,
      originalLocale: entry.originalLocale,
      country: entry.country,
      themes: entry.themes,
      targetGroups: entry.targetGroups,
      approach: entry.approach,
      evidence: entry.evidence,
      sources: entry.sources,
      // Related entries the reader may not see are left out.
      related: related
        .filter(
          (r) =>
            entryRights(principal, {
              status: r.status,
              visibility: r.visibility,
              authorId: r.author_id,
              groupId: r.group_id,
              reviewerIds: [],
            }).read,
        )
        .map((r) => ({ id: r.id, title: r.titles?.[r.original_locale] ?? Object.values(r.titles ?? {})[0] ?? '' })),
      group: group[0] ? { id: group[0].id, name: group[0].name } : null,
      translations: ordered.map((t) => ({
        locale: t.locale,
        title: t.title,
        summary: t.summary,
        body: t.body,
        status: t.status,
        updatedAt: t.updatedAt.toISOString(),
      })),
      author: ref(entry.authorId),
      reviewers: reviewerIds.map((id) => ref(id)).filter((r): r is { userId: string; name: string } => !!r),
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        uploadedAt: a.uploadedAt.toISOString(),
        uploadedBy: a.uploader ? { userId: a.uploader.id, name: a.uploader.displayName } : null,
      })),
      endorsements: endorsements[0]?.n ?? 0,
      endorsedByMe: !!reader && !!endorsements[0]?.mine,
      views: entry.views,
      createdAt: entry.createdAt.toISOString(),
      updatedAt: entry.updatedAt.toISOString(),
      publishedAt: entry.publishedAt?.toISOString() ?? null,
      version: entry.version,
      // Only the people who may change the text are told what in it looks like personal data.
      warnings: rights.edit
        ? personalDataWarnings({
            approach: entry.approach,
            translations: ordered.map((t) => ({ locale: t.locale, title: t.title, summary: t.summary, body: t.body })),
          })
        : [],
      can: {
        edit: rights.edit,
        submit: rights.submit,
        assignReviewers: rights.assignReviewers,
        review: rights.review,
        archive: rights.archive,
        comment: rights.comment,
        endorse: rights.endorse,
        attach: rights.attach,
      },
      demo: entry.demo,
    };
  }

  // ---- writing -----------------------------------------------------------------------------------------

  async create(principal: Principal, body: unknown, ip: string | null): Promise<PracticeView> {
    if (!canCreate(principal))
      throw forbidden('Members of the council and the secretariat write entries; practitioners read and endorse them');
    const input = parsePracticeInput(body);
    const id = await this.db.transaction(async (tx) => {
      await this.checkReferences(tx, input, null);
      const entry = await tx.getRepository(PracticeEntity).save({
        status: 'draft' as const,
        visibility: null,
        originalLocale: input.originalLocale,
        country: input.country,
        themes: input.themes,
        targetGroups: input.targetGroups,
        approach: input.approach,
        evidence: input.evidence,
        sources: input.sources,
        groupId: input.groupId,
        authorId: principal.userId,
      });
      await this.writeTexts(tx, entry.id, input);
      await this.audit.record(
        { actorId: principal.userId, action: 'practice.created', targetType: 'practice', targetId: entry.id, ip },
        tx,
      );
      return entry.id;
    });
    return this.toView(principal, await this.load(principal, id));
  }

  async update(principal: Principal, id: string, body: unknown, ip: string | null): Promise<PracticeView> {
    const version = (body as { version?: unknown } | null)?.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new ValidationDomainException([{ field: 'version', messages: ['must be the version you edited'] }]);
    const input = parsePracticeInput(body);
    return this.db.transaction(async (tx) => {
      const loaded = await this.load(principal, id, tx, true);
      if (!loaded.rights.edit) this.refuse(loaded, 'edit');
      if (loaded.entry.version !== version)
        throw conflict('Someone saved this entry meanwhile', {
          current: await this.toView(principal, loaded, tx),
        });
      await this.checkReferences(tx, input, id);
      Object.assign(loaded.entry, {
        originalLocale: input.originalLocale,
        country: input.country,
        themes: input.themes,
        targetGroups: input.targetGroups,
        approach: input.approach,
        evidence: input.evidence,
        sources: input.sources,
        groupId: input.groupId,
        version: loaded.entry.version + 1,
      });
      await tx.getRepository(PracticeEntity).save(loaded.entry);
      await this.writeTexts(tx, id, input);
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'practice.updated',
          targetType: 'practice',
          targetId: id,
          ip,
          details: { version: loaded.entry.version, status: loaded.entry.status },
        },
        tx,
      );
      const fresh = await this.load(principal, id, tx);
      return this.toView(principal, fresh, tx);
    });
  }

  /** Replaces the translations and related entries, and writes each translation's search vector. */
  private async writeTexts(tx: EntityManager, id: string, input: PracticeInput): Promise<void> {
    const existing = await tx.getRepository(PracticeTranslationEntity).find({ where: { practiceId: id } });
    const keep = new Set(input.translations.map((t) => t.locale));
    const gone = existing.filter((t) => !keep.has(t.locale)).map((t) => t.locale);
    if (gone.length) await tx.getRepository(PracticeTranslationEntity).delete({ practiceId: id, locale: In(gone) });
    for (const t of input.translations) await upsertTranslation(tx, id, t, t.locale === input.originalLocale);
    await tx.getRepository(PracticeRelatedEntity).delete({ practiceId: id });
    if (input.relatedIds.length)
      await tx
        .getRepository(PracticeRelatedEntity)
        .insert(input.relatedIds.map((relatedId) => ({ practiceId: id, relatedId })));
  }

  /** The related working group and entries must exist (and not be the entry itself). */
  private async checkReferences(tx: EntityManager, input: PracticeInput, selfId: string | null): Promise<void> {
    const errors: { field: string; messages: string[] }[] = [];
    if (input.groupId) {
      const found: unknown[] = await tx.query(`SELECT 1 FROM working_groups WHERE id = $1`, [input.groupId]);
      if (!found.length) errors.push({ field: 'groupId', messages: ['must be a working group'] });
    }
    if (input.relatedIds.length) {
      if (selfId && input.relatedIds.includes(selfId))
        errors.push({ field: 'relatedIds', messages: ['an entry cannot be related to itself'] });
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM practices WHERE id = ANY($1::uuid[]) AND status = 'published' AND id <> $2`,
        [input.relatedIds, selfId ?? '00000000-0000-0000-0000-000000000000'],
      );
      if (rows.length !== input.relatedIds.filter((x) => x !== selfId).length)
        errors.push({ field: 'relatedIds', messages: ['must be published entries of the library'] });
    }
    if (errors.length) throw new ValidationDomainException(errors);
  }

  // ---- workflow ----------------------------------------------------------------------------------------

  async submit(principal: Principal, id: string, ip: string | null): Promise<PracticeView> {
    return this.transition(principal, id, ip, 'practice.submitted', (l) => {
      if (!l.rights.submit) this.refuse(l, 'submit');
      l.entry.status = 'in_review';
      l.entry.submittedAt = new Date();
    });
  }

  async assignReviewers(
    principal: Principal,
    id: string,
    reviewerIds: string[],
    ip: string | null,
  ): Promise<PracticeView> {
    const wanted = [...new Set(reviewerIds)];
    let added: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const loaded = await this.load(principal, id, tx, true);
      if (!loaded.rights.assignReviewers) this.refuse(loaded, 'assign');
      const users: { id: string; global_role: Principal['globalRole']; status: UserStatus }[] = wanted.length
        ? await tx.query(`SELECT id, global_role, status FROM users WHERE id = ANY($1::uuid[])`, [wanted])
        : [];
      const fine = users.filter((u) => u.status === UserStatus.Active && canReview({ globalRole: u.global_role }));
      const messages: string[] = [];
      if (fine.length !== wanted.length)
        messages.push('each reviewer must be an active member of the council or the secretariat');
      if (loaded.entry.authorId && wanted.includes(loaded.entry.authorId))
        messages.push('the author cannot review their own entry');
      if (messages.length) throw new ValidationDomainException([{ field: 'reviewerIds', messages }]);
      added = wanted.filter((u) => !loaded.reviewerIds.includes(u));
      await tx.getRepository(PracticeReviewerEntity).delete({ practiceId: id });
      if (wanted.length)
        await tx
          .getRepository(PracticeReviewerEntity)
          .insert(wanted.map((userId) => ({ practiceId: id, userId, assignedBy: principal.userId })));
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'practice.reviewers_assigned',
          targetType: 'practice',
          targetId: id,
          ip,
          details: { reviewerIds: wanted },
        },
        tx,
      );
      return this.toView(principal, await this.load(principal, id, tx), tx);
    });
    await this.notifications.notify({
      userIds: added,
      kind: NotificationKind.PracticeReview,
      render: (r) => reviewNotice(r.locale, 'assigned', titleIn(view, r.locale), `/practices/${id}`),
    });
    return view;
  }

  async publish(
    principal: Principal,
    id: string,
    visibility: PracticeVisibility,
    note: string | undefined,
    ip: string | null,
  ): Promise<PracticeView> {
    const view = await this.transition(
      principal,
      id,
      ip,
      'practice.published',
      (l) => {
        if (!l.rights.review) this.refuse(l, 'review');
        Object.assign(l.entry, { status: 'published', visibility, publishedAt: new Date(), archivedAt: null });
      },
      note ? { note, kind: 'review' } : undefined,
      { visibility },
    );
    await this.tellAuthor(principal, view, 'published');
    return view;
  }

  async returnToDraft(principal: Principal, id: string, note: string, ip: string | null): Promise<PracticeView> {
    const view = await this.transition(
      principal,
      id,
      ip,
      'practice.returned',
      (l) => {
        if (!l.rights.review) this.refuse(l, 'review');
        l.entry.status = 'draft';
      },
      { note, kind: 'review' },
    );
    await this.tellAuthor(principal, view, 'returned');
    return view;
  }

  /** The review's outcome to the author (not when they act on their own entry). */
  private async tellAuthor(principal: Principal, view: PracticeView, outcome: 'published' | 'returned'): Promise<void> {
    if (!view.author || view.author.userId === principal.userId) return;
    await this.notifications.notify({
      userIds: [view.author.userId],
      kind: NotificationKind.PracticeReview,
      render: (r) => reviewNotice(r.locale, outcome, titleIn(view, r.locale), `/practices/${view.id}`),
    });
  }

  async archive(principal: Principal, id: string, ip: string | null): Promise<PracticeView> {
    return this.transition(principal, id, ip, 'practice.archived', (l) => {
      if (!l.rights.archive) this.refuse(l, 'archive');
      Object.assign(l.entry, { status: 'archived', archivedAt: new Date() });
    });
  }

  private async transition(
    principal: Principal,
    id: string,
    ip: string | null,
    action: string,
    apply: (loaded: Loaded) => void,
    comment?: { note: string; kind: 'review' },
    details: Record<string, unknown> = {},
  ): Promise<PracticeView> {
    return this.db.transaction(async (tx) => {
      const loaded = await this.load(principal, id, tx, true);
      const from = loaded.entry.status;
      apply(loaded);
      loaded.entry.version += 1;
      await tx.getRepository(PracticeEntity).save(loaded.entry);
      if (comment)
        await tx
          .getRepository(PracticeCommentEntity)
          .insert({ practiceId: id, authorId: principal.userId, kind: comment.kind, body: comment.note });
      await this.audit.record(
        {
          actorId: principal.userId,
          action,
          targetType: 'practice',
          targetId: id,
          ip,
          details: { from, to: loaded.entry.status, ...details },
        },
        tx,
      );
      return this.toView(principal, await this.load(principal, id, tx), tx);
    });
  }

  /** 409 when the state does not allow it (for those who could otherwise), 403 otherwise. */
  private refuse(loaded: Loaded, what: 'edit' | 'submit' | 'assign' | 'review' | 'archive'): never {
    const { entry } = loaded;
    const stateBlocks: Record<typeof what, boolean> = {
      edit: entry.status === 'archived',
      submit: entry.status !== 'draft',
      assign: entry.status !== 'draft' && entry.status !== 'in_review',
      review: entry.status !== 'in_review',
      archive: entry.status !== 'published',
    };
    if (stateBlocks[what] && loaded.rights.insider)
      throw conflict(`This cannot be done while the entry is ${entry.status.replace('_', ' ')}`, {
        status: entry.status,
      });
    throw forbidden(
      {
        edit: 'Only the author, the reviewers and the secretariat change this entry',
        submit: 'Only the author or the secretariat submit an entry for review',
        assign: "Reviewers are assigned by the secretariat or the related group's chair",
        review: 'Only the assigned reviewers and the secretariat publish or return an entry',
        archive: "The secretariat or the related group's chair archive entries",
      }[what],
    );
  }

  // ---- review queue ------------------------------------------------------------------------------------

  /** Entries in review assigned to me; the secretariat sees every entry in review. */
  async queue(principal: Principal): Promise<PracticeQueueResponse> {
    const all = principal.globalRole === GlobalRole.Secretariat;
    const rows: {
      id: string;
      status: PracticeEntity['status'];
      author_id: string | null;
      author_name: string | null;
      submitted_at: Date | null;
      updated_at: Date;
      title: string;
      reviewers: { userId: string; name: string }[] | null;
    }[] = await this.db.query(
      `SELECT p.id, p.status, p.author_id, a.display_name AS author_name, p.submitted_at, p.updated_at,
              t.title,
              (SELECT json_agg(json_build_object('userId', r.user_id, 'name', u.display_name) ORDER BY u.display_name)
                 FROM practice_reviewers r JOIN users u ON u.id = r.user_id WHERE r.practice_id = p.id) AS reviewers
         FROM practices p
         JOIN practice_translations t ON t.practice_id = p.id AND t.locale = p.original_locale
         LEFT JOIN users a ON a.id = p.author_id
        WHERE p.status = 'in_review'
          AND ($1 OR EXISTS (SELECT 1 FROM practice_reviewers r WHERE r.practice_id = p.id AND r.user_id = $2))
        ORDER BY p.submitted_at NULLS LAST, p.id
        LIMIT 200`,
      [all, principal.userId],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        author: r.author_id ? { userId: r.author_id, name: r.author_name ?? '' } : null,
        reviewers: r.reviewers ?? [],
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
    };
  }

  /**
   * People who may be assigned as reviewers (active council members, focal points, the secretariat), by name or
   * organisation; for those who assign reviewers: the secretariat and the chairs of any group.
   */
  async reviewerCandidates(principal: Principal, q: string): Promise<ReviewerCandidatesResponse> {
    const chairsAny = principal.memberships.some((m) => m.role === GroupRole.Chair || m.role === GroupRole.CoChair);
    if (principal.globalRole !== GlobalRole.Secretariat && !chairsAny)
      throw forbidden("Reviewers are chosen by the secretariat and the working groups' chairs");
    const text = q.trim().slice(0, 100);
    const rows: { id: string; display_name: string; country: CountryCode | null; organisation: string | null }[] =
      await this.db.query(
        `SELECT id, display_name, country, organisation FROM users
          WHERE status = $1 AND global_role = ANY($2::text[])
            AND ($3 = '' OR display_name ILIKE '%' || $3 || '%' OR organisation ILIKE '%' || $3 || '%')
          ORDER BY display_name LIMIT 20`,
        [
          UserStatus.Active,
          [GlobalRole.Secretariat, GlobalRole.Member, GlobalRole.FocalPoint],
          text.replace(/[%_\\]/g, '\\$&'),
        ],
      );
    return {
      people: rows.map((r) => ({
        userId: r.id,
        name: r.display_name,
        country: r.country,
        organisation: r.organisation,
      })),
    };
  }

  // ---- comments and endorsements ----------------------------------------------------------------------

  /** Review comments are seen by the entry's insiders only; discussion comments by every reader. */
  async comments(principal: Principal | null, id: string): Promise<PracticeCommentView[]> {
    const { rights } = await this.load(principal, id);
    const rows = await this.db.getRepository(PracticeCommentEntity).find({
      where: rights.insider ? { practiceId: id } : { practiceId: id, kind: 'discussion' },
      relations: { author: true },
      order: { createdAt: 'ASC' },
      take: 500,
    });
    return rows.map((c) => ({
      id: c.id,
      author: c.author ? { userId: c.author.id, name: c.author.displayName } : null,
      body: c.body,
      kind: c.kind,
      createdAt: c.createdAt.toISOString(),
    }));
  }

  async comment(principal: Principal, id: string, body: string): Promise<PracticeCommentView> {
    const text = body.trim();
    if (!text || text.length > PRACTICE_LIMITS.commentMax)
      throw new ValidationDomainException([
        { field: 'body', messages: [`must be 1 to ${PRACTICE_LIMITS.commentMax} characters`] },
      ]);
    const loaded = await this.load(principal, id);
    if (!loaded.rights.comment) {
      if (loaded.entry.status === 'archived') throw conflict('Archived entries are closed for comments');
      throw forbidden('You cannot comment on this entry');
    }
    const kind = loaded.entry.status === 'published' ? ('discussion' as const) : ('review' as const);
    const saved = await this.db
      .getRepository(PracticeCommentEntity)
      .save({ practiceId: id, authorId: principal.userId, kind, body: text });
    const author = await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [principal.userId]);
    return {
      id: saved.id,
      author: { userId: principal.userId, name: author[0]?.display_name ?? '' },
      body: saved.body,
      kind,
      createdAt: saved.createdAt.toISOString(),
    };
  }

  /** "Used this in my work": idempotent on and off. */
  async endorse(
    principal: Principal,
    id: string,
    on: boolean,
  ): Promise<{ endorsements: number; endorsedByMe: boolean }> {
    const loaded = await this.load(principal, id);
    if (!loaded.rights.endorse) {
      if (loaded.entry.authorId === principal.userId) throw forbidden('Authors do not endorse their own entries');
      throw conflict('Only published entries can be endorsed', { status: loaded.entry.status });
    }
    if (on)
      await this.db.query(
        `INSERT INTO practice_endorsements (practice_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [id, principal.userId],
      );
    else await this.db.getRepository(PracticeEndorsementEntity).delete({ practiceId: id, userId: principal.userId });
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM practice_endorsements WHERE practice_id = $1`,
      [id],
    );
    return { endorsements: rows[0]?.n ?? 0, endorsedByMe: on };
  }
}

interface RelatedRow {
  id: string;
  status: PracticeEntity['status'];
  visibility: PracticeVisibility | null;
  author_id: string | null;
  group_id: string | null;
  original_locale: PracticeLanguage;
  titles: Record<string, string> | null;
}

/** The entry's title in the reader's language, else the original's. */
function titleIn(view: PracticeView, locale: string): string {
  return (view.translations.find((t) => t.locale === locale) ?? view.translations[0])?.title ?? '';
}

export function reviewNotice(
  locale: string,
  what: 'assigned' | 'published' | 'returned',
  title: string,
  link: string,
): RenderedNotification {
  const ru = locale === 'ru';
  const text = {
    assigned: ru
      ? {
          title: `Практика на рецензию: ${title}`,
          body: 'Вас назначили рецензентом. Опубликуйте запись или верните её автору с замечанием.',
        }
      : {
          title: `Best practice to review: ${title}`,
          body: 'You have been asked to review this entry. Publish it, or return it to its author with a note.',
        },
    published: ru
      ? { title: `Практика опубликована: ${title}`, body: 'Рецензент опубликовал вашу запись в библиотеке.' }
      : { title: `Best practice published: ${title}`, body: 'A reviewer published your entry in the library.' },
    returned: ru
      ? {
          title: `Практика возвращена на доработку: ${title}`,
          body: 'Рецензент вернул запись с замечанием. Внесите правки и отправьте её снова.',
        }
      : {
          title: `Best practice returned: ${title}`,
          body: 'A reviewer returned your entry with a note. Make the changes and submit it again.',
        },
  }[what];
  return { ...text, link };
}
