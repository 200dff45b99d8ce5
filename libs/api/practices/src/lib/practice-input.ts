import { ValidationDomainException } from '@kengash/api-core';
import { sanitizeRichText } from '@kengash/api-rich-text';
import {
  CountryCode,
  EVIDENCE_LEVELS,
  FieldError,
  htmlText,
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PRACTICE_THEMES,
  PracticeInput,
  PracticeLanguage,
  PracticeTranslationInput,
  statesFigures,
  TARGET_GROUPS,
  TRANSLATION_STATUSES,
} from '@kengash/contracts';
import { EntityManager } from 'typeorm';
import { z } from 'zod';

/** An entry's body is the shared rich text (what the web editor writes). */
export const sanitizeBody = sanitizeRichText;

/** The text-search configuration of each language: stemming for English and Russian, `simple` otherwise. */
export const SEARCH_CONFIG: Record<PracticeLanguage, 'english' | 'russian' | 'simple'> = {
  en: 'english',
  ru: 'russian',
  uz: 'simple',
  kk: 'simple',
  ky: 'simple',
  tg: 'simple',
  tk: 'simple',
};

const httpUrl = z
  .string()
  .max(PRACTICE_LIMITS.urlMax)
  .refine(
    (v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) address' },
  );

const text = (max: number) => z.string().max(max, { message: `must be at most ${max} characters` });

const schema = z.object({
  originalLocale: z.enum(PRACTICE_LANGUAGES, { message: `must be one of ${PRACTICE_LANGUAGES.join(', ')}` }),
  country: z.enum(Object.values(CountryCode) as [CountryCode, ...CountryCode[]]).nullable(),
  themes: z
    .array(z.enum(PRACTICE_THEMES, { message: `must be one of ${PRACTICE_THEMES.join(', ')}` }))
    .min(1, { message: 'choose at least one theme' })
    .max(PRACTICE_THEMES.length),
  targetGroups: z
    .array(z.enum(TARGET_GROUPS, { message: `must be one of ${TARGET_GROUPS.join(', ')}` }))
    .max(TARGET_GROUPS.length),
  approach: text(PRACTICE_LIMITS.approachMax),
  evidence: z.enum(EVIDENCE_LEVELS, { message: `must be one of ${EVIDENCE_LEVELS.join(', ')}` }),
  sources: z
    .array(z.object({ url: httpUrl, title: text(PRACTICE_LIMITS.sourceTitleMax).min(1, { message: 'is required' }) }))
    .max(PRACTICE_LIMITS.sourcesMax),
  relatedIds: z.array(z.string().uuid({ message: 'must be an id' })).max(PRACTICE_LIMITS.relatedMax),
  groupId: z.string().uuid({ message: 'must be an id' }).nullable(),
  translations: z
    .array(
      z.object({
        locale: z.enum(PRACTICE_LANGUAGES, { message: `must be one of ${PRACTICE_LANGUAGES.join(', ')}` }),
        title: text(PRACTICE_LIMITS.titleMax).refine((v) => v.trim().length >= PRACTICE_LIMITS.titleMin, {
          message: `must be at least ${PRACTICE_LIMITS.titleMin} characters`,
        }),
        summary: text(PRACTICE_LIMITS.summaryMax),
        body: text(PRACTICE_LIMITS.bodyMax),
        status: z.enum(TRANSLATION_STATUSES).optional(),
      }),
    )
    .min(1, { message: 'give at least the original language' })
    .max(PRACTICE_LANGUAGES.length),
});

const fieldErrors = (issues: { path: PropertyKey[]; message: string }[]): FieldError[] => {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'body';
    byField.set(path, [...(byField.get(path) ?? []), issue.message]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
};

/**
 * Validates an entry (field errors with dotted paths, e.g. `translations.1.title`), sanitises the bodies and
 * checks the rules across fields: one translation per language, the original among them, a source for figures.
 */
export function parsePracticeInput(input: unknown): PracticeInput {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationDomainException(fieldErrors(result.error.issues));
  const data = result.data;
  const errors: FieldError[] = [];
  const locales = data.translations.map((t) => t.locale);
  locales.forEach((locale, i) => {
    if (locales.indexOf(locale) !== i)
      errors.push({ field: `translations.${i}.locale`, messages: ['only one translation per language'] });
  });
  if (!locales.includes(data.originalLocale))
    errors.push({ field: 'translations', messages: ['must include the original language'] });
  const translations = data.translations.map((t) => ({
    locale: t.locale,
    title: t.title.trim(),
    summary: t.summary.trim(),
    body: sanitizeBody(t.body),
    status: t.status,
  }));
  const figures = translations.some(
    (t) => statesFigures(t.title) || statesFigures(t.summary) || statesFigures(htmlText(t.body)),
  );
  if (figures && data.sources.length === 0)
    errors.push({
      field: 'sources',
      messages: ['the text states figures: give at least one source (address and title)'],
    });
  if (errors.length) throw new ValidationDomainException(errors);
  return {
    ...data,
    approach: data.approach.trim(),
    themes: [...new Set(data.themes)],
    targetGroups: [...new Set(data.targetGroups)],
    relatedIds: [...new Set(data.relatedIds)],
    sources: data.sources.map((s) => ({ url: s.url.trim(), title: s.title.trim() })),
    translations,
  };
}

/**
 * Writes one translation with its search vector: title (weight A), summary (B) and the body's text (C) in the
 * language's text-search configuration.
 */
export async function upsertTranslation(
  m: EntityManager,
  practiceId: string,
  t: PracticeTranslationInput,
  original: boolean,
): Promise<void> {
  await m.query(
    `INSERT INTO practice_translations (practice_id, locale, title, summary, body, body_text, status, search_config,
                                        search_vector, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text,
             setweight(to_tsvector($8::text::regconfig, $3), 'A')
               || setweight(to_tsvector($8::text::regconfig, $4), 'B')
               || setweight(to_tsvector($8::text::regconfig, $6), 'C'),
             now())
     ON CONFLICT (practice_id, locale) DO UPDATE SET
       title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, body_text = EXCLUDED.body_text,
       status = EXCLUDED.status, search_config = EXCLUDED.search_config, search_vector = EXCLUDED.search_vector,
       updated_at = now()`,
    [
      practiceId,
      t.locale,
      t.title,
      t.summary,
      t.body,
      htmlText(t.body),
      original ? 'original' : (t.status ?? 'draft'),
      SEARCH_CONFIG[t.locale],
    ],
  );
}
