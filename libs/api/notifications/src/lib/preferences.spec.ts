import { NotificationChannel, NotificationKind } from '@kengash/contracts';
import { renderDigest } from './digest.service';
import { defaultChannels, delivery, digestDue, mergeChannels } from './preferences';

describe('notification preferences', () => {
  it('defaults: in-app on for every kind, e-mail on for session invitations, changes, cancellations, reminders', () => {
    const channels = defaultChannels();
    expect(Object.keys(channels).sort()).toEqual(Object.values(NotificationKind).sort());
    for (const kind of Object.values(NotificationKind)) expect(channels[kind].in_app).toBe(true);
    expect(channels[NotificationKind.SessionInvitation].email).toBe(true);
    expect(channels[NotificationKind.SessionChanged].email).toBe(true);
    expect(channels[NotificationKind.SessionCancelled].email).toBe(true);
    expect(channels[NotificationKind.SessionReminder].email).toBe(true);
    expect(channels[NotificationKind.RsvpReceived].email).toBe(false);
    expect(channels[NotificationKind.WorkPlanComment].email).toBe(false);
  });

  it('merges stored choices over the defaults and drops unknown or malformed entries', () => {
    const merged = mergeChannels({
      [NotificationKind.RsvpReceived]: { email: true },
      [NotificationKind.SessionReminder]: { in_app: false, email: 'yes' as unknown as boolean },
      ...({ retired_kind: { email: true } } as object),
    });
    expect(merged[NotificationKind.RsvpReceived]).toEqual({ in_app: true, email: true });
    expect(merged[NotificationKind.SessionReminder]).toEqual({ in_app: false, email: true });
    expect(merged).not.toHaveProperty('retired_kind');
    expect(mergeChannels(null)).toEqual(defaultChannels());
  });

  it('sends e-mail at once without the digest; with it, only calendar invitations, changes and cancellations', () => {
    const channels = defaultChannels();
    channels[NotificationKind.WorkPlanComment][NotificationChannel.Email] = true;
    channels[NotificationKind.WorkPlanComment][NotificationChannel.InApp] = false;
    expect(delivery({ channels, dailyDigest: false }, NotificationKind.SessionReminder)).toEqual({
      inApp: true,
      emailNow: true,
      emailInDigest: false,
    });
    expect(delivery({ channels, dailyDigest: true }, NotificationKind.SessionReminder)).toEqual({
      inApp: true,
      emailNow: false,
      emailInDigest: true,
    });
    for (const kind of [
      NotificationKind.SessionInvitation,
      NotificationKind.SessionChanged,
      NotificationKind.SessionCancelled,
    ]) {
      expect(delivery({ channels, dailyDigest: true }, kind).emailNow).toBe(true);
    }
    expect(delivery({ channels, dailyDigest: true }, NotificationKind.WorkPlanComment)).toEqual({
      inApp: false,
      emailNow: false,
      emailInDigest: true,
    });
    expect(delivery({ channels, dailyDigest: true }, NotificationKind.RsvpReceived)).toEqual({
      inApp: true,
      emailNow: false,
      emailInDigest: false,
    });
  });
});

describe('digest selection by local time', () => {
  const at = (iso: string) => new Date(iso);

  it('is due during 08:xx in the person’s own zone only', () => {
    // 03:10Z is 08:10 in Tashkent (+05), 03:10 in London (+00 in winter), 08:40 in Kolkata (+05:30).
    const now = at('2025-01-15T03:10:00Z');
    expect(digestDue(now, 'Asia/Tashkent', null)).toEqual(at('2025-01-14T19:00:00Z'));
    expect(digestDue(now, 'Europe/London', null)).toBeNull();
    expect(digestDue(now, 'Asia/Kolkata', null)).toEqual(at('2025-01-14T18:30:00Z'));
    expect(digestDue(at('2025-01-15T03:59:59Z'), 'Asia/Tashkent', null)).not.toBeNull();
    expect(digestDue(at('2025-01-15T04:00:00Z'), 'Asia/Tashkent', null)).toBeNull();
    expect(digestDue(at('2025-01-15T02:59:59Z'), 'Asia/Tashkent', null)).toBeNull();
  });

  it('is due once per local day', () => {
    const now = at('2025-01-15T03:40:00Z'); // 08:40 Tashkent
    expect(digestDue(now, 'Asia/Tashkent', at('2025-01-15T03:10:00Z'))).toBeNull(); // sent at 08:10 today
    expect(digestDue(now, 'Asia/Tashkent', at('2025-01-14T03:10:00Z'))).not.toBeNull(); // yesterday
    // Sent at 23:30 local yesterday (not a digest hour, but any earlier day counts): due today.
    expect(digestDue(now, 'Asia/Tashkent', at('2025-01-14T18:30:00Z'))).not.toBeNull();
  });

  it('follows daylight saving time (New York, 08:xx is 13:xx Z in winter and 12:xx Z in summer)', () => {
    expect(digestDue(at('2025-01-15T13:05:00Z'), 'America/New_York', null)).not.toBeNull();
    expect(digestDue(at('2025-07-15T12:05:00Z'), 'America/New_York', null)).not.toBeNull();
    expect(digestDue(at('2025-07-15T13:05:00Z'), 'America/New_York', null)).toBeNull();
  });

  it('writes the digest in Russian or English', () => {
    const lines = [{ title: 'Комментарий', body: 'Текст', link: '/council/x' }];
    const ru = renderDigest('ru', 'Айгуль', lines, 'https://kengash.example');
    expect(ru.subject).toContain('новые уведомления (1)');
    expect(ru.text).toContain('Здравствуйте, Айгуль!');
    expect(ru.text).toContain('https://kengash.example/council/x');
    const en = renderDigest('uz', 'Bob', [...lines, ...lines], 'https://kengash.example');
    expect(en.subject).toBe('Kengash: 2 new notifications');
  });
});
