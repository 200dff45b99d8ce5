import { JobsService, MailService } from '@kengash/api-core';
import { IDENTITY_ENTITIES, UserEntity } from '@kengash/api-identity';
import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import { NotificationKind, UserStatus } from '@kengash/contracts';
import type { ConfigService } from '@nestjs/config';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DigestService } from './digest.service';
import { NotificationBusService, NotificationCreated } from './notification-bus.service';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { NotificationsService, NotifyInput } from './notifications.service';
import { NotificationPreferencesService } from './preferences.service';
import { defaultChannels } from './preferences';

interface Received {
  to: string[];
  mail: ParsedMail;
}

describe('NotificationsService on a real PostgreSQL, mail over real SMTP', () => {
  let db: MigratedDatabase;
  let smtp: SMTPServer;
  let mail: MailService;
  let sut: NotificationsService;
  let prefs: NotificationPreferencesService;
  let digest: DigestService;
  const bus = new NotificationBusService();
  const published: NotificationCreated[] = [];
  const inbox: Received[] = [];

  const person = (email: string, extra: Partial<UserEntity> = {}) =>
    db.dataSource.getRepository(UserEntity).save({ email, displayName: email.split('@')[0], ...extra });

  const render: NotifyInput['render'] = (r) => ({
    title: r.locale === 'ru' ? 'Приглашение на заседание' : 'Invitation to a session',
    body: `For ${r.displayName} in ${r.timeZone}`,
    link: '/sessions/1',
    email: {
      subject: `Invitation (${r.locale})`,
      text: 'Please answer.',
      attachments: [
        {
          filename: 'invite.ics',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          contentType: 'text/calendar; method=REQUEST',
        },
      ],
    },
  });

  const settle = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while (inbox.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
  };

  beforeAll(async () => {
    db = await createMigratedDatabase('notifications', [
      ...IDENTITY_ENTITIES,
      NotificationEntity,
      NotificationPreferenceEntity,
    ]);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        void simpleParser(stream).then((parsed) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail: parsed });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
    const port = (smtp.server.address() as AddressInfo).port;
    mail = new MailService({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Kengash <noreply@kengash.example>' });
    bus.created$.subscribe((e) => published.push(e));
    sut = new NotificationsService(db.dataSource, mail, bus);
    prefs = new NotificationPreferencesService(db.dataSource);
    const config = { getOrThrow: () => ({ publicUrl: 'https://kengash.example' }) } as unknown as ConfigService;
    digest = new DigestService(db.dataSource, mail, {} as JobsService, config);
  });

  afterAll(async () => {
    await mail?.onModuleDestroy();
    await new Promise<void>((res) => (smtp ? smtp.close(() => res()) : res()));
    await db?.close();
  });

  beforeEach(() => {
    inbox.length = 0;
    published.length = 0;
  });

  it('stores, publishes and e-mails (with the .ics) per recipient, in their language, to active people only', async () => {
    const en = await person('en@x.example', { timeZone: 'Europe/Berlin' });
    const ru = await person('ru@x.example', { locale: 'ru' });
    const disabled = await person('off@x.example', { status: UserStatus.Disabled });

    await sut.notify({ userIds: [en.id, ru.id, disabled.id, en.id], kind: NotificationKind.SessionInvitation, render });
    await settle(2);

    const rows = await db.dataSource.getRepository(NotificationEntity).find({ order: { title: 'ASC' } });
    expect(rows.map((r) => [r.userId, r.title, r.inApp, r.link])).toEqual([
      [en.id, 'Invitation to a session', true, '/sessions/1'],
      [ru.id, 'Приглашение на заседание', true, '/sessions/1'],
    ]);
    expect(rows.every((r) => r.emailSentAt && !r.readAt)).toBe(true);
    expect(published.map((p) => p.userId).sort()).toEqual([en.id, ru.id].sort());
    expect(published.find((p) => p.userId === en.id)?.notification).toMatchObject({
      kind: NotificationKind.SessionInvitation,
      body: 'For en in Europe/Berlin',
      readAt: null,
    });

    expect(inbox.map((m) => m.to[0]).sort()).toEqual(['en@x.example', 'ru@x.example']);
    const ruMail = inbox.find((m) => m.to.includes('ru@x.example'));
    expect(ruMail?.mail.subject).toBe('Invitation (ru)');
    expect(ruMail?.mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['invite.ics', 'text/calendar']]);
  });

  it('respects preferences: in-app off, e-mail off by default for RSVPs, digest holds e-mail back', async () => {
    const quiet = await person('quiet@x.example');
    const digester = await person('digest@x.example');
    const plain = await person('plain@x.example');
    const channels = defaultChannels();
    channels[NotificationKind.SessionReminder] = { in_app: false, email: false };
    await prefs.put(quiet.id, { channels, dailyDigest: false, workingHours: { start: '08:00', end: '17:00' } });
    await prefs.put(digester.id, { channels: {}, dailyDigest: true, workingHours: { start: '09:00', end: '18:00' } });

    // Reminder: quiet turned it off entirely; the digester gets it in-app now, by e-mail tomorrow; plain gets both now.
    await sut.notify({
      userIds: [quiet.id, digester.id, plain.id],
      kind: NotificationKind.SessionReminder,
      render: (r) => ({ title: 'Reminder', body: r.email }),
    });
    // RSVP received: in-app only by default.
    await sut.notify({
      userIds: [plain.id],
      kind: NotificationKind.RsvpReceived,
      render: () => ({ title: 'RSVP', body: 'yes' }),
    });
    // An invitation is e-mailed even with the digest on.
    await sut.notify({ userIds: [digester.id], kind: NotificationKind.SessionInvitation, render });
    await settle(2);

    expect((await sut.list(quiet.id)).items).toEqual([]);
    expect((await sut.list(digester.id)).items.map((i) => i.title)).toEqual(['Invitation to a session', 'Reminder']);
    expect((await sut.list(plain.id)).items.map((i) => i.title)).toEqual(['RSVP', 'Reminder']);
    expect(inbox.map((m) => `${m.to[0]} ${m.mail.subject}`).sort()).toEqual([
      'digest@x.example Invitation (en)',
      'plain@x.example Reminder',
    ]);
    const pending = await db.dataSource
      .getRepository(NotificationEntity)
      .findOneByOrFail({ userId: digester.id, kind: NotificationKind.SessionReminder });
    expect(pending.emailSentAt).toBeNull();
  });

  it('lists newest first with the unread count; marks one or all read; 404 for someone else’s', async () => {
    const a = await person('reader@x.example');
    const b = await person('other@x.example');
    for (const title of ['one', 'two', 'three']) {
      await sut.notify({
        userIds: [a.id],
        kind: NotificationKind.WorkPlanComment,
        render: () => ({ title, body: '' }),
      });
    }
    const all = await sut.list(a.id);
    expect(all.items.map((i) => i.title)).toEqual(['three', 'two', 'one']);
    expect(all.unread).toBe(3);
    expect((await sut.list(a.id, { limit: 1 })).items.map((i) => i.title)).toEqual(['three']);

    await expect(sut.markRead(b.id, all.items[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await sut.markRead(a.id, all.items[0].id);
    await sut.markRead(a.id, all.items[0].id); // again: fine
    const after = await sut.list(a.id, { unread: true });
    expect(after.items.map((i) => i.title)).toEqual(['two', 'one']);
    expect(after.unread).toBe(2);
    await sut.markAllRead(a.id);
    expect(await sut.list(a.id, { unread: true })).toEqual({ items: [], unread: 0 });
  });

  it('reads and writes preferences with defaults filled in and working hours on the user', async () => {
    const p = await person('prefs@x.example');
    const initial = await prefs.get(p.id);
    expect(initial).toEqual({
      channels: defaultChannels(),
      dailyDigest: false,
      workingHours: { start: '09:00', end: '18:00' },
    });
    const saved = await prefs.put(p.id, {
      channels: { [NotificationKind.WorkPlanComment]: { in_app: true, email: true } },
      dailyDigest: true,
      workingHours: { start: '07:30', end: '16:00' },
    });
    expect(saved.channels[NotificationKind.WorkPlanComment]).toEqual({ in_app: true, email: true });
    expect(saved.channels[NotificationKind.RsvpReceived]).toEqual({ in_app: true, email: false });
    expect(saved.workingHours).toEqual({ start: '07:30', end: '16:00' });
    expect(await prefs.get(p.id)).toEqual(saved);
    await expect(
      prefs.put(p.id, { channels: {}, dailyDigest: false, workingHours: { start: '18:00', end: '09:00' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'workingHours.end' }] });
  });

  it('sends the daily digest at 08:xx local time, once per day, listing what waits for e-mail', async () => {
    const tashkent = await person('tashkent@x.example', { timeZone: 'Asia/Tashkent', locale: 'ru' });
    const london = await person('london@x.example', { timeZone: 'Europe/London' });
    for (const u of [tashkent, london]) {
      await prefs.put(u.id, { channels: {}, dailyDigest: true, workingHours: { start: '09:00', end: '18:00' } });
    }
    // Rows as if notified yesterday evening (a reminder waits for the digest; an RSVP is in-app only).
    const repo = db.dataSource.getRepository(NotificationEntity);
    const evening = new Date('2025-01-14T15:00:00Z');
    for (const u of [tashkent, london]) {
      await repo.save([
        {
          userId: u.id,
          kind: NotificationKind.SessionReminder,
          title: 'Напоминание',
          body: 'Завтра',
          link: '/s/1',
          createdAt: evening,
        },
        {
          userId: u.id,
          kind: NotificationKind.RsvpReceived,
          title: 'RSVP',
          body: 'yes',
          link: null,
          createdAt: evening,
        },
      ]);
    }
    // 03:05Z = 08:05 in Tashkent, 03:05 in London.
    const first = new Date('2025-01-15T03:05:00Z');
    const [r1, r2] = await Promise.all([digest.run(first), digest.run(first)]); // overlapping runs send once
    expect([...r1, ...r2]).toEqual([tashkent.id]);
    await settle(1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toEqual(['tashkent@x.example']);
    expect(inbox[0].mail.subject).toBe('Kengash: новые уведомления (1)');
    expect(inbox[0].mail.text).toContain('Напоминание');
    expect(inbox[0].mail.text).toContain('https://kengash.example/s/1');
    expect(inbox[0].mail.text).not.toContain('RSVP');

    // Later the same morning, with a new reminder: nothing more today. Tomorrow: the new one only.
    await repo.save({
      userId: tashkent.id,
      kind: NotificationKind.SessionReminder,
      title: 'Second',
      body: '',
      createdAt: new Date('2025-01-15T03:20:00Z'),
    });
    expect(await digest.run(new Date('2025-01-15T03:35:00Z'))).toEqual([]);
    expect(await digest.run(new Date('2025-01-16T03:05:00Z'))).toEqual([tashkent.id]);
    await settle(2);
    expect(inbox[1].mail.text).toContain('Second');
    expect(inbox[1].mail.text).not.toContain('Напоминание');

    // London at 08:05 local (GMT in winter).
    expect(await digest.run(new Date('2025-01-15T08:05:00Z'))).toEqual([london.id]);
  });
});
