import { HttpConfig, JobsService, MailService } from '@kengash/api-core';
import { NotificationKind, UserStatus } from '@kengash/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from './notification.entity';
import { delivery, digestDue, mergeChannels, NOTIFICATION_KINDS } from './preferences';

export const DIGEST_JOB = 'notifications.daily-digest';
/** Every 15 minutes: zones with :30 and :45 offsets reach 08:xx too, and a missed run is made up. */
export const DIGEST_CRON = '*/15 * * * *';

interface CandidateRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
  last_digest_at: Date | null;
}

interface DigestLine {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
}

const TEXTS = {
  en: {
    subject: (n: number) => `Kengash: ${n} new notification${n === 1 ? '' : 's'}`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'Here is what happened since your last digest:',
    footer: 'You receive one e-mail a day because the daily digest is on in your notification settings.',
  },
  ru: {
    subject: (n: number) => `Kengash: новые уведомления (${n})`,
    greeting: (name: string) => `Здравствуйте, ${name}!`,
    intro: 'Вот что произошло после предыдущей сводки:',
    footer: 'Вы получаете одно письмо в день, потому что в настройках уведомлений включена ежедневная сводка.',
  },
} as const;

/** Subject and text of one digest, in the person's language (English unless Russian). */
export function renderDigest(
  locale: string,
  displayName: string,
  lines: Pick<DigestLine, 'title' | 'body' | 'link'>[],
  publicUrl: string,
): { subject: string; text: string } {
  const t = locale === 'ru' ? TEXTS.ru : TEXTS.en;
  const items = lines.map((l) =>
    [`• ${l.title}`, `  ${l.body}`, ...(l.link ? [`  ${new URL(l.link, publicUrl).toString()}`] : [])].join('\n'),
  );
  return {
    subject: t.subject(lines.length),
    text: [t.greeting(displayName), t.intro, ...items, t.footer].join('\n\n'),
  };
}

/**
 * The daily digest: a recurring job (every 15 minutes, any instance) finds people with the digest on whose
 * local time is 08:xx, who got none yet on their local today and have unread notifications waiting for
 * e-mail; each gets one e-mail listing them. The person's preferences row is claimed (`last_digest_at`)
 * inside the transaction that sends, so overlapping runs and instances send it once; a failed send rolls
 * the claim back and the next run tries again.
 */
@Injectable()
export class DigestService implements OnModuleInit {
  private readonly logger = new Logger(DigestService.name);
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<HttpConfig>('http').publicUrl;
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.work(DIGEST_JOB, () => this.run().then(() => undefined));
    await this.jobs.schedule(DIGEST_JOB, DIGEST_CRON);
  }

  /** Sends the digests due at `now`; returns the ids of the people who got one. */
  async run(now: Date = new Date()): Promise<string[]> {
    const candidates = await this.db.query<CandidateRow[]>(
      `SELECT p.user_id, u.email, u.display_name, u.locale, u.time_zone, p.last_digest_at
         FROM notification_preferences p JOIN users u ON u.id = p.user_id
        WHERE p.daily_digest AND u.status = $1
          AND EXISTS (SELECT 1 FROM notifications n
                       WHERE n.user_id = p.user_id AND n.read_at IS NULL AND n.email_sent_at IS NULL
                         AND n.created_at > COALESCE(p.last_digest_at, $2::timestamptz - interval '1 day'))`,
      [UserStatus.Active, now],
    );
    const sent: string[] = [];
    for (const c of candidates) {
      const startOfDay = digestDue(now, c.time_zone, c.last_digest_at);
      if (!startOfDay) continue;
      try {
        if (await this.sendOne(c, startOfDay, now)) sent.push(c.user_id);
      } catch (err) {
        this.logger.error({ err, userId: c.user_id }, 'Could not send a daily digest');
      }
    }
    if (sent.length) this.logger.log({ count: sent.length }, 'Sent daily digests');
    return sent;
  }

  private sendOne(c: CandidateRow, startOfDay: Date, now: Date): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      // The claim: a concurrent run waits on this row and then finds the digest already sent today.
      const claimed = await manager.query<
        { channels: NotificationPreferenceEntity['channels']; last_digest_at: Date | null }[]
      >(
        `SELECT channels, last_digest_at FROM notification_preferences
          WHERE user_id = $1 AND daily_digest AND (last_digest_at IS NULL OR last_digest_at < $2)
          FOR UPDATE`,
        [c.user_id, startOfDay],
      );
      if (!claimed.length) return false;
      const channels = mergeChannels(claimed[0].channels);
      const kinds = NOTIFICATION_KINDS.filter((k) => delivery({ channels, dailyDigest: true }, k).emailInDigest);
      const lines = await manager.query<DigestLine[]>(
        `SELECT id, kind, title, body, link, created_at FROM notifications
          WHERE user_id = $1 AND read_at IS NULL AND email_sent_at IS NULL AND kind = ANY($2::text[])
            AND created_at > $3 AND created_at <= $4
          ORDER BY created_at, id LIMIT 100`,
        [c.user_id, kinds, claimed[0].last_digest_at ?? new Date(now.getTime() - 86_400_000), now],
      );
      if (!lines.length) return false;
      const { subject, text } = renderDigest(c.locale, c.display_name, lines, this.publicUrl);
      await manager.query(`UPDATE notifications SET email_sent_at = $2 WHERE id = ANY($1::uuid[])`, [
        lines.map((l) => l.id),
        now,
      ]);
      await manager.query(`UPDATE notification_preferences SET last_digest_at = $2 WHERE user_id = $1`, [
        c.user_id,
        now,
      ]);
      await this.mail.send({ to: c.email, subject, text });
      return true;
    });
  }
}
