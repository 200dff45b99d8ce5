import { Action, AuthConfig, Can, CAN_METADATA, DomainException, LiveConfig } from '@kengash/api-core';
import {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ERROR_CODE_STATUS,
  ErrorCode,
  LIVE_NAMESPACE,
  LiveEvent,
  MeetingCapabilities,
  MeetingSnapshot,
  MeetingState,
  MissedEvents,
  PollView,
  ServerToClientEvents,
  SpeakerQueue,
  TimeSyncResult,
} from '@kengash/contracts';
import { AccessEventsService, decide, Principal, PrincipalService } from '@kengash/api-identity';
import { NotificationBusService } from '@kengash/api-notifications';
import { BeforeApplicationShutdown, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { LIVE_SCHEMAS, parsePayload } from './live.schemas';
import { JoinedMeeting, MeetingService } from './meeting.service';
import { Audience } from './people';
import { PresenceService } from './presence.service';
import { EventRateLimiter } from './rate-limiter';
import { eventFor } from './redact';

export interface LiveSocketData {
  principal: Principal;
  /** Meetings this socket has joined, by session id (plain data: restored with the connection state). */
  meetings?: Record<string, JoinedMeeting>;
}

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export const userRoom = (userId: string) => `user:${userId}`;

/**
 * The key of a connection's attendance spans: `<socket id>/<random>` per Socket object. A socket restored by
 * connection-state recovery keeps its id but is a new object, so the old connection's close (which may land
 * after the new one opened) never closes the new span.
 */
const connectionKeys = new WeakMap<Socket, string>();
export function connectionKey(socket: Socket): string {
  let key = connectionKeys.get(socket);
  if (!key) {
    key = `${socket.id}/${randomUUID()}`;
    connectionKeys.set(socket, key);
  }
  return key;
}
/** Each meeting has one room per audience: observers get redacted people where a person asked for it. */
export const meetingRoom = (meetingId: string, audience: Audience) => `meeting:${meetingId}:${audience}`;

type Handler = (...args: never[]) => unknown;

/**
 * The live-meeting namespace. A connection needs a valid access token in the handshake `auth.token`
 * (never the query string) and, from a browser, an allowed `Origin`. Every handler goes through the same
 * policy as REST (`@Can` + `decide`), then the per-person rate limit, then payload validation, then the
 * meeting rules in {@link MeetingService}, which commit before anything is broadcast.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown, OnModuleDestroy
{
  private readonly logger = new Logger(LiveGateway.name);
  private readonly allowedOrigins: string[];
  private readonly limiter: EventRateLimiter;
  private subscription?: Subscription;
  private shuttingDown = false;

  @WebSocketServer()
  private readonly namespace!: LiveNamespace;

  constructor(
    private readonly principals: PrincipalService,
    private readonly accessEvents: AccessEventsService,
    private readonly notificationBus: NotificationBusService,
    private readonly meetings: MeetingService,
    private readonly presence: PresenceService,
    private readonly reflector: Reflector,
    config: ConfigService,
  ) {
    this.allowedOrigins = config.getOrThrow<AuthConfig>('auth').allowedOrigins;
    const live = config.getOrThrow<LiveConfig>('live');
    this.limiter = new EventRateLimiter(live.eventsPerSecond, live.eventsBurst);
  }

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      void this.authenticate(socket as LiveSocket).then(
        (error) => next(error ?? undefined),
        () => next(new Error('unauthenticated')),
      );
    });
    // Someone's access shrank (disabled, signed out, removed from a group): close their sockets now.
    this.subscription = this.accessEvents.revoked$.subscribe((event) => {
      this.namespace.in(userRoom(event.userId)).disconnectSockets(true);
      this.logger.log({ userId: event.userId, reason: event.reason }, 'Closed live connections after an access change');
    });
    // A new in-app notification: push it to the person's own sockets (every instance, through the adapter).
    this.subscription.add(
      this.notificationBus.created$.subscribe(({ userId, notification }) => {
        this.namespace.to(userRoom(userId)).emit('notification:new', notification);
      }),
    );
    this.presence.setEmitter((meetingId, audience, delta) => {
      this.namespace.to(meetingRoom(meetingId, audience)).emit('meeting:presence', delta);
    });
  }

  private async authenticate(socket: LiveSocket): Promise<Error | null> {
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin; a non-browser client (no Origin) cannot be driven by another site.
    if (origin && !this.allowedOrigins.includes(origin)) return new Error('origin_not_allowed');
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const principal = typeof token === 'string' ? await this.principals.fromAccessToken(token) : null;
    if (!principal) return new Error('unauthenticated');
    const decision = decide(principal, Action.SignedIn);
    if (!decision.allowed) return new Error(decision.reason);
    socket.data.principal = principal;
    await socket.join(userRoom(principal.userId));
    return null;
  }

  /** A socket restored by connection-state recovery is back in its rooms: reopen its attendance spans. */
  async handleConnection(socket: LiveSocket): Promise<void> {
    if (!socket.recovered) return;
    for (const joined of Object.values(socket.data.meetings ?? {})) {
      try {
        await this.meetings.openSpan(
          joined.meetingId,
          joined.me.userId,
          connectionKey(socket),
          this.presence.instanceId,
        );
        this.presence.joined(joined.meetingId, joined.sessionId, joined.me.userId);
      } catch (error) {
        this.logger.warn({ err: error }, 'Could not reopen attendance after a recovered connection');
      }
    }
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    if (this.shuttingDown || !Object.keys(socket.data.meetings ?? {}).length) return;
    try {
      const left = await this.meetings.closeSpans(connectionKey(socket));
      const sessions = new Map(Object.values(socket.data.meetings ?? {}).map((j) => [j.meetingId, j.sessionId]));
      for (const l of left) this.presence.left(l.meetingId, sessions.get(l.meetingId) ?? '', l.userId);
    } catch (error) {
      if (!this.shuttingDown) this.logger.warn({ err: error }, 'Could not close attendance on disconnect');
    }
  }

  // ---- the one path of every event: policy → rate limit → validation → rules → ack ---------------------

  private error(code: ErrorCode, message: string, socket: LiveSocket, details?: DomainException['details']) {
    return {
      ok: false as const,
      error: {
        statusCode: ERROR_CODE_STATUS[code],
        code,
        message,
        correlationId: socket.id,
        ...(details ? { details } : {}),
      },
    };
  }

  private async run<T>(socket: LiveSocket, handler: Handler, work: () => Promise<T> | T): Promise<Ack<T>> {
    const action = this.reflector.get<Action | undefined>(CAN_METADATA, handler);
    const decision = action
      ? decide(socket.data.principal ?? null, action)
      : { allowed: false as const, reason: 'forbidden' as const };
    if (!decision.allowed) {
      const code = decision.reason === 'unauthenticated' ? ErrorCode.Unauthenticated : ErrorCode.Forbidden;
      return this.error(code, 'Not allowed', socket);
    }
    const wait = this.limiter.take(socket.data.principal.userId);
    if (wait > 0)
      return this.error(ErrorCode.RateLimited, 'Too many live events; slow down', socket, { retryAfterMs: wait });
    try {
      return { ok: true, data: await work() };
    } catch (error) {
      if (error instanceof DomainException) return this.error(error.code, error.message, socket, error.details);
      this.logger.error({ err: error, socketId: socket.id }, 'Live event failed');
      return this.error(ErrorCode.Internal, 'Something went wrong; please try again', socket);
    }
  }

  /**
   * The meeting and the capability an event needs, checked before the rest of the payload is validated, so
   * someone not allowed to act learns nothing from validation messages.
   */
  private member(socket: LiveSocket, payload: unknown, needs?: keyof MeetingCapabilities): JoinedMeeting {
    const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
    const joined = this.joinedOf(socket, sessionId);
    if (needs && !joined.can[needs])
      throw new DomainException(
        ErrorCode.Forbidden,
        joined.can.readOnly ? 'Observers only watch the meeting' : 'Your role in this meeting does not allow this',
      );
    return joined;
  }

  private joinedOf(socket: LiveSocket, sessionId: string): JoinedMeeting {
    const joined = socket.data.meetings?.[sessionId];
    if (!joined) throw new DomainException(ErrorCode.Forbidden, 'Join the meeting first (meeting:join)');
    return joined;
  }

  private publish(joined: JoinedMeeting, ...events: (LiveEvent | null)[]): void {
    for (const event of events) {
      if (!event) continue;
      this.namespace.to(meetingRoom(joined.meetingId, 'full')).emit('meeting:event', eventFor(event, 'full'));
      this.namespace.to(meetingRoom(joined.meetingId, 'observer')).emit('meeting:event', eventFor(event, 'observer'));
    }
  }

  private async mutate<T>(
    socket: LiveSocket,
    sessionId: string,
    op: (j: JoinedMeeting) => Promise<{ event: LiveEvent | null; result: T }>,
  ) {
    const joined = this.joinedOf(socket, sessionId);
    const { event, result } = await op(joined);
    this.publish(joined, event);
    return result;
  }

  // ---- handlers ------------------------------------------------------------------------------------------

  @SubscribeMessage('time:sync')
  @Can(Action.SignedIn)
  timeSync(@ConnectedSocket() socket: LiveSocket): Promise<Ack<TimeSyncResult>> {
    return this.run(socket, this.timeSync, () => ({ serverTime: Date.now() }));
  }

  @SubscribeMessage('meeting:join')
  @Can(Action.SignedIn)
  join(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MeetingSnapshot>> {
    return this.run(socket, this.join, async () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      const joined = await this.meetings.admit(socket.data.principal, sessionId);
      await socket.join(meetingRoom(joined.meetingId, joined.audience));
      socket.data.meetings = { ...socket.data.meetings, [sessionId]: joined };
      await this.meetings.openSpan(joined.meetingId, joined.me.userId, connectionKey(socket), this.presence.instanceId);
      this.presence.joined(joined.meetingId, sessionId, joined.me.userId);
      return this.meetings.snapshot(joined);
    });
  }

  @SubscribeMessage('meeting:leave')
  @Can(Action.SignedIn)
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<{ left: true }>> {
    return this.run(socket, this.leave, async () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      const joined = this.joinedOf(socket, sessionId);
      await socket.leave(meetingRoom(joined.meetingId, joined.audience));
      const meetings = { ...socket.data.meetings };
      delete meetings[sessionId];
      socket.data.meetings = meetings;
      const left = await this.meetings.closeSpans(connectionKey(socket), joined.meetingId);
      if (left.length) this.presence.left(joined.meetingId, sessionId, joined.me.userId);
      return { left: true as const };
    });
  }

  @SubscribeMessage('meeting:missed')
  @Can(Action.SignedIn)
  missed(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MissedEvents>> {
    return this.run(socket, this.missed, () => {
      const { sessionId, afterSeq } = parsePayload(LIVE_SCHEMAS.missed, payload);
      return this.meetings.missed(this.joinedOf(socket, sessionId), afterSeq);
    });
  }

  @SubscribeMessage('meeting:start')
  @Can(Action.SignedIn)
  start(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MeetingState>> {
    return this.run(socket, this.start, () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.start(j));
    });
  }

  @SubscribeMessage('agenda:advance')
  @Can(Action.SignedIn)
  advance(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MeetingState>> {
    return this.run(socket, this.advance, () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.move(j, 1));
    });
  }

  @SubscribeMessage('agenda:back')
  @Can(Action.SignedIn)
  back(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MeetingState>> {
    return this.run(socket, this.back, () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.move(j, -1));
    });
  }

  @SubscribeMessage('agenda:timer')
  @Can(Action.SignedIn)
  timer(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<MeetingState>> {
    return this.run(socket, this.timer, () => {
      this.member(socket, payload, 'chair');
      const { sessionId, action } = parsePayload(LIVE_SCHEMAS.timer, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.timer(j, action));
    });
  }

  @SubscribeMessage('meeting:end')
  @Can(Action.SignedIn)
  end(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ state: MeetingState; minutesId: string }>> {
    return this.run(socket, this.end, async () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      const joined = this.joinedOf(socket, sessionId);
      const { events, result } = await this.meetings.end(joined);
      this.publish(joined, ...events);
      return result;
    });
  }

  @SubscribeMessage('hand:raise')
  @Can(Action.SignedIn)
  raise(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<SpeakerQueue>> {
    return this.run(socket, this.raise, () => {
      const { sessionId } = parsePayload(LIVE_SCHEMAS.ref, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.raiseHand(j));
    });
  }

  @SubscribeMessage('hand:lower')
  @Can(Action.SignedIn)
  lower(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<SpeakerQueue>> {
    return this.run(socket, this.lower, () => {
      const { sessionId, userId } = parsePayload(LIVE_SCHEMAS.lower, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.lowerHand(j, userId));
    });
  }

  @SubscribeMessage('floor:grant')
  @Can(Action.SignedIn)
  grant(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<SpeakerQueue>> {
    return this.run(socket, this.grant, () => {
      this.member(socket, payload, 'chair');
      const { sessionId, userId } = parsePayload(LIVE_SCHEMAS.grant, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.grantFloor(j, userId));
    });
  }

  @SubscribeMessage('chat:send')
  @Can(Action.SignedIn)
  chat(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<ChatMessage>> {
    return this.run(socket, this.chat, () => {
      this.member(socket, payload, 'chat');
      const { sessionId, clientId, body } = parsePayload(LIVE_SCHEMAS.chat, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.chat(j, clientId, body.trim()));
    });
  }

  @SubscribeMessage('poll:open')
  @Can(Action.SignedIn)
  openPoll(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<PollView>> {
    return this.run(socket, this.openPoll, () => {
      this.member(socket, payload, 'chair');
      const input = parsePayload(LIVE_SCHEMAS.openPoll, payload);
      return this.mutate(socket, input.sessionId, (j) => this.meetings.openPoll(j, input));
    });
  }

  @SubscribeMessage('poll:vote')
  @Can(Action.SignedIn)
  vote(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<PollView>> {
    return this.run(socket, this.vote, () => {
      this.member(socket, payload, 'vote');
      const { sessionId, pollId, choice } = parsePayload(LIVE_SCHEMAS.vote, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.vote(j, pollId, choice));
    });
  }

  @SubscribeMessage('poll:close')
  @Can(Action.SignedIn)
  closePoll(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<PollView>> {
    return this.run(socket, this.closePoll, () => {
      this.member(socket, payload, 'chair');
      const { sessionId, pollId } = parsePayload(LIVE_SCHEMAS.closePoll, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.closePoll(j, pollId));
    });
  }

  @SubscribeMessage('notes:update')
  @Can(Action.SignedIn)
  notes(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<{ seq: number }>> {
    return this.run(socket, this.notes, () => {
      this.member(socket, payload, 'takeNotes');
      const { sessionId, itemId, update } = parsePayload(LIVE_SCHEMAS.notes, payload);
      return this.mutate(socket, sessionId, (j) => this.meetings.notes(j, itemId, update));
    });
  }

  @SubscribeMessage('meeting:react')
  @Can(Action.SignedIn)
  react(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<{ sent: true }>> {
    return this.run(socket, this.react, () => {
      this.member(socket, payload, 'raiseHand');
      const { sessionId, reaction } = parsePayload(LIVE_SCHEMAS.react, payload);
      const joined = this.joinedOf(socket, sessionId);
      if (joined.can.readOnly) throw new DomainException(ErrorCode.Forbidden, 'Observers only watch the meeting');
      this.namespace
        .to([meetingRoom(joined.meetingId, 'full'), meetingRoom(joined.meetingId, 'observer')])
        .emit('meeting:reaction', { sessionId, userId: joined.me.userId, reaction, at: Date.now() });
      return { sent: true as const };
    });
  }

  /** On SIGTERM: close this instance's attendance, tell every client why, then close its connection. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.presence.closeAll();
    if (!this.namespace) return;
    const count = this.namespace.sockets.size;
    // `local`: only this instance's clients; the others keep their meetings.
    this.namespace.local.emit('server:shutdown', {
      reason: 'server_shutdown',
      message: 'This server is restarting; you will be reconnected.',
    });
    this.namespace.local.disconnectSockets(true);
    if (count) this.logger.log(`Closed ${count} live connection(s) for shutdown`);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
