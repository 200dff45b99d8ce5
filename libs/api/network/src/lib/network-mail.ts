import { Locale } from '@kengash/contracts';

/** The e-mails an applicant receives, in the language they chose on the form (English fallback). */
export type NetworkMailKind = 'received' | 'accepted' | 'rejected';

interface Template {
  subject: string;
  body: (name: string, link: string, reason: string | null) => string;
}

const TEXT: Record<Locale, Record<NetworkMailKind, Template>> = {
  en: {
    received: {
      subject: 'Your application to the practitioners’ network',
      body: (name, link) =>
        `Hello ${name},\n\nThank you for applying to the informal regional network of practitioners of the Regional Expert Council.\nThe national focal point of your country and the council's secretariat will review your application. You can follow its status here (keep this link to yourself):\n\n${link}\n\nIf you did not apply, ignore this message.`,
    },
    accepted: {
      subject: 'Welcome to the practitioners’ network',
      body: (name, _link, reason) =>
        `Hello ${name},\n\nYour application to the practitioners' network has been accepted.${reason ? `\n\nThe secretariat's note: ${reason}` : ''}\n\nYou will receive a separate e-mail inviting you to create your Kengash account. The status link in our first e-mail shows this decision too.`,
    },
    rejected: {
      subject: 'Your application to the practitioners’ network',
      body: (name, _link, reason) =>
        `Hello ${name},\n\nThank you for your interest. The secretariat has decided not to accept your application to the practitioners' network at this time.${reason ? `\n\nThe reason: ${reason}` : ''}\n\nThe status link in our first e-mail shows this decision too.`,
    },
  },
  ru: {
    received: {
      subject: 'Ваша заявка в сеть практиков',
      body: (name, link) =>
        `Здравствуйте, ${name}!\n\nСпасибо за заявку на участие в неформальной региональной сети практиков Регионального экспертного совета.\nЕё рассмотрят национальный координатор вашей страны и секретариат совета. Следить за статусом заявки можно по ссылке (не передавайте её другим):\n\n${link}\n\nЕсли вы не подавали заявку, просто проигнорируйте это письмо.`,
    },
    accepted: {
      subject: 'Добро пожаловать в сеть практиков',
      body: (name, _link, reason) =>
        `Здравствуйте, ${name}!\n\nВаша заявка на участие в сети практиков одобрена.${reason ? `\n\nКомментарий секретариата: ${reason}` : ''}\n\nОтдельным письмом вы получите приглашение создать учётную запись в Kengash. Это решение видно и по ссылке на статус заявки из нашего первого письма.`,
    },
    rejected: {
      subject: 'Ваша заявка в сеть практиков',
      body: (name, _link, reason) =>
        `Здравствуйте, ${name}!\n\nСпасибо за интерес к сети. Секретариат решил пока не принимать вашу заявку на участие в сети практиков.${reason ? `\n\nПричина: ${reason}` : ''}\n\nЭто решение видно и по ссылке на статус заявки из нашего первого письма.`,
    },
  },
};

export function networkMail(
  kind: NetworkMailKind,
  locale: string,
  name: string,
  link: string,
  reason: string | null = null,
): { subject: string; text: string } {
  const t = (TEXT[locale as Locale] ?? TEXT.en)[kind];
  return { subject: t.subject, text: t.body(name, link, reason) };
}
