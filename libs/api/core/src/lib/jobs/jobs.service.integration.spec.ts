import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { JobsService } from './jobs.service';

// api-testing depends on this lib, so this spec makes its own scratch database (the same way).
async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const until = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('JobsService (pg-boss) with two instances on one PostgreSQL', () => {
  const name = `kgtest_jobs_${randomBytes(4).toString('hex')}`;
  let url: string;
  let a: JobsService;
  let b: JobsService;

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    const u = new URL(process.env['TEST_DATABASE_URL'] ?? '');
    u.pathname = `/${name}`;
    url = u.toString();
    // Two app instances: two pools, two pg-boss instances; they start together (schema creation is locked).
    a = new JobsService({ url, pollingIntervalSeconds: 0.5, shutdownTimeoutMs: 2000 });
    b = new JobsService({ url, pollingIntervalSeconds: 0.5, shutdownTimeoutMs: 2000 });
    await Promise.all([a.onModuleInit(), b.onModuleInit()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }, 60_000);

  it('runs each of 20 jobs exactly once, spread over both instances', async () => {
    const runs: { n: number; by: 'a' | 'b' }[] = [];
    const handler = (by: 'a' | 'b') => async (job: { data: { n: number } }) => {
      runs.push({ n: job.data.n, by });
      await new Promise((r) => setTimeout(r, 30));
    };
    await a.work<{ n: number }>('test.spread', handler('a'));
    await b.work<{ n: number }>('test.spread', handler('b'));
    const ids = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).send('test.spread', { n })));
    expect(new Set(ids).size).toBe(20);

    await until(() => runs.length >= 20, 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // time for a duplicate to show up, if any
    expect(runs.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(new Set(runs.map((r) => r.by))).toEqual(new Set(['a', 'b']));
  }, 60_000);

  it('runs a job sent with startAfter after that instant, once', async () => {
    const runs: number[] = [];
    await a.work('test.later', async () => void runs.push(Date.now()));
    await b.work('test.later', async () => void runs.push(Date.now()));
    const due = new Date(Date.now() + 2000);
    await a.send('test.later', {}, { startAfter: due });

    await new Promise((r) => setTimeout(r, 1000));
    expect(runs).toEqual([]);
    await until(() => runs.length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeGreaterThanOrEqual(due.getTime() - 100); // database and test clocks are the same host
  }, 30_000);

  it('queues a singletonKey job once while it is pending, from either instance', async () => {
    const later = new Date(Date.now() + 60_000);
    const [first, second] = await Promise.all([
      a.send('test.single', { v: 1 }, { singletonKey: 'reminder:s1', startAfter: later }),
      b.send('test.single', { v: 2 }, { singletonKey: 'reminder:s1', startAfter: later }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await a.send('test.single', { v: 3 }, { singletonKey: 'reminder:s1' })).toBeNull();
    const count = await admin(async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.single'`)).rows[0].n;
      } finally {
        await c.end();
      }
    });
    expect(count).toBe(1);

    // Once cancelled, the key is free again (a rescheduled reminder).
    await a.cancel('test.single', (first ?? second) as string);
    expect(await b.send('test.single', { v: 4 }, { singletonKey: 'reminder:s1', startAfter: later })).toEqual(
      expect.any(String),
    );
    // Another key is independent.
    expect(await a.send('test.single', { v: 5 }, { singletonKey: 'reminder:s2', startAfter: later })).toEqual(
      expect.any(String),
    );
  }, 30_000);
});
