import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface ApiProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` and resolves with the exit code (or the signal) once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  exited: Promise<number | string>;
}

export const API_MAIN = resolve(__dirname, '../../../../../dist/apps/api/main.js');

export function freeLoopbackPort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

/** Runs the built API (`dist/apps/api/main.js`) as a real process, like `npm start` does. */
export function runApi(args: string[], env: Record<string, string>): ApiProcess & { port: number } {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
  const port = Number(env['PORT'] ?? 0);
  const child = spawn(process.execPath, [API_MAIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((res) => child.on('exit', (code, signal) => res(code ?? signal ?? -1)));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => out,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts the API and waits (bounded) until `/api/health/ready` answers 200. */
export async function startApi(env: Record<string, string>, timeoutMs = 90_000): Promise<ApiProcess> {
  const port = env['PORT'] ? Number(env['PORT']) : await freeLoopbackPort();
  const api = runApi([], { HOST: '127.0.0.1', DEMO_DATA: 'false', ...env, PORT: String(port) });
  const deadline = Date.now() + timeoutMs;
  let exitedEarly: number | string | undefined;
  void api.exited.then((code) => (exitedEarly = code));
  while (Date.now() < deadline) {
    if (exitedEarly !== undefined) throw new Error(`The API exited (${exitedEarly}) during start:\n${api.output()}`);
    const ok = await fetch(`${api.baseUrl}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return api;
    await new Promise((r) => setTimeout(r, 200));
  }
  await api.stop('SIGKILL');
  throw new Error(`The API did not become ready within ${timeoutMs} ms:\n${api.output()}`);
}
