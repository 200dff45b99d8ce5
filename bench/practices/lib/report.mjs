/** The plain-text report of a practice-search benchmark result (the JSON carries everything; this is the human view). */

const f = (v, d = 1) => (v === null || v === undefined ? '-' : typeof v === 'number' ? v.toFixed(d) : String(v));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const int = (v) => (v === null || v === undefined ? '-' : Number(v).toLocaleString('en'));

/** A horizontal bar, eighths of a block for the remainder (the same style as the docs' charts). */
export function bar(value, max, width = 40) {
  if (value === null || value === undefined || !max) return '';
  const eighths = Math.round(Math.max(0, (value / max) * width) * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest > 0 ? ' ▏▎▍▌▋▊▉'[rest] : '') || '▏';
}

export function printTable(result, write) {
  const m = result.machine;
  const d = result.dataset;
  write('');
  write(`Best-practice search benchmark — ${m.date}, commit ${m.commit ?? '?'}`);
  write(`${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, PostgreSQL ${m.postgres}, pg ${m.pg}`);
  const s = m.postgresSettings;
  write(
    `PostgreSQL: shared_buffers ${s.shared_buffers}, work_mem ${s.work_mem}, jit ${s.jit} (above cost ${s.jit_above_cost}), ` +
      `parallel workers per gather ${s.max_parallel_workers_per_gather}`,
  );
  write(
    `Library: ${int(d.entries)} published entries (${int(d.public_entries)} public), ${int(d.translations)} translations ` +
      `(${Object.entries(d.by_locale ?? {})
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', ')}), body ≈ ${int(d.avg_body_chars)} chars, ≈ ${d.avg_lexemes} lexemes per translation; ` +
      `search index ${f(d.gin_bytes / 2 ** 20, 0)} MB; seeded in ${f(d.seedingSeconds.totalS, 0)} s`,
  );
  const v = result.vectorCheck;
  if (v)
    write(
      v.skipped
        ? `Vector check: skipped (${v.skipped})`
        : `Vector check: an entry written through POST /api/practices has ${v.identical ? 'identical' : 'DIFFERENT'} search vectors (` +
            v.translations.map((t) => `${t.locale}/${t.config}`).join(', ') +
            ')',
    );
  const p = result.params;
  write(
    `${p.rounds} rounds (the second in reversed order), up to ${p.iterations} iterations per query and round ` +
      `(at least ${p.minIterations}, a round stops after ${p.blockSeconds} s), ${p.warmup} warm-up iterations`,
  );

  write('');
  write('Latency, ms (Kengash = GET over HTTP, anonymous, client side; raw = the same statements over pg)');
  const head =
    `${pad('query', 20)}${lpad('matches', 8)}  ${lpad('n', 4)}  ${pad('Kengash p50 / p95 / p99', 26)}${pad('raw p50 / p95 / p99', 26)}` +
    `${lpad('p95 ×', 6)}${lpad('+p50', 7)}  ${pad('raw: hits / facets p50', 24)}${lpad('API CPU', 8)}`;
  write(head);
  write('-'.repeat(head.length));
  const row = (name, q) => {
    const k = q.kengashMs;
    const w = q.rawMs;
    const parts = (q.statements ?? []).map((st) => `${st.kind} ${f(st.ms?.p50, 1)}`).join(' / ');
    write(
      `${pad(name, 20)}${lpad(q.matches === undefined ? '' : int(q.matches), 8)}  ${lpad(k.n, 4)}  ` +
        `${pad(`${f(k.p50)} / ${f(k.p95)} / ${f(k.p99)}`, 26)}${pad(`${f(w.p50)} / ${f(w.p95)} / ${f(w.p99)}`, 26)}` +
        `${lpad(f(q.p95Ratio, 2), 6)}${lpad(q.overheadP50Ms === undefined ? '' : f(q.overheadP50Ms, 1), 7)}  ` +
        `${pad(parts, 24)}${lpad(q.apiCpuMsPerRequest === undefined ? '' : f(q.apiCpuMsPerRequest, 2), 8)}`,
    );
  };
  for (const [name, q] of Object.entries(result.queries)) row(name, q);
  write('-'.repeat(head.length));
  row('all pooled', result.overall);
  write(`(geometric mean of the p95 ratios: ${f(result.overall.geometricMeanOfP95Ratios, 2)}×)`);

  write('');
  const max = Math.max(...Object.values(result.queries).map((q) => q.kengashMs.p95));
  write(`p95, ms (each █ = ${f(max / 40, 1)} ms)`);
  for (const [name, q] of Object.entries(result.queries)) {
    write(`${pad(name, 20)}Kengash ${lpad(f(q.kengashMs.p95), 7)} ${bar(q.kengashMs.p95, max)}`);
    write(`${pad('', 20)}raw SQL ${lpad(f(q.rawMs.p95), 7)} ${bar(q.rawMs.p95, max)}`);
  }

  write('');
  write(
    'EXPLAIN (ANALYZE, BUFFERS): execution ms; GIN rows = entries of IDX_practice_translations_search; JIT ms; sorts',
  );
  for (const [name, q] of Object.entries(result.queries)) {
    for (const e of q.explain ?? []) {
      const sorts = e.sorts.map((x) => `${x.method} ${x.spaceKB} kB ${x.spaceType}`).join(', ');
      write(
        `  ${pad(name, 20)}${pad(e.kind, 7)}${lpad(f(e.executionMs, 1), 9)} ms  ` +
          `${e.usesSearchGin ? `GIN ${int(e.ginMatches)} rows` : e.kind === 'count' ? '' : 'no text index'}` +
          `${e.usesThemesGin ? ', themes GIN' : ''}; buffers hit ${int(e.sharedHitBlocks)} read ${int(e.sharedReadBlocks)}` +
          `${e.tempWrittenBlocks ? ` temp ${int(e.tempWrittenBlocks)}` : ''}` +
          `${e.jit ? `; JIT ${f(e.jit.totalMs, 1)} ms (${e.jit.functions} functions)` : ''}${sorts ? `; sort ${sorts}` : ''}`,
      );
    }
  }

  write('');
  write('Targets');
  for (const t of result.targets)
    write(`  ${t.result.padEnd(5)} ${t.name}: ${f(t.value, 2)} ${t.unit} (limit ${t.limit} ${t.unit}) — ${t.detail}`);
  for (const n of result.notes) write(`  note: ${n}`);
  write('');
}
