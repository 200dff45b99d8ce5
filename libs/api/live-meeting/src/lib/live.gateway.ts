import { Action, AuthConfig, Can, CAN_METADATA } from '@kengash/api-core';
import {
  Ack,
  ClientToServerEvents,
  ErrorCode,
  LIVE_NAMESPACE,
  ServerToClientEvents,
  TimeSyncResult,
} from '@kengash/contracts';
import { AccessEventsService, decide, Principal, PrincipalService } from '@kengash/api-identity';
import { NotificationBusService } from '@kengash/api-notifications';
import { BeforeApplicationShutdown, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';

export interface LiveSocketData {
  principal: Principal;
}

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export const userRoom = (userId: string) => `user:${userId}`;

/**
 * The live-meeting namespace. A connection needs a valid access token in the handshake `auth.token`
 * (never the query string) and, from a browser, an allowed `Origin`. Meeting rooms, presence and the rest
 * arrive with the live-meeting issue.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly allowedOrigins: string[];
  private subscription?: Subscription;

  @WebSocketServer()
  private readonly namespace!: Namespace<
    ClientToServerEvents,
    ServerToClientEvents,
    Record<string, never>,
    LiveSocketData
  >;

  constructor(
    private readonly principals: PrincipalService,
    private readonly accessEvents: AccessEventsService,
    private readonly notificationBus: NotificationBusService,
    private readonly reflector: Reflector,
    config: ConfigService,
  ) {
    this.allowedOrigins = config.getOrThrow<AuthConfig>('auth').allowedOrigins;
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

  /** Checks a handler's declared action for the socket's principal (same policy as REST). */
  private allowed<T>(socket: LiveSocket, handler: (...args: never[]) => unknown): Ack<T> | null {
    const action = this.reflector.get<Action | undefined>(CAN_METADATA, handler);
    const decision = action
      ? decide(socket.data.principal ?? null, action)
      : { allowed: false as const, reason: 'forbidden' as const };
    if (decision.allowed) return null;
    const code = decision.reason === 'unauthenticated' ? ErrorCode.Unauthenticated : ErrorCode.Forbidden;
    return {
      ok: false,
      error: {
        statusCode: code === ErrorCode.Unauthenticated ? 401 : 403,
        code,
        message: 'Not allowed',
        correlationId: socket.id,
      },
    };
  }

  @SubscribeMessage('time:sync')
  @Can(Action.SignedIn)
  timeSync(socket: LiveSocket): Ack<TimeSyncResult> {
    return this.allowed<TimeSyncResult>(socket, this.timeSync) ?? { ok: true, data: { serverTime: Date.now() } };
  }

  /** On SIGTERM: tell every client why, then close its connection so it reconnects elsewhere. */
  beforeApplicationShutdown(): void {
    if (!this.namespace) return;
    const count = this.namespace.sockets.size;
    this.namespace.emit('server:shutdown', {
      reason: 'server_shutdown',
      message: 'This server is restarting; you will be reconnected.',
    });
    this.namespace.disconnectSockets(true);
    if (count) this.logger.log(`Closed ${count} live connection(s) for shutdown`);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
