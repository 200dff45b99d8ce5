#!/usr/bin/env node
/**
 * `npm run bench:practices` — the best-practice library's search (GET /api/practices?q=…) on 100,000 generated
 * entries, measured side by side with the very SQL statements the search service runs, executed directly.
 *
 *   1. a fresh database (TEST_DATABASE_URL's server, else an embedded PostgreSQL), migrated by the API, seeded in
 *      bulk with SQL (./lib/seed.mjs: English and Russian originals, translations, Uzbek and Tajik ones) and
 *      checked: a sample entry written through the API gets the same search vectors as the seeded one;
 *   2. the API started on it (NODE_ENV=production, DEMO_DATA=false, LOG_LEVEL=warn);
 *   3. for every query, N iterations after a warm-up, alternating per iteration: Kengash = GET /api/practices as
 *      an anonymous reader over HTTP (client-side latency, body read and parsed), raw = the service's own
 *      statements (hits, then facets; captured from the service's source, ./lib/service-sql.cjs) with the same
 *      parameters on one `pg` connection of this process; every round twice, the second in reversed order;
 *   4. p50/p95/p99 per query and overall, Kengash ÷ raw at p95, targets with PASS/MISS, EXPLAIN (ANALYZE,
 *      BUFFERS) of every statement (the GIN index at work).
 *
 * Progress and the table go to stderr, the JSON to stdout and to bench/results/practices-latest.json. Exit code 0
 * whatever the figures (it is a report); non-zero only when the run itself fails.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuDelta, foreignShare, readProbes } from '../live/lib/clients.mjs';
import { apiEnv, benchDatabase, migrate, mintAccessToken, newSecrets, startApi } from '../live/lib/infra.mjs';
import {
  log,
  machineBusyUs,
  now,
  parseArgs,
  processCpuUs,
  ratio,
  round,
  runBenchmark,
  Samples,
  selfCpuUs,
  sleep,
} from '../live/lib/util.mjs';
import { printTable } from './lib/report.mjs';
import { MIX, seedLibrary } from './lib/seed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const { captureSearch, servicePath, tsqueryOf } = require('./lib/service-sql.cjs');
process.chdir(root);

/** What is searched: each a request of the library's page, with the reader's language. */
const QUERIES = [
  { name: 'rare-en', label: 'rare English word', params: { q: 'hippotherapy' }, reader: 'en' },
  { name: 'common-ru', label: 'common Russian word', params: { q: 'реабилитации' }, reader: 'ru' },
  {
    name: 'ru-via-translation',
    label: 'Russian word, English originals found through their Russian translations',
    params: { q: 'психологов' },
    reader: 'ru',
  },
  { name: 'two-words', label: 'two English words', params: { q: 'vocational training' }, reader: 'en' },
  { name: 'village', label: 'a village name (proper noun, ~2 % of entries)', params: { q: 'Karabulak' }, reader: 'en' },
  {
    name: 'query+filters',
    label: 'English word + country + theme',
    params: { q: 'psychologists', country: 'KG', theme: 'psychosocial_support' },
    reader: 'en',
  },
  {
    name: 'filters-only',
    label: 'no words, country + theme',
    params: { country: 'UZ', theme: 'vocational_training' },
    reader: 'en',
  },
  { name: 'browse', label: "no words, no filter (the library's first page)", params: {}, reader: 'en' },
];

const DEFAULTS = {
  entries: 100_000,
  iterations: 40,
  minIterations: 10,
  blockSeconds: 12,
  warmup: 5,
  rounds: 2,
  queries: QUERIES.map((q) => q.name).join(','),
  batch: 2000,
  workers: 2,
  apiMain: 'dist/apps/api/main.js',
  out: 'bench/results/practices-latest.json',
  foreignLimit: 0.25,
  quietWait: 120,
  retries: 3,
  ratioLimit: 1.5,
  p95LimitMs: 500,
  keepDb: false,
  apiNodeArgs: '',
};
const HELP = `npm run bench:practices -- [options]
  --entries N          published entries to generate (default 100000)
  --iterations N       requests per query and side in each round (default 40), fewer when a round of a query
                       reaches --block-seconds (never fewer than --min-iterations, default 10)
  --block-seconds S    time after which a query's round stops early (default 12)
  --warmup N           unrecorded iterations of each query and side before the first round (default 5)
  --rounds R           rounds over all queries, every other one in reversed order (default 2)
  --queries LIST       a subset of ${QUERIES.map((q) => q.name).join(',')}
  --batch N            entries per seeding transaction (default 2000)
  --workers N          seeding connections (default 2)
  --api-main PATH      the built API (default dist/apps/api/main.js; npm run bench:practices builds it first)
  --out PATH           JSON result file (default bench/results/practices-latest.json)
  --foreign-limit C    a measurement counts only if processes outside the benchmark used at most C cores during
                       it (default 0.25); before each one the run waits for such a quiet second
  --quiet-wait S       longest wait for a quiet machine before measuring anyway, with a note (default 120); the
                       whole run waits at most twice that
  --retries R          repetitions of a measurement disturbed by other processes (default 3)
  --ratio-limit X      target for Kengash ÷ raw SQL at p95 (default 1.5)
  --p95-limit-ms MS    target for Kengash's p95 per query (default 500)
  --keep-db            leave the database in place (TEST_DATABASE_URL only) and print its address
  --api-node-args A    extra node arguments for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
Every option can also be given as an environment variable BENCH_<NAME> (BENCH_ENTRIES=10000).`;

function options() {
  const fromEnv = {};
  for (const key of Object.keys(DEFAULTS)) {
    const v = process.env[`BENCH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
    if (v === undefined) continue;
    if (typeof DEFAULTS[key] === 'number') fromEnv[key] = Number(v);
    else if (typeof DEFAULTS[key] === 'boolean') fromEnv[key] = v === 'true' || v === '1';
    else fromEnv[key] = v;
  }
  const opts = parseArgs(process.argv.slice(2), { ...DEFAULTS, ...fromEnv });
  if (opts.help) {
    process.stderr.write(`${HELP}\n`);
    process.exit(0);
  }
  const names = String(opts.queries)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) if (!QUERIES.some((q) => q.name === n)) throw new Error(`Unknown query "${n}"`);
  opts.queryList = QUERIES.filter((q) => names.includes(q.name));
  if (opts.entries < 100) throw new Error('--entries must be at least 100');
  if (opts.iterations < 1 || opts.rounds < 1) throw new Error('--iterations and --rounds must be at least 1');
  opts.minIterations = Math.min(opts.minIterations, opts.iterations);
  return opts;
}

// ---- resources, every one released in cleanup() -------------------------------------------------------------

const resources = { api: null, clients: new Set(), db: null, dataDir: null, keepDb: false, agent: null };

async function cleanup() {
  resources.agent?.destroy();
  for (const c of resources.clients) await c.end().catch(() => undefined);
  resources.clients.clear();
  if (resources.api) await resources.api.stop().catch(() => undefined);
  resources.api = null;
  if (resources.db) {
    if (resources.keepDb && !resources.db.embedded) log(`database kept: ${resources.db.url}`);
    else await resources.db.drop();
  }
  resources.db = null;
  if (resources.dataDir) rmSync(resources.dataDir, { recursive: true, force: true });
  resources.dataDir = null;
}

async function pgClient(url) {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  resources.clients.add(c);
  return c;
}

// ---- the two sides ------------------------------------------------------------------------------------------

const queryString = (params) => new URLSearchParams(params).toString();

/** GET over one keep-alive connection; resolves with the status and the parsed body. */
function httpGet(agent, url, headers) {
  return new Promise((res, rej) => {
    const req = http.get(url, { agent, headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('error', rej);
      r.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          res({ status: r.statusCode, body: JSON.parse(text) });
        } catch {
          res({ status: r.statusCode, body: text });
        }
      });
    });
    req.on('error', rej);
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${url}: no answer within 60 s`)));
  });
}

/** One Kengash request: client-side latency in ms (sent → body read and parsed). */
async function kengashOnce(ctx, q) {
  const t0 = now();
  const r = await httpGet(ctx.agent, `${ctx.api.baseUrl}/api/practices?${queryString(q.params)}`, {
    accept: 'application/json',
    'accept-language': q.reader,
  });
  const ms = now() - t0;
  if (r.status !== 200) throw new Error(`GET /api/practices?${queryString(q.params)} answered ${r.status}`);
  return ms;
}

/** The service's statements, one after the other on one connection: total ms and each statement's ms. */
async function rawOnce(ctx, q) {
  const each = [];
  const t0 = now();
  let t = t0;
  for (const s of q.statements) {
    await ctx.client.query(s.sql, s.values);
    const t1 = now();
    each.push(t1 - t);
    t = t1;
  }
  return { ms: t - t0, each };
}

/** Which of the service's statements this is: the page of hits, the facet counts, or the count past the end. */
const statementKind = (sql) =>
  /\b(paged|counted) AS\b/.test(sql)
    ? 'hits'
    : /'country' AS facet/.test(sql)
      ? 'facets'
      : /count\(\*\)::int AS n FROM/.test(sql)
        ? 'count'
        : 'other';

// ---- checks before measuring ---------------------------------------------------------------------------------

/**
 * The seeding writes search vectors with upsertTranslation's expression; this proves it: an entry with an
 * English, a Russian and a `simple` translation is written again through POST /api/practices (as a member with a
 * live sign-in, the token signed as the API signs it), and its translations' body_text, search_config and
 * search_vector are compared with the seeded ones. The draft is deleted afterwards.
 */
async function vectorCheck(ctx, secrets) {
  const c = ctx.client;
  const familyId = randomUUID();
  const userId = (
    await c.query(
      `INSERT INTO users (email, display_name, country, organisation, email_verified_at)
       VALUES ('bench-writer@bench.kengash.example', 'Bench Writer', 'UZ', 'Bench organisation', now()) RETURNING id`,
    )
  ).rows[0].id;
  await c.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [userId, familyId, randomBytes(32).toString('hex')],
  );
  const token = mintAccessToken(secrets.access, { id: userId, familyId });
  const sample = (
    await c.query(
      `SELECT p.* FROM practices p
        WHERE (SELECT array_agg(locale ORDER BY locale) FROM practice_translations t WHERE t.practice_id = p.id) @> ARRAY['en', 'ru']
          AND EXISTS (SELECT 1 FROM practice_translations t WHERE t.practice_id = p.id AND t.search_config = 'simple')
        ORDER BY p.id LIMIT 1`,
    )
  ).rows[0];
  if (!sample) return { skipped: 'no seeded entry has English, Russian and a simple-configuration translation' };
  const texts = (
    await c.query(
      `SELECT locale, title, summary, body FROM practice_translations WHERE practice_id = $1 ORDER BY locale`,
      [sample.id],
    )
  ).rows;
  const body = {
    originalLocale: sample.original_locale,
    country: sample.country,
    themes: sample.themes,
    targetGroups: sample.target_groups,
    approach: sample.approach,
    evidence: sample.evidence,
    sources: sample.sources,
    relatedIds: [],
    groupId: null,
    translations: texts.map((t) => ({
      locale: t.locale,
      title: t.title,
      summary: t.summary,
      body: t.body,
      ...(t.locale === sample.original_locale ? {} : { status: 'reviewed' }),
    })),
  };
  const r = await fetch(`${ctx.api.baseUrl}/api/practices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const created = await r.json().catch(() => ({}));
  if (r.status !== 201 && r.status !== 200)
    throw new Error(`POST /api/practices for the vector check answered ${r.status}: ${JSON.stringify(created)}`);
  const rows = (
    await c.query(
      `SELECT a.locale, a.search_config, a.search_vector = b.search_vector AS same_vector,
              a.body_text = b.body_text AS same_body_text, a.search_config = b.search_config AS same_config,
              length(a.search_vector) AS lexemes
         FROM practice_translations a JOIN practice_translations b ON b.locale = a.locale AND b.practice_id = $2
        WHERE a.practice_id = $1 ORDER BY a.locale`,
      [sample.id, created.id],
    )
  ).rows;
  await c.query(`DELETE FROM practices WHERE id = $1`, [created.id]);
  const identical =
    rows.length === texts.length && rows.every((x) => x.same_vector && x.same_body_text && x.same_config);
  return {
    identical,
    seededEntry: sample.id,
    translations: rows.map((x) => ({
      locale: x.locale,
      config: x.search_config,
      lexemes: x.lexemes,
      sameVector: x.same_vector,
      sameBodyText: x.same_body_text,
    })),
  };
}

/**
 * Entries an anonymous reader finds for a query (with its country and theme filters), and how many of them only
 * through a translation (the original does not match).
 */
async function matchStats(client, params) {
  const r = await client.query(
    `SELECT count(*)::int AS entries, count(*) FILTER (WHERE NOT via_original)::int AS only_via_translation
       FROM (SELECT t.practice_id, bool_or(t.locale = p.original_locale) AS via_original
               FROM practice_translations t JOIN practices p ON p.id = t.practice_id
              WHERE t.search_vector @@ ${tsqueryOf('$1::text')} AND p.status = 'published' AND p.visibility = 'public'
                AND ($2::text IS NULL OR p.country = $2) AND ($3::text IS NULL OR p.themes @> ARRAY[$3::text])
              GROUP BY t.practice_id) m`,
    [params.q, params.country ?? null, params.theme ?? null],
  );
  return r.rows[0];
}

// ---- EXPLAIN ----------------------------------------------------------------------------------------------------

/** The parts of a JSON plan worth reporting: time, buffers, JIT, how each table was read, sorts. */
function summarisePlan(explained) {
  const top = explained.Plan;
  const scans = [];
  const sorts = [];
  let parallelWorkers = 0;
  const walk = (n) => {
    const t = n['Node Type'];
    parallelWorkers += n['Workers Launched'] ?? 0;
    if (n['Index Name'] || t === 'Seq Scan') {
      scans.push({
        node: t,
        relation: n['Relation Name'] ?? null,
        index: n['Index Name'] ?? null,
        rows: n['Actual Rows'],
        loops: n['Actual Loops'],
        ms: round(n['Actual Total Time'], 2),
      });
    }
    if ((t === 'Sort' || t === 'Incremental Sort') && n['Actual Loops'] > 0 && n['Sort Method'])
      sorts.push({
        rows: n['Actual Rows'],
        method: n['Sort Method'] ?? null,
        spaceKB: n['Sort Space Used'] ?? null,
        spaceType: n['Sort Space Type'] ?? null,
        ms: round(n['Actual Total Time'], 2),
      });
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(top);
  const jit = explained.JIT
    ? {
        functions: explained.JIT.Functions,
        totalMs: round(explained.JIT.Timing?.Total ?? null, 1),
        options: explained.JIT.Options,
      }
    : null;
  return {
    executionMs: round(explained['Execution Time'], 2),
    planningMs: round(explained['Planning Time'], 2),
    sharedHitBlocks: top['Shared Hit Blocks'] ?? null,
    sharedReadBlocks: top['Shared Read Blocks'] ?? null,
    tempWrittenBlocks: top['Temp Written Blocks'] ?? null,
    usesSearchGin: scans.some((s) => s.index === 'IDX_practice_translations_search'),
    usesThemesGin: scans.some((s) => s.index === 'IDX_practices_themes'),
    ginMatches: scans.find((s) => s.index === 'IDX_practice_translations_search')?.rows ?? null,
    parallelWorkers,
    jit,
    scans,
    sorts,
  };
}

async function explain(client, statement) {
  const json = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.values))
    .rows[0]['QUERY PLAN'][0];
  return summarisePlan(json);
}

// ---- PostgreSQL's CPU -----------------------------------------------------------------------------------------

const statFields = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
};
const TICK_US = 10_000; // USER_HZ 100

/**
 * CPU of the whole PostgreSQL server when it runs on this machine: every child of the postmaster (backends,
 * background processes) and the postmaster itself, plus what the children that ended used (the postmaster's
 * cutime/cstime, less what they had used before the previous reading). So the parallel workers PostgreSQL starts
 * for a statement — processes that live for one statement, which pg_stat_activity lists only while they run —
 * count as the benchmark's own, not as other processes'. The price: other databases' work on the same server
 * counts as the benchmark's too (other programs' test runners and builds still do not). Empty for a remote server.
 */
async function postgresServerProbe(client) {
  let postmaster = null;
  try {
    const { pid } = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0];
    postmaster = Number(statFields(pid)[1]);
    statFields(postmaster);
  } catch {
    postmaster = null; // not on this machine (or not readable)
  }
  let previous = new Map();
  let goneUs = 0;
  return {
    name: 'postgres',
    async read() {
      const out = new Map();
      if (!postmaster) return out;
      let children = [];
      try {
        children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/);
      } catch {
        return out;
      }
      for (const c of children) {
        const pid = Number(c);
        if (!pid) continue;
        try {
          out.set(pid, processCpuUs(pid));
        } catch {
          // ended between the listing and the reading: counted below once reaped
        }
      }
      for (const [pid, us] of previous) if (!out.has(pid)) goneUs += us;
      const f = statFields(postmaster);
      out.set('postmaster', (Number(f[11]) + Number(f[12])) * TICK_US);
      out.set('ended', (Number(f[13]) + Number(f[14])) * TICK_US - goneUs);
      previous = new Map([...out].filter(([k]) => typeof k === 'number'));
      return out;
    },
  };
}

// ---- the machine ---------------------------------------------------------------------------------------------

async function machine(db, apiMain, client) {
  let commit = null;
  try {
    const git = (...args) => execFileSync('git', ['-C', dirname(apiMain), ...args], { encoding: 'utf8' }).trim();
    commit = git('rev-parse', '--short', 'HEAD');
    const top = git('rev-parse', '--show-toplevel');
    const dirty = execFileSync(
      'git',
      ['-C', top, 'status', '--porcelain', '--', 'apps/api', 'libs/api', 'libs/shared'],
      { encoding: 'utf8' },
    ).trim();
    if (dirty) commit += ' (API sources had uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const settings = {};
  for (const name of [
    'shared_buffers',
    'work_mem',
    'effective_cache_size',
    'random_page_cost',
    'jit',
    'jit_above_cost',
    'max_parallel_workers_per_gather',
    'default_text_search_config',
  ])
    settings[name] = (await client.query(`SHOW ${name}`)).rows[0][name];
  const mem = readFileSync('/proc/meminfo', 'utf8');
  return {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    memAvailableGB: Math.round(Number(/MemAvailable:\s+(\d+)/.exec(mem)?.[1] ?? 0) / 2 ** 20),
    postgres: `${db.version}${db.embedded ? ' (embedded)' : ` (${db.host})`}`,
    postgresSettings: settings,
    pg: require('pg/package.json').version,
    apiBuiltAt: statSync(apiMain).mtime.toISOString(),
  };
}

// ---- the run -------------------------------------------------------------------------------------------------

async function main(opts) {
  const started = Date.now();
  const apiMain = resolve(root, opts.apiMain);
  const nodeArgs = String(opts.apiNodeArgs).split(' ').filter(Boolean);
  resources.keepDb = opts.keepDb;
  const result = {
    benchmark: 'practice-search',
    params: {
      entries: opts.entries,
      iterations: opts.iterations,
      minIterations: opts.minIterations,
      blockSeconds: opts.blockSeconds,
      warmup: opts.warmup,
      rounds: opts.rounds,
      queries: opts.queryList.map((q) => q.name),
      apiMain: relative(root, apiMain),
      foreignLimit: opts.foreignLimit,
      service: servicePath,
    },
    machine: null,
    dataset: null,
    vectorCheck: null,
    queries: {},
    overall: null,
    targets: [],
    notes: [],
  };

  log(`${opts.entries.toLocaleString('en')} entries; ${opts.queryList.length} queries × ${opts.rounds} rounds`);
  const db = await benchDatabase(root, log, 'kgbench_practices');
  resources.db = db;
  log(`database ${db.name} on PostgreSQL ${db.version}${db.embedded ? ' (embedded)' : ''}`);
  const secrets = newSecrets();
  resources.dataDir = mkdtempSync(join(tmpdir(), 'kengash-bench-data-'));
  const env = apiEnv(db, resources.dataDir, secrets);
  log('migrating with the API (db:migrate)');
  migrate(apiMain, env);

  const seeded = await seedLibrary(pg, db.url, {
    entries: opts.entries,
    batch: opts.batch,
    workers: opts.workers,
    log,
  });
  result.dataset = { mix: MIX, ...seeded.stats, seedingSeconds: seeded.timings, ginIndexes: seeded.ginIndexes };
  log(
    `seeded ${seeded.stats.entries.toLocaleString('en')} entries (${seeded.stats.public_entries.toLocaleString('en')} public), ` +
      `${seeded.stats.translations.toLocaleString('en')} translations in ${seeded.timings.totalS.toFixed(0)} s; ` +
      `search index ${(seeded.stats.gin_bytes / 2 ** 20).toFixed(0)} MB`,
  );

  const client = await pgClient(db.url);
  result.machine = await machine(db, apiMain, client);
  log('starting the Kengash API');
  const api = await startApi(apiMain, env, 'api', nodeArgs);
  resources.api = api;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  resources.agent = agent;
  const ctx = { api, agent, client };

  result.vectorCheck = await vectorCheck(ctx, secrets);
  log(
    result.vectorCheck.skipped
      ? `vector check skipped: ${result.vectorCheck.skipped}`
      : `vector check: an entry written through the API has ${result.vectorCheck.identical ? 'the same' : 'DIFFERENT'} ` +
          `search vectors as the seeded one (${result.vectorCheck.translations.map((t) => `${t.locale}/${t.config}`).join(', ')})`,
  );
  if (result.vectorCheck.identical === false)
    result.notes.push('The vector check failed: the seeded search vectors differ from what the API writes.');

  // The statements of each query, from the service itself, and the API's answer compared with the service's.
  const queries = [];
  for (const q of opts.queryList) {
    const { statements, response } = await captureSearch(client, q.params, q.reader);
    const viaApi = await httpGet(agent, `${api.baseUrl}/api/practices?${queryString(q.params)}`, {
      accept: 'application/json',
      'accept-language': q.reader,
    });
    const same = viaApi.status === 200 && JSON.stringify(viaApi.body) === JSON.stringify(response);
    const bytes = Buffer.byteLength(JSON.stringify(viaApi.body));
    if (!same)
      result.notes.push(
        `${q.name}: the API's answer (${viaApi.status}, total ${viaApi.body?.total}) differs from the service's (total ${response.total})`,
      );
    const stats = q.params.q ? await matchStats(client, q.params) : null;
    queries.push({ ...q, statements, total: response.total, hits: response.hits.length, same, stats, bytes });
    log(
      `${q.name.padEnd(19)} ${String(response.total).padStart(6)} matches, ${statements.length} statements` +
        (stats ? `, ${stats.only_via_translation} found only through a translation` : '') +
        (same ? '; the API answers exactly what the statements give' : '; the API answers DIFFERENTLY'),
    );
  }

  // ---- CPU accounting and a quiet machine (the same rule as bench:live) ----
  const pgProbe = await postgresServerProbe(client);
  const probes = [
    { name: 'server', read: async () => new Map([[api.pid, processCpuUs(api.pid)]]) },
    pgProbe,
    { name: 'machine', read: async () => new Map([['all', machineBusyUs()]]) },
    { name: 'harness', read: async () => new Map([['self', selfCpuUs()]]) },
  ];
  // The whole run waits at most 2 × --quiet-wait; after that a busy machine is measured as it is, without
  // repetitions, each such measurement marked by its `others` figure (one note says so).
  let waitBudgetMs = 2 * opts.quietWait * 1000;
  let busyNoted = false;
  // The API's own CPU while nobody asks it anything (timers, the job queue's polling), from the quiet-wait
  // seconds: subtracted from its CPU during a measurement to give CPU per request.
  const idle = { us: 0, ms: 0 };
  // Repeating disturbed rounds may take at most --quiet-wait seconds in all (a round of a slow query lasts a minute).
  let retryBudgetMs = opts.quietWait * 1000;
  async function waitQuiet(label) {
    const t0 = Date.now();
    const limitMs = Math.min(opts.quietWait * 1000, waitBudgetMs);
    let told = false;
    for (;;) {
      const before = await readProbes(probes);
      const s0 = now();
      await sleep(1000);
      const delta = cpuDelta(before, await readProbes(probes));
      idle.us += delta.server;
      idle.ms += now() - s0;
      const foreign = foreignShare(delta, 1000);
      const waited = Date.now() - t0;
      if (foreign === null || foreign <= opts.foreignLimit || waited >= limitMs) {
        waitBudgetMs = Math.max(0, waitBudgetMs - waited);
        if (foreign !== null && foreign > opts.foreignLimit) {
          log(
            `${label}: other processes still use ${foreign} cores after ${Math.round(waited / 1000)} s; measuring anyway`,
          );
          if (waitBudgetMs === 0 && !busyNoted) {
            busyNoted = true;
            result.notes.push(
              `From ${label} on, the run had waited ${2 * opts.quietWait} s for quiet seconds in all and measured the busy ` +
                'machine as it was, without repetitions (see `foreignCpuCores` of each round).',
            );
          } else if (waitBudgetMs > 0)
            result.notes.push(`${label}: measured while other processes used ${foreign} cores`);
        }
        return Math.round(waited / 1000);
      }
      if (!told) log(`${label}: waiting for a quiet machine (other processes use ${foreign} cores)`);
      told = true;
    }
  }

  /**
   * The API's CPU per request in ms: its CPU during the round less its idle rate over the round's length, per
   * request; null when the idle share is over half of it (a long round of slow queries: the API's own work per
   * request is then too small against its background to be told apart).
   */
  function apiCpuPerRequest(serverUs, elapsedMs, n) {
    const idleUs = idle.ms ? (idle.us / idle.ms) * elapsedMs : 0;
    if (idleUs > serverUs / 2) return null;
    return round((serverUs - idleUs) / 1000 / n, 2);
  }

  /** One query's round: iterations alternating Kengash and raw (who goes first alternates too). */
  async function block(q, roundNo) {
    const kengash = new Samples();
    const raw = new Samples();
    const each = q.statements.map(() => new Samples());
    const cpu0 = await readProbes(probes);
    const t0 = now();
    const deadline = t0 + opts.blockSeconds * 1000;
    let n = 0;
    for (; n < opts.iterations; n++) {
      if (n >= opts.minIterations && now() > deadline) break;
      const kengashFirst = (n + roundNo) % 2 === 0;
      for (const side of kengashFirst ? ['kengash', 'raw'] : ['raw', 'kengash']) {
        if (side === 'kengash') kengash.push(await kengashOnce(ctx, q));
        else {
          const r = await rawOnce(ctx, q);
          raw.push(r.ms);
          r.each.forEach((ms, k) => each[k].push(ms));
        }
      }
    }
    const elapsed = now() - t0;
    const cpu = cpuDelta(cpu0, await readProbes(probes));
    return {
      round: roundNo + 1,
      iterations: n,
      seconds: round(elapsed / 1000, 1),
      kengash,
      raw,
      each,
      apiCpuMsPerRequest: apiCpuPerRequest(cpu.server, elapsed, n),
      postgresCpuMsPerRequest: cpu.postgres === undefined ? null : round(cpu.postgres / 1000 / (2 * n), 2),
      foreignCpuCores: foreignShare(cpu, elapsed),
    };
  }

  async function measured(q, roundNo) {
    const label = `${q.name} round ${roundNo + 1}`;
    const attempts = [];
    for (let attempt = 0; ; attempt++) {
      const waited = await waitQuiet(label);
      const r = await block(q, roundNo);
      r.quietWaitS = waited;
      attempts.push(r);
      if (r.foreignCpuCores === null || r.foreignCpuCores <= opts.foreignLimit || attempt >= opts.retries) break;
      if (waitBudgetMs === 0) break; // no quiet machine to be had: keep what there is
      if (retryBudgetMs < r.seconds * 1000) {
        result.notes.push(
          `${label}: measured while other processes used ${r.foreignCpuCores} cores (no time left to repeat it)`,
        );
        break;
      }
      retryBudgetMs -= r.seconds * 1000;
      log(`${label}: other processes used ${r.foreignCpuCores} cores during the measurement; measuring again`);
    }
    const kept = attempts.reduce((best, r) => (r.foreignCpuCores < best.foreignCpuCores ? r : best));
    kept.discardedAttempts = attempts
      .filter((r) => r !== kept)
      .map((r) => ({ foreignCpuCores: r.foreignCpuCores, kengashP95: r.kengash.summary()?.p95 ?? null }));
    const k = kept.kengash.summary();
    const w = kept.raw.summary();
    log(
      `${label}: ${kept.iterations} × 2 in ${kept.seconds} s; p50/p95 Kengash ${k.p50}/${k.p95} ms, raw ${w.p50}/${w.p95} ms; ` +
        `API CPU ${kept.apiCpuMsPerRequest ?? '-'} ms/request; others ${kept.foreignCpuCores} cores`,
    );
    return kept;
  }

  // Warm-up: caches, the API's JIT and the connection pools, unrecorded.
  log(`warm-up: ${opts.warmup} iterations of every query on both sides (at most 5 s per query)`);
  for (const q of queries) {
    const until = now() + 5000;
    for (let i = 0; i < opts.warmup && (i === 0 || now() < until); i++) {
      await kengashOnce(ctx, q);
      await rawOnce(ctx, q);
    }
  }

  const rounds = new Map(queries.map((q) => [q.name, []]));
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? queries : [...queries].reverse();
    for (const q of order) rounds.get(q.name).push(await measured(q, r));
  }

  // Per query and overall: pooled over the rounds.
  const allK = new Samples();
  const allR = new Samples();
  for (const q of queries) {
    const rs = rounds.get(q.name);
    const k = new Samples();
    const w = new Samples();
    const each = q.statements.map(() => new Samples());
    for (const r of rs) {
      k.append(r.kengash);
      w.append(r.raw);
      r.each.forEach((s, i) => each[i].append(s));
    }
    allK.append(k);
    allR.append(w);
    const ks = k.summary();
    const ws = w.summary();
    const kinds = q.statements.map((s) => statementKind(s.sql));
    result.queries[q.name] = {
      label: q.label,
      request: `GET /api/practices${Object.keys(q.params).length ? `?${queryString(q.params)}` : ''} (Accept-Language: ${q.reader})`,
      matches: q.total,
      matchesOnlyViaTranslation: q.stats?.only_via_translation ?? null,
      apiAnswersAsStatements: q.same,
      responseBytes: q.bytes,
      kengashMs: ks,
      rawMs: ws,
      p95Ratio: ratio(ks.p95, ws.p95),
      p50Ratio: ratio(ks.p50, ws.p50),
      overheadP50Ms: round(ks.p50 - ws.p50, 2),
      statements: q.statements.map((s, i) => ({ kind: kinds[i], ms: each[i].summary() })),
      apiCpuMsPerRequest: rs.every((r) => r.apiCpuMsPerRequest !== null)
        ? round(
            rs.reduce((a, r) => a + r.apiCpuMsPerRequest * r.iterations, 0) / rs.reduce((a, r) => a + r.iterations, 0),
            2,
          )
        : null,
      byRound: rs.map((r) => ({
        round: r.round,
        iterations: r.iterations,
        seconds: r.seconds,
        kengashP95: r.kengash.summary().p95,
        rawP95: r.raw.summary().p95,
        apiCpuMsPerRequest: r.apiCpuMsPerRequest,
        postgresCpuMsPerRequest: r.postgresCpuMsPerRequest,
        foreignCpuCores: r.foreignCpuCores,
        quietWaitS: r.quietWaitS,
        discardedAttempts: r.discardedAttempts,
      })),
      sql: q.statements.map((s) => ({ sql: s.sql, values: s.values })),
    };
  }
  const ok = allK.summary();
  const ow = allR.summary();
  result.overall = {
    kengashMs: ok,
    rawMs: ow,
    p95Ratio: ratio(ok.p95, ow.p95),
    geometricMeanOfP95Ratios: queries.every((q) => result.queries[q.name].p95Ratio > 0)
      ? round(Math.exp(queries.reduce((a, q) => a + Math.log(result.queries[q.name].p95Ratio), 0) / queries.length), 2)
      : null,
  };

  // EXPLAIN (ANALYZE, BUFFERS) of every statement, after the measurements (so they do not disturb them).
  log('EXPLAIN (ANALYZE, BUFFERS) of every statement');
  for (const q of queries) {
    const plans = [];
    for (const s of q.statements) plans.push(await explain(client, s));
    result.queries[q.name].explain = plans.map((p, i) => ({ kind: result.queries[q.name].statements[i].kind, ...p }));
  }

  result.apiIdleCpuMsPerSecond = idle.ms ? round(idle.us / idle.ms, 2) : null;
  evaluate(result, opts);
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  return result;
}

// ---- targets ---------------------------------------------------------------------------------------------------

function evaluate(result, opts) {
  const add = (name, value, limit, unit, detail) =>
    result.targets.push({
      name,
      value,
      limit,
      unit,
      result: value === null ? 'MISS' : value <= limit ? 'PASS' : 'MISS',
      detail,
    });
  for (const [name, q] of Object.entries(result.queries)) {
    add(
      `${name}: p95 Kengash ÷ raw SQL`,
      q.p95Ratio,
      opts.ratioLimit,
      '×',
      `${q.kengashMs.p95} ms vs ${q.rawMs.p95} ms (${q.matches} matches)`,
    );
  }
  add(
    'all queries pooled: p95 Kengash ÷ raw SQL',
    result.overall.p95Ratio,
    opts.ratioLimit,
    '×',
    `${result.overall.kengashMs.p95} ms vs ${result.overall.rawMs.p95} ms`,
  );
  for (const [name, q] of Object.entries(result.queries))
    add(`${name}: p95 Kengash`, q.kengashMs.p95, opts.p95LimitMs, 'ms', `raw SQL ${q.rawMs.p95} ms`);
  add(
    'all queries pooled: p95 Kengash',
    result.overall.kengashMs.p95,
    opts.p95LimitMs,
    'ms',
    `raw SQL ${result.overall.rawMs.p95} ms`,
  );
  for (const [name, q] of Object.entries(result.queries)) {
    const hits = q.explain?.find((e) => e.kind === 'hits');
    if (QUERIES.find((x) => x.name === name)?.params.q && hits && !hits.usesSearchGin)
      result.notes.push(
        `${name}: the planner read practice_translations without IDX_practice_translations_search ` +
          `(${q.matches} of ${result.dataset.public_entries} public entries match)`,
      );
  }
}

// ---- entry -------------------------------------------------------------------------------------------------

await runBenchmark({
  root,
  options,
  main,
  cleanup,
  printTable,
  maxMinutes: 45,
  onFailure: () => {
    if (resources.api) log(`--- output of the API ---\n${resources.api.output().slice(-4000)}`);
  },
});
