import { ANNOUNCEMENT_LIMITS } from '@kengash/contracts';
import { z } from 'zod';

const text = (max: number) =>
  z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });
/** An optional translation: absent, null or empty means "not translated". */
const translation = (max: number) =>
  z
    .union([
      z
        .string({ message: 'must be text' })
        .trim()
        .max(max, { message: `must be at most ${max} characters` }),
      z.null(),
    ])
    .optional()
    .transform((v) => (v ? v : undefined));
const localised = (max: number) =>
  z
    .object({ en: text(max), ru: translation(max) }, { message: 'must be an object with en (and optionally ru)' })
    .strict();

/** POST /api/network/announcements: English required, Russian optional. */
export const announcementSchema = z
  .object({ title: localised(ANNOUNCEMENT_LIMITS.titleMax), body: localised(ANNOUNCEMENT_LIMITS.bodyMax) })
  .strict();
