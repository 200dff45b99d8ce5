import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { ClientToServerEvents, LIVE_NAMESPACE, NotificationView, ServerToClientEvents } from '@kengash/contracts';
import type { Socket } from 'socket.io-client';
import { Observable, Subject } from 'rxjs';
import { AuthService } from './auth.service';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens a socket; replaced in tests. The client library is loaded on first use, only once someone signs in. */
export type LiveSocketFactory = (token: string) => Promise<LiveSocket>;

export const defaultLiveSocketFactory: LiveSocketFactory = async (token) => {
  const { io } = await import('socket.io-client');
  return io(LIVE_NAMESPACE, { auth: { token }, transports: ['websocket'] });
};

/**
 * The signed-in person's connection to the `/live` namespace. It follows the access token: opened
 * when someone signs in, re-opened with the fresh token after each refresh, closed on sign-out.
 * Each new in-app notification arrives on `notifications$`; `reconnected$` tells listeners to
 * re-read what they may have missed while the connection was down.
 */
@Injectable({ providedIn: 'root' })
export class LiveService {
  private readonly auth = inject(AuthService);
  private readonly notificationsSubject = new Subject<NotificationView>();
  private readonly reconnectedSubject = new Subject<void>();
  private socket: LiveSocket | null = null;
  private readonly currentSocket = signal<LiveSocket | null>(null);
  private socketToken: string | null = null;
  /** Bumped on each change, so a socket that finishes opening after a newer change is dropped. */
  private generation = 0;

  /** Replaceable for tests. */
  factory: LiveSocketFactory = defaultLiveSocketFactory;

  readonly connected = signal(false);
  /**
   * The open socket (null while signed out or opening). A new socket replaces it after each token refresh,
   * so pages that hold state on it (the live meeting room) follow this signal and join again.
   */
  readonly openSocket = this.currentSocket.asReadonly();
  readonly notifications$: Observable<NotificationView> = this.notificationsSubject.asObservable();
  readonly reconnected$: Observable<void> = this.reconnectedSubject.asObservable();

  constructor() {
    effect(() => {
      const token = this.auth.accessToken();
      untracked(() => this.follow(token));
    });
    inject(DestroyRef).onDestroy(() => this.close());
  }

  private follow(token: string | null): void {
    if (token === this.socketToken) {
      return;
    }
    const hadSocket = this.socket !== null;
    this.close();
    if (!token) {
      return;
    }
    this.socketToken = token;
    const generation = ++this.generation;
    void this.factory(token).then(
      (socket) => {
        if (generation !== this.generation) {
          socket.disconnect();
          return;
        }
        this.attach(socket, token, hadSocket);
      },
      () => this.connected.set(false),
    );
  }

  private attach(socket: LiveSocket, token: string, reopened: boolean): void {
    this.socket = socket;
    let connects = reopened ? 1 : 0;
    socket.on('connect', () => {
      this.connected.set(true);
      if (connects++ > 0) {
        this.reconnectedSubject.next();
      }
    });
    socket.on('disconnect', () => this.connected.set(false));
    let renewed = false;
    socket.on('connect_error', () => {
      this.connected.set(false);
      // Most likely an expired token: a refresh changes `accessToken`, and the effect re-opens.
      // Once per socket; otherwise socket.io keeps retrying on its own.
      if (!renewed) {
        renewed = true;
        this.auth.renewAccessToken(token).subscribe();
      }
    });
    socket.on('notification:new', (notification) => this.notificationsSubject.next(notification));
    this.currentSocket.set(socket);
  }

  private close(): void {
    this.generation++;
    this.socketToken = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.currentSocket.set(null);
    this.connected.set(false);
  }
}
