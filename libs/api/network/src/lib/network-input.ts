import { ValidationDomainException } from '@kengash/api-core';
import {
  APPLICATION_DECISIONS,
  APPLICATION_STATUSES,
  ApplicationStatus,
  CountryCode,
  FieldError,
  NETWORK_LIMITS,
  ORGANISATION_TYPES,
  PRACTICE_LANGUAGES,
  PRACTICE_THEMES,
  SUPPORTED_LOCALES,
} from '@kengash/contracts';
import { z } from 'zod';

const L = NETWORK_LIMITS;
const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const text = (max: number, min = 1) =>
  z
    .string({ message: 'is required' })
    .trim()
    .min(min, { message: min > 1 ? `must be at least ${min} characters` : 'is required' })
    .max(max, { message: `must be at most ${max} characters` });
const email = z
  .string({ message: 'is required' })
  .trim()
  .max(L.emailMax, { message: `must be at most ${L.emailMax} characters` })
  .email({ message: 'must be an e-mail address' });
const isoDate = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'must be a date (YYYY-MM-DD)',
    },
  );
const note = z
  .string({ message: 'must be text' })
  .trim()
  .max(L.noteMax, { message: `must be at most ${L.noteMax} characters` })
  .optional();

/** The public form. `formToken` and `website` (the honeypot) are checked before the fields. */
export const applicationSchema = z
  .object({
    formToken: z.unknown(),
    website: z.unknown().optional(),
    name: text(L.nameMax, 2),
    email,
    locale: z.enum(SUPPORTED_LOCALES, oneOf(SUPPORTED_LOCALES)).optional(),
    role: text(L.roleMax, 2),
    organisationType: z.enum(ORGANISATION_TYPES, oneOf(ORGANISATION_TYPES)),
    organisationName: text(L.organisationNameMax, 2),
    country: z.enum(Object.values(CountryCode) as [CountryCode, ...CountryCode[]], oneOf(Object.values(CountryCode))),
    region: text(L.regionMax, 2),
    languages: z
      .array(z.enum(PRACTICE_LANGUAGES, oneOf(PRACTICE_LANGUAGES)), { message: 'must be a list of languages' })
      .min(1, { message: 'choose at least one language' })
      .max(PRACTICE_LANGUAGES.length),
    expertise: z
      .array(z.enum(PRACTICE_THEMES, oneOf(PRACTICE_THEMES)), { message: 'must be a list of areas of expertise' })
      .min(1, { message: 'choose at least one area of expertise' })
      .max(PRACTICE_THEMES.length),
    motivation: text(L.motivationMax, L.motivationMin),
    refereeEmail: z.union([email, z.literal(''), z.null()]).optional(),
    consentVersion: z.string({ message: 'consent to the privacy notice is required' }),
  })
  .strict();

export const endorseSchema = z.object({ note }).strict();
export const statusChangeSchema = endorseSchema;

/** The reason is checked by the service (422 when missing), not here. */
export const decisionSchema = z
  .object({
    decision: z.enum(APPLICATION_DECISIONS, oneOf(APPLICATION_DECISIONS)),
    reason: z
      .string({ message: 'must be text' })
      .max(L.reasonMax, { message: `must be at most ${L.reasonMax} characters` })
      .optional()
      .nullable(),
    reasonShareable: z.boolean({ message: 'must be true or false' }),
    revetDue: isoDate.optional(),
  })
  .strict();

export const revetDueSchema = z.object({ revetDue: isoDate }).strict();

export function fieldErrors(issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]) {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const paths =
      issue.code === 'unrecognized_keys' && issue.keys?.length
        ? issue.keys.map((k) => [...issue.path.map(String), k].join('.'))
        : [issue.path.map(String).join('.') || 'body'];
    const message = issue.code === 'unrecognized_keys' ? 'is not a field of this request' : issue.message;
    for (const path of paths) byField.set(path, [...(byField.get(path) ?? []), message]);
  }
  return [...byField].map(([field, messages]): FieldError => ({ field, messages }));
}

/** Parses a body with a schema: 400 with field errors (dotted paths) when it does not fit. */
export function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new ValidationDomainException(fieldErrors(result.error.issues));
  return result.data;
}

export function parseStatusFilter(value: unknown): ApplicationStatus | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value))
    return value as ApplicationStatus;
  throw new ValidationDomainException([{ field: 'status', messages: [oneOf(APPLICATION_STATUSES).message] }]);
}
