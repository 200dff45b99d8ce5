/**
 * What the Kengash side of the benchmark needs: a PostgreSQL database (TEST_DATABASE_URL or an embedded
 * server), Redis when there is one, the built API as real processes, seeded people, a group and sessions, and
 * access tokens for them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, withTimeout } from './util.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const jwt = require('jsonwebtoken');

/** Same lifetime the API gives its own access tokens (libs/api/identity TokenService). */
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export function freeLoopbackPort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

// ---- PostgreSQL --------------------------------------------------------------------------------------------

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for this run: inside TEST_DATABASE_URL's server when it is set, otherwise inside an embedded
 * PostgreSQL started for the run (the test runner's tools/scripts/embedded-db.cjs). `drop()` removes everything.
 * `prefix` names it (kgbench_live_…, kgbench_practices_…).
 */
export async function benchDatabase(root, log, prefix = 'kgbench_live') {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded;
  let embeddedDir;
  if (!adminUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'kengash-bench-db-'));
    chmodSync(embeddedDir, 0o755);
    log('TEST_DATABASE_URL is not set: starting an embedded PostgreSQL for the run');
    embedded = await require(join(root, 'tools/scripts/embedded-db.cjs')).start(embeddedDir);
    adminUrl = embedded.url;
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const version = await withClient(url.toString(), (c) => c.query('SHOW server_version')).then(
    (r) => r.rows[0].server_version,
  );
  return {
    name,
    url: url.toString(),
    host: url.host,
    embedded: Boolean(embedded),
    version,
    async drop() {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(
        () => undefined,
      );
      if (embedded) {
        await embedded.stop().catch(() => undefined);
        rmSync(embeddedDir, { recursive: true, force: true });
      }
    },
  };
}

// ---- Redis ---------------------------------------------------------------------------------------------------

function reachable(host, port) {
  return new Promise((res) => {
    const socket = createConnection({ host, port }, () => {
      socket.end();
      res(true);
    });
    socket.on('error', () => res(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      res(false);
    });
  });
}

/**
 * REDIS_URL, or the machine's Redis on 127.0.0.1:6379 when it answers. On the machine's Redis the benchmark uses
 * logical database 7, so its adapter stream never meets the one e2e tests use (database 0) and can be deleted
 * afterwards.
 */
export async function findRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, own: false };
  if (await reachable('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379/7', own: true };
  return null;
}

export async function redisInfo(url) {
  const { createClient } = require('redis');
  const client = createClient({ url });
  client.on('error', () => undefined);
  await withTimeout(client.connect(), 3000, 'Redis connect');
  try {
    const info = await client.info('server');
    return { version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown', client };
  } catch (e) {
    client.destroy();
    throw e;
  }
}

/** Deletes the Socket.IO adapter stream the run left in its own Redis database (never a shared one). */
export async function cleanRedis(redis) {
  if (!redis?.own) return;
  const { createClient } = require('redis');
  const client = createClient({ url: redis.url });
  client.on('error', () => undefined);
  try {
    await withTimeout(client.connect(), 3000, 'Redis connect');
    await client.del('socket.io');
  } catch {
    // best effort
  } finally {
    if (client.isOpen) client.destroy();
  }
}

// ---- the API as a real process ----------------------------------------------------------------------------

export function apiEnv(db, dataDir, secrets, extra = {}) {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    JWT_ACCESS_SECRET: secrets.access,
    JWT_REFRESH_SECRET: secrets.refresh,
    DATA_ENCRYPTION_KEY: secrets.data,
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...extra,
  };
}

export function newSecrets() {
  return {
    access: randomBytes(32).toString('hex'),
    refresh: randomBytes(32).toString('hex'),
    data: randomBytes(32).toString('hex'),
  };
}

/** `node main.js db:migrate` on the bench database (the API's own migrations, as at start). */
export function migrate(apiMain, env) {
  const r = spawnSync(process.execPath, [apiMain, 'db:migrate'], { env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`db:migrate failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
}

/** Starts the built API and waits (bounded) until /api/health/ready answers 200. */
export async function startApi(apiMain, env, label, nodeArgs = [], timeoutMs = 90_000) {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: build the API first (npx nx build api)`);
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [...nodeArgs, apiMain], {
    env: { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((res) => child.on('exit', (code, signal) => res(code ?? signal ?? -1)));
  let exitCode;
  void exited.then((c) => (exitCode = c));
  const api = {
    label,
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout')]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        return exited;
      }
      return code;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The API (${label}) exited (${exitCode}) during start:\n${out}`);
    const ok = await fetch(`${api.baseUrl}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return api;
    await sleep(200);
  }
  await api.stop();
  throw new Error(`The API (${label}) did not become ready within ${timeoutMs} ms:\n${out}`);
}

// ---- seeding ------------------------------------------------------------------------------------------------

const COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];

/**
 * One council, one working group, `people` members (role `member`) and one chair, and `sessions` sessions of
 * that group happening now, each with two agenda items. Every person gets a live sign-in (a refresh-token
 * family), which is what the API checks behind every access token. Plain SQL in one transaction: a few hundred
 * rows in well under a second.
 */
export async function seed(dbUrl, { people, sessions, passwordHash = null }) {
  return withClient(dbUrl, async (c) => {
    await c.query('BEGIN');
    const council = (
      await c.query(`INSERT INTO councils (slug, name) VALUES ('bench', $1) RETURNING id`, [
        JSON.stringify({ en: 'Benchmark council' }),
      ])
    ).rows[0].id;
    const group = (
      await c.query(
        `INSERT INTO working_groups (council_id, slug, name, theme, mandate, period_start, period_end)
         VALUES ($1, 'bench-live', $2, 'civil_society', $3, current_date - 30, current_date + 365) RETURNING id`,
        [council, JSON.stringify({ en: 'Benchmark group' }), JSON.stringify({ en: 'Live meeting benchmark' })],
      )
    ).rows[0].id;
    const users = [];
    for (let i = 0; i <= people; i++) {
      // The last one is the chair (starts the meetings when the gateway asks for a live meeting).
      const chair = i === people;
      users.push({
        email: chair ? 'bench-chair@bench.kengash.example' : `bench-${i}@bench.kengash.example`,
        name: chair ? 'Bench Chair' : `Bench Person ${i}`,
        country: COUNTRIES[i % COUNTRIES.length],
        role: chair ? 'chair' : 'member',
        familyId: randomUUID(),
      });
    }
    const ids = (
      await c.query(
        `INSERT INTO users (email, display_name, country, organisation, password_hash, email_verified_at)
         SELECT e, n, co, 'Bench organisation', $4, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(e, n, co)
         RETURNING id, email`,
        [users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.country), passwordHash],
      )
    ).rows;
    const byEmail = new Map(ids.map((r) => [r.email, r.id]));
    for (const u of users) u.id = byEmail.get(u.email);
    await c.query(
      `INSERT INTO group_memberships (group_id, user_id, role, term_start)
       SELECT $1, u, r, current_date - 30 FROM unnest($2::uuid[], $3::text[]) AS t(u, r)`,
      [group, users.map((u) => u.id), users.map((u) => u.role)],
    );
    await c.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       SELECT u, f, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(u, f, h)`,
      [users.map((u) => u.id), users.map((u) => u.familyId), users.map(() => randomBytes(32).toString('hex'))],
    );
    const sessionIds = [];
    for (let s = 0; s < sessions; s++) {
      const id = (
        await c.query(
          `INSERT INTO sessions (title, format, starts_at, ends_at, time_zone, status, organiser_id)
           VALUES ($1, 'online', now() - interval '5 minutes', now() + interval '3 hours', 'Asia/Tashkent', 'scheduled', $2)
           RETURNING id`,
          [`Benchmark meeting ${s + 1}`, users[people].id],
        )
      ).rows[0].id;
      await c.query(`INSERT INTO session_groups (session_id, group_id) VALUES ($1, $2)`, [id, group]);
      await c.query(
        `INSERT INTO agenda_items (session_id, position, title, minutes_allotted)
         VALUES ($1, 1, 'Opening', 10), ($1, 2, 'Discussion', 50)`,
        [id],
      );
      sessionIds.push(id);
    }
    await c.query('COMMIT');
    return { groupId: group, members: users.slice(0, people), chair: users[people], sessionIds };
  });
}

/**
 * An access token exactly as the API signs it (TokenService.signAccess: HS256, `{ sub, typ: 'access', fam }`,
 * 15 minutes) with the secret the benchmark gave the API through JWT_ACCESS_SECRET.
 */
export function mintAccessToken(secret, user) {
  return jwt.sign({ sub: user.id, typ: 'access', fam: user.familyId }, secret, {
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  });
}

let ipCounter = 1;
/** A distinct client address per person: the API trusts X-Forwarded-For here (TRUST_PROXY=true). */
export const freshIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

/** Signs `users` in over HTTP, `batch` at a time, each from its own address; returns their access tokens. */
export async function signInAll(baseUrl, users, password, batch = 20) {
  const tokens = new Map();
  for (let i = 0; i < users.length; i += batch) {
    await Promise.all(
      users.slice(i, i + batch).map(async (u) => {
        const r = await fetch(`${baseUrl}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': u.ip ?? freshIp() },
          body: JSON.stringify({ email: u.email, password }),
        });
        const body = await r.json().catch(() => ({}));
        if (r.status !== 200 || body.status !== 'signed_in') {
          throw new Error(`sign-in of ${u.email} failed: ${r.status} ${JSON.stringify(body)}`);
        }
        tokens.set(u.id, body.accessToken);
      }),
    );
  }
  return tokens;
}

/** Checks a token against the API (GET /api/me) so a mismatch with the API's signing fails loudly. */
export async function checkToken(baseUrl, token) {
  const r = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET /api/me with a bench token answered ${r.status}: ${await r.text()}`);
}
