import { ValidationDomainException } from '@kengash/api-core';
import { escapeHtml, sanitizeRichText } from '@kengash/api-rich-text';
import {
  FieldError,
  MINUTES_LIMITS,
  MinutesContent,
  MinutesDiffView,
  MinutesDraftContent,
  MinutesSection,
  MinutesItemDiff,
} from '@kengash/contracts';
import { createHash } from 'node:crypto';
import { diffWords } from 'diff';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';

/** Notes hold the shared rich text (the live editor's and the library's). */
export const sanitizeNotes = sanitizeRichText;

export { escapeHtml };

/** The text of notes, for diffs and search. */
export const notesText = (html: string) =>
  sanitizeHtml(html.replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, '\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** Plain text (the live notes) as paragraphs of HTML. */
export const textToHtml = (text: string) =>
  text
    .split(/\n{2,}|\r\n\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** Canonical JSON (sorted keys): the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const contentHash = (content: MinutesContent) =>
  createHash('sha256').update(canonicalJson(content)).digest('hex');

/** The draft from what the live meeting froze: attendance, per-item notes, speakers and decisions. */
export function fromLiveRecord(record: MinutesDraftContent, title: string): MinutesContent {
  const items: MinutesSection[] = record.items.map((i) => ({
    key: i.item.id,
    title: i.item.title,
    notes: textToHtml(i.notes),
    speakers: i.speakers.map((s) => ({
      name: s.person.name ?? s.person.role,
      seconds: s.seconds,
      turns: s.turns,
    })),
    decisions: i.decisions.map((d) => ({ text: d.text, result: d.result, secret: d.secret })),
    restricted: false,
  }));
  if (record.otherDecisions.length)
    items.push({
      key: 'extra-1',
      title: 'Other decisions',
      notes: '',
      speakers: [],
      decisions: record.otherDecisions.map((d) => ({ text: d.text, result: d.result, secret: d.secret })),
      restricted: false,
    });
  return {
    title,
    attendance: record.attendance.map((a) => ({
      person: a.person,
      secondsPresent: a.secondsPresent,
      firstJoinedAt: a.firstJoinedAt,
      lastLeftAt: a.lastLeftAt,
    })),
    items,
  };
}

/** The public summary: the same minutes without restricted items. */
export const publicFace = (content: MinutesContent): MinutesContent => ({
  ...content,
  items: content.items.filter((i) => !i.restricted),
});

// ---- validation of a saved version ------------------------------------------------------------------------

const person = z.object({
  userId: z.string().uuid(),
  name: z.string().max(200).nullable(),
  role: z.string().max(40),
  country: z.string().max(2).nullable(),
  organisation: z.string().max(300).nullable(),
});

const pollResult = z.object({
  tally: z.record(z.string(), z.number().int().min(0)),
  votesCast: z.number().int().min(0),
  quorumReached: z.boolean(),
  outcome: z.string().max(200),
});

const contentSchema = z.object({
  title: z
    .string()
    .max(MINUTES_LIMITS.titleMax)
    .refine((v) => v.trim().length > 0, { message: 'must not be empty' }),
  attendance: z
    .array(
      z.object({
        person,
        secondsPresent: z.number().int().min(0).nullable(),
        firstJoinedAt: z.string().datetime().nullable(),
        lastLeftAt: z.string().datetime().nullable(),
      }),
    )
    .max(MINUTES_LIMITS.attendance),
  items: z
    .array(
      z.object({
        key: z.string().regex(/^([0-9a-f-]{36}|extra-\d{1,4})$/, { message: 'must be an agenda item id or extra-<n>' }),
        title: z
          .string()
          .max(MINUTES_LIMITS.itemTitleMax)
          .refine((v) => v.trim().length > 0, { message: 'must not be empty' }),
        notes: z.string().max(MINUTES_LIMITS.notesMax),
        speakers: z
          .array(
            z.object({ name: z.string().max(200), seconds: z.number().int().min(0), turns: z.number().int().min(0) }),
          )
          .max(200),
        decisions: z
          .array(z.object({ text: z.string().min(1).max(2000), result: pollResult.nullable(), secret: z.boolean() }))
          .max(100),
        restricted: z.boolean(),
      }),
    )
    .max(MINUTES_LIMITS.items)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { message: 'item keys must be unique' }),
});

/** Validates (field errors) and sanitises a version's content. */
export function parseContent(input: unknown, field = 'content'): MinutesContent {
  const result = contentSchema.safeParse(input);
  if (!result.success) {
    const byField = new Map<string, string[]>();
    for (const issue of result.error.issues) {
      const path = [field, ...issue.path].join('.');
      byField.set(path, [...(byField.get(path) ?? []), issue.message]);
    }
    const errors: FieldError[] = [...byField].map(([f, messages]) => ({ field: f, messages }));
    throw new ValidationDomainException(errors);
  }
  const content = result.data as MinutesContent;
  return {
    ...content,
    title: content.title.trim(),
    items: content.items.map((i) => ({ ...i, title: i.title.trim(), notes: sanitizeNotes(i.notes) })),
  };
}

// ---- diff -------------------------------------------------------------------------------------------------

export function diffContent(from: MinutesContent, to: MinutesContent, a: number, b: number): MinutesDiffView {
  const keys = [...new Set([...from.items.map((i) => i.key), ...to.items.map((i) => i.key)])];
  const items: MinutesItemDiff[] = keys.map((key) => {
    const before = from.items.find((i) => i.key === key);
    const after = to.items.find((i) => i.key === key);
    const parts = diffWords(before ? notesText(before.notes) : '', after ? notesText(after.notes) : '').map((p) => ({
      kind: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
      text: p.value,
    }));
    const change = !before
      ? 'added'
      : !after
        ? 'removed'
        : canonicalJson(before) === canonicalJson(after)
          ? 'same'
          : 'changed';
    return {
      key,
      title: (after ?? before)?.title ?? key,
      change,
      parts,
      restrictedChanged: !!before && !!after && before.restricted !== after.restricted,
    };
  });
  return { from: a, to: b, titleChanged: from.title !== to.title, items };
}
