import {
  CountryCode,
  FIELD_VISIBILITIES,
  NETWORK_LIMITS,
  ORGANISATION_TYPES,
  PRACTICE_LANGUAGES,
  PRACTICE_THEMES,
  PROFILE_FIELDS,
  PROFILE_LABELS,
  PROFILE_LIMITS,
} from '@kengash/contracts';
import { z } from 'zod';

const L = NETWORK_LIMITS;
const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const COUNTRIES = Object.values(CountryCode) as [CountryCode, ...CountryCode[]];
const text = (max: number, min = 1) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(min, { message: min > 1 ? `must be at least ${min} characters` : 'is required' })
    .max(max, { message: `must be at most ${max} characters` });

/** PUT /api/network/profile: every field optional, `version` required; unknown properties refused. */
export const profileUpdateSchema = z
  .object({
    name: text(L.nameMax, 2).optional(),
    role: text(L.roleMax, 2).optional(),
    organisationType: z.enum(ORGANISATION_TYPES, oneOf(ORGANISATION_TYPES)).optional(),
    organisationName: text(L.organisationNameMax, 2).optional(),
    country: z.enum(COUNTRIES, oneOf(COUNTRIES)).optional(),
    region: text(L.regionMax, 2).optional(),
    languages: z
      .array(z.enum(PRACTICE_LANGUAGES, oneOf(PRACTICE_LANGUAGES)), { message: 'must be a list of languages' })
      .min(1, { message: 'choose at least one language' })
      .max(PRACTICE_LANGUAGES.length)
      .optional(),
    expertise: z
      .array(z.enum(PRACTICE_THEMES, oneOf(PRACTICE_THEMES)), { message: 'must be a list of areas of expertise' })
      .min(1, { message: 'choose at least one area of expertise' })
      .max(PRACTICE_THEMES.length)
      .optional(),
    bio: z
      .string({ message: 'must be text' })
      .trim()
      .max(PROFILE_LIMITS.bioMax, { message: `must be at most ${PROFILE_LIMITS.bioMax} characters` })
      .optional(),
    phone: z
      .string({ message: 'must be text' })
      .trim()
      .max(PROFILE_LIMITS.phoneMax, { message: `must be at most ${PROFILE_LIMITS.phoneMax} characters` })
      .regex(/^(\+?[0-9 ()-]*[0-9][0-9 ()-]*)?$/, {
        message: 'must be a phone number (digits, spaces, +, -, parentheses)',
      })
      .optional(),
    email: z
      .union(
        [
          z.literal(''),
          z
            .string()
            .trim()
            .max(L.emailMax, { message: `must be at most ${L.emailMax} characters` })
            .email({ message: 'must be an e-mail address' }),
        ],
        { message: 'must be an e-mail address (or empty)' },
      )
      .optional(),
    label: z.enum(PROFILE_LABELS, oneOf(PROFILE_LABELS)).optional(),
    visibility: z
      .partialRecord(
        z.enum(PROFILE_FIELDS, oneOf(PROFILE_FIELDS)),
        z.enum(FIELD_VISIBILITIES, oneOf(FIELD_VISIBILITIES)),
        {
          message: 'must map profile fields to a visibility',
        },
      )
      .optional(),
    version: z.number({ message: 'is required (the version you edited)' }).int({ message: 'must be an integer' }),
  })
  .strict();

/** Repeatable query parameters arrive as a string or an array of strings. */
const many = <T extends z.ZodTypeAny>(item: T, what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item, { message: `must be a list of ${what}` }).max(50, { message: 'too many values' }),
  );

/** GET /api/network/directory */
export const directoryQuerySchema = z
  .object({
    q: z.string({ message: 'must be text' }).trim().max(200, { message: 'must be at most 200 characters' }).optional(),
    expertise: many(z.enum(PRACTICE_THEMES, oneOf(PRACTICE_THEMES)), 'areas of expertise'),
    country: many(z.enum(COUNTRIES, oneOf(COUNTRIES)), 'countries'),
    language: many(z.enum(PRACTICE_LANGUAGES, oneOf(PRACTICE_LANGUAGES)), 'languages'),
    organisationType: many(z.enum(ORGANISATION_TYPES, oneOf(ORGANISATION_TYPES)), 'organisation types'),
    page: z.preprocess(
      (v) => (v === undefined || v === '' ? 1 : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v),
      z
        .number({ message: 'must be a page number (1, 2, …)' })
        .int({ message: 'must be a page number (1, 2, …)' })
        .min(1, { message: 'must be a page number (1, 2, …)' }),
    ),
  })
  .strict();

/** POST /api/network/profile/erase: 422 unless the words are typed (checked by the service). */
export const eraseSchema = z.object({ confirm: z.unknown().optional() }).strict();
