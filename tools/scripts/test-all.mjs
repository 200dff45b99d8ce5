#!/usr/bin/env node
/**
 * `npm test`: the whole suite — format, lint, typecheck, build, unit + integration (real PostgreSQL),
 * API e2e (real processes), browser e2e (Chromium) — ending with one line `N passed, N failed`.
 *
 * Database: TEST_DATABASE_URL (an admin connection; each test file creates and drops its own database),
 * or, when unset, an embedded PostgreSQL started here for the run and removed afterwards.
 * Browser: CHROMIUM_PATH or /usr/bin/chromium; when neither exists the browser suite is reported as not run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
process.chdir(root);
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  CI: process.env.CI ?? 'true',
};
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];
const record = (suite, passed, failed, note = '') => {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${suite.padEnd(22)} ${String(passed).padStart(5)} passed ${String(failed).padStart(4)} failed ${note}`);
  console.log(`\n▶ ${suite}: ${passed} passed, ${failed} failed ${note}\n`);
};

function run(cmd, args, extraEnv = {}, { capture = false } = {}) {
  return new Promise((res) => {
    const child = spawn(cmd, args, {
      env: { ...env, ...extraEnv },
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
      child.stderr.on('data', (d) => {
        out += d;
        process.stderr.write(d);
      });
    }
    child.on('exit', (code, signal) => res({ code: code ?? (signal ? 1 : 0), out }));
  });
}
const npx = (args, extraEnv, opts) => run('npx', args, extraEnv, opts);
const heading = (t) => console.log(`\n==== ${t} ${'='.repeat(Math.max(0, 70 - t.length))}`);

function walk(dir, pick, acc = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pick, acc);
    else if (pick(p)) acc.push(p);
  }
  return acc;
}
const projectDirs = ['apps', 'libs', 'tools'].flatMap((d) =>
  walk(join(root, d), (p) => p.endsWith('project.json')).map(dirname),
);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
function countJest(file) {
  const r = readJson(file);
  if (!r) return { passed: 0, failed: 1, note: '(no report: the run crashed)' };
  // A suite that failed to run (syntax error, setup failure) has no test results: count it as a failure.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenSuites,
    note: r.numPendingTests ? `(${r.numPendingTests} skipped)` : '',
  };
}

const started = Date.now();
let embedded;
let exitCode = 0;
try {
  // 1. Formatting
  heading('format (prettier --check)');
  const fmt = await npx(['prettier', '--check', '.', '--log-level', 'warn']);
  record('format', fmt.code === 0 ? 1 : 0, fmt.code === 0 ? 0 : 1);

  // 2. Lint, every project, zero warnings
  heading('lint (eslint, module boundaries as errors, zero warnings)');
  const lintProjects = projectDirs.filter((d) => readdirSync(d).some((f) => f.startsWith('eslint.config')));
  const lint = await npx(
    ['nx', 'run-many', '-t', 'lint', '--outputStyle=static', '--skip-nx-cache', '--', '--max-warnings=0'],
    {},
    { capture: true },
  );
  // Nx lists the failed tasks after "Failed tasks:" as "- <project>:lint".
  const failedList = lint.out.split('Failed tasks:')[1] ?? '';
  const lintFailed = lint.code === 0 ? 0 : Math.max(1, (failedList.match(/^- \S+:lint/gm) ?? []).length);
  record('lint', lintProjects.length - lintFailed, lintFailed, `(${lintProjects.length} projects)`);

  // 3. Typecheck every tsconfig of every project (app, lib, spec, e2e), strict
  heading('typecheck (tsc --noEmit per tsconfig)');
  const tsconfigs = projectDirs.flatMap((d) =>
    readdirSync(d)
      .filter(
        (f) =>
          /^tsconfig\.(app|lib|spec|e2e)\.json$/.test(f) ||
          (f === 'tsconfig.json' && !readJson(join(d, f))?.references),
      )
      .map((f) => join(d, f)),
  );
  let tcPassed = 0;
  let tcFailed = 0;
  const queue = [...tsconfigs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let cfg = queue.shift(); cfg; cfg = queue.shift()) {
        // Angular's Jest specs compile to CommonJS for Jest, but Angular ships ES modules only: type-check them
        // with the resolution the Angular build itself uses.
        const parent = readJson(join(dirname(cfg), 'tsconfig.json'));
        const angularSpec =
          cfg.endsWith('tsconfig.spec.json') && parent?.compilerOptions?.moduleResolution === 'bundler';
        const flags = angularSpec ? ['--module', 'preserve', '--moduleResolution', 'bundler'] : [];
        const r = await npx(['tsc', '--noEmit', '-p', relative(root, cfg), ...flags], {}, { capture: true });
        if (r.code === 0) tcPassed++;
        else {
          tcFailed++;
          console.log(`✖ typecheck failed: ${relative(root, cfg)}`);
        }
      }
    }),
  );
  record('typecheck', tcPassed, tcFailed, `(${tsconfigs.length} tsconfigs)`);

  // 4. Production builds (the e2e suites run them)
  heading('build (api, web: production)');
  const build = await npx([
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'web',
    '--outputStyle=static',
    '--skip-nx-cache',
  ]);
  const builtOk =
    build.code === 0 && existsSync('dist/apps/api/main.js') && existsSync('dist/apps/web/browser/index.html');
  record('build', builtOk ? 2 : 0, builtOk ? 0 : 2);

  // 5. Database for integration and e2e tests
  if (!env.TEST_DATABASE_URL) {
    heading('embedded PostgreSQL for the tests (TEST_DATABASE_URL is not set)');
    const dir = mkdtempSync(join(tmpdir(), 'kengash-test-db-'));
    chmodSync(dir, 0o755);
    embedded = await require('./embedded-db.cjs').start(dir);
    embedded.dir = dir;
    env.TEST_DATABASE_URL = embedded.url;
    console.log(`Embedded PostgreSQL on port ${embedded.port}`);
  } else {
    console.log(`\nUsing TEST_DATABASE_URL (${new URL(env.TEST_DATABASE_URL).host})`);
  }

  heading('migrations match the entities (typeorm migration:generate --check)');
  const mig = await run(process.execPath, ['tools/scripts/migration.cjs', 'check'], { DATABASE_URL: '' });
  record('migrations in sync', mig.code === 0 ? 1 : 0, mig.code === 0 ? 0 : 1);

  // Redis for the multi-instance suite: REDIS_URL, or the machine's Redis on the default port when it answers.
  if (!env.REDIS_URL) {
    const reachable = await new Promise((res) => {
      const socket = createConnection({ host: '127.0.0.1', port: 6379 }, () => {
        socket.end();
        res(true);
      });
      socket.on('error', () => res(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        res(false);
      });
    });
    if (reachable) env.REDIS_URL = 'redis://127.0.0.1:6379';
    else
      console.log(
        'No Redis (REDIS_URL unset, nothing on 127.0.0.1:6379): the multi-instance suites (redis-instances, live-failover) are skipped.',
      );
  }

  // 6. Unit and integration tests, every project but the e2e ones, in one Jest run
  heading('unit + integration (jest, real PostgreSQL)');
  const jestProjects = walk(join(root, 'apps'), (p) => /jest\.config\.c?ts$/.test(p))
    .concat(
      walk(join(root, 'libs'), (p) => /jest\.config\.c?ts$/.test(p)),
      walk(join(root, 'tools'), (p) => /jest\.config\.c?ts$/.test(p)),
    )
    .filter((p) => !p.includes('-e2e'))
    .map((p) => relative(root, p));
  await npx([
    'jest',
    '--ci',
    '--passWithNoTests',
    '--json',
    `--outputFile=${join(reports, 'unit.json')}`,
    '--projects',
    ...jestProjects,
  ]);
  const unit = countJest(join(reports, 'unit.json'));
  record('unit + integration', unit.passed, unit.failed, unit.note);

  // 7. API end-to-end: real API processes, real PostgreSQL, real Socket.IO client
  heading('api e2e (jest, real processes)');
  await npx([
    'jest',
    '--ci',
    '--runInBand',
    '--json',
    `--outputFile=${join(reports, 'api-e2e.json')}`,
    '-c',
    'apps/api-e2e/jest.config.cts',
  ]);
  const apiE2e = countJest(join(reports, 'api-e2e.json'));
  record('api e2e', apiE2e.passed, apiE2e.failed, apiE2e.note);

  // 8. Browser end-to-end in Chromium against the built app served by the API
  heading('browser e2e (playwright, chromium)');
  const chromium = [env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!chromium) {
    console.log('Browser e2e NOT RUN: no Chromium (set CHROMIUM_PATH or `apt-get install -y chromium`).');
    lines.push('browser e2e            not run: no Chromium at CHROMIUM_PATH or /usr/bin/chromium');
  } else {
    const { startBrowserTarget } = require('./e2e-server.cjs');
    const target = await startBrowserTarget(env);
    try {
      const jsonFile = join(reports, 'web-e2e.json');
      await npx(['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts'], {
        E2E_BASE_URL: target.baseUrl,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
      });
      const r = readJson(jsonFile);
      if (!r) record('browser e2e', 0, 1, '(no report)');
      else
        record(
          'browser e2e',
          r.stats.expected + r.stats.flaky,
          r.stats.unexpected,
          r.stats.skipped ? `(${r.stats.skipped} skipped)` : '',
        );
    } finally {
      await target.stop();
    }
  }
} catch (e) {
  console.error(`\nThe test run itself failed: ${e instanceof Error ? e.message : e}`);
  record('test runner', 0, 1);
} finally {
  if (embedded) {
    await embedded.stop().catch(() => undefined);
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}

console.log(`\n==== summary (${Math.round((Date.now() - started) / 1000)} s) ${'='.repeat(50)}`);
for (const l of lines) console.log(l);
if (totals.failed > 0) exitCode = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
