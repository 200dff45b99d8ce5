import { ActionsConfig, HttpConfig, JobsService } from '@kengash/api-core';
import { NotificationRecipient, NotificationsService, RenderedNotification } from '@kengash/api-notifications';
import { LocalizedText, NotificationKind, OPEN_ACTION_STATUSES, pickText } from '@kengash/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

export const ACTION_REMINDER_JOB = 'actions.reminders';
/** The owner hears this many days before the due date (on their own calendar). */
export const DUE_SOON_DAYS = 2;

export type ActionReminderKind = 'due' | 'overdue';

interface SweepJob {
  /** The slot this run belongs to: floor(epoch ms / interval). */
  slot: number;
}

interface ClaimedRow {
  id: string;
  title: string;
  owner_id: string;
  due_date: string;
  group_name: LocalizedText;
  group_slug: string;
}

const TEXTS = {
  en: {
    due: {
      title: (t: string) => `Action item due soon: ${t}`,
      body: (t: string, group: string, date: string) => `“${t}” (${group}) is due on ${date}.`,
      subject: (date: string) => `Kengash: an action item of yours is due on ${date}`,
    },
    overdue: {
      title: (t: string) => `Action item overdue: ${t}`,
      body: (t: string, group: string, date: string) => `“${t}” (${group}) was due on ${date} and is still open.`,
      subject: () => 'Kengash: an action item of yours is overdue',
    },
    greeting: (name: string) => `Hello ${name},`,
    footer: 'Update its status in Kengash when it is done, or ask the chair of the group to change the due date.',
  },
  ru: {
    due: {
      title: (t: string) => `Срок поручения подходит: ${t}`,
      body: (t: string, group: string, date: string) => `«${t}» (${group}): срок выполнения — ${date}`,
      subject: (date: string) => `Kengash: срок вашего поручения — ${date}`,
    },
    overdue: {
      title: (t: string) => `Поручение просрочено: ${t}`,
      body: (t: string, group: string, date: string) => `«${t}» (${group}): срок истёк ${date}, поручение не закрыто.`,
      subject: () => 'Kengash: ваше поручение просрочено',
    },
    greeting: (name: string) => `Здравствуйте, ${name}!`,
    footer: 'Когда поручение выполнено, обновите его статус в Kengash; перенести срок может председатель группы.',
  },
} as const;

/** The reminder to an action item's owner, in their language. */
export function renderActionReminder(
  kind: ActionReminderKind,
  item: { title: string; dueDate: string; groupName: LocalizedText; link: string },
  recipient: Pick<NotificationRecipient, 'locale' | 'displayName'>,
  publicUrl: string,
): RenderedNotification {
  const locale = recipient.locale === 'ru' ? 'ru' : 'en';
  const t = TEXTS[locale];
  const date = DateTime.fromISO(item.dueDate).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  const group = pickText(item.groupName, locale);
  const body = t[kind].body(item.title, group, date);
  return {
    title: t[kind].title(item.title),
    body,
    link: item.link,
    email: {
      subject: t[kind].subject(date),
      text: [t.greeting(recipient.displayName), body, new URL(item.link, publicUrl).toString(), t.footer].join('\n\n'),
    },
  };
}

/**
 * Reminders to owners of open action items: two days before the due date and once it is overdue, each once.
 * A sweep runs every ACTION_REMINDER_INTERVAL_SECONDS on the job queue: one job per time slot, keyed by the
 * slot so that however many instances queue it, it is queued and run once; each run queues the next slot
 * first. Every reminder is claimed (`UPDATE … WHERE reminded_*_at IS NULL … RETURNING`) in the transaction
 * that notifies, so overlapping sweeps send it once; a failure rolls the claim back and the next sweep retries.
 * "Due" and "overdue" are judged on the owner's calendar (their time zone).
 */
@Injectable()
export class ActionReminderService implements OnModuleInit {
  private readonly logger = new Logger(ActionReminderService.name);
  private readonly intervalMs: number;
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    config: ConfigService,
  ) {
    this.intervalMs = config.getOrThrow<ActionsConfig>('actions').reminderIntervalSeconds * 1000;
    this.publicUrl = config.getOrThrow<HttpConfig>('http').publicUrl;
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.work<SweepJob>(ACTION_REMINDER_JOB, async (job) => {
      await this.queueNext(job.data.slot);
      await this.sweep();
    });
    await this.queueNext();
  }

  /** Queues the sweep of the next slot (after `after`, when a run of that slot is what asks). */
  private async queueNext(after = -1): Promise<void> {
    const slot = Math.max(Math.floor(Date.now() / this.intervalMs) + 1, after + 1);
    await this.jobs.send<SweepJob>(
      ACTION_REMINDER_JOB,
      { slot },
      { startAfter: new Date(slot * this.intervalMs), singletonKey: `slot:${slot}`, retryLimit: 1 },
    );
  }

  /** Sends the reminders due at `now`; returns how many were claimed. */
  async sweep(now: Date = new Date()): Promise<number> {
    let sent = 0;
    for (const kind of ['overdue', 'due'] as const) {
      const due = this.condition(kind);
      const candidates: { id: string }[] = await this.db.query(
        `SELECT a.id FROM action_items a JOIN users u ON u.id = a.owner_id
          WHERE a.status = ANY($1::text[]) AND ${due.sql}
          ORDER BY a.due_date, a.id LIMIT 500`,
        [OPEN_ACTION_STATUSES, now, ...due.params],
      );
      for (const { id } of candidates) {
        try {
          if (await this.remind(kind, id, now)) sent++;
        } catch (err) {
          this.logger.error({ err, actionItemId: id, kind }, 'Could not send an action-item reminder');
        }
      }
    }
    if (sent) this.logger.log({ count: sent }, 'Sent action-item reminders');
    return sent;
  }

  /**
   * Not reminded of this kind yet, and due on the owner's calendar: `$2` is now; for "due", `$3` is how many
   * days ahead (the parameter is passed only then).
   */
  private condition(kind: ActionReminderKind): { sql: string; params: unknown[] } {
    const today = `(($2::timestamptz) AT TIME ZONE u.time_zone)::date`;
    return kind === 'due'
      ? {
          sql: `a.reminded_due_at IS NULL AND a.due_date >= ${today} AND a.due_date <= ${today} + $3::int`,
          params: [DUE_SOON_DAYS],
        }
      : { sql: `a.reminded_overdue_at IS NULL AND a.due_date < ${today}`, params: [] };
  }

  private remind(kind: ActionReminderKind, id: string, now: Date): Promise<boolean> {
    const column = kind === 'due' ? 'reminded_due_at' : 'reminded_overdue_at';
    const due = this.condition(kind);
    const idParam = `$${3 + due.params.length}`;
    return this.db.transaction(async (tx) => {
      // node-postgres answers an UPDATE with [rows, count] through TypeORM.
      const [claimed] = (await tx.query(
        `UPDATE action_items a SET ${column} = $2
           FROM users u, working_groups g
          WHERE a.id = ${idParam} AND u.id = a.owner_id AND g.id = a.group_id
            AND a.status = ANY($1::text[]) AND ${due.sql}
          RETURNING a.id, a.title, a.owner_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
                    g.name AS group_name, g.slug AS group_slug`,
        [OPEN_ACTION_STATUSES, now, ...due.params, id],
      )) as [ClaimedRow[], number];
      const row = claimed[0];
      if (!row) return false;
      const link = `/groups/${row.group_slug}?action=${row.id}`;
      await this.notifications.notify({
        userIds: [row.owner_id],
        kind: NotificationKind.ActionItemDue,
        render: (r) =>
          renderActionReminder(
            kind,
            { title: row.title, dueDate: row.due_date, groupName: row.group_name, link },
            r,
            this.publicUrl,
          ),
      });
      return true;
    });
  }
}
