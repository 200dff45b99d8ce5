import { ValidationDomainException } from '@kengash/api-core';
import { FieldError, LIVE_LIMITS, REACTIONS } from '@kengash/contracts';
import { z } from 'zod';

const uuid = z.string().uuid({ message: 'must be an id' });
const ref = z.object({ sessionId: uuid });

const quorum = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('majority') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(10_000) }),
]);

/** Payload schemas of the client events: a bad payload gets a VALIDATION_FAILED ack with field errors. */
export const LIVE_SCHEMAS = {
  ref,
  missed: ref.extend({ afterSeq: z.number().int().min(0) }),
  timer: ref.extend({ action: z.enum(['pause', 'resume', 'reset']) }),
  lower: ref.extend({ userId: uuid.optional() }),
  grant: ref.extend({ userId: uuid }),
  chat: ref.extend({
    clientId: z
      .string()
      .min(1)
      .max(LIVE_LIMITS.clientIdMax)
      .regex(/^[A-Za-z0-9._:-]+$/, { message: 'must be letters, digits, dot, colon, dash or underscore' }),
    body: z
      .string()
      .max(LIVE_LIMITS.chatBodyMax, { message: `must be at most ${LIVE_LIMITS.chatBodyMax} characters` })
      .refine((v) => v.trim().length > 0, { message: 'must not be empty' }),
  }),
  openPoll: ref.extend({
    question: z
      .string()
      .max(LIVE_LIMITS.pollQuestionMax)
      .refine((v) => v.trim().length >= 3, { message: 'must be at least 3 characters' }),
    kind: z.enum(['yes_no_abstain', 'options']),
    options: z.array(z.string().max(LIVE_LIMITS.pollOptionMax)).max(LIVE_LIMITS.pollOptionsMax).optional(),
    secret: z.boolean(),
    quorum,
    minutesId: uuid.optional(),
  }),
  vote: ref.extend({ pollId: uuid, choice: z.string().min(1).max(LIVE_LIMITS.pollOptionMax) }),
  closePoll: ref.extend({ pollId: uuid }),
  notes: ref.extend({ itemId: uuid, update: z.string().min(1).max(LIVE_LIMITS.notesUpdateMax) }),
  react: ref.extend({ reaction: z.enum(REACTIONS) }),
};

/** Parses a payload or throws a validation error naming each bad field. */
export function parsePayload<T extends z.ZodType>(schema: T, payload: unknown): z.infer<T> {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'payload';
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  const errors: FieldError[] = [...byField].map(([field, messages]) => ({ field, messages }));
  throw new ValidationDomainException(errors);
}
