import { Ack, ClientToServerEvents, LIVE_NAMESPACE, ServerToClientEvents, TimeSyncResult } from '@kengash/contracts';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';

/**
 * The live-meeting namespace. Meeting rooms, presence and the rest arrive with the live-meeting issue;
 * this gateway already owns the namespace, the time sync clients use for agenda timers, and the
 * shutdown notice.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  private readonly namespace!: Namespace<ClientToServerEvents, ServerToClientEvents>;

  @SubscribeMessage('time:sync')
  timeSync(): Ack<TimeSyncResult> {
    return { ok: true, data: { serverTime: Date.now() } };
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
}
