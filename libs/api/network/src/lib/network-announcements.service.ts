import { AuditService } from '@kengash/api-audit';
import { DomainException, JobsService } from '@kengash/api-core';
import { Principal, UserEntity } from '@kengash/api-identity';
import { AnnouncementListResponse, AnnouncementView, ErrorCode, GlobalRole, UserStatus } from '@kengash/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LocalisedText, NetworkAnnouncementEntity } from './network-announcement.entity';
import { announcementSchema } from './network-life-input';
import { localised } from './network-life-mail';
import { parse } from './network-input';

export const ANNOUNCEMENT_JOB = 'network-announcement';

/**
 * Who receives an announcement: every active network member — an active account with the practitioner role (a
 * suspended or departed member's account is disabled, and an accepted applicant counts once their account is
 * active) — and the people who run the network: the secretariat and the national focal points.
 */
export const ANNOUNCEMENT_RECIPIENT_ROLES: readonly GlobalRole[] = [
  GlobalRole.Practitioner,
  GlobalRole.FocalPoint,
  GlobalRole.Secretariat,
];
const POSTERS: readonly GlobalRole[] = [GlobalRole.Secretariat, GlobalRole.Admin];
/** Who reads the announcements: the network and the council. Observers are not part of the network. */
const READERS: readonly GlobalRole[] = [
  GlobalRole.Practitioner,
  GlobalRole.Member,
  GlobalRole.FocalPoint,
  GlobalRole.Secretariat,
  GlobalRole.Admin,
];

export interface AnnouncementJob {
  announcementId: string;
}

/**
 * Announcements of the secretariat to the network. Posting stores the announcement with its recipients and
 * queues its delivery on the job queue (pg-boss), so the request does not wait for hundreds of e-mails; the
 * delivery itself is `NetworkJobsService.deliverAnnouncement`.
 */
@Injectable()
export class NetworkAnnouncementsService {
  private readonly logger = new Logger(NetworkAnnouncementsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async create(p: Principal, body: unknown, ip: string | null): Promise<AnnouncementView> {
    if (!POSTERS.includes(p.globalRole))
      throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat sends announcements to the network');
    const input = parse(announcementSchema, body);
    const title: LocalisedText = { en: input.title.en, ...(input.title.ru ? { ru: input.title.ru } : {}) };
    const text: LocalisedText = { en: input.body.en, ...(input.body.ru ? { ru: input.body.ru } : {}) };
    const saved = await this.db.transaction(async (tx) => {
      const recipients = await tx.getRepository(UserEntity).find({
        select: { id: true },
        where: { status: UserStatus.Active, globalRole: In([...ANNOUNCEMENT_RECIPIENT_ROLES]) },
      });
      const repo = tx.getRepository(NetworkAnnouncementEntity);
      const row = await repo.save(
        repo.create({
          title,
          body: text,
          authorId: p.userId,
          recipientIds: recipients.map((r) => r.id),
          recipients: recipients.length,
          deliveredAt: null,
          demo: false,
        }),
      );
      await this.audit.record(
        {
          actorId: p.userId,
          action: 'network.announcement_posted',
          targetType: 'network_announcement',
          targetId: row.id,
          details: { recipients: row.recipients, languages: Object.keys(title) },
          ip,
        },
        tx,
      );
      return row;
    });
    try {
      await this.jobs.send<AnnouncementJob>(
        ANNOUNCEMENT_JOB,
        { announcementId: saved.id },
        { singletonKey: saved.id, retryLimit: 2, retryDelaySeconds: 30 },
      );
    } catch (err) {
      // Stored and audited; the delivery can be queued again by an operator. Never a 500 for the author.
      this.logger.error({ err, announcementId: saved.id }, 'Could not queue the delivery of an announcement');
    }
    return this.view(await this.load(saved.id), await this.localeOf(p.userId), p);
  }

  async list(p: Principal): Promise<AnnouncementListResponse> {
    if (!READERS.includes(p.globalRole))
      throw new DomainException(ErrorCode.Forbidden, 'Announcements are for the network and the council');
    const locale = await this.localeOf(p.userId);
    const rows = await this.db.getRepository(NetworkAnnouncementEntity).find({
      relations: { author: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    return { announcements: rows.map((r) => this.view(r, locale, p)) };
  }

  private load(id: string): Promise<NetworkAnnouncementEntity> {
    return this.db
      .getRepository(NetworkAnnouncementEntity)
      .findOneOrFail({ where: { id }, relations: { author: true } });
  }

  private async localeOf(userId: string): Promise<string> {
    return (await this.db.getRepository(UserEntity).findOne({ where: { id: userId } }))?.locale ?? 'en';
  }

  private view(a: NetworkAnnouncementEntity, locale: string, p: Principal): AnnouncementView {
    const title = localised(a.title, locale);
    const view: AnnouncementView = {
      id: a.id,
      title: title.text,
      body: localised(a.body, title.locale).text,
      locale: title.locale,
      author: a.author ? { id: a.author.id, displayName: a.author.displayName } : null,
      createdAt: a.createdAt.toISOString(),
    };
    if (p.globalRole === GlobalRole.Secretariat) view.recipients = a.recipients;
    return view;
  }
}
