import { ErrorCode, NOTES_TEXT } from '@kengash/contracts';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from './base64';
import { LiveCallError } from './live-call-error';
import { LiveNotes, NOTES_BATCH_MS, REMOTE_ORIGIN } from './live-notes';

interface Sent {
  itemId: string;
  update: string;
  resolve: (value?: unknown) => void;
  reject: (error: unknown) => void;
}

/** Another participant's copy of a document, built from what we sent. */
function replay(updates: string[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, fromBase64(update));
  return doc.getText(NOTES_TEXT).toString();
}

describe('LiveNotes', () => {
  let sent: Sent[];
  let online: boolean;
  let failures: LiveCallError[];
  let sut: LiveNotes;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    online = true;
    failures = [];
    sut = new LiveNotes({
      send: (itemId, update) => new Promise((resolve, reject) => sent.push({ itemId, update, resolve, reject })),
      canSend: () => online,
      failed: (_itemId, error) => failures.push(error),
    });
  });

  afterEach(() => {
    sut.destroy();
    jest.useRealTimers();
  });

  it('starts each item from the snapshot state', () => {
    const other = new Y.Doc();
    other.getText(NOTES_TEXT).insert(0, 'Agreed to meet monthly.');
    sut.load({ i1: toBase64(Y.encodeStateAsUpdate(other)) });

    expect(sut.text('i1').toString()).toBe('Agreed to meet monthly.');
    expect(sut.text('i2').toString()).toBe('');
    jest.advanceTimersByTime(NOTES_BATCH_MS * 2);
    expect(sent).toEqual([]); // remote state is never sent back
  });

  it('sends the edits of one batch window as one merged update per item', () => {
    const text = sut.text('i1');
    text.insert(0, 'Hel');
    text.insert(3, 'lo');
    sut.text('i2').insert(0, 'Other item');
    jest.advanceTimersByTime(NOTES_BATCH_MS - 1);
    expect(sent).toHaveLength(0);

    jest.advanceTimersByTime(1);
    expect(sent.map((s) => s.itemId)).toEqual(['i1', 'i2']);
    expect(replay([sent[0].update])).toBe('Hello');
    expect(replay([sent[1].update])).toBe('Other item');
  });

  it('applies remote updates without echoing them and converges with concurrent local edits', () => {
    const remote = new Y.Doc();
    sut.text('i1').insert(0, 'local ');
    remote.getText(NOTES_TEXT).insert(0, 'remote');
    sut.applyRemote('i1', toBase64(Y.encodeStateAsUpdate(remote)));
    jest.advanceTimersByTime(NOTES_BATCH_MS);

    expect(sent).toHaveLength(1);
    Y.applyUpdate(remote, fromBase64(sent[0].update), REMOTE_ORIGIN);
    expect(remote.getText(NOTES_TEXT).toString()).toBe(sut.text('i1').toString());
    expect(sut.text('i1').toString()).toContain('remote');
    expect(sut.text('i1').toString()).toContain('local ');
  });

  it('keeps edits while offline and re-sends unacknowledged ones on flush', async () => {
    sut.text('i1').insert(0, 'First');
    jest.advanceTimersByTime(NOTES_BATCH_MS);
    expect(sent).toHaveLength(1);
    expect(sut.pending).toBe(true);

    // The connection drops before the ack; more typing while offline.
    online = false;
    sent[0].reject(LiveCallError.offline());
    await Promise.resolve();
    sut.text('i1').insert(5, ' and second');
    jest.advanceTimersByTime(NOTES_BATCH_MS * 3);
    expect(sent).toHaveLength(1);

    online = true;
    sut.flush();
    expect(sent).toHaveLength(2);
    expect(replay([sent[1].update])).toBe('First and second');
    sent[1].resolve();
    await Promise.resolve();
    expect(sut.pending).toBe(false);
  });

  it('splits a batch that would exceed the update size limit', () => {
    sut.destroy();
    sut = new LiveNotes({
      send: (itemId, update) => new Promise((resolve, reject) => sent.push({ itemId, update, resolve, reject })),
      canSend: () => true,
      maxUpdateLength: 200,
    });
    const text = sut.text('i1');
    for (let i = 0; i < 4; i++) text.insert(text.length, `${'x'.repeat(60)}${i}`);
    jest.advanceTimersByTime(NOTES_BATCH_MS);

    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((s) => s.update.length <= 200)).toBe(true);
    expect(replay(sent.map((s) => s.update))).toBe(text.toString());
  });

  it('reports a refused update and does not retry it', async () => {
    sut.text('i1').insert(0, 'Not allowed');
    jest.advanceTimersByTime(NOTES_BATCH_MS);
    sent[0].reject(new LiveCallError(403, ErrorCode.Forbidden, 'Only note-takers'));
    await Promise.resolve();
    await Promise.resolve();

    expect(failures.map((f) => f.message)).toEqual(['Only note-takers']);
    sut.flush();
    expect(sent).toHaveLength(1);
  });
});
