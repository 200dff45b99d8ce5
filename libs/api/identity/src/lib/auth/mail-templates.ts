/** The e-mails identity sends, in the recipient's language (English fallback). Links carry single-use tokens. */
type Kind = 'invitation' | 'password_reset' | 'email_verification';

const TEXT: Record<
  string,
  Record<Kind, { subject: string; body: (name: string, link: string, hours: string) => string }>
> = {
  en: {
    invitation: {
      subject: 'You are invited to Kengash',
      body: (name, link, hours) =>
        `Hello ${name},\n\nYou have been invited to Kengash, the portal of the Regional Expert Council.\nSet your password here (the link works once, for ${hours} hours):\n\n${link}\n\nIf you did not expect this, ignore this message.`,
    },
    password_reset: {
      subject: 'Reset your Kengash password',
      body: (name, link, hours) =>
        `Hello ${name},\n\nSomeone asked to reset your Kengash password. If it was you, choose a new one here (the link works once, for ${hours} minutes):\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
    },
    email_verification: {
      subject: 'Confirm your e-mail address for Kengash',
      body: (name, link) => `Hello ${name},\n\nPlease confirm your e-mail address:\n\n${link}\n`,
    },
  },
  ru: {
    invitation: {
      subject: 'Приглашение в Kengash',
      body: (name, link, hours) =>
        `Здравствуйте, ${name}!\n\nВас пригласили в Kengash — портал Регионального экспертного совета.\nЗадайте пароль по ссылке (она действует один раз, ${hours} ч):\n\n${link}\n\nЕсли вы не ждали этого письма, просто проигнорируйте его.`,
    },
    password_reset: {
      subject: 'Сброс пароля Kengash',
      body: (name, link, hours) =>
        `Здравствуйте, ${name}!\n\nПоступил запрос на сброс вашего пароля в Kengash. Если это были вы, задайте новый пароль по ссылке (она действует один раз, ${hours} мин):\n\n${link}\n\nЕсли это были не вы, проигнорируйте письмо: пароль останется прежним.`,
    },
    email_verification: {
      subject: 'Подтвердите адрес электронной почты для Kengash',
      body: (name, link) => `Здравствуйте, ${name}!\n\nПодтвердите адрес электронной почты:\n\n${link}\n`,
    },
  },
};

export function identityMail(
  kind: Kind,
  locale: string,
  name: string,
  link: string,
  duration: string,
): { subject: string; text: string } {
  const t = (TEXT[locale] ?? TEXT['en'])[kind];
  return { subject: t.subject, text: t.body(name, link, duration) };
}
