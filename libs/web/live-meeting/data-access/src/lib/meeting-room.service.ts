import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import {
  Ack,
  applyLiveEvent,
  applyPresence,
  ChatMessage,
  ClientToServerEvents,
  LIVE_LIMITS,
  LiveEvent,
  LiveEventName,
  MeetingSnapshot,
  OpenPollInput,
  PresenceDelta,
  Reaction,
  ReactionEvent,
} from '@kengash/contracts';
import { LiveService, LiveSocket } from '@kengash/web-identity-data-access';
import type * as Y from 'yjs';
import { newClientId } from './client-id';
import { LiveCallError, toLiveCallError } from './live-call-error';
import { LiveNotes } from './live-notes';

/** What a client event sends (its first argument). */
export type LivePayload<E extends LiveEventName> = Parameters<ClientToServerEvents[E]>[0];
/** What a client event's ack carries when it succeeds. */
export type LiveAckData<E extends LiveEventName> = Parameters<ClientToServerEvents[E]>[1] extends (
  result: Ack<infer T>,
) => void
  ? T
  : never;

/** `connecting`: before the first snapshot; `online`: connected; `offline`: lost, socket.io is reconnecting. */
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** A chat message typed here and not yet acknowledged: `waiting` for the connection, or `failed` (refused). */
export interface PendingChatMessage {
  clientId: string;
  body: string;
  status: 'sending' | 'waiting' | 'failed';
  error: LiveCallError | null;
}

/** How long a request waits for its ack. */
export const LIVE_CALL_TIMEOUT_MS = 10_000;
/** Gap recoveries in a row (missed, then a fresh join…) before the page waits for the next reconnect. */
export const MAX_RESYNC_ATTEMPTS = 4;
/** How long "Reconnected" stays up. */
export const RECONNECTED_NOTICE_MS = 5_000;
/** How long a reaction is shown. */
export const REACTION_SHOW_MS = 4_000;

/** A socket's `timeout(ms).emit(event, payload, callback)`, untyped for the generic wrapper. */
interface TimedEmitter {
  emit(event: string, payload: unknown, callback: (error: Error | null, ack: Ack<unknown>) => void): void;
}

/**
 * The state of one live meeting as this page sees it, on the signed-in person's `/live` socket
 * ({@link LiveService}). Provided per page (in the room component).
 *
 * - `meeting:join` gives the snapshot; `meeting:event` is applied with `applyLiveEvent` in sequence order,
 *   `meeting:presence` with `applyPresence`.
 * - A gap in the sequence (an event after `seq + 1`) asks `meeting:missed`; when that is incomplete, or the
 *   gap remains, the page joins again for a fresh snapshot. Events that arrive meanwhile wait in order.
 * - After a reconnect, a recovered connection (Socket.IO connection-state recovery: same rooms, missed
 *   packets replayed) keeps the state; otherwise the page joins again. A new socket (token refresh) joins.
 * - Chat messages keep their client id until acknowledged and are re-sent with it after a reconnect;
 *   unsent notes updates likewise ({@link LiveNotes}).
 */
@Injectable()
export class MeetingRoomService {
  private readonly live = inject(LiveService);
  private sessionId: string | null = null;
  private socket: LiveSocket | null = null;
  private detachSocket: (() => void) | null = null;
  /** Joined on the current socket (kept across a recovered reconnect). */
  private joined = false;
  private joining: Promise<void> | null = null;
  private resyncing = false;
  /** Gap recoveries since the sequence last advanced without one (stops a broken server from looping us). */
  private resyncAttempts = 0;
  private lostConnection = false;
  /** Events received but not applied yet (before the snapshot, during a resync, after a gap), any order. */
  private buffer: LiveEvent[] = [];
  /** Fails the requests waiting for an ack when the connection drops. */
  private readonly waiting = new Set<(error: LiveCallError) => void>();
  private clock: ReturnType<typeof setInterval> | null = null;
  private reconnectedTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  readonly snapshot = signal<MeetingSnapshot | null>(null);
  readonly connection = signal<ConnectionState>('connecting');
  /** True for a few seconds after the connection came back. */
  readonly reconnected = signal(false);
  /** Why joining failed (no access, no such session…); null while fine. */
  readonly joinError = signal<LiveCallError | null>(null);
  readonly pendingChat = signal<PendingChatMessage[]>([]);
  readonly reactions = signal<ReactionEvent[]>([]);
  /** Server time minus local time (from `time:sync`), for timers that agree across devices. */
  readonly clockOffset = signal(0);
  /** Server-corrected now (epoch ms), ticking once a second while in a meeting. */
  readonly now = signal(Date.now());
  /** Agenda item id → its notes text, updated on every local or remote change. */
  readonly notesTexts = signal<Record<string, string>>({});
  /** The last refused notes update. */
  readonly notesError = signal<LiveCallError | null>(null);

  readonly notes = new LiveNotes({
    send: (itemId, update) => this.call('notes:update', { sessionId: this.requireSession(), itemId, update }),
    canSend: () => this.ready(),
    changed: (itemId, text) => this.notesTexts.update((texts) => ({ ...texts, [itemId]: text })),
    failed: (_itemId, error) => this.notesError.set(error),
  });

  constructor() {
    effect(() => {
      const socket = this.live.openSocket();
      untracked(() => this.useSocket(socket));
    });
    inject(DestroyRef).onDestroy(() => this.destroy());
  }

  /** Enters the meeting of `sessionId` (again after a route change to another session). */
  enter(sessionId: string): void {
    if (this.sessionId === sessionId) return;
    if (this.sessionId && this.joined) void this.call('meeting:leave', { sessionId: this.sessionId }).catch(noop);
    this.sessionId = sessionId;
    this.joined = false;
    this.buffer = [];
    this.snapshot.set(null);
    this.joinError.set(null);
    this.pendingChat.set([]);
    this.startClock();
    if (this.socket?.connected) void this.join();
  }

  /** The Y.Text of an item's notes (bind an editor to it; local edits are sent automatically). */
  notesText(itemId: string): Y.Text {
    return this.notes.text(itemId);
  }

  // ---- actions --------------------------------------------------------------------------------------------

  start(): Promise<LiveAckData<'meeting:start'>> {
    return this.call('meeting:start', { sessionId: this.requireSession() });
  }

  advance(): Promise<LiveAckData<'agenda:advance'>> {
    return this.call('agenda:advance', { sessionId: this.requireSession() });
  }

  back(): Promise<LiveAckData<'agenda:back'>> {
    return this.call('agenda:back', { sessionId: this.requireSession() });
  }

  timer(action: 'pause' | 'resume' | 'reset'): Promise<LiveAckData<'agenda:timer'>> {
    return this.call('agenda:timer', { sessionId: this.requireSession(), action });
  }

  async end(): Promise<LiveAckData<'meeting:end'>> {
    const result = await this.call('meeting:end', { sessionId: this.requireSession() });
    // The meeting.ended event carries it too; the ack may come first.
    this.snapshot.update((s) => (s && !s.minutesId ? { ...s, minutesId: result.minutesId } : s));
    return result;
  }

  raiseHand(): Promise<LiveAckData<'hand:raise'>> {
    return this.call('hand:raise', { sessionId: this.requireSession() });
  }

  /** Lowers my hand (or yields the floor); a chair passes someone's `userId`. */
  lowerHand(userId?: string): Promise<LiveAckData<'hand:lower'>> {
    const sessionId = this.requireSession();
    return this.call('hand:lower', userId ? { sessionId, userId } : { sessionId });
  }

  grantFloor(userId: string): Promise<LiveAckData<'floor:grant'>> {
    return this.call('floor:grant', { sessionId: this.requireSession(), userId });
  }

  openPoll(input: Omit<OpenPollInput, 'sessionId'>): Promise<LiveAckData<'poll:open'>> {
    return this.call('poll:open', { ...input, sessionId: this.requireSession() });
  }

  async vote(pollId: string, choice: string): Promise<LiveAckData<'poll:vote'>> {
    const poll = await this.call('poll:vote', { sessionId: this.requireSession(), pollId, choice });
    // My own choice is not in the broadcast: keep it (sequence untouched; the reducer keeps it afterwards).
    this.snapshot.update((s) =>
      s?.poll?.id === pollId ? { ...s, poll: { ...s.poll, myChoice: poll.myChoice ?? choice, voted: true } } : s,
    );
    return poll;
  }

  closePoll(pollId: string): Promise<LiveAckData<'poll:close'>> {
    return this.call('poll:close', { sessionId: this.requireSession(), pollId });
  }

  react(reaction: Reaction): Promise<LiveAckData<'meeting:react'>> {
    return this.call('meeting:react', { sessionId: this.requireSession(), reaction });
  }

  /** Sends a chat message; it stays in `pendingChat` until acknowledged, re-sent with the same client id. */
  sendChat(body: string): string {
    const clientId = newClientId();
    this.pendingChat.update((list) => [...list, { clientId, body, status: 'sending', error: null }]);
    this.deliverChat(clientId);
    return clientId;
  }

  retryChat(clientId: string): void {
    this.deliverChat(clientId);
  }

  discardChat(clientId: string): void {
    this.pendingChat.update((list) => list.filter((m) => m.clientId !== clientId));
  }

  /**
   * Sends a client event and resolves with the ack's data; rejects with a {@link LiveCallError} carrying the
   * server's error, or `OFFLINE`/`TIMEOUT` (status 0) when there was no answer.
   */
  call<E extends LiveEventName>(event: E, payload: LivePayload<E>): Promise<LiveAckData<E>> {
    return new Promise<LiveAckData<E>>((resolve, reject) => {
      const socket = this.socket;
      if (!socket?.connected) {
        reject(LiveCallError.offline());
        return;
      }
      let settled = false;
      const fail = (error: LiveCallError) => {
        if (settled) return;
        settled = true;
        this.waiting.delete(fail);
        reject(error);
      };
      this.waiting.add(fail);
      const emitter = socket.timeout(LIVE_CALL_TIMEOUT_MS) as unknown as TimedEmitter;
      emitter.emit(event, payload, (error, ack) => {
        if (settled) return;
        if (error || !ack) {
          fail(LiveCallError.timeout());
          return;
        }
        settled = true;
        this.waiting.delete(fail);
        if (ack.ok) resolve(ack.data as LiveAckData<E>);
        else reject(LiveCallError.fromAck(ack.error));
      });
    });
  }

  /** Elapsed time of the current agenda item (ms), by the server's clock. */
  itemElapsed(now = this.now()): number {
    const timer = this.snapshot()?.meeting.timer;
    if (!timer) return 0;
    return timer.accumulatedMs + (timer.runningSince ? Math.max(0, now - Date.parse(timer.runningSince)) : 0);
  }

  // ---- socket ---------------------------------------------------------------------------------------------

  private useSocket(socket: LiveSocket | null): void {
    if (socket === this.socket || this.destroyed) return;
    this.detachSocket?.();
    this.detachSocket = null;
    this.failWaiting();
    this.joined = false;
    this.socket = socket;
    if (!socket) {
      this.markOffline();
      return;
    }
    const onConnect = () => this.onConnect(socket);
    const onDisconnect = () => this.onDisconnect();
    const onEvent = (event: LiveEvent) => this.onEvent(event);
    const onPresence = (delta: PresenceDelta) => this.onPresence(delta);
    const onReaction = (reaction: ReactionEvent) => this.onReaction(reaction);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('meeting:event', onEvent);
    socket.on('meeting:presence', onPresence);
    socket.on('meeting:reaction', onReaction);
    this.detachSocket = () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('meeting:event', onEvent);
      socket.off('meeting:presence', onPresence);
      socket.off('meeting:reaction', onReaction);
    };
    if (socket.connected) this.onConnect(socket);
  }

  private onConnect(socket: LiveSocket): void {
    this.connection.set('online');
    if (this.lostConnection) {
      this.lostConnection = false;
      this.reconnected.set(true);
      if (this.reconnectedTimer) clearTimeout(this.reconnectedTimer);
      this.reconnectedTimer = setTimeout(() => this.reconnected.set(false), RECONNECTED_NOTICE_MS);
    }
    if (this.joined && socket.recovered) {
      // Same rooms, missed packets replayed by Socket.IO: keep the state, send what waited.
      void this.syncTime();
      this.drain();
      this.flushOutbox();
      return;
    }
    this.joined = false;
    void this.join();
  }

  private onDisconnect(): void {
    this.markOffline();
    this.failWaiting();
  }

  private markOffline(): void {
    if (this.snapshot() || this.joined) {
      this.lostConnection = true;
      this.connection.set('offline');
    } else if (this.connection() !== 'offline') {
      this.connection.set(this.lostConnection ? 'offline' : 'connecting');
    }
    this.reconnected.set(false);
  }

  private failWaiting(): void {
    for (const fail of [...this.waiting]) fail(LiveCallError.offline());
    this.waiting.clear();
  }

  private join(): Promise<void> {
    const sessionId = this.sessionId;
    if (!sessionId || !this.socket?.connected) return Promise.resolve();
    if (this.joining) return this.joining;
    this.joining = (async () => {
      try {
        const snapshot = await this.call('meeting:join', { sessionId });
        if (sessionId !== this.sessionId || this.destroyed) return;
        this.joined = true;
        this.joinError.set(null);
        this.install(snapshot);
      } catch (raw) {
        const error = toLiveCallError(raw);
        if (!error.transient && sessionId === this.sessionId) this.joinError.set(error);
        return;
      } finally {
        this.joining = null;
      }
      void this.syncTime();
      this.drain();
      this.flushOutbox();
    })();
    return this.joining;
  }

  private install(snapshot: MeetingSnapshot): void {
    this.notes.load(snapshot.notes.items);
    const texts: Record<string, string> = {};
    for (const item of snapshot.agenda) texts[item.id] = this.notes.text(item.id).toString();
    this.notesTexts.set(texts);
    const delivered = new Set(
      snapshot.chat.filter((m) => m.author.userId === snapshot.me.userId).map((m) => m.clientId),
    );
    this.pendingChat.update((list) => list.filter((m) => !delivered.has(m.clientId)));
    this.snapshot.set(snapshot);
  }

  private ready(): boolean {
    return !!this.socket?.connected && this.joined && this.joining === null;
  }

  private onEvent(event: LiveEvent): void {
    if (event.sessionId !== this.sessionId) return;
    this.buffer.push(event);
    if (this.joined && !this.joining && !this.resyncing && this.snapshot()) this.drain();
  }

  /** Applies buffered events in sequence order; at a gap, keeps the rest and asks for the missing ones. */
  private drain(): void {
    const current = this.snapshot();
    if (!current) return;
    const events = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const seq = this.snapshot()?.meeting.seq ?? 0;
      if (event.seq <= seq) continue;
      if (event.seq === seq + 1) {
        this.apply(event);
        continue;
      }
      this.buffer = events.slice(i);
      void this.resync();
      return;
    }
    this.resyncAttempts = 0;
  }

  private apply(event: LiveEvent): void {
    if (event.type === 'notes.update') this.notes.applyRemote(event.itemId, event.update);
    if (event.type === 'chat.message') {
      const { clientId, author } = event.message;
      if (author.userId === this.snapshot()?.me.userId) this.discardChat(clientId);
    }
    this.snapshot.update((s) => (s ? applyLiveEvent(s, event) : s));
  }

  /**
   * Fills a gap with `meeting:missed`; joins again for a fresh snapshot when the server cannot (more than it
   * keeps) or when the gap remains after that. Offline, the events wait for the reconnect.
   */
  private async resync(): Promise<void> {
    const sessionId = this.sessionId;
    const snapshot = this.snapshot();
    if (this.resyncing || !sessionId || !snapshot) return;
    const attempt = ++this.resyncAttempts;
    if (attempt > MAX_RESYNC_ATTEMPTS) return; // the server keeps skipping numbers: wait for the next join
    let rejoin = attempt > 1;
    if (!rejoin) {
      this.resyncing = true;
      try {
        const missed = await this.call('meeting:missed', { sessionId, afterSeq: snapshot.meeting.seq });
        if (sessionId !== this.sessionId) return;
        if (missed.complete) this.buffer.push(...missed.events);
        else rejoin = true;
      } catch (raw) {
        if (toLiveCallError(raw).transient) return; // the reconnect drains or joins again
        rejoin = true;
      } finally {
        this.resyncing = false;
      }
    }
    if (rejoin) {
      this.joined = false;
      await this.join();
      return;
    }
    if (this.joined && !this.joining) this.drain();
  }

  private onPresence(delta: PresenceDelta): void {
    if (delta.sessionId !== this.sessionId) return;
    // Before the snapshot the delta is already part of it.
    this.snapshot.update((s) => (s ? applyPresence(s, delta) : s));
  }

  private onReaction(reaction: ReactionEvent): void {
    if (reaction.sessionId !== this.sessionId) return;
    this.reactions.update((list) => [...list.slice(-19), reaction]);
    setTimeout(() => this.reactions.update((list) => list.filter((r) => r !== reaction)), REACTION_SHOW_MS);
  }

  private flushOutbox(): void {
    this.notes.flush();
    for (const message of this.pendingChat()) {
      if (message.status !== 'failed') this.deliverChat(message.clientId);
    }
  }

  private deliverChat(clientId: string): void {
    const message = this.pendingChat().find((m) => m.clientId === clientId);
    const sessionId = this.sessionId;
    if (!message || !sessionId) return;
    if (!this.ready()) {
      this.setChatStatus(clientId, 'waiting', null);
      return;
    }
    this.setChatStatus(clientId, 'sending', null);
    this.call('chat:send', { sessionId, clientId, body: message.body }).then(
      (sent) => {
        this.discardChat(clientId);
        this.addChat(sent);
      },
      (raw: unknown) => {
        const error = toLiveCallError(raw);
        if (error.transient) this.setChatStatus(clientId, 'waiting', null);
        else this.setChatStatus(clientId, 'failed', error);
      },
    );
  }

  private setChatStatus(clientId: string, status: PendingChatMessage['status'], error: LiveCallError | null): void {
    this.pendingChat.update((list) => list.map((m) => (m.clientId === clientId ? { ...m, status, error } : m)));
  }

  /** The acked message, in case its event is still on the way (the reducer de-duplicates by id). */
  private addChat(message: ChatMessage): void {
    this.snapshot.update((s) => {
      if (!s || s.chat.some((m) => m.id === message.id)) return s;
      const chat = [...s.chat, message].sort((a, b) => a.seq - b.seq).slice(-LIVE_LIMITS.chatHistory);
      return { ...s, chat };
    });
  }

  private async syncTime(): Promise<void> {
    try {
      const sent = Date.now();
      const { serverTime } = await this.call('time:sync', {});
      const received = Date.now();
      this.clockOffset.set(Math.round(serverTime - (sent + received) / 2));
      this.now.set(Date.now() + this.clockOffset());
    } catch {
      // keep the previous offset
    }
  }

  private startClock(): void {
    if (this.clock !== null) return;
    this.clock = setInterval(() => this.now.set(Date.now() + this.clockOffset()), 1000);
  }

  private requireSession(): string {
    if (!this.sessionId) throw LiveCallError.offline();
    return this.sessionId;
  }

  private destroy(): void {
    if (this.sessionId && this.joined) void this.call('meeting:leave', { sessionId: this.sessionId }).catch(noop);
    this.destroyed = true;
    this.detachSocket?.();
    this.failWaiting();
    if (this.clock !== null) clearInterval(this.clock);
    if (this.reconnectedTimer) clearTimeout(this.reconnectedTimer);
    this.notes.destroy();
  }
}

function noop(): void {
  // nothing to do
}
