import { NOTES_TEXT } from '@kengash/contracts';
import * as Y from 'yjs';
import { applyTextChange, diffText, transformIndex } from './text-diff';

describe('diffText', () => {
  it.each([
    ['abc', 'abc', null],
    ['', 'abc', { index: 0, remove: 0, insert: 'abc' }],
    ['abc', 'abXc', { index: 2, remove: 0, insert: 'X' }],
    ['abcdef', 'abef', { index: 2, remove: 2, insert: '' }],
    ['hello world', 'hello there world', { index: 6, remove: 0, insert: 'there ' }],
    ['aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
    ['one two', 'one 2', { index: 4, remove: 3, insert: '2' }],
  ])('%j → %j', (previous, next, change) => {
    expect(diffText(previous, next)).toEqual(change);
  });

  it('never splits a surrogate pair', () => {
    const change = diffText('a😀b', 'a😁b');
    expect(change).toEqual({ index: 1, remove: 2, insert: '😁' });
  });
});

describe('applyTextChange', () => {
  it('turns the Y.Text into the new value in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const text = doc.getText(NOTES_TEXT);
    text.insert(0, 'Minutes: agenda adopted');
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));

    expect(applyTextChange(text, 'Minutes: agenda adopted unanimously', 'local')).toBe(true);
    expect(applyTextChange(text, 'Minutes: agenda adopted unanimously', 'local')).toBe(false);
    expect(text.toString()).toBe('Minutes: agenda adopted unanimously');
    expect(origins).toEqual(['local']);
  });
});

describe('transformIndex', () => {
  it('moves a caret after text inserted or deleted before it, and not for changes after it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 2 }, { delete: 1 }, { insert: 'xyz' }])).toBe(7);
  });
});
