import { ErrorResponse } from './errors';
import { NotificationView } from './scheduling';

/** Socket.IO namespace of live meetings. */
export const LIVE_NAMESPACE = '/live';

/** Every ack is either `{ ok: true, data }` or `{ ok: false, error }`. */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: Omit<ErrorResponse, 'statusCode'> & { statusCode: number } };

export interface TimeSyncResult {
  /** Server time in epoch milliseconds, for clients to correct their agenda timers. */
  serverTime: number;
}

export interface ServerShutdownNotice {
  reason: 'server_shutdown';
  message: string;
}

/** Events a client sends (the gateway's handlers). */
export interface ClientToServerEvents {
  'time:sync': (payload: Record<string, never>, ack: (result: Ack<TimeSyncResult>) => void) => void;
}

/** Events the server emits. */
export interface ServerToClientEvents {
  'server:shutdown': (notice: ServerShutdownNotice) => void;
  /** A new in-app notification for the signed-in person (sent to their own sockets only). */
  'notification:new': (n: NotificationView) => void;
}

export type LiveEventName = keyof ClientToServerEvents;
export const LIVE_CLIENT_EVENTS: readonly LiveEventName[] = ['time:sync'];
