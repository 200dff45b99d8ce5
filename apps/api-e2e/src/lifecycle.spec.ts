import { ClientToServerEvents, LIVE_NAMESPACE, ServerShutdownNotice, ServerToClientEvents } from '@kengash/contracts';
import { API_MAIN, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import { spawnSync } from 'node:child_process';
import { io, Socket } from 'socket.io-client';
import { client, DEMO_PASSWORD, demo } from './support/http';

describe('API process lifecycle', () => {
  it('refuses to boot on a bad config value with one line naming the variable', () => {
    const result = spawnSync(process.execPath, [API_MAIN], {
      env: { PATH: process.env['PATH'] ?? '', PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a whole number (got "abc")');
    expect(result.stdout).toBe('');
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DEMO_DATA', 'sometimes'],
    ['CORS_ORIGINS', 'not a url'],
  ])('names %s when its value is bad', (name, value) => {
    const result = spawnSync(process.execPath, [API_MAIN], {
      env: { PATH: process.env['PATH'] ?? '', [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid configuration: ${name}`);
  });

  describe('graceful shutdown', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('shutdown');
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('serves Socket.IO on the same port, and on SIGTERM tells live clients why and exits 0', async () => {
      const api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true' });
      const session = await client(api.baseUrl).session(demo('psychologist'), DEMO_PASSWORD);
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${api.baseUrl}${LIVE_NAMESPACE}`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: session.accessToken },
      });
      try {
        await new Promise<void>((res, rej) => {
          socket.once('connect', () => res());
          socket.once('connect_error', rej);
        });
        const before = Date.now();
        const ack = await socket.timeout(5000).emitWithAck('time:sync', {});
        expect(ack.ok).toBe(true);
        if (ack.ok) expect(Math.abs(ack.data.serverTime - before)).toBeLessThan(5000);

        const notice = new Promise<ServerShutdownNotice>((res) => socket.once('server:shutdown', res));
        const disconnected = new Promise<string>((res) => socket.once('disconnect', res));
        // An in-flight request during SIGTERM still completes.
        const inFlight = fetch(`${api.baseUrl}/api/council/groups`);
        const code = api.stop('SIGTERM');
        expect((await notice).reason).toBe('server_shutdown');
        // The transport is closed (not an `io server disconnect`), so clients reconnect by themselves.
        expect(await disconnected).toBe('transport close');
        expect((await inFlight).status).toBeLessThan(500);
        const exitCode = await code;
        if (exitCode !== 0) console.log(api.output());
        expect(exitCode).toBe(0);
        expect(api.output()).not.toMatch(/Error|end on pool more than once/);
      } finally {
        socket.close();
        await api.stop('SIGKILL');
      }
    });
  });
});
