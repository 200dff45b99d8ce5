import { NotificationKind } from '@kengash/contracts';
import { DateTime } from 'luxon';
import type { SessionEntity } from './session.entity';

interface Recipient {
  displayName: string;
  locale: string;
  timeZone: string;
}

const TEXT = {
  en: {
    [NotificationKind.SessionInvitation]: ['Invitation', 'You are invited to'],
    [NotificationKind.SessionChanged]: ['Updated', 'This session has changed:'],
    [NotificationKind.SessionCancelled]: ['Cancelled', 'This session is cancelled:'],
    [NotificationKind.SessionReminder]: ['Reminder', 'Reminder:'],
    when: 'When',
    yourTime: 'your time',
    organiserTime: 'organiser’s time',
    answer: 'Answer (accept, tentative, decline)',
    open: 'Open in Kengash',
    hello: 'Hello',
  },
  ru: {
    [NotificationKind.SessionInvitation]: ['Приглашение', 'Вы приглашены на заседание'],
    [NotificationKind.SessionChanged]: ['Изменение', 'Заседание изменено:'],
    [NotificationKind.SessionCancelled]: ['Отмена', 'Заседание отменено:'],
    [NotificationKind.SessionReminder]: ['Напоминание', 'Напоминание:'],
    when: 'Когда',
    yourTime: 'ваше время',
    organiserTime: 'время организатора',
    answer: 'Ответить (принять, под вопросом, отклонить)',
    open: 'Открыть в Kengash',
    hello: 'Здравствуйте',
  },
} as const;

type SessionKind =
  | NotificationKind.SessionInvitation
  | NotificationKind.SessionChanged
  | NotificationKind.SessionCancelled
  | NotificationKind.SessionReminder;

/** The words of a session e-mail, in the recipient's language, with the time in the recipient's own zone first. */
export function sessionMail(
  kind: NotificationKind,
  session: Pick<SessionEntity, 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'location' | 'onlineRoom' | 'rrule'>,
  recipient: Recipient,
  answerLink: string,
  pageLink: string,
  startsAt: Date = session.startsAt,
): { subject: string; title: string; summary: string; text: string } {
  const locale = recipient.locale === 'ru' ? 'ru' : 'en';
  const t = TEXT[locale];
  const [label, lead] = t[kind as SessionKind] ?? t[NotificationKind.SessionChanged];
  const format = (zone: string) =>
    DateTime.fromJSDate(startsAt, { zone }).setLocale(locale).toLocaleString({
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
  const mine = `${format(recipient.timeZone)} (${t.yourTime}, ${recipient.timeZone})`;
  const theirs =
    recipient.timeZone === session.timeZone
      ? ''
      : `\n      ${format(session.timeZone)} (${t.organiserTime}, ${session.timeZone})`;
  const place = [session.location, session.onlineRoom].filter(Boolean).join(' · ');
  const text = [
    `${t.hello}, ${recipient.displayName}!`,
    '',
    `${lead} ${session.title}`,
    `${t.when}: ${mine}${theirs}`,
    place ? place : null,
    session.rrule ? `RRULE: ${session.rrule}` : null,
    '',
    kind === NotificationKind.SessionCancelled ? null : `${t.answer}: ${answerLink}`,
    `${t.open}: ${pageLink}`,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  return { subject: `${label}: ${session.title}`, title: `${label}: ${session.title}`, summary: mine, text };
}
