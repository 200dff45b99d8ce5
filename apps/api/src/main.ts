import { describeAuditVerification, verifyAuditChain } from '@kengash/api-audit';
import {
  ConfigError,
  EmbeddedDatabase,
  Env,
  loadSecrets,
  parseEnv,
  startEmbeddedPostgres,
  typeormOptions,
} from '@kengash/api-core';
import { existsSync } from 'node:fs';
import { pino, type Logger as PinoLogger } from 'pino';
import { DataSource } from 'typeorm';
import { accessInventory } from './app/access-inventory';
import { createApp } from './app/create-app';
import { ENTITIES } from './app/entities';
import { seedDemoData } from './demo/seed';

const MIGRATION_LOCK = 4_212_024; // any constant shared by every instance

type Command = 'serve' | 'db:migrate' | 'db:seed' | 'audit:verify' | 'access:list';
const COMMANDS: readonly Command[] = ['serve', 'db:migrate', 'db:seed', 'audit:verify', 'access:list'];

function readEnv(): Env {
  // A `.env` file in the working folder fills in variables that are not already set (Node's own parser).
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      // One line, naming the variable; no stack trace.
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
}

async function openDatabase(
  env: Env,
  log: PinoLogger,
): Promise<EmbeddedDatabase | { url: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => undefined };
  log.info({ dataDir: env.DATA_DIR }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
  const db = await startEmbeddedPostgres({
    dataDir: env.DATA_DIR,
    log: (m) => log.debug({ source: 'postgres' }, m),
    warn: (m) => log.warn(m),
  });
  log.info({ port: db.port }, 'Embedded PostgreSQL is ready');
  return db;
}

/** Runs migrations (and the demo data when asked) on a short-lived connection, then closes it. */
async function prepareDatabase(url: string, seed: boolean, log: PinoLogger): Promise<void> {
  const ds = new DataSource(typeormOptions(url, ENTITIES, { runMigrations: false }));
  await ds.initialize();
  // Several instances may start together (docker-compose replicas): one migrates and seeds at a time.
  const lock = ds.createQueryRunner();
  await lock.connect();
  await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'Applied migrations');
    if (seed) {
      const loaded = await seedDemoData(ds);
      log.info(loaded ? 'Loaded the demo data' : 'Demo data already present');
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}

/** Walks the audit log's hash chain and prints one line; the exit code is 1 when the chain is broken. */
async function verifyAudit(url: string): Promise<number> {
  const ds = new DataSource(typeormOptions(url, ENTITIES, { runMigrations: false }));
  await ds.initialize();
  try {
    const result = await verifyAuditChain(ds);
    process.stdout.write(`${describeAuditVerification(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const command = (process.argv[2] ?? 'serve') as Command;
  if (!COMMANDS.includes(command)) {
    process.stderr.write(`Unknown command "${command}"; use one of: ${COMMANDS.join(', ')}\n`);
    process.exit(64);
  }
  const env = readEnv();
  const log = pino({ level: env.LOG_LEVEL, base: { service: 'kengash-api' } });
  const db = await openDatabase(env, log);

  let exiting = false;
  const shutdown = async (signal: string, close: () => Promise<void>) => {
    if (exiting) return;
    exiting = true;
    log.info({ signal }, 'Shutting down: no new connections, finishing in-flight requests');
    const timer = setTimeout(() => {
      log.error('Shutdown took too long; stopping the database and exiting');
      void db.stop().finally(() => process.exit(1));
    }, env.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await close();
      await db.stop();
      log.info('Stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'Error during shutdown');
      await db.stop().catch(() => undefined);
      process.exit(1);
    }
  };

  try {
    if (command !== 'serve') {
      await prepareDatabase(db.url, command === 'db:seed', log);
      if (command === 'audit:verify') process.exitCode = await verifyAudit(db.url);
      if (command === 'access:list') {
        // Every REST route and socket event with its declared action, as JSON (for the authorization matrix).
        const { app } = await createApp({ ...env, LOG_LEVEL: 'silent' }, db.url, await loadSecrets(env));
        await app.init();
        process.stdout.write(JSON.stringify(accessInventory(app, 'api')) + '\n');
        await app.close();
      }
      await db.stop();
      return;
    }
    await prepareDatabase(db.url, env.DEMO_DATA, log);
    const { app, beginShutdown } = await createApp(env, db.url, await loadSecrets(env));
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(
        signal,
        () =>
          void shutdown(signal, () => {
            beginShutdown();
            return app.close();
          }),
      );
    }
    await app.listen(env.PORT, env.HOST);
    log.info({ url: env.PUBLIC_URL, port: env.PORT }, `Kengash is serving on port ${env.PORT}`);
  } catch (e) {
    log.fatal({ err: e }, e instanceof Error ? e.message : 'Start failed');
    await db.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
