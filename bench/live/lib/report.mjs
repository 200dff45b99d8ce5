/** The plain-text report of a live benchmark result (the JSON carries everything; this is the human view). */

const f = (v, d = 1) => (v === null || v === undefined ? '-' : typeof v === 'number' ? v.toFixed(d) : String(v));
const pct = (v) => (v === null || v === undefined ? '-' : `${(v * 100).toFixed(2)}%`);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function bar(value, max, width = 30) {
  if (value === null || value === undefined || !max) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * width)));
}

const LABEL = {
  bare: 'bare Socket.IO (socket.to(room).emit)',
  react: 'Kengash meeting:react (in memory)',
  chat: 'Kengash chat:send (persisted)',
};

export function printTable(result, write) {
  const m = result.machine;
  write('');
  write(`Live-meeting benchmark — ${m.date}, commit ${m.commit ?? '?'}`);
  write(
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, PostgreSQL ${m.postgres ?? '-'}, Redis ${m.redis ?? '-'}, ` +
      `Socket.IO ${m.socketIo}`,
  );
  const p = result.params;
  write(`${p.clients} clients, ${p.senders} senders, ${p.seconds} s × ${p.rounds} rounds per measurement`);

  const fan = result.scenarios.fanOut;
  if (fan) {
    write('');
    write('Fan-out (latency = send → receive on another client, ms; CPU = server process µs per delivery;');
    write('         others = cores used by processes outside the benchmark, worst round)');
    const head = `${pad('rate', 8)}${pad('server', 40)}${lpad('p50', 8)}${lpad('p95', 8)}${lpad('p99', 8)}${lpad('max', 9)}  ${pad('delivered', 10)}${lpad('µs/deliv', 9)}${lpad('others', 8)}  p99 by round`;
    write(head);
    write('-'.repeat(head.length + 6));
    const maxP99 = Math.max(
      ...Object.values(fan).flatMap((v) => ['bare', 'react', 'chat'].map((k) => v[k].latencyMs?.p99 ?? 0)),
    );
    for (const [rate, v] of Object.entries(fan)) {
      for (const k of ['bare', 'react', 'chat']) {
        const r = v[k];
        const l = r.latencyMs ?? {};
        write(
          `${pad(`${rate}/s`, 8)}${pad(LABEL[k], 40)}${lpad(f(l.p50, 2), 8)}${lpad(f(l.p95, 2), 8)}${lpad(f(l.p99, 2), 8)}${lpad(f(l.max, 1), 9)}  ` +
            `${pad(pct(r.deliveredRatio), 10)}${lpad(f(r.serverCpuUsPerDelivery, 2), 9)}${lpad(f(r.maxForeignCpuCores, 2), 8)}  ${r.p99ByRound.map((x) => f(x, 1)).join(' / ')}`,
        );
      }
    }
    write('');
    write('p99 (ms)');
    for (const [rate, v] of Object.entries(fan)) {
      for (const k of ['bare', 'react', 'chat']) {
        const p99 = v[k].latencyMs?.p99;
        write(`${pad(`${rate}/s ${k}`, 12)}${lpad(f(p99, 2), 8)} ${bar(p99, maxP99)}`);
      }
    }
  }

  const storm = result.scenarios.joinStorm;
  if (storm) {
    write('');
    write('Join storm (connect start → join ack, ms; ms/join = server CPU per join; others as above)');
    write(
      `${pad('', 34)}${lpad('clients', 8)}${lpad('p50', 8)}${lpad('p95', 8)}${lpad('p99', 8)}${lpad('max', 8)}  ${lpad('ms/join', 8)}${lpad('others', 7)}  presence msgs (per client), entries`,
    );
    for (const side of ['bare', 'kengash']) {
      for (const size of ['half', 'full']) {
        const r = storm[side]?.[size];
        if (!r) continue;
        const l = r.connectToAckMs ?? {};
        const pr = r.presence;
        write(
          `${pad(`${side === 'bare' ? 'bare Socket.IO join' : 'Kengash meeting:join'} (${size})`, 34)}${lpad(r.clients, 8)}` +
            `${lpad(f(l.p50), 8)}${lpad(f(l.p95), 8)}${lpad(f(l.p99), 8)}${lpad(f(l.max), 8)}  ` +
            `${lpad(f(r.serverCpuMsPerJoin, 2), 8)}${lpad(f(r.foreignCpuCores, 2), 7)}  ` +
            (pr ? `${pr.messages} (${f(pr.perClient, 2)}), ${pr.joinedEntries} joined / ${pr.leftEntries} left` : '-') +
            (r.p99ByRound ? `; p99 by round ${r.p99ByRound.map((x) => f(x, 0)).join(' / ')}` : ''),
        );
      }
    }
  }

  const redis = result.scenarios.redis;
  if (redis) {
    write('');
    if (redis.skipped) write(`Redis: skipped — ${redis.skipped}`);
    else {
      write(`Redis (${redis.redis}), ${redis.rate} ev/s, all clients in one room`);
      write(
        `${pad('', 44)}${lpad('p50', 8)}${lpad('p99', 8)}  ${pad('delivered', 10)}${lpad('µs/deliv', 9)}  redis CPU ms/s`,
      );
      const rows = [
        ['one instance, in-memory adapter', fan?.[redis.rate]],
        ['one instance, Redis adapter', redis.oneInstance],
        ['two instances via Redis (half on each)', redis.twoInstances],
      ];
      for (const [label, v] of rows) {
        if (!v) continue;
        for (const k of ['react', 'chat']) {
          const r = v[k];
          write(
            `${pad(`${label}, ${k}`, 44)}${lpad(f(r.latencyMs?.p50, 2), 8)}${lpad(f(r.latencyMs?.p99, 2), 8)}  ` +
              `${pad(pct(r.deliveredRatio), 10)}${lpad(f(r.serverCpuUsPerDelivery, 2), 9)}  ${f(r.otherCpuMsPerSecondSent?.redis, 1)}`,
          );
        }
      }
    }
  }

  write('');
  write('Targets');
  for (const t of result.targets) {
    write(`  ${t.result.padEnd(5)} ${t.name}: ${f(t.value, 2)} ${t.unit} (limit ${t.limit} ${t.unit}) — ${t.detail}`);
  }
  for (const n of result.notes) write(`  note: ${n}`);
  write('');
}
