import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NotificationKind, NotificationView } from '@kengash/contracts';
import { of } from 'rxjs';
import { AuthService } from './auth.service';
import { LiveService, LiveSocket } from './live.service';

type Handler = (...args: unknown[]) => void;

/** A stand-in for a socket.io client socket: records handlers and lets the test fire events. */
class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  disconnected = false;
  constructor(readonly token: string) {}
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    return this;
  }
}

describe('LiveService', () => {
  const token = signal<string | null>(null);
  const auth = { accessToken: token, renewAccessToken: jest.fn(() => of('token-2')) };
  let sockets: FakeSocket[];
  let sut: LiveService;

  const notification: NotificationView = {
    id: 'n1',
    kind: NotificationKind.SessionChanged,
    title: 'Session changed',
    body: 'New time',
    link: '/sessions/s1',
    createdAt: '2025-04-01T10:00:00Z',
    readAt: null,
  };

  async function settle(): Promise<void> {
    TestBed.tick();
    await Promise.resolve();
    await Promise.resolve();
  }

  beforeEach(() => {
    token.set(null);
    sockets = [];
    auth.renewAccessToken.mockClear();
    TestBed.configureTestingModule({ providers: [{ provide: AuthService, useValue: auth }] });
    sut = TestBed.inject(LiveService);
    sut.factory = (t) => {
      const socket = new FakeSocket(t);
      sockets.push(socket);
      return Promise.resolve(socket as unknown as LiveSocket);
    };
  });

  it('opens no socket while nobody is signed in', async () => {
    await settle();
    expect(sockets).toHaveLength(0);
  });

  it('connects with the access token and passes on new notifications', async () => {
    const received: NotificationView[] = [];
    sut.notifications$.subscribe((n) => received.push(n));
    token.set('token-1');
    await settle();

    expect(sockets.map((s) => s.token)).toEqual(['token-1']);
    sockets[0].emit('connect');
    expect(sut.connected()).toBe(true);
    sockets[0].emit('notification:new', notification);
    expect(received).toEqual([notification]);
  });

  it('reconnects with the fresh token after a refresh, and closes on sign-out', async () => {
    let reconnects = 0;
    sut.reconnected$.subscribe(() => reconnects++);
    token.set('token-1');
    await settle();
    sockets[0].emit('connect');

    token.set('token-2');
    await settle();
    expect(sockets[0].disconnected).toBe(true);
    expect(sockets[1].token).toBe('token-2');
    sockets[1].emit('connect');
    expect(reconnects).toBe(1);

    token.set(null);
    await settle();
    expect(sockets[1].disconnected).toBe(true);
    expect(sut.connected()).toBe(false);
  });

  it('exposes the open socket, replaced after a refresh and cleared on sign-out', async () => {
    expect(sut.openSocket()).toBeNull();
    token.set('token-1');
    await settle();
    expect(sut.openSocket()).toBe(sockets[0]);

    token.set('token-2');
    await settle();
    expect(sut.openSocket()).toBe(sockets[1]);

    token.set(null);
    await settle();
    expect(sut.openSocket()).toBeNull();
  });

  it('asks for a fresh token once when the server refuses the connection', async () => {
    token.set('token-1');
    await settle();
    sockets[0].emit('connect_error', new Error('unauthorized'));
    sockets[0].emit('connect_error', new Error('unauthorized'));

    expect(auth.renewAccessToken).toHaveBeenCalledTimes(1);
    expect(auth.renewAccessToken).toHaveBeenCalledWith('token-1');
  });
});
