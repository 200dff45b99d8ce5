import { JobsService } from '@kengash/api-core';
import { NotificationsService } from '@kengash/api-notifications';
import { NotificationKind, SessionStatus } from '@kengash/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { occurrences } from './recurrence/recurrence';
import { sessionMail } from './session-mail';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

export const REMINDER_JOB = 'session-reminder';
/** Reminders before each occurrence: 24 hours and 1 hour. */
export const REMINDER_OFFSETS = [
  { key: '24h', ms: 24 * 3_600_000 },
  { key: '1h', ms: 3_600_000 },
] as const;

interface ReminderJob {
  sessionId: string;
  occurrence: string; // ISO start of the occurrence
  offset: '24h' | '1h';
  sequence: number;
}

/**
 * Reminders run on the PostgreSQL job queue (pg-boss): one job per occurrence and offset, keyed so that
 * scheduling twice queues once, and handled by exactly one API instance. A job made stale by a later change
 * (its `sequence` is older than the session's) does nothing; the change queued fresh ones.
 */
@Injectable()
export class ReminderService implements OnModuleInit {
  private readonly logger = new Logger(ReminderService.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly sessions: SessionService,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<ReminderJob>(REMINDER_JOB, (job) => this.remind(job.data));
  }

  /** Queues the reminders of the session's next occurrence (after a create, a change, or a reminder). */
  async scheduleNext(sessionId: string, after: Date = new Date()): Promise<void> {
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id: sessionId });
    if (!session || session.status === SessionStatus.Cancelled) return;
    const next = occurrences(await this.sessions.spec(session), after, new Date(after.getTime() + 400 * 86_400_000))[0];
    if (!next) return;
    for (const offset of REMINDER_OFFSETS) {
      const at = new Date(next.startsAt.getTime() - offset.ms);
      if (at.getTime() < Date.now() - 60_000) continue;
      await this.jobs.send<ReminderJob>(
        REMINDER_JOB,
        { sessionId, occurrence: next.startsAt.toISOString(), offset: offset.key, sequence: session.sequence },
        {
          startAfter: at,
          singletonKey: `${sessionId}:${next.startsAt.toISOString()}:${offset.key}:${session.sequence}`,
        },
      );
    }
  }

  private async remind(job: ReminderJob): Promise<void> {
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id: job.sessionId });
    if (!session || session.status === SessionStatus.Cancelled || session.sequence !== job.sequence) return;
    const occurrence = new Date(job.occurrence);
    const invitees: string[] = (
      await this.db.query(`SELECT user_id FROM invitations WHERE session_id = $1 AND rsvp <> 'declined'`, [session.id])
    ).map((r: { user_id: string }) => r.user_id);
    await this.notifications.notify({
      userIds: invitees,
      kind: NotificationKind.SessionReminder,
      render: (r) => {
        const mail = sessionMail(
          NotificationKind.SessionReminder,
          session,
          r,
          `/sessions/${session.id}`,
          `/sessions/${session.id}`,
          occurrence,
        );
        return {
          title: mail.title,
          body: mail.summary,
          link: `/sessions/${session.id}`,
          email: { subject: mail.subject, text: mail.text },
        };
      },
    });
    this.logger.log({ sessionId: session.id, offset: job.offset }, 'Sent session reminders');
    if (job.offset === '1h') await this.scheduleNext(session.id, new Date(occurrence.getTime() + 1));
  }
}
