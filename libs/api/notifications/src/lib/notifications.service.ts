import { MailAttachment, MailService, NotFoundDomainException } from '@kengash/api-core';
import { NotificationKind, NotificationListResponse, NotificationView, UserStatus } from '@kengash/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { NotificationBusService } from './notification-bus.service';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { delivery, mergeChannels } from './preferences';

/** Whom a notification is for, so the caller can write it in their language and time zone. */
export interface NotificationRecipient {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string;
}

export interface RenderedNotification {
  title: string;
  body: string;
  /** App-relative link such as `/sessions/…`. */
  link?: string;
  /** The e-mail; without it, one is made of the title, body and link. */
  email?: { subject: string; text: string; attachments?: MailAttachment[] };
}

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  render: (recipient: NotificationRecipient) => RenderedNotification;
}

interface RecipientRow {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
}

export function toNotificationView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly bus: NotificationBusService,
  ) {}

  /**
   * Tells each active person among `userIds` (duplicates ignored) about something, as their preferences say:
   * an in-app row (pushed live), an e-mail now, or a line in tomorrow's daily digest. A failed e-mail is
   * logged and does not stop the others.
   */
  async notify(input: NotifyInput): Promise<void> {
    const ids = [...new Set(input.userIds)];
    if (!ids.length) return;
    const recipients = await this.db.query<RecipientRow[]>(
      `SELECT id, email, display_name, locale, time_zone FROM users WHERE id = ANY($1::uuid[]) AND status = $2`,
      [ids, UserStatus.Active],
    );
    if (!recipients.length) return;
    const stored = await this.db
      .getRepository(NotificationPreferenceEntity)
      .createQueryBuilder('p')
      .where('p.user_id = ANY(:ids)', { ids: recipients.map((r) => r.id) })
      .getMany();
    const prefsByUser = new Map(stored.map((p) => [p.userId, p]));

    for (const row of recipients) {
      const recipient: NotificationRecipient = {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        locale: row.locale,
        timeZone: row.time_zone,
      };
      const pref = prefsByUser.get(row.id);
      const how = delivery(
        { channels: mergeChannels(pref?.channels), dailyDigest: pref?.dailyDigest ?? false },
        input.kind,
      );
      if (!how.inApp && !how.emailNow && !how.emailInDigest) continue;
      try {
        await this.deliver(recipient, input.kind, input.render(recipient), how);
      } catch (err) {
        this.logger.error({ err, userId: row.id, kind: input.kind }, 'Could not deliver a notification');
      }
    }
  }

  private async deliver(
    recipient: NotificationRecipient,
    kind: NotificationKind,
    rendered: RenderedNotification,
    how: ReturnType<typeof delivery>,
  ): Promise<void> {
    const repo = this.db.getRepository(NotificationEntity);
    const saved =
      how.inApp || how.emailInDigest
        ? await repo.save(
            repo.create({
              userId: recipient.id,
              kind,
              title: rendered.title,
              body: rendered.body,
              link: rendered.link ?? null,
              inApp: how.inApp,
              readAt: null,
              emailSentAt: null,
            }),
          )
        : null;
    if (saved && how.inApp) this.bus.publish({ userId: recipient.id, notification: toNotificationView(saved) });
    if (!how.emailNow) return;
    const email = rendered.email ?? {
      subject: rendered.title,
      text: [rendered.body, rendered.link ?? ''].filter(Boolean).join('\n\n'),
    };
    await this.mail.send({
      to: recipient.email,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments,
    });
    if (saved) await repo.update({ id: saved.id }, { emailSentAt: new Date() });
  }

  /** The person's in-app notifications, newest first, with the number still unread. */
  async list(userId: string, options: { unread?: boolean; limit?: number } = {}): Promise<NotificationListResponse> {
    const repo = this.db.getRepository(NotificationEntity);
    const query = repo
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.in_app', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(options.limit ?? 50);
    if (options.unread) query.andWhere('n.read_at IS NULL');
    const [items, unread] = await Promise.all([
      query.getMany(),
      repo
        .createQueryBuilder('n')
        .where('n.user_id = :userId AND n.in_app AND n.read_at IS NULL', { userId })
        .getCount(),
    ]);
    return { items: items.map(toNotificationView), unread };
  }

  /** Marks one of the person's notifications read (again is fine); someone else's answers 404. */
  async markRead(userId: string, id: string): Promise<void> {
    const repo = this.db.getRepository(NotificationEntity);
    if (!(await repo.exists({ where: { id, userId, inApp: true } })))
      throw new NotFoundDomainException('The notification');
    await repo.update({ id, readAt: IsNull() }, { readAt: () => 'now()' });
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND in_app AND read_at IS NULL`, [
      userId,
    ]);
  }
}
