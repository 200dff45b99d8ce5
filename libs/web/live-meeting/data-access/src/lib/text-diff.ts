import type * as Y from 'yjs';

/** One contiguous change turning `previous` into `next`: at `index`, remove `remove` characters, insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single change between two strings, from their common prefix and suffix (enough for a textarea,
 * where each input event is one typed, deleted or pasted run). Null when they are equal.
 */
export function diffText(previous: string, next: string): TextChange | null {
  if (previous === next) return null;
  const max = Math.min(previous.length, next.length);
  let start = 0;
  while (start < max && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Do not split a surrogate pair.
  if (start > 0 && isHighSurrogate(previous.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < max - start &&
    previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(previous.charCodeAt(previous.length - end))) end--;
  return {
    index: start,
    remove: previous.length - start - end,
    insert: next.slice(start, next.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Makes `text` read `next` with one delete and one insert, in one transaction with `origin`. */
export function applyTextChange(text: Y.Text, next: string, origin?: unknown): boolean {
  const change = diffText(text.toString(), next);
  if (!change) return false;
  const doc = text.doc;
  const apply = () => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  };
  if (doc) doc.transact(apply, origin);
  else apply();
  return true;
}

/** A Yjs text delta (as in `YTextEvent#delta`). */
export type TextDelta = { insert?: unknown; delete?: number; retain?: number }[];

/** Where a caret at `index` ends up after someone else's change `delta` (so remote typing does not move it). */
export function transformIndex(index: number, delta: TextDelta): number {
  let position = 0;
  let result = index;
  for (const op of delta) {
    if (position > result) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position < result) result += length;
      position += length;
    } else if (op.delete !== undefined) {
      if (position < result) result -= Math.min(op.delete, result - position);
    }
  }
  return result;
}
