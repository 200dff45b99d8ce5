import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, RedisClientType } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** Largest Socket.IO message accepted (chat, notes batches); bigger ones close the connection. */
export const LIVE_MAX_MESSAGE_BYTES = 64 * 1024;
/** How long a dropped client's missed events are kept for it (connection-state recovery). */
export const LIVE_RECOVERY_MS = 2 * 60_000;

/**
 * Socket.IO for every API instance: with `REDIS_URL` the instances share rooms through the Redis Streams
 * adapter (which keeps connection-state recovery working across instances); without it, one instance and the
 * in-memory adapter. Messages are capped at 64 KB.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly logger = new Logger(LiveIoAdapter.name);
  private redis?: RedisClientType;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
  ) {
    super(app);
  }

  /** Connects to Redis before the gateways start (called once from bootstrap). */
  async connect(): Promise<void> {
    if (!this.redisUrl) return;
    this.redis = createClient({ url: this.redisUrl });
    this.redis.on('error', (e: Error) => this.logger.error({ err: e }, 'Redis connection error'));
    await this.redis.connect();
    this.logger.log('Socket.IO uses the Redis Streams adapter: rooms are shared by every API instance');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: LIVE_MAX_MESSAGE_BYTES,
      connectionStateRecovery: { maxDisconnectionDuration: LIVE_RECOVERY_MS, skipMiddlewares: false },
      ...(this.redis ? { adapter: createAdapter(this.redis) } : {}),
    }) as Server;
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    if (this.redis?.isOpen) this.redis.destroy();
  }
}
