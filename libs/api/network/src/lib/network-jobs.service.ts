import { AuditService } from '@kengash/api-audit';
import { HttpConfig, JobsService, NetworkConfig } from '@kengash/api-core';
import { NotificationsService } from '@kengash/api-notifications';
import { GlobalRole, NotificationKind, UserStatus } from '@kengash/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { NetworkAnnouncementEntity } from './network-announcement.entity';
import { ANNOUNCEMENT_JOB, AnnouncementJob } from './network-announcements.service';
import { announcementNotice, revetReminder } from './network-life-mail';

export const REVET_REMINDER_JOB = 'network-revet-reminders';
export const PURGE_REJECTED_JOB = 'network-purge-rejected';
/** Daily, UTC: reminders at 05:00 (the region's morning), the purge at 02:30. */
export const REVET_REMINDER_CRON = '0 5 * * *';
export const PURGE_REJECTED_CRON = '30 2 * * *';
/** Members whose re-vetting falls within this many days (or is past) are reminded of. */
export const REVET_REMINDER_DAYS = 30;

export interface RevetReminderResult {
  /** Applications reminded of in this run (each due date once). */
  applicationIds: string[];
  overdue: number;
  upcoming: number;
  /** Secretariat accounts notified. */
  notified: number;
}

/**
 * The network's background work on the job queue (pg-boss): delivering announcements, the daily re-vetting
 * reminders to the secretariat, and the daily purge of old rejected applications. Each handler is a public
 * method, so tests run it directly and deterministically.
 */
@Injectable()
export class NetworkJobsService implements OnModuleInit {
  private readonly logger = new Logger(NetworkJobsService.name);
  private readonly publicUrl: string;
  private readonly purgeAfterDays: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<HttpConfig>('http').publicUrl.replace(/\/$/, '');
    this.purgeAfterDays = config.getOrThrow<NetworkConfig>('network').purgeRejectedAfterDays;
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.work<AnnouncementJob>(ANNOUNCEMENT_JOB, (job) =>
      this.deliverAnnouncement(job.data.announcementId).then(() => undefined),
    );
    await this.jobs.work(REVET_REMINDER_JOB, () => this.remindRevetting().then(() => undefined));
    await this.jobs.schedule(REVET_REMINDER_JOB, REVET_REMINDER_CRON);
    await this.jobs.work(PURGE_REJECTED_JOB, () => this.purgeRejected().then(() => undefined));
    await this.jobs.schedule(PURGE_REJECTED_JOB, PURGE_REJECTED_CRON);
  }

  /**
   * Sends one announcement to its recipients, each in their language and as their preferences say. The
   * announcement is claimed first (`delivered_at`), so a retried or duplicated job does not send it twice; the
   * list of recipients is then cleared (the count stays). Returns how many people it was handed to.
   */
  async deliverAnnouncement(id: string): Promise<number> {
    const claimed: { id: string }[] = await this.db.query(
      `UPDATE network_announcements SET delivered_at = now() WHERE id = $1 AND delivered_at IS NULL RETURNING id`,
      [id],
    );
    const claimedRow = Array.isArray(claimed[0]) ? (claimed[0] as { id: string }[]) : claimed;
    if (!claimedRow.length) return 0;
    const a = await this.db.getRepository(NetworkAnnouncementEntity).findOneByOrFail({ id });
    const link = `${this.publicUrl}/network/announcements`;
    await this.notifications.notify({
      userIds: a.recipientIds,
      kind: NotificationKind.NetworkAnnouncement,
      render: (r) => ({
        ...announcementNotice(a.title, a.body, r.locale, r.displayName, link),
        link: '/network/announcements',
      }),
    });
    await this.db.getRepository(NetworkAnnouncementEntity).update({ id }, { recipientIds: [] });
    this.logger.log({ announcementId: id, recipients: a.recipientIds.length }, 'Announcement delivered');
    return a.recipientIds.length;
  }

  /**
   * Accepted members whose re-vetting is due within `REVET_REMINDER_DAYS` days or is past, and whose current due
   * date was not reminded of yet, are marked reminded (`revet_reminded_for` = that date) and every active
   * secretariat account gets one notification with the counts and a link — no names. A new due date (set after
   * re-vetting) is reminded of again when it comes near.
   */
  async remindRevetting(now: Date = new Date()): Promise<RevetReminderResult> {
    const today = DateTime.fromJSDate(now, { zone: 'utc' }).toISODate() as string;
    const horizon = DateTime.fromJSDate(now, { zone: 'utc' }).plus({ days: REVET_REMINDER_DAYS }).toISODate();
    const due = await this.db.transaction(async (tx) => {
      const rows: { id: string; revet_due: string; overdue: boolean }[] = await tx.query(
        `SELECT id, to_char(revet_due, 'YYYY-MM-DD') AS revet_due, revet_due < $2::date AS overdue
           FROM network_applications
          WHERE status = 'accepted' AND revet_due IS NOT NULL AND revet_due <= $1::date
            AND revet_reminded_for IS DISTINCT FROM revet_due
          ORDER BY revet_due, id
          FOR UPDATE SKIP LOCKED`,
        [horizon, today],
      );
      if (!rows.length) return rows;
      await tx.query(`UPDATE network_applications SET revet_reminded_for = revet_due WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      await this.audit.record(
        {
          action: 'network.revet_reminders_sent',
          targetType: 'network_application',
          details: { applications: rows.length, overdue: rows.filter((r) => r.overdue).length },
        },
        tx,
      );
      return rows;
    });
    const counts = { overdue: due.filter((r) => r.overdue).length, upcoming: due.filter((r) => !r.overdue).length };
    if (!due.length) return { applicationIds: [], ...counts, notified: 0 };
    const secretariat: { id: string }[] = await this.db.query(
      `SELECT id FROM users WHERE global_role = $1 AND status = $2`,
      [GlobalRole.Secretariat, UserStatus.Active],
    );
    const link = `${this.publicUrl}/network/queue?status=accepted`;
    await this.notifications.notify({
      userIds: secretariat.map((s) => s.id),
      kind: NotificationKind.NetworkRevetDue,
      render: (r) => ({
        ...revetReminder(r.locale, r.displayName, counts, link),
        link: '/network/queue?status=accepted',
      }),
    });
    this.logger.log({ applications: due.length }, 'Re-vetting reminders sent');
    return { applicationIds: due.map((r) => r.id), ...counts, notified: secretariat.length };
  }

  /**
   * Deletes applications rejected more than NETWORK_PURGE_REJECTED_AFTER_DAYS days ago (data minimisation). The
   * audit records how many, never who. Returns the number deleted.
   */
  async purgeRejected(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.purgeAfterDays * 86_400_000);
    return this.db.transaction(async (tx) => {
      const deleted: { id: string }[] = await tx.query(
        `DELETE FROM network_applications WHERE status = 'rejected' AND decided_at < $1 RETURNING id`,
        [cutoff],
      );
      const rows = Array.isArray(deleted[0]) ? (deleted[0] as { id: string }[]) : deleted;
      if (rows.length)
        await this.audit.record(
          {
            action: 'network.rejected_applications_purged',
            targetType: 'network_application',
            details: { count: rows.length, olderThanDays: this.purgeAfterDays },
          },
          tx,
        );
      if (rows.length) this.logger.log({ count: rows.length }, 'Purged old rejected network applications');
      return rows.length;
    });
  }
}
