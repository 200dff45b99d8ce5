import { LIVE_LIMITS, NOTES_TEXT } from '@kengash/contracts';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from './base64';
import { LiveCallError, toLiveCallError } from './live-call-error';

/** The origin of updates that came from the server: they are applied, never sent back. */
export const REMOTE_ORIGIN = Symbol('kengash-live-remote');

/** How long local edits are collected before they go out as one merged update. */
export const NOTES_BATCH_MS = 150;

/** After a busy or failing server (429, 5xx), unsent notes are tried again after this delay. */
export const NOTES_RETRY_MS = 2000;

export interface LiveNotesOptions {
  /** Sends one update (base64) for an agenda item; resolves on the server's ack. */
  send: (itemId: string, update: string) => Promise<unknown>;
  /** Whether sending can happen now (connected and joined); otherwise edits wait for `flush()`. */
  canSend: () => boolean;
  /** Called after any change of an item's text (local or remote). */
  changed?: (itemId: string, text: string) => void;
  /** A refused update (not a connection problem): the edit is dropped and the page says so. */
  failed?: (itemId: string, error: LiveCallError) => void;
  batchMs?: number;
  maxUpdateLength?: number;
}

/**
 * The live notes of one meeting: one `Y.Doc` per agenda item. Remote updates are applied with
 * {@link REMOTE_ORIGIN}; local edits are batched, merged with `Y.mergeUpdates` and sent as one
 * `notes:update` per item. Updates not acknowledged (offline, timeout) are kept and sent again by the next
 * `flush()` — Yjs updates are idempotent, so a double delivery changes nothing.
 */
export class LiveNotes {
  private readonly docs = new Map<string, Y.Doc>();
  /** Local updates not yet sent (or sent and lost), per item, oldest first. */
  private readonly unsent = new Map<string, Uint8Array[]>();
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly batchMs: number;
  private readonly maxUpdateLength: number;

  constructor(private readonly options: LiveNotesOptions) {
    this.batchMs = options.batchMs ?? NOTES_BATCH_MS;
    this.maxUpdateLength = options.maxUpdateLength ?? LIVE_LIMITS.notesUpdateMax;
  }

  /** The item's document, created empty on first use. */
  doc(itemId: string): Y.Doc {
    let doc = this.docs.get(itemId);
    if (!doc) {
      doc = new Y.Doc();
      const created = doc;
      created.on('update', (update: Uint8Array, origin: unknown) => {
        this.options.changed?.(itemId, created.getText(NOTES_TEXT).toString());
        if (origin !== REMOTE_ORIGIN && !this.destroyed) this.queue(itemId, update);
      });
      this.docs.set(itemId, doc);
    }
    return doc;
  }

  text(itemId: string): Y.Text {
    return this.doc(itemId).getText(NOTES_TEXT);
  }

  /** Merges the snapshot's documents (each the whole state as one update) into ours; local edits survive. */
  load(items: Record<string, string>): void {
    for (const [itemId, state] of Object.entries(items)) {
      this.applyRemote(itemId, state);
    }
  }

  applyRemote(itemId: string, update: string): void {
    Y.applyUpdate(this.doc(itemId), fromBase64(update), REMOTE_ORIGIN);
  }

  /** Local edits waiting to be sent or acknowledged. */
  get pending(): boolean {
    return this.inFlight > 0 || [...this.unsent.values()].some((list) => list.length > 0);
  }

  private queue(itemId: string, update: Uint8Array): void {
    const list = this.unsent.get(itemId) ?? [];
    list.push(update);
    this.unsent.set(itemId, list);
    this.schedule(this.batchMs);
  }

  private schedule(delay: number): void {
    if (this.timer !== null || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  /** Sends everything unsent now (called by the batch timer and after each (re)join). */
  flush(): void {
    if (this.destroyed || !this.options.canSend()) return;
    for (const [itemId, updates] of [...this.unsent]) {
      if (updates.length === 0) continue;
      this.unsent.delete(itemId);
      for (const update of this.chunks(updates)) {
        this.sendOne(itemId, update);
      }
    }
  }

  /** Merged updates, split so that each fits the server's size limit when it can. */
  private chunks(updates: Uint8Array[]): Uint8Array[] {
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    if (updates.length === 1 || base64Length(merged.length) <= this.maxUpdateLength) return [merged];
    const half = Math.ceil(updates.length / 2);
    return [...this.chunks(updates.slice(0, half)), ...this.chunks(updates.slice(half))];
  }

  private sendOne(itemId: string, update: Uint8Array): void {
    this.inFlight++;
    this.options.send(itemId, toBase64(update)).then(
      () => {
        this.inFlight--;
      },
      (raw: unknown) => {
        this.inFlight--;
        if (this.destroyed) return;
        const error = toLiveCallError(raw);
        if (error.transient || error.statusCode === 429 || error.statusCode >= 500) {
          this.unsent.set(itemId, [update, ...(this.unsent.get(itemId) ?? [])]);
          // Connection problems wait for the next (re)join's flush; a busy server is tried again shortly.
          if (!error.transient) this.schedule(NOTES_RETRY_MS);
        } else {
          this.options.failed?.(itemId, error);
        }
      },
    );
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
    this.unsent.clear();
  }
}

function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
