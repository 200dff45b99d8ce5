import { Injectable, Logger, OnApplicationShutdown, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';

/** Where pg-boss keeps its own tables (it creates and migrates them at start; not TypeORM's business). */
export const JOBS_SCHEMA = 'pgboss';

export interface JobsOptions {
  /** PostgreSQL connection URL (the app's database). */
  url: string;
  /** Default 'pgboss'. */
  schema?: string;
  /** How often idle workers poll for jobs (pg-boss minimum 0.5 s; default 2 s). Tests use 0.5. */
  pollingIntervalSeconds?: number;
  /** How long shutdown waits for running handlers before failing them (they are retried elsewhere). */
  shutdownTimeoutMs?: number;
  /** Connections of the job pool (default 5). */
  maxConnections?: number;
  /** How often the cron monitor checks schedules (pg-boss default 30 s; 1–45). */
  cronMonitorIntervalSeconds?: number;
}

export interface SendJobOptions {
  /** Do not run before this instant. */
  startAfter?: Date;
  /**
   * At most one job with this key is pending (waiting, retrying or running) in the queue: a second `send`
   * with the same key returns null instead of queuing a duplicate. Checked under a transaction-scoped
   * advisory lock, so it holds across API instances.
   */
  singletonKey?: string;
  /** Retries after a failed attempt (default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A running attempt taking longer than this is failed (and retried). Default 15 minutes. */
  expireInSeconds?: number;
}

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

/**
 * Background jobs on PostgreSQL (pg-boss, schema `pgboss`). Every API instance works every queue; pg-boss
 * hands each job to one worker (`FOR UPDATE SKIP LOCKED`), so a job runs once however many instances run.
 * A handler that throws is retried (`retryLimit`). Domains register handlers in their `onModuleInit`;
 * calls made before pg-boss is ready wait for it.
 *
 * Shutdown: `onModuleDestroy` (Nest's first shutdown hook, while the TypeORM pool and the HTTP server are
 * still up) stops polling and cron and waits (bounded) for running handlers — unfinished ones are failed
 * and retried by another instance. It is done before `beforeApplicationShutdown` so that nothing slow runs
 * between the live gateway's goodbye and the transport closing. The job pool stays open until
 * `onApplicationShutdown`, so requests still in flight can queue jobs.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly pool: Pool;
  private readonly boss: PgBoss;
  private readonly schema: string;
  private starting?: Promise<void>;
  private readonly queues = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: JobsOptions) {
    this.schema = options.schema ?? JOBS_SCHEMA;
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 5,
      application_name: 'kengash-jobs',
    });
    this.pool.on('error', (err) => this.logger.warn({ err }, 'Job pool connection error'));
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => this.pool.query(text, values) },
      schema: this.schema,
      ...(options.pollingIntervalSeconds !== undefined && { pollingIntervalSeconds: options.pollingIntervalSeconds }),
      ...(options.cronMonitorIntervalSeconds !== undefined && {
        cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
      }),
    });
    this.boss.on('error', (err: Error) => this.logger.error({ err }, 'Background job error'));
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  /** Starts pg-boss once (creating or migrating its schema under its own advisory lock). */
  start(): Promise<void> {
    this.starting ??= this.boss.start().then(() => {
      this.logger.log(`Background jobs started (schema ${this.schema})`);
    });
    return this.starting;
  }

  /** Queues a job; returns its id, or null when a pending job with the same `singletonKey` exists. */
  async send<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<string | null> {
    await this.queue(name);
    const sendOptions: PgBoss.SendOptions = {
      ...(options.startAfter && { startAfter: options.startAfter }),
      ...(options.singletonKey && { singletonKey: options.singletonKey }),
      ...(options.retryLimit !== undefined && { retryLimit: options.retryLimit }),
      ...(options.retryDelaySeconds !== undefined && { retryDelay: options.retryDelaySeconds }),
      ...(options.expireInSeconds !== undefined && { expireInSeconds: options.expireInSeconds }),
    };
    if (!options.singletonKey) return this.boss.send(name, data, sendOptions);

    // pg-boss's own singleton guarantees depend on the queue policy; ours: one pending job per key, any queue.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `${this.schema}:${name}:${options.singletonKey}`,
      ]);
      const pending = await client.query(
        `SELECT 1 FROM ${this.schema}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`,
        [name, options.singletonKey],
      );
      const id = pending.rowCount
        ? null
        : await this.boss.send(name, data, {
            ...sendOptions,
            db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
          });
      await client.query('COMMIT');
      return id;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Runs `handler` for every job of the queue, one at a time per instance; a throw fails the attempt (retried). */
  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<string> {
    await this.queue(name);
    return this.boss.work<T>(name, async ([job]) => {
      try {
        await handler({ id: job.id, name: job.name, data: job.data });
      } catch (err) {
        this.logger.error({ err, job: job.id, queue: name }, 'Background job failed');
        throw err;
      }
    });
  }

  /**
   * A recurring job: `cron` (5 fields, minute precision) in `tz` (default UTC). One job is queued per due
   * time whichever instance notices it first; the queue's worker runs it once. Re-scheduling replaces it.
   */
  async schedule<T extends object>(name: string, cron: string, data?: T, tz = 'UTC'): Promise<void> {
    await this.queue(name);
    await this.boss.schedule(name, cron, data, { tz });
  }

  async unschedule(name: string): Promise<void> {
    await this.start();
    await this.boss.unschedule(name);
  }

  /** Cancels a job that has not run yet (no effect on a finished one). */
  async cancel(name: string, id: string): Promise<void> {
    await this.queue(name);
    await this.boss.cancel(name, id);
  }

  /** Stop polling and cron; wait (bounded) for running handlers. */
  async onModuleDestroy(): Promise<void> {
    if (this.stopped || !this.starting) return;
    this.stopped = true;
    await this.starting.catch(() => undefined);
    await this.boss.stop({ graceful: true, close: false, timeout: this.options.shutdownTimeoutMs ?? 10_000 });
    this.logger.log('Background jobs stopped');
  }

  /** Close the job pool, after the HTTP server finished its requests. */
  async onApplicationShutdown(): Promise<void> {
    await this.onModuleDestroy();
    if (!this.pool.ended) await this.pool.end();
  }

  /** For tests: the same as a whole shutdown. */
  async stop(): Promise<void> {
    await this.onApplicationShutdown();
  }

  /**
   * pg-boss creates a queue's partition with `ALTER TABLE … ATTACH PARTITION`; two instances doing it at once
   * can deadlock, so creation is serialized across instances by an advisory lock.
   */
  private async createQueue(name: string): Promise<void> {
    if (await this.boss.getQueue(name)) return;
    const client = await this.pool.connect();
    const lock = `${this.schema}:create-queue`;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lock]);
      if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock]).catch(() => undefined);
      client.release();
    }
  }

  private queue(name: string): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.start().then(() => this.createQueue(name));
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    return created;
  }
}
