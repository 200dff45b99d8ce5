import { NotificationChannel, NotificationKind, NotificationPreferences } from '@kengash/contracts';
import { DateTime } from 'luxon';

export type StoredChannels = Partial<Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>>;

/** Kinds e-mailed at once even with the daily digest on: calendar invitations carry an .ics to act on. */
export const IMMEDIATE_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.SessionInvitation,
  NotificationKind.SessionChanged,
  NotificationKind.SessionCancelled,
]);

const EMAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.SessionInvitation,
  NotificationKind.SessionChanged,
  NotificationKind.SessionCancelled,
  NotificationKind.SessionReminder,
  NotificationKind.ActionItemDue,
  NotificationKind.MinutesCirculated,
  NotificationKind.PracticeReview,
  NotificationKind.NetworkAnnouncement,
  NotificationKind.NetworkRevetDue,
]);

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
export const NOTIFICATION_CHANNELS = Object.values(NotificationChannel);
export const DEFAULT_WORKING_HOURS = { start: '09:00', end: '18:00' } as const;

/**
 * In-app on for everything; e-mail on for session invitations, changes, cancellations and reminders,
 * action-item reminders, circulated minutes, best-practice reviews, network announcements and re-vetting reminders.
 */
export function defaultChannels(): NotificationPreferences['channels'] {
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      { [NotificationChannel.InApp]: true, [NotificationChannel.Email]: EMAIL_BY_DEFAULT.has(kind) },
    ]),
  ) as NotificationPreferences['channels'];
}

/** Stored choices over the defaults; unknown kinds or channels in storage are dropped. */
export function mergeChannels(stored: StoredChannels | null | undefined): NotificationPreferences['channels'] {
  const channels = defaultChannels();
  for (const kind of NOTIFICATION_KINDS) {
    for (const channel of NOTIFICATION_CHANNELS) {
      const value = stored?.[kind]?.[channel];
      if (typeof value === 'boolean') channels[kind][channel] = value;
    }
  }
  return channels;
}

export interface Delivery {
  /** Listed in the app (and pushed live). */
  inApp: boolean;
  /** E-mailed now. */
  emailNow: boolean;
  /** Waits for the daily digest. */
  emailInDigest: boolean;
}

/** What happens to one notification of `kind` for someone with these preferences. */
export function delivery(
  prefs: Pick<NotificationPreferences, 'channels' | 'dailyDigest'>,
  kind: NotificationKind,
): Delivery {
  const inApp = prefs.channels[kind][NotificationChannel.InApp];
  const email = prefs.channels[kind][NotificationChannel.Email];
  const emailNow = email && (!prefs.dailyDigest || IMMEDIATE_KINDS.has(kind));
  return { inApp, emailNow, emailInDigest: email && !emailNow };
}

/** The local hour at which digests go out. */
export const DIGEST_HOUR = 8;

/**
 * Whether someone's digest is due at `now`: it is 08:xx where they are and none was sent earlier on their
 * local today. Returns the start of their local day (the claim's bound) when due, else null.
 */
export function digestDue(now: Date, timeZone: string, lastDigestAt: Date | null): Date | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid || local.hour !== DIGEST_HOUR) return null;
  const startOfDay = local.startOf('day').toJSDate();
  return lastDigestAt && lastDigestAt >= startOfDay ? null : startOfDay;
}

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
