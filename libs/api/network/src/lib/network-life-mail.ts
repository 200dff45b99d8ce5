import { Locale } from '@kengash/contracts';
import { LocalisedText } from './network-announcement.entity';

/** The text in `locale` when it was written in it, otherwise English; and the language actually used. */
export function localised(text: LocalisedText, locale: string): { text: string; locale: Locale } {
  const wanted = locale as Locale;
  const value = text[wanted];
  return value && value.trim() ? { text: value, locale: wanted } : { text: text.en, locale: 'en' };
}

/**
 * One announcement for one person, in their language: the mail's own words in it, and the title and body in it
 * when the secretariat wrote them in it (otherwise in English).
 */
export function announcementNotice(
  title: LocalisedText,
  body: LocalisedText,
  personLocale: string,
  displayName: string,
  link: string,
): { title: string; body: string; email: { subject: string; text: string } } {
  const locale: Locale = personLocale === 'ru' ? 'ru' : 'en';
  const heading = localised(title, locale).text;
  const text = localised(body, locale).text;
  const summary = text.length > 280 ? `${text.slice(0, 277)}…` : text;
  const email =
    locale === 'ru'
      ? {
          subject: `Сеть практиков: ${heading}`,
          text: `Здравствуйте, ${displayName}!\n\nСекретариат Регионального экспертного совета разослал объявление для сети практиков.\n\n${heading}\n\n${text}\n\nВсе объявления: ${link}\n\nВы получили это письмо как участник сети. Уведомления можно настроить в своей учётной записи.`,
        }
      : {
          subject: `Practitioners’ network: ${heading}`,
          text: `Hello ${displayName},\n\nThe secretariat of the Regional Expert Council has sent an announcement to the practitioners' network.\n\n${heading}\n\n${text}\n\nAll announcements: ${link}\n\nYou receive this as a member of the network. You can choose your notifications in your account.`,
        };
  return { title: heading, body: summary, email };
}

/**
 * The re-vetting reminder to the secretariat: counts and a link to the queue, no names (the list is in the app,
 * behind sign-in).
 */
export function revetReminder(
  locale: string,
  displayName: string,
  due: { overdue: number; upcoming: number },
  link: string,
): { title: string; body: string; email: { subject: string; text: string } } {
  const total = due.overdue + due.upcoming;
  if (locale === 'ru') {
    const title = `Повторная проверка участников сети: ${total}`;
    const body = `Срок повторной проверки истёк: ${due.overdue}; наступает в ближайшие 30 дней: ${due.upcoming}.`;
    return {
      title,
      body,
      email: {
        subject: title,
        text: `Здравствуйте, ${displayName}!\n\n${body}\n\nСписок участников (после входа в Kengash): ${link}`,
      },
    };
  }
  const title = `Network members due for re-vetting: ${total}`;
  const body = `Re-vetting overdue: ${due.overdue}; due within 30 days: ${due.upcoming}.`;
  return {
    title,
    body,
    email: {
      subject: title,
      text: `Hello ${displayName},\n\n${body}\n\nThe list (after signing in to Kengash): ${link}`,
    },
  };
}
