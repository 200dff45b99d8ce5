#!/usr/bin/env node
/**
 * `npm run bench:live` — live-meeting benchmarks of the Kengash API as ratios against a bare Socket.IO server run
 * side by side (same machine, same process of clients, same client code, back to back).
 *
 *   1. fan-out      one room of N clients, K senders at each rate: bare `socket.to(room).emit` vs Kengash
 *                   `meeting:react` (in memory) and `chat:send` (persisted); latency, delivered/expected, CPU
 *   2. persisted    chat:send vs meeting:react through the same gateway (p99 ratio)
 *   3. join storm   N clients connect and `meeting:join` within 2 s: p99 connect → snapshot ack, presence
 *                   batches received (O(N), shown with a half-size storm too)
 *   4. redis        two API instances through Redis (half the clients on each) vs one
 *
 * Progress and the table go to stderr, the JSON to stdout and to bench/results/live-latest.json. Exit code 0
 * whatever the figures (it is a report); non-zero only when the run itself fails.
 *
 * Options (or BENCH_<NAME> environment variables): see --help.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import {
  cpuDelta,
  foreignShare,
  readProbes,
  bareTarget,
  closeAll,
  fanOut,
  joinStorm,
  kengashTarget,
  openSocket,
  PRESENCE_BATCH_MS,
} from './lib/clients.mjs';
import {
  apiEnv,
  benchDatabase,
  checkToken,
  cleanRedis,
  findRedis,
  freshIp,
  migrate,
  mintAccessToken,
  newSecrets,
  redisInfo,
  seed,
  signInAll,
  startApi,
} from './lib/infra.mjs';
import { printTable } from './lib/report.mjs';
import {
  log,
  machineBusyUs,
  parseArgs,
  processCpuUs,
  ratio,
  round,
  runBenchmark,
  Samples,
  selfCpuUs,
  sleep,
  withTimeout,
} from './lib/util.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
process.chdir(root);

const DEFAULTS = {
  clients: 300,
  seconds: 10,
  rates: '10,50',
  senders: 10,
  rounds: 2,
  stormMs: 2000,
  scenarios: 'storm,fanout,redis',
  apiMain: 'dist/apps/api/main.js',
  tokens: 'mint',
  out: 'bench/results/live-latest.json',
  foreignLimit: 0.25,
  quietWait: 300,
  retries: 3,
  apiNodeArgs: '',
};
const HELP = `npm run bench:live -- [options]
  --clients N        clients in the room (default 300)
  --seconds S        sending time of each fan-out measurement (default 10)
  --rates A,B        total events per second of the fan-out measurements (default 10,50)
  --senders K        clients that send, round robin (default 10; the gateway limits each person's rate)
  --rounds R         repetitions of every fan-out measurement, the order reversed every other round (default 2)
  --storm-ms MS      the join storm spreads the N connections over MS (default 2000)
  --scenarios LIST   any of storm,fanout,redis (default all)
  --api-main PATH    the built API (default dist/apps/api/main.js; npm run bench:live builds it first)
  --tokens mint|http access tokens minted with the bench API's JWT secret (default) or signed in over HTTP
  --out PATH         JSON result file (default bench/results/live-latest.json)
  --foreign-limit C  a measurement counts only if processes outside the benchmark used at most C cores during
                     it (default 0.25); before each one the run waits for such a quiet second
  --quiet-wait S     longest wait for a quiet machine before measuring anyway, with a note (default 300); the
                     whole run waits at most twice that
  --retries R        repetitions of a measurement disturbed by other processes (default 3)
  --api-node-args A  extra node arguments for the API processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
Every option can also be given as an environment variable BENCH_<NAME> (BENCH_CLIENTS=30).`;

function options() {
  const fromEnv = {};
  for (const key of Object.keys(DEFAULTS)) {
    const v = process.env[`BENCH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
    if (v !== undefined) fromEnv[key] = typeof DEFAULTS[key] === 'number' ? Number(v) : v;
  }
  const opts = parseArgs(process.argv.slice(2), { ...DEFAULTS, ...fromEnv });
  if (opts.help) {
    process.stderr.write(`${HELP}\n`);
    process.exit(0);
  }
  opts.rateList = String(opts.rates)
    .split(',')
    .map(Number)
    .filter((r) => r > 0);
  opts.scenarioList = String(opts.scenarios)
    .split(',')
    .map((s) => s.trim());
  for (const s of opts.scenarioList)
    if (!['storm', 'fanout', 'redis'].includes(s)) throw new Error(`Unknown scenario "${s}"`);
  if (opts.clients < 4) throw new Error('--clients must be at least 4');
  if (!['mint', 'http'].includes(opts.tokens)) throw new Error('--tokens is mint or http');
  return opts;
}

// ---- resources, every one released in cleanup() -------------------------------------------------------

const resources = {
  probes: new Set(),
  apis: new Set(),
  bare: null,
  clientSets: new Set(),
  db: null,
  redis: null,
  dataDir: null,
};

async function cleanup() {
  for (const probe of resources.probes) await probe.close();
  resources.probes.clear();
  for (const set of resources.clientSets) closeAll(set);
  resources.clientSets.clear();
  await Promise.all([...resources.apis].map((a) => a.stop().catch(() => undefined)));
  resources.apis.clear();
  if (resources.bare) await resources.bare.stop();
  resources.bare = null;
  if (resources.db) await resources.db.drop();
  resources.db = null;
  if (resources.redis) await cleanRedis(resources.redis);
  resources.redis = null;
  if (resources.dataDir) rmSync(resources.dataDir, { recursive: true, force: true });
  resources.dataDir = null;
}

function startBare() {
  return new Promise((res, rej) => {
    const child = fork(join(root, 'bench/live/bare-server.mjs'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise((r) => child.on('exit', (code, signal) => r(code ?? signal)));
    child.once('error', rej);
    child.once('message', (m) => {
      if (!m?.ready) return rej(new Error('the bare server did not start'));
      res({
        pid: child.pid,
        url: `http://127.0.0.1:${m.port}/live`,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.send({ cmd: 'stop' });
          const r = await Promise.race([exited, sleep(5000).then(() => 'timeout')]);
          if (r === 'timeout') child.kill('SIGKILL');
        },
      });
    });
    void exited.then((code) => rej(new Error(`the bare server exited (${code}) during start`)));
  });
}

// ---- CPU probes --------------------------------------------------------------------------------------------

const procProbe = (name, pids) => ({ name, read: async () => new Map(pids.map((p) => [p, processCpuUs(p)])) });

/** PostgreSQL backends serving the bench database, when the server runs on this machine (/proc readable). */
function postgresProbe(dbUrl, dbName) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: dbUrl });
  client.on('error', () => undefined);
  const ready = client.connect().then(
    () => true,
    () => false,
  );
  let usable = true;
  return {
    name: 'postgres',
    async read() {
      const out = new Map();
      if (!usable || !(await ready)) return out;
      const { rows } = await client.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [dbName],
      );
      for (const { pid } of rows) {
        try {
          out.set(pid, processCpuUs(pid));
        } catch {
          usable = false; // a remote server: nothing to read
          return new Map();
        }
      }
      return out;
    },
    close: () => ready.then((ok) => ok && client.end()).catch(() => undefined),
  };
}

function redisProbe(client) {
  return {
    name: 'redis',
    async read() {
      const info = await client.info('cpu');
      const v = (k) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
      return new Map([['redis', (v('used_cpu_sys') + v('used_cpu_user')) * 1e6]]);
    },
  };
}

// ---- helpers ------------------------------------------------------------------------------------------------

const stripStorm = (r) => {
  const { _total, ...rest } = r;
  void _total;
  return rest;
};

const strip = (r) => {
  const { _latency, ...rest } = r;
  void _latency;
  return rest;
};

/** Several rounds of the same variant: latencies pooled, counters summed, each round kept. */
function pool(rounds) {
  const lat = new Samples();
  for (const r of rounds) lat.append(r._latency);
  const sum = (k) => rounds.reduce((a, r) => a + (r[k] ?? 0), 0);
  const cpuUs = rounds.reduce((a, r) => a + (r.serverCpuUsPerDelivery ?? 0) * r.delivered, 0);
  const refused = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.refused)) refused[k] = (refused[k] ?? 0) + v;
  const other = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.otherCpuMs ?? {})) other[k] = (other[k] ?? 0) + v;
  const ackAll = rounds.map((r) => r.ackMs?.p99 ?? null);
  return {
    mode: rounds[0].mode,
    rate: rounds[0].rate,
    rounds: rounds.length,
    sent: sum('sent'),
    accepted: sum('accepted'),
    refused,
    expected: sum('expected'),
    delivered: sum('delivered'),
    deliveredRatio: sum('expected') ? round(sum('delivered') / sum('expected'), 4) : null,
    misaligned: sum('misaligned'),
    latencyMs: lat.summary(),
    p99ByRound: rounds.map((r) => r.latencyMs?.p99 ?? null),
    ackP99ByRound: ackAll,
    serverCpuUsPerDelivery: sum('delivered') ? round(cpuUs / sum('delivered'), 2) : null,
    otherCpuMsPerSecondSent: Object.fromEntries(
      Object.entries(other).map(([k, v]) => [k, round(v / (sum('sendWindowMs') / 1000), 1)]),
    ),
    clientEventLoopUtilization: round(Math.max(...rounds.map((r) => r.clientEventLoopUtilization)), 2),
    serverCpuUtilisation: round(Math.max(...rounds.map((r) => r.serverCpuUtilisation)), 2),
    sendLagP99Ms: round(Math.max(...rounds.map((r) => r.sendLagMs?.p99 ?? 0)), 2),
    maxForeignCpuCores: round(Math.max(...rounds.map((r) => r.foreignCpuCores ?? 0)), 2),
    discardedAttempts: rounds.reduce((a, r) => a + (r.discardedAttempts?.length ?? 0), 0),
    byRound: rounds.map(strip),
  };
}

async function machine(db, redis, apiMain) {
  let postgres = null;
  if (db) postgres = `${db.version}${db.embedded ? ' (embedded)' : ` (${db.host})`}`;
  // The commit the API was built from: that of the checkout holding the build, and whether the API's sources
  // (apps/api, libs/api, libs/shared) had uncommitted changes when the benchmark ran.
  let commit = null;
  try {
    const git = (...args) => execFileSync('git', ['-C', dirname(apiMain), ...args], { encoding: 'utf8' }).trim();
    commit = git('rev-parse', '--short', 'HEAD');
    const top = git('rev-parse', '--show-toplevel');
    const dirty = execFileSync(
      'git',
      ['-C', top, 'status', '--porcelain', '--', 'apps/api', 'libs/api', 'libs/shared'],
      {
        encoding: 'utf8',
      },
    ).trim();
    if (dirty) commit += ' (API sources had uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const mem = readFileSync('/proc/meminfo', 'utf8');
  return {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    memAvailableGB: Math.round(Number(/MemAvailable:\s+(\d+)/.exec(mem)?.[1] ?? 0) / 2 ** 20),
    postgres,
    redis: redis ? `${redis.version} (${redis.url.replace(/\/\/[^@]*@/, '//')})` : null,
    socketIo: require('socket.io/package.json').version,
    socketIoClient: require('socket.io-client/package.json').version,
    apiBuiltAt: statSync(apiMain).mtime.toISOString(),
  };
}

// ---- the run -------------------------------------------------------------------------------------------------

async function main(opts) {
  const started = Date.now();
  const N = opts.clients;
  const half = Math.floor(N / 2);
  const want = (s) => opts.scenarioList.includes(s);
  const apiMain = resolve(root, opts.apiMain);
  const nodeArgs = String(opts.apiNodeArgs).split(' ').filter(Boolean);
  const result = {
    benchmark: 'live-meeting',
    params: {
      clients: N,
      seconds: opts.seconds,
      rates: opts.rateList,
      senders: opts.senders,
      rounds: opts.rounds,
      stormMs: opts.stormMs,
      scenarios: opts.scenarioList,
      tokens: opts.tokens,
      apiMain: relative(root, apiMain),
    },
    machine: null,
    scenarios: {},
    targets: [],
    notes: [],
  };

  // infrastructure
  log(
    `clients ${N}, ${opts.senders} senders, rates ${opts.rateList.join('/')} ev/s, ${opts.seconds} s × ${opts.rounds} rounds`,
  );
  const db = await benchDatabase(root, log);
  resources.db = db;
  log(`database ${db.name} on PostgreSQL ${db.version}${db.embedded ? ' (embedded)' : ''}`);
  let redis = null;
  if (want('redis')) {
    redis = await findRedis();
    if (redis) {
      try {
        const info = await redisInfo(redis.url);
        redis.version = info.version;
        redis.client = info.client;
        resources.redis = redis;
      } catch (e) {
        result.notes.push(`Redis at ${redis.url} did not answer (${e.message})`);
        redis = null;
      }
    }
  }
  result.machine = await machine(db, redis, apiMain);

  const secrets = newSecrets();
  resources.dataDir = mkdtempSync(join(tmpdir(), 'kengash-bench-data-'));
  const env = apiEnv(db, resources.dataDir, secrets);
  migrate(apiMain, env);
  const passwordHash =
    opts.tokens === 'http'
      ? await require('argon2').hash('bench-password-123456', {
          type: require('argon2').argon2id,
          memoryCost: 19 * 1024,
          timeCost: 2,
          parallelism: 1,
        })
      : null;
  const seeded = await seed(db.url, { people: N, sessions: 4, passwordHash });
  const [sessionWarm, sessionMain, sessionRedis1, sessionRedis2] = seeded.sessionIds;
  for (const m of seeded.members) m.ip = freshIp();
  log(`seeded ${N} members and a chair in one group, 4 sessions`);
  const pgProbe = postgresProbe(db.url, db.name);
  resources.probes.add(pgProbe);

  async function tokensFor(api, users) {
    if (opts.tokens === 'mint') return new Map(users.map((u) => [u.id, mintAccessToken(secrets.access, u)]));
    log(`signing ${users.length} people in over HTTP`);
    return signInAll(api.baseUrl, users, 'bench-password-123456');
  }
  const people = (tokens, urlOf) =>
    seeded.members.map((m, i) => ({ id: m.id, email: m.email, ip: m.ip, token: tokens.get(m.id), url: urlOf(i) }));

  /** The chair opens the meeting (a live meeting, as people would find it), then leaves. */
  async function startMeeting(api, sessionId) {
    const [token] = (await tokensFor(api, [seeded.chair])).values();
    const socket = openSocket(`${api.baseUrl}/live`, { token, ip: freshIp() });
    try {
      await withTimeout(
        new Promise((res, rej) => {
          socket.once('connect', res);
          socket.once('connect_error', rej);
        }),
        10_000,
        'chair connect',
      );
      const join = await withTimeout(
        new Promise((r) => socket.emit('meeting:join', { sessionId }, r)),
        10_000,
        'chair meeting:join',
      );
      if (!join?.ok) throw new Error(`the chair could not join: ${JSON.stringify(join)}`);
      if (join.data.meeting?.status === 'live') return;
      const start = await withTimeout(
        new Promise((r) => socket.emit('meeting:start', { sessionId }, r)),
        10_000,
        'meeting:start',
      );
      if (!start?.ok) result.notes.push(`meeting:start answered ${JSON.stringify(start?.error ?? start)}`);
    } finally {
      socket.disconnect();
      await sleep(2 * PRESENCE_BATCH_MS);
    }
  }

  // ---- CPU accounting and a quiet machine ----

  let redisCpu = null;
  const probesFor = (serverPids, otherBenchPids = []) =>
    [
      procProbe('server', serverPids),
      procProbe('otherBench', otherBenchPids),
      pgProbe,
      redisCpu,
      { name: 'machine', read: async () => new Map([['all', machineBusyUs()]]) },
      { name: 'harness', read: async () => new Map([['self', selfCpuUs()]]) },
    ].filter(Boolean);

  /**
   * Waits (bounded by --quiet-wait) until processes outside the benchmark use less than --foreign-limit cores
   * over one second: on a shared machine a build or a test run next door would otherwise be measured too.
   */
  // The whole run waits at most 2 × --quiet-wait in total; after that a busy machine is measured as it is (with notes).
  let waitBudgetMs = 2 * opts.quietWait * 1000;
  async function waitQuiet(probes, label) {
    const started = Date.now();
    const limitMs = Math.min(opts.quietWait * 1000, waitBudgetMs);
    let told = false;
    for (;;) {
      const before = await readProbes(probes);
      await sleep(1000);
      const foreign = foreignShare(cpuDelta(before, await readProbes(probes)), 1000);
      const waited = Date.now() - started;
      if (foreign === null || foreign <= opts.foreignLimit || waited >= limitMs) {
        waitBudgetMs = Math.max(0, waitBudgetMs - waited);
        if (foreign !== null && foreign > opts.foreignLimit) {
          const note = `${label}: other processes still used ${foreign} cores after ${Math.round(waited / 1000)} s of waiting; measured anyway`;
          log(note);
          result.notes.push(note);
        }
        return { waitedS: Math.round(waited / 1000) };
      }
      if (!told) log(`${label}: waiting for a quiet machine (other processes use ${foreign} cores)`);
      told = true;
    }
  }

  /**
   * One measurement, repeated (up to --retries times) when processes outside the benchmark used more than
   * --foreign-limit cores during it; every discarded attempt is kept in the JSON.
   */
  async function measured(label, probes, run, undo) {
    const attempts = [];
    const summaryOf = (r) => r.result ?? r;
    const brief = (r) => ({
      foreignCpuCores: summaryOf(r).foreignCpuCores,
      p99: summaryOf(r).latencyMs?.p99 ?? summaryOf(r).connectToAckMs?.p99 ?? null,
    });
    for (let attempt = 0; ; attempt++) {
      const quiet = await waitQuiet(probes, label);
      const r = await run();
      summaryOf(r).quietWaitS = quiet.waitedS;
      attempts.push(r);
      const busy = summaryOf(r).foreignCpuCores;
      if (busy === null || busy <= opts.foreignLimit || attempt >= opts.retries) break;
      log(`${label}: other processes used ${busy} cores during the measurement; measuring again`);
      if (undo) await undo(r);
    }
    // Every attempt disturbed: keep the least disturbed one when nothing ties us to the last (a fan-out; a
    // storm's clients stay connected for what follows, so it keeps the last one).
    const kept = undo
      ? attempts[attempts.length - 1]
      : attempts.reduce((best, r) => (summaryOf(r).foreignCpuCores < summaryOf(best).foreignCpuCores ? r : best));
    summaryOf(kept).discardedAttempts = attempts.filter((r) => r !== kept).map(brief);
    return kept;
  }

  /** Connects and joins every client (as a storm), returns the connected clients. */
  async function storm(target, list, label, probes) {
    const s = await measured(
      label,
      probes,
      async () => {
        log(`${label}: ${list.length} clients connect and join over ${opts.stormMs} ms`);
        const r = await joinStorm({ target, people: list, spreadMs: opts.stormMs, probes });
        resources.clientSets.add(r.clients);
        return r;
      },
      async (r) => {
        release(r.clients);
        await sleep(4 * PRESENCE_BATCH_MS);
      },
    );
    if (s.result.failures) {
      throw new Error(
        `${label}: ${s.result.failures} of ${list.length} clients failed to join, e.g. ${s.result.failureSamples.join('; ')}`,
      );
    }
    const p = s.result.connectToAckMs;
    log(
      `${label}: p50 ${p?.p50} ms, p99 ${p?.p99} ms, presence messages ${s.result.presence?.messages ?? '-'}, ` +
        `server CPU ${s.result.serverCpuMsPerJoin} ms/join, others ${s.result.foreignCpuCores} cores`,
    );
    return s;
  }
  /**
   * The full-size storm, --rounds times on the same room (everyone leaves between rounds, so each round is the
   * meeting's start again); the last round's clients stay connected. Latencies are pooled over the rounds.
   */
  async function stormRounds(target, list, label, probes) {
    const rounds = [];
    let last;
    for (let i = 0; i < opts.rounds; i++) {
      if (last) {
        release(last.clients);
        await sleep(4 * PRESENCE_BATCH_MS);
      }
      last = await storm(target, list, `${label} round ${i + 1}`, probes);
      rounds.push(last.result);
    }
    const pooled = new Samples();
    for (const r of rounds) pooled.append(r._total);
    return {
      clients: last.clients,
      result: {
        ...stripStorm(last.result),
        connectToAckMs: pooled.summary(),
        p99ByRound: rounds.map((r) => r.connectToAckMs?.p99 ?? null),
        lastAckMsByRound: rounds.map((r) => r.lastAckMs),
        serverCpuMsPerJoinByRound: rounds.map((r) => r.serverCpuMsPerJoin),
        presenceMessagesByRound: rounds.map((r) => r.presence?.messages ?? null),
        rounds: rounds.map(stripStorm),
      },
    };
  }

  const release = (clients) => {
    closeAll(clients);
    resources.clientSets.delete(clients);
  };

  async function fan(label, args, probes) {
    const r = await measured(label, probes, () => fanOut({ ...args, probes }));
    log(
      `${label}: p50 ${r.latencyMs?.p50} p99 ${r.latencyMs?.p99} ms, delivered ${r.delivered}/${r.expected}, ` +
        `${r.serverCpuUsPerDelivery} µs/delivery, others ${r.foreignCpuCores} cores` +
        (Object.keys(r.refused).length ? `, refused ${JSON.stringify(r.refused)}` : ''),
    );
    await sleep(500);
    return r;
  }

  // ---- bare Socket.IO ----
  const bare = await startBare();
  resources.bare = bare;
  const barePeople = seeded.members.map((m) => ({ email: m.email, ip: m.ip, url: bare.url }));
  let bareClients = null;
  if (want('storm') || want('fanout')) {
    const probes = probesFor([bare.pid]);
    const warm = await storm(bareTarget('warm'), barePeople.slice(0, half), 'bare storm (half)', probes);
    release(warm.clients);
    const full = await stormRounds(bareTarget('main'), barePeople, 'bare storm', probes);
    bareClients = full.clients;
    result.scenarios.joinStorm = { bare: { half: stripStorm(warm.result), full: full.result } };
  }

  // ---- Kengash, one instance ----
  if (want('storm') || want('fanout')) {
    log('starting the Kengash API (one instance, in-memory adapter)');
    const single = await startApi(apiMain, env, 'single', nodeArgs);
    resources.apis.add(single);
    const tokens = await tokensFor(single, seeded.members);
    await checkToken(single.baseUrl, tokens.values().next().value);
    await startMeeting(single, sessionWarm);
    await startMeeting(single, sessionMain);
    const list = people(tokens, () => `${single.baseUrl}/live`);
    const kengashProbes = probesFor([single.pid], [bare.pid]);
    const bareProbes = probesFor([bare.pid], [single.pid]);
    const warm = await storm(kengashTarget(sessionWarm), list.slice(0, half), 'Kengash storm (half)', kengashProbes);
    release(warm.clients);
    await sleep(2 * PRESENCE_BATCH_MS);
    const full = await stormRounds(kengashTarget(sessionMain), list, 'Kengash storm', kengashProbes);
    result.scenarios.joinStorm = {
      ...result.scenarios.joinStorm,
      kengash: { half: stripStorm(warm.result), full: full.result },
    };

    if (want('fanout')) {
      const out = {};
      for (const rate of opts.rateList) {
        const runs = { bare: [], react: [], chat: [] };
        for (let round = 0; round < opts.rounds; round++) {
          const order = round % 2 === 0 ? ['bare', 'react', 'chat'] : ['chat', 'react', 'bare'];
          for (const mode of order) {
            const args = {
              clients: mode === 'bare' ? bareClients : full.clients,
              mode,
              room: mode === 'bare' ? 'main' : sessionMain,
              rate,
              seconds: opts.seconds,
              senders: opts.senders,
            };
            const label = `fan-out ${rate} ev/s ${mode.padEnd(5)} round ${round + 1}`;
            runs[mode].push(await fan(label, args, mode === 'bare' ? bareProbes : kengashProbes));
          }
        }
        out[rate] = { bare: pool(runs.bare), react: pool(runs.react), chat: pool(runs.chat) };
      }
      result.scenarios.fanOut = out;
    }
    release(full.clients);
    await single.stop();
    resources.apis.delete(single);
  }
  if (bareClients) release(bareClients);
  await bare.stop();
  resources.bare = null;

  // ---- Kengash, Redis ----
  if (want('redis')) {
    if (!redis) {
      const reason = process.env.REDIS_URL
        ? `REDIS_URL (${process.env.REDIS_URL}) did not answer`
        : 'no Redis: REDIS_URL is unset and nothing answers on 127.0.0.1:6379';
      log(`redis scenario skipped: ${reason}`);
      result.scenarios.redis = { skipped: reason };
    } else {
      const rate = Math.max(...opts.rateList);
      const renv = { ...env, REDIS_URL: redis.url };
      log(`starting two Kengash API instances with REDIS_URL=${redis.url}`);
      const a = await startApi(apiMain, renv, 'redis-a', nodeArgs);
      resources.apis.add(a);
      const b = await startApi(apiMain, renv, 'redis-b', nodeArgs);
      resources.apis.add(b);
      redisCpu = redisProbe(redis.client);
      const out = { rate, redis: result.machine.redis };
      // Fresh processes: warm both up as the single instance was (a half-size storm, not reported).
      {
        const tokens = await tokensFor(a, seeded.members);
        const list = people(tokens, (i) => `${(i % 2 ? b : a).baseUrl}/live`).slice(0, half);
        const warm = await joinStorm({ target: kengashTarget(sessionWarm), people: list, spreadMs: opts.stormMs });
        resources.clientSets.add(warm.clients);
        release(warm.clients);
        await sleep(4 * PRESENCE_BATCH_MS);
      }
      for (const [variant, sessionId, urlOf, servers] of [
        ['oneInstance', sessionRedis1, () => `${a.baseUrl}/live`, [a]],
        ['twoInstances', sessionRedis2, (i) => `${(i % 2 ? b : a).baseUrl}/live`, [a, b]],
      ]) {
        const probes = probesFor(
          servers.map((x) => x.pid),
          [a, b].filter((x) => !servers.includes(x)).map((x) => x.pid),
        );
        const tokens = await tokensFor(a, seeded.members);
        await startMeeting(a, sessionId);
        const s = await storm(kengashTarget(sessionId), people(tokens, urlOf), `Redis ${variant} storm`, probes);
        const runs = { react: [], chat: [] };
        for (let round = 0; round < opts.rounds; round++) {
          for (const mode of round % 2 === 0 ? ['react', 'chat'] : ['chat', 'react']) {
            const args = {
              clients: s.clients,
              mode,
              room: sessionId,
              rate,
              seconds: opts.seconds,
              senders: opts.senders,
            };
            runs[mode].push(
              await fan(`Redis ${variant} ${rate} ev/s ${mode.padEnd(5)} round ${round + 1}`, args, probes),
            );
          }
        }
        out[variant] = { joinStorm: stripStorm(s.result), react: pool(runs.react), chat: pool(runs.chat) };
        release(s.clients);
        await sleep(500);
      }
      result.scenarios.redis = out;
      await Promise.all([a.stop(), b.stop()]);
      resources.apis.delete(a);
      resources.apis.delete(b);
    }
  }
  evaluate(result, opts);
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  return result;
}

// ---- targets ---------------------------------------------------------------------------------------------

function evaluate(result, opts) {
  const t = result.targets;
  const add = (name, value, limit, unit, detail) =>
    t.push({ name, value, limit, unit, result: value === null ? 'MISS' : value <= limit ? 'PASS' : 'MISS', detail });
  const fan = result.scenarios.fanOut;
  if (fan) {
    for (const [rate, v] of Object.entries(fan)) {
      const bare = v.bare.latencyMs?.p99 ?? null;
      for (const mode of ['react', 'chat']) {
        const p99 = v[mode].latencyMs?.p99 ?? null;
        add(
          `fan-out p99 ${mode === 'react' ? 'meeting:react' : 'chat:send'} ÷ bare Socket.IO, ${rate} ev/s`,
          ratio(p99, bare),
          1.5,
          '×',
          `${p99} ms vs ${bare} ms`,
        );
      }
      const chat = v.chat.latencyMs?.p99 ?? null;
      const react = v.react.latencyMs?.p99 ?? null;
      add(
        `persisted p99 (chat:send) ÷ in-memory (meeting:react), ${rate} ev/s`,
        ratio(chat, react),
        2,
        '×',
        `${chat} ms vs ${react} ms`,
      );
    }
  }
  const storm = result.scenarios.joinStorm?.kengash;
  if (storm) {
    const full = storm.full;
    add(
      'join storm p99 connect → snapshot ack',
      full.connectToAckMs?.p99 ?? null,
      1000,
      'ms',
      `${full.clients} clients over ${full.spreadMs} ms`,
    );
    // O(N): a client gets at most one batch per 250 ms window while people keep arriving, whatever N is, so the
    // total is bounded by N × (storm length / 250 ms + the settle windows) — against N(N−1)/2 without coalescing.
    const windows = Math.ceil(full.lastAckMs / PRESENCE_BATCH_MS) + 2;
    const perClient = full.presence.messages / full.clients;
    const exponent =
      storm.half.presence.messages > 0 && storm.half.clients < full.clients
        ? round(
            Math.log(full.presence.messages / storm.half.presence.messages) /
              Math.log(full.clients / storm.half.clients),
            2,
          )
        : null;
    full.presence.windows = windows;
    full.presence.scalingExponent = exponent;
    add(
      'join storm presence batches per client ≤ 250 ms windows of the storm (O(N) messages)',
      round(perClient, 2),
      windows,
      'msgs/client',
      `${full.presence.messages} messages = ${round(perClient, 1)} N for N = ${full.clients} (one per join and ` +
        `receiver would be ${full.presence.naiveMessages}); storm lasted ${full.lastAckMs} ms; ` +
        `half-size storm ${storm.half.presence.messages} messages over ${storm.half.lastAckMs} ms`,
    );
  }
  const r = result.scenarios.redis;
  if (r && !r.skipped && fan?.[r.rate]) {
    for (const mode of ['react', 'chat']) {
      r[`${mode}TwoVsOneInMemoryP99Ratio`] = ratio(
        r.twoInstances[mode].latencyMs?.p99,
        fan[r.rate][mode].latencyMs?.p99,
      );
      r[`${mode}TwoVsOneRedisP99Ratio`] = ratio(
        r.twoInstances[mode].latencyMs?.p99,
        r.oneInstance[mode].latencyMs?.p99,
      );
    }
  }
}

// ---- entry -----------------------------------------------------------------------------------------------

await runBenchmark({
  root,
  options,
  main,
  cleanup,
  printTable,
  maxMinutes: 60,
  onFailure: () => {
    for (const api of resources.apis) log(`--- output of API ${api.label} ---\n${api.output().slice(-4000)}`);
  },
});
