import { AUDIT_ENTITIES, AuditService } from '@kengash/api-audit';
import { JobsService, MailService } from '@kengash/api-core';
import { IDENTITY_ENTITIES, UserEntity } from '@kengash/api-identity';
import { NOTIFICATION_ENTITIES, NotificationBusService, NotificationsService } from '@kengash/api-notifications';
import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import { ApplicationStatus, GlobalRole, UserStatus } from '@kengash/contracts';
import type { ConfigService } from '@nestjs/config';
import { simpleParser } from 'mailparser';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NetworkAnnouncementEntity } from './network-announcement.entity';
import { NetworkApplicationEntity } from './network-application.entity';
import { NetworkJobsService } from './network-jobs.service';

const DAY = 86_400_000;

/**
 * The network's jobs on a real PostgreSQL with every migration, mail over a real SMTP server: the purge of old
 * rejected applications, the re-vetting reminders (once per due date), and the delivery of an announcement.
 * The handlers are called directly (the queue only decides when they run).
 */
jest.setTimeout(60_000);

describe('NetworkJobsService on a real PostgreSQL, mail over real SMTP', () => {
  let db: MigratedDatabase;
  let smtp: SMTPServer;
  let sut: NetworkJobsService;
  let mail: MailService;
  const inbox: { to: string[]; subject: string; text: string }[] = [];
  const now = new Date('2026-11-30T06:00:00Z');
  let n = 0;

  const settle = async (count: number) => {
    const deadline = Date.now() + 3_000;
    while (inbox.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
  };

  const person = (key: string, globalRole: GlobalRole, extra: Partial<UserEntity> = {}) =>
    db.dataSource.getRepository(UserEntity).save({
      email: `${key}.${n++}@example.org`,
      displayName: `Person ${key}`,
      globalRole,
      status: UserStatus.Active,
      ...extra,
    });

  const application = (
    status: ApplicationStatus,
    extra: Partial<NetworkApplicationEntity> = {},
  ): Promise<NetworkApplicationEntity> =>
    db.dataSource.getRepository(NetworkApplicationEntity).save({
      status,
      name: `Applicant ${n}`,
      email: `applicant.${n++}@example.org`,
      locale: 'en',
      role: 'Psychologist',
      organisationType: 'ngo',
      organisationName: 'Centre (test)',
      country: 'KZ',
      region: 'Almaty',
      languages: ['ru'],
      expertise: ['psychosocial_support'],
      motivation: 'Working with families after their return.',
      consentVersion: '2024-11',
      consentAt: new Date(now.getTime() - 900 * DAY),
      statusTokenHash: randomBytes(16).toString('hex'),
      formNonce: null,
      ...extra,
    } as NetworkApplicationEntity);

  const isoDay = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const exists = async (id: string) =>
    (await db.dataSource.getRepository(NetworkApplicationEntity).countBy({ id })) === 1;
  const audits = (action: string) =>
    db.dataSource.query(`SELECT details FROM audit_events WHERE action = $1 ORDER BY seq`, [action]) as Promise<
      { details: Record<string, unknown> }[]
    >;

  beforeAll(async () => {
    db = await createMigratedDatabase('network_jobs', [
      ...IDENTITY_ENTITIES,
      ...NOTIFICATION_ENTITIES,
      ...AUDIT_ENTITIES,
      NetworkApplicationEntity,
      NetworkAnnouncementEntity,
    ]);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        void simpleParser(stream).then((m) => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: m.subject ?? '',
            text: m.text ?? '',
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
    const port = (smtp.server.address() as AddressInfo).port;
    mail = new MailService({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Kengash <noreply@kengash.example>' });
    const notifications = new NotificationsService(db.dataSource, mail, new NotificationBusService());
    const sections: Record<string, unknown> = {
      http: { publicUrl: 'https://kengash.example' },
      network: { purgeRejectedAfterDays: 365 },
    };
    const config = { getOrThrow: (key: string) => sections[key] } as unknown as ConfigService;
    // The queue is not started here: the handlers are called directly.
    sut = new NetworkJobsService(
      db.dataSource,
      null as unknown as JobsService,
      notifications,
      new AuditService(db.dataSource),
      config,
    );
  }, 60_000);

  afterAll(async () => {
    await mail?.onModuleDestroy();
    await new Promise<void>((res) => smtp?.close(() => res()));
    await db?.close();
  });

  it('purges only applications rejected longer ago than the configured time, and audits a count', async () => {
    const old = await application('rejected', { decidedAt: new Date(now.getTime() - 400 * DAY) });
    const recent = await application('rejected', { decidedAt: new Date(now.getTime() - 100 * DAY) });
    const oldAccepted = await application('accepted', { decidedAt: new Date(now.getTime() - 800 * DAY) });
    const oldSubmitted = await application('submitted', { createdAt: new Date(now.getTime() - 800 * DAY) });
    const oldLeft = await application('left', { decidedAt: new Date(now.getTime() - 800 * DAY) });

    expect(await sut.purgeRejected(now)).toBe(1);
    expect(await exists(old.id)).toBe(false);
    for (const kept of [recent, oldAccepted, oldSubmitted, oldLeft]) expect(await exists(kept.id)).toBe(true);
    const [audit] = await audits('network.rejected_applications_purged');
    expect(audit.details).toEqual({ count: 1, olderThanDays: 365 });
    expect(JSON.stringify(audit.details)).not.toContain(old.email);

    // Nothing left to purge: nothing deleted, nothing audited.
    expect(await sut.purgeRejected(now)).toBe(0);
    expect(await audits('network.rejected_applications_purged')).toHaveLength(1);
  });

  it('reminds the secretariat once per due date of members due within 30 days or overdue, without names', async () => {
    const secretariat = await person('secretariat', GlobalRole.Secretariat, { locale: 'ru' });
    const formerSecretariat = await person('former', GlobalRole.Secretariat, { status: UserStatus.Disabled });
    const practitioner = await person('practitioner', GlobalRole.Practitioner);
    const soon = await application('accepted', { revetDue: isoDay(10) });
    const overdue = await application('accepted', { revetDue: isoDay(-5) });
    const later = await application('accepted', { revetDue: isoDay(60) });
    const suspended = await application('suspended', { revetDue: isoDay(5) });
    inbox.length = 0;

    const first = await sut.remindRevetting(now);
    expect(first.applicationIds.sort()).toEqual([soon.id, overdue.id].sort());
    expect(first).toMatchObject({ overdue: 1, upcoming: 1, notified: 1 });
    await settle(1);
    expect(inbox.map((m) => m.to)).toEqual([[secretariat.email]]);
    expect(inbox[0].subject).toBe('Повторная проверка участников сети: 2');
    expect(inbox[0].text).toContain('https://kengash.example/network/queue?status=accepted');
    for (const a of [soon, overdue]) {
      expect(inbox[0].text).not.toContain(a.name);
      expect(inbox[0].text).not.toContain(a.email);
    }
    const rows: { user_id: string; kind: string; body: string }[] = await db.dataSource.query(
      `SELECT user_id, kind, body FROM notifications WHERE kind = 'network_revet_due'`,
    );
    expect(rows.map((r) => r.user_id)).toEqual([secretariat.id]);
    expect(rows.map((r) => r.user_id)).not.toContain(formerSecretariat.id);
    expect(rows.map((r) => r.user_id)).not.toContain(practitioner.id);

    // The next day: the same due dates are not reminded of again.
    const second = await sut.remindRevetting(new Date(now.getTime() + DAY));
    expect(second.applicationIds).toEqual([]);
    await settle(2);
    expect(inbox).toHaveLength(1);

    // Re-vetted: a new due date, which in time comes near and is reminded of once.
    await db.dataSource.getRepository(NetworkApplicationEntity).update({ id: soon.id }, { revetDue: isoDay(400) });
    expect((await sut.remindRevetting(new Date(now.getTime() + 380 * DAY))).applicationIds).toEqual(
      expect.arrayContaining([soon.id]),
    );
    expect((await sut.remindRevetting(new Date(now.getTime() + 381 * DAY))).applicationIds).not.toContain(soon.id);
    const stored = await db.dataSource.getRepository(NetworkApplicationEntity).findOneByOrFail({ id: soon.id });
    expect(stored.revetRemindedFor).toBe(isoDay(400));
    // The suspended member and the one due later were never part of a reminder for their dates before then.
    const untouched = await db.dataSource.getRepository(NetworkApplicationEntity).findOneByOrFail({ id: suspended.id });
    expect(untouched.revetRemindedFor).toBeNull();
    expect(later.revetDue).toBe(isoDay(60));
    expect(await audits('network.revet_reminders_sent')).not.toHaveLength(0);
  });

  it('delivers an announcement once, in each person’s language, then forgets the list of recipients', async () => {
    const ru = await person('kamola', GlobalRole.Practitioner, { locale: 'ru' });
    const en = await person('aliya', GlobalRole.Practitioner, { locale: 'en' });
    const repo = db.dataSource.getRepository(NetworkAnnouncementEntity);
    const a = await repo.save({
      title: { en: 'Regional meeting in Almaty', ru: 'Региональная встреча в Алматы' },
      body: { en: 'We meet on 12 March.', ru: 'Встречаемся 12 марта.' },
      authorId: null,
      recipientIds: [ru.id, en.id],
      recipients: 2,
      deliveredAt: null,
      demo: false,
    });
    inbox.length = 0;
    expect(await sut.deliverAnnouncement(a.id)).toBe(2);
    await settle(2);
    const to = (email: string) => inbox.find((m) => m.to.includes(email));
    expect(to(ru.email)).toMatchObject({ subject: 'Сеть практиков: Региональная встреча в Алматы' });
    expect(to(ru.email)?.text).toContain('Встречаемся 12 марта.');
    expect(to(en.email)).toMatchObject({ subject: 'Practitioners’ network: Regional meeting in Almaty' });
    expect(to(en.email)?.text).toContain('We meet on 12 March.');
    const stored = await repo.findOneByOrFail({ id: a.id });
    expect(stored.deliveredAt).not.toBeNull();
    expect(stored.recipientIds).toEqual([]);
    expect(stored.recipients).toBe(2);

    // A second run of the same job sends nothing.
    expect(await sut.deliverAnnouncement(a.id)).toBe(0);
    await settle(3);
    expect(inbox).toHaveLength(2);
  });
});
