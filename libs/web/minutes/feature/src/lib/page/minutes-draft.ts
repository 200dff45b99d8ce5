import { MINUTES_LIMITS, MinutesAttendee, MinutesContent, PollResult } from '@kengash/contracts';

/**
 * The draft being edited on the minutes page: the whole content of the next version, with the numbers people type
 * (speaking time, turns) kept as text until they are valid. Rules mirror what `PUT /api/minutes/:id` accepts
 * (libs/api/minutes/src/lib/content.ts), so mistakes show next to their field before anything is sent.
 */
export interface SpeakerDraft {
  name: string;
  /** `m:ss` or seconds. */
  time: string;
  turns: string;
}

export interface DecisionDraft {
  text: string;
  /** From a poll in the live room (kept as it is; only the text may change), or null when recorded by hand. */
  result: PollResult | null;
  secret: boolean;
}

export interface ItemDraft {
  key: string;
  title: string;
  notes: string;
  restricted: boolean;
  speakers: SpeakerDraft[];
  decisions: DecisionDraft[];
}

export interface MinutesDraft {
  title: string;
  items: ItemDraft[];
}

/** A client-side mistake: a translation key and its parameters. */
export interface DraftError {
  key: string;
  params?: Record<string, number>;
}

/** Limits the server holds per item (content.ts) beyond MINUTES_LIMITS. */
export const ITEM_LIMITS = {
  speakerNameMax: 200,
  speakers: 200,
  decisionMax: 2000,
  decisions: 100,
} as const;

/** Keys of sections added to the minutes (not agenda items): `extra-<n>`, n of at most four digits. */
const EXTRA_KEY = /^extra-(\d{1,4})$/;
const MAX_EXTRA = 9999;

export const isAddedSection = (key: string): boolean => EXTRA_KEY.test(key);

/** The next free `extra-<n>` after the highest in use, or null when none is left. */
export function nextExtraKey(keys: readonly string[]): string | null {
  const used = keys.map((key) => EXTRA_KEY.exec(key)?.[1]).filter((n): n is string => n !== undefined);
  const next = Math.max(0, ...used.map(Number)) + 1;
  return next > MAX_EXTRA ? null : `extra-${next}`;
}

/** Seconds as `m:ss` (minutes may go past 59). */
export function formatTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** `m:ss` or a number of seconds; null when it is neither. */
export function parseTime(text: string): number | null {
  const value = text.trim();
  const clock = /^(\d{1,5}):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d{1,7}$/.test(value)) return Number(value);
  return null;
}

/** A whole number, zero or more; null otherwise. */
export function parseCount(text: string): number | null {
  const value = text.trim();
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

export function toDraft(content: MinutesContent): MinutesDraft {
  return {
    title: content.title,
    items: content.items.map((item) => ({
      key: item.key,
      title: item.title,
      notes: item.notes,
      restricted: item.restricted,
      speakers: item.speakers.map((s) => ({ name: s.name, time: formatTime(s.seconds), turns: String(s.turns) })),
      decisions: item.decisions.map((d) => ({ text: d.text, result: d.result, secret: d.secret })),
    })),
  };
}

export const newSection = (key: string): ItemDraft => ({
  key,
  title: '',
  notes: '',
  restricted: false,
  speakers: [],
  decisions: [],
});

export const newSpeaker = (): SpeakerDraft => ({ name: '', time: '0:00', turns: '1' });

export const newDecision = (): DecisionDraft => ({ text: '', result: null, secret: false });

/**
 * The mistakes in a draft, keyed by the field's path as the API names it (`title`, `items.1.title`,
 * `items.1.speakers.0.seconds`, `items.1.decisions.2.text`); empty when the draft may be sent.
 */
export function validateDraft(draft: MinutesDraft): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  const text = (path: string, value: string, max: number, required = true) => {
    if (required && !value.trim()) errors[path] = { key: 'minutesArea.itemEditor.errors.required' };
    else if (value.length > max) errors[path] = { key: 'minutesArea.itemEditor.errors.tooLong', params: { max } };
  };
  text('title', draft.title, MINUTES_LIMITS.titleMax);
  draft.items.forEach((item, i) => {
    const at = `items.${i}`;
    text(`${at}.title`, item.title, MINUTES_LIMITS.itemTitleMax);
    if (item.notes.length > MINUTES_LIMITS.notesMax)
      errors[`${at}.notes`] = {
        key: 'minutesArea.itemEditor.errors.notesTooLong',
        params: { max: MINUTES_LIMITS.notesMax },
      };
    item.speakers.forEach((speaker, s) => {
      text(`${at}.speakers.${s}.name`, speaker.name, ITEM_LIMITS.speakerNameMax);
      if (!speaker.time.trim())
        errors[`${at}.speakers.${s}.seconds`] = { key: 'minutesArea.itemEditor.errors.required' };
      else if (parseTime(speaker.time) === null)
        errors[`${at}.speakers.${s}.seconds`] = { key: 'minutesArea.itemEditor.errors.time' };
      if (parseCount(speaker.turns) === null)
        errors[`${at}.speakers.${s}.turns`] = { key: 'minutesArea.itemEditor.errors.turns' };
    });
    item.decisions.forEach((decision, d) => text(`${at}.decisions.${d}.text`, decision.text, ITEM_LIMITS.decisionMax));
  });
  return errors;
}

/** The content to save (call only when `validateDraft` found nothing). */
export function fromDraft(draft: MinutesDraft, attendance: MinutesAttendee[]): MinutesContent {
  return {
    title: draft.title.trim(),
    attendance,
    items: draft.items.map((item) => ({
      key: item.key,
      title: item.title.trim(),
      notes: item.notes,
      speakers: item.speakers.map((s) => ({
        name: s.name.trim(),
        seconds: parseTime(s.time) ?? 0,
        turns: parseCount(s.turns) ?? 0,
      })),
      decisions: item.decisions.map((d) => ({ text: d.text.trim(), result: d.result, secret: d.secret })),
      restricted: item.restricted,
    })),
  };
}

/** The API's field errors for the content (`content.items.1.title` → `items.1.title`), one message per field. */
export function contentFieldErrors(fields: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields)) {
    if (messages.length === 0) continue;
    const path = field === 'content' ? '' : field.startsWith('content.') ? field.slice('content.'.length) : field;
    result[path] = messages.join(' ');
  }
  return result;
}

/** The errors of item `index`, with paths relative to it (`items.2.speakers.0.name` → `speakers.0.name`). */
export function itemErrors(errors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `items.${index}`;
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) result[''] = message;
    else if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = message;
  }
  return result;
}

/** Errors the page shows in its alert: those no field of the draft (title, an item of it) shows. */
export function unplacedErrors(
  errors: Record<string, string>,
  itemCount: number,
): { field: string; message: string }[] {
  return Object.entries(errors)
    .filter(([path]) => {
      if (path === 'title') return false;
      const item = /^items\.(\d+)(\.|$)/.exec(path);
      return !item || Number(item[1]) >= itemCount;
    })
    .map(([field, message]) => ({ field, message }));
}

/** Drops the errors at `path` and below it (`items.1.speakers` drops every speaker line's errors). */
export function withoutErrors(errors: Record<string, string>, path: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`)));
}
