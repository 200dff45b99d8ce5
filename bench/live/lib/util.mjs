/** Small helpers shared by the benchmarks (live, practices): samples, percentiles, process CPU, bounded waits. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

/** Rejects after `ms` with `what` in the message; the timer never keeps the process alive. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` every `everyMs` until it returns true or `ms` passed; resolves with whether it did. */
export async function waitUntil(check, ms, everyMs = 20) {
  const deadline = now() + ms;
  while (now() < deadline) {
    if (check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/** A growable array of doubles (latency samples in ms). */
export class Samples {
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
    this.length = 0;
  }
  push(v) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  append(other) {
    for (let i = 0; i < other.length; i++) this.push(other.data[i]);
  }
  /** p50/p95/p99/max/mean in ms (nearest-rank), rounded to 0.01 ms; null when empty. */
  summary() {
    if (this.length === 0) return null;
    const sorted = this.data.slice(0, this.length).sort();
    const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
    let sum = 0;
    for (const v of sorted) sum += v;
    const r = (v) => Math.round(v * 100) / 100;
    return {
      n: sorted.length,
      p50: r(rank(50)),
      p95: r(rank(95)),
      p99: r(rank(99)),
      max: r(sorted[sorted.length - 1]),
      mean: r(sum / sorted.length),
    };
  }
}

const TICK_US = 1_000_000 / 100; // USER_HZ is 100 on Linux (getconf CLK_TCK)

/** CPU time (user + system, every thread) a process has used so far, in µs, from /proc/<pid>/stat. */
export function processCpuUs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: fields after the closing parenthesis start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

export function cpuOf(pids) {
  return pids.reduce((sum, pid) => sum + processCpuUs(pid), 0);
}

export function parseArgs(argv, defaults) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const [rawKey, inline] = a.slice(2).split('=', 2);
    const key = rawKey.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === 'help') {
      opts.help = true;
      continue;
    }
    if (!(key in defaults)) throw new Error(`Unknown option --${rawKey}`);
    if (typeof defaults[key] === 'boolean') {
      opts[key] = inline === undefined ? true : inline === 'true';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${rawKey} needs a value`);
    opts[key] = typeof defaults[key] === 'number' ? Number(value) : value;
    if (typeof defaults[key] === 'number' && !Number.isFinite(opts[key]))
      throw new Error(`--${rawKey} must be a number`);
  }
  return opts;
}

export const round = (v, digits = 2) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits;
export const ratio = (a, b) =>
  a === null || b === null || a === undefined || b === undefined || b === 0 ? null : round(a / b, 2);

/** CPU time every core of the machine spent busy so far (all processes), in µs, from /proc/stat. */
export function machineBusyUs() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  void idle;
  void iowait;
  return (user + nice + system + irq + softirq + steal) * TICK_US;
}

/** This process's CPU time so far (user + system), in µs. */
export function selfCpuUs() {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** A benchmark's progress line on stderr, with the time of day. */
export const log = (m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** JSON as the repository's Prettier would write it (plain JSON when Prettier cannot be loaded). */
export async function writeJson(path, data) {
  let text = JSON.stringify(data, null, 2);
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(path)) ?? {};
    text = await prettier.format(text, { ...config, parser: 'json' });
  } catch {
    text += '\n';
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Runs a benchmark's `main(options)` to the end: cleans up on SIGINT/SIGTERM, stops the run past `maxMinutes`,
 * writes the result as JSON to `out` (relative to `root`), prints the table, and exits 0, or 1 after
 * `onFailure()` (e.g. the tail of the API's output) when it fails.
 */
export async function runBenchmark({ root, options, main, cleanup, printTable, maxMinutes, onFailure }) {
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      log(`${sig}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // A hard ceiling: no run should take this long; clean up and fail rather than hang.
  const watchdog = setTimeout(() => {
    log(`the run exceeded ${maxMinutes} minutes: stopping`);
    void cleanup().finally(() => process.exit(2));
  }, maxMinutes * 60_000);
  watchdog.unref();

  try {
    const opts = options();
    const result = await main(opts);
    await cleanup();
    const out = resolve(root, opts.out);
    await writeJson(out, result);
    printTable(result, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    log(`done in ${result.durationSeconds} s; JSON written to ${relative(root, out)}`);
    process.exit(0);
  } catch (e) {
    log(`FAILED: ${e.stack ?? e}`);
    onFailure();
    await cleanup();
    process.exit(1);
  }
}
