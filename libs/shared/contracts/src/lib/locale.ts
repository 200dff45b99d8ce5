/** UI languages, in the order the product brings them (brief §3 "Languages and access"). */
export const SUPPORTED_LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Text stored in several languages: locale → text. At least `en` is always present. */
export type LocalizedText = Partial<Record<string, string>> & { en: string };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Picks the text for `locale`, falling back to English. */
export function pickText(text: LocalizedText, locale: string): string {
  return text[locale] ?? text.en;
}
