/**
 * The client side, the same code for the bare baseline and for Kengash: Socket.IO clients (websocket transport,
 * one connection each, no reconnection), the join storm and the fan-out driver. Every timestamp comes from this
 * one process's monotonic clock (performance.now), so send → receive needs no clock sync.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { now, Samples, sleep, waitUntil, withTimeout } from './util.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

export const REACTIONS = ['applause', 'agree', 'disagree', 'question', 'louder'];
export const PRESENCE_BATCH_MS = 250;

/** Opens one Socket.IO connection (its own Manager, so its own websocket). */
export function openSocket(url, { token, ip }) {
  return io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
    auth: token ? { token } : {},
    extraHeaders: ip ? { 'x-forwarded-for': ip } : undefined,
  });
}

function connected(socket) {
  return new Promise((res, rej) => {
    if (socket.connected) return res();
    socket.once('connect', () => res());
    socket.once('connect_error', (e) => rej(new Error(`connect_error: ${e.message}`)));
  });
}

function emitWithAck(socket, event, payload, ms, what) {
  return withTimeout(new Promise((res) => socket.emit(event, payload, res)), ms, what);
}

/**
 * CPU probes: `{ name, read: async () => Map<key, µs> }`; a phase's CPU per probe is the sum over keys of
 * (end − start), a key first seen at the end counting from zero (e.g. a database backend opened mid-phase).
 */
async function readProbes(probes) {
  const out = {};
  for (const p of probes) out[p.name] = await p.read();
  return out;
}

/**
 * Cores kept busy by processes that are not part of the benchmark (other builds or tests on the machine) during
 * a phase: the machine's busy time minus every probe's (server, database backends, Redis, this harness).
 */
export function foreignShare(cpu, phaseMs) {
  if (cpu.machine === undefined) return null;
  const own = Object.entries(cpu)
    .filter(([name]) => name !== 'machine')
    .reduce((a, [, us]) => a + us, 0);
  return Math.round((Math.max(0, cpu.machine - own) / 1000 / phaseMs) * 100) / 100;
}

export { readProbes, cpuDelta };

function cpuDelta(before, after) {
  const out = {};
  for (const [name, end] of Object.entries(after)) {
    let sum = 0;
    for (const [key, us] of end) sum += us - (before[name]?.get(key) ?? 0);
    out[name] = sum;
  }
  return out;
}

export function closeAll(clients) {
  for (const c of clients) c.socket?.disconnect();
}

/**
 * Adapters of the two servers behind the same driver:
 *   bare      — `join {room}` and `send {room, s, k, t}` relayed as `msg`;
 *   kengash   — `meeting:join {sessionId}` (ack: MeetingSnapshot), and for fan-out either `chat:send`
 *               (persisted, relayed as a `chat.message` `meeting:event`) or `meeting:react` (in memory,
 *               relayed as `meeting:reaction`).
 */
export const bareTarget = (room) => ({
  kind: 'bare',
  join: (socket) => emitWithAck(socket, 'join', { room }, 30_000, 'bare join'),
});

export const kengashTarget = (sessionId) => ({
  kind: 'kengash',
  join: (socket) => emitWithAck(socket, 'meeting:join', { sessionId }, 30_000, 'meeting:join'),
});

/**
 * Join storm: `people[i]` (its `url`, and `token`/`ip` when it has them) connects at i × spreadMs / n and, once
 * connected, joins; measures connect start → join ack, and counts every `meeting:presence` batch (and the people
 * it carries) each client receives until `settleMs` after the last ack. Resolves with the clients (kept
 * connected) and the figures.
 */
export async function joinStorm({
  target,
  people,
  spreadMs,
  probes = [],
  settleMs = 4 * PRESENCE_BATCH_MS,
  timeoutMs = 60_000,
}) {
  const n = people.length;
  const clients = people.map((p, i) => ({ ...p, index: i, socket: null }));
  const connect = new Samples(n);
  const joinAck = new Samples(n);
  const total = new Samples(n);
  const presence = { messages: 0, joinedEntries: 0, leftEntries: 0, selfEntries: 0 };
  const failures = [];
  let snapshotPresence = 0;
  let snapshotBytes = 0;
  const cpu0 = await readProbes(probes);
  const t0 = now();
  const elu0 = performance.eventLoopUtilization();
  const done = clients.map(
    (c, i) =>
      new Promise((resolve) => {
        setTimeout(
          async () => {
            const start = now();
            c.socket = openSocket(c.url, c);
            c.socket.on('meeting:presence', (delta) => {
              presence.messages++;
              presence.joinedEntries += delta.joined?.length ?? 0;
              presence.leftEntries += delta.left?.length ?? 0;
              if (delta.joined?.some((p) => p.userId === c.id)) presence.selfEntries++;
            });
            try {
              await connected(c.socket);
              const tc = now();
              connect.push(tc - start);
              const ack = await target.join(c.socket);
              const ta = now();
              if (!ack?.ok) throw new Error(`join refused: ${JSON.stringify(ack?.error ?? ack)}`);
              joinAck.push(ta - tc);
              total.push(ta - start);
              if (target.kind === 'kengash') {
                snapshotPresence += ack.data.presence?.length ?? 0;
                if (i === n - 1) snapshotBytes = Buffer.byteLength(JSON.stringify(ack.data));
              }
            } catch (e) {
              failures.push(`${c.email ?? i}: ${e.message}`);
            }
            resolve();
          },
          Math.round((i * spreadMs) / n),
        );
      }),
  );
  await withTimeout(Promise.all(done), timeoutMs, `join storm of ${n}`);
  const lastAck = now() - t0;
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const cpu = cpuDelta(cpu0, await readProbes(probes));
  await sleep(settleMs);
  return {
    clients,
    result: {
      clients: n,
      spreadMs,
      joined: total.length,
      failures: failures.length,
      failureSamples: failures.slice(0, 5),
      lastAckMs: Math.round(lastAck),
      connectToAckMs: total.summary(),
      _total: total,
      connectMs: connect.summary(),
      joinAckMs: joinAck.summary(),
      presence:
        target.kind === 'kengash'
          ? {
              ...presence,
              perClient: n ? Math.round((presence.messages / n) * 100) / 100 : null,
              naiveMessages: (n * (n - 1)) / 2,
              avgSnapshotPresence: n ? Math.round(snapshotPresence / n) : null,
              lastSnapshotBytes: snapshotBytes,
            }
          : null,
      clientEventLoopUtilization: Math.round(elu * 100) / 100,
      serverCpuMs: cpu.server !== undefined ? Math.round(cpu.server / 1000) : null,
      serverCpuMsPerJoin: cpu.server !== undefined && n ? Math.round((cpu.server / 1000 / n) * 100) / 100 : null,
      serverCpuUtilisation: cpu.server !== undefined ? Math.round((cpu.server / 1000 / lastAck) * 100) / 100 : null,
      postgresCpuMs: cpu.postgres !== undefined ? Math.round(cpu.postgres / 1000) : null,
      foreignCpuCores: foreignShare(cpu, lastAck),
    },
  };
}

/**
 * Fan-out: `senders` of the clients emit `rate` events per second in total (round robin) for `seconds`; every
 * client in the room receives them. Latency = this process's send time → receive time, for every delivery to
 * someone other than the sender. CPU is read through `probes` around the whole phase (sending and draining); the
 * probe named `server` gives µs per delivery.
 *
 * mode 'bare'  : send {room, s, k, t} → 'msg' (carries s, k)
 * mode 'chat'  : chat:send {sessionId, clientId, body: "bench|s|k"} → meeting:event chat.message (body carries s, k)
 * mode 'react' : meeting:react {sessionId, reaction} → meeting:reaction (carries userId only). The k-th reaction
 *                a client receives from sender s is s's k-th accepted one (one connection keeps order); the
 *                reaction kind cycles so a misalignment is caught and counted.
 */
export async function fanOut({ clients, mode, room, rate, seconds, senders, probes, drainMs = 10_000 }) {
  const n = clients.length;
  const k = Math.min(senders, n);
  const total = Math.max(1, Math.round(rate * seconds));
  const sendTimes = Array.from({ length: k }, () => []);
  const accepted = Array.from({ length: k }, () => []); // attempt indices, in ack order (= send order per socket)
  const ackLatency = new Samples(total);
  const sendLag = new Samples(total);
  const errors = {};
  let acks = 0;
  const senderOf = new Map(clients.slice(0, k).map((c, s) => [c.id ?? `bare-${s}`, s]));

  // deliveries: (sender, attempt-or-ordinal, receive time); resolved to latency afterwards
  const recvS = new Samples(total * n);
  const recvK = new Samples(total * n);
  const recvT = new Samples(total * n);
  const recvKind = new Samples(mode === 'react' ? total * n : 1);
  let echoes = 0;
  let foreign = 0;
  const perReceiverCount = clients.map(() => new Int32Array(k));

  const listeners = clients.map((c, r) => {
    let event;
    let handler;
    if (mode === 'bare') {
      event = 'msg';
      handler = (p) => {
        const t = now();
        if (p.s === r) return void echoes++;
        recvS.push(p.s);
        recvK.push(p.k);
        recvT.push(t);
      };
    } else if (mode === 'chat') {
      event = 'meeting:event';
      handler = (e) => {
        const t = now();
        if (e.type !== 'chat.message') return;
        const parts = e.message.body.split('|');
        if (parts[0] !== 'bench') return void foreign++;
        const s = Number(parts[1]);
        if (s === r) return void echoes++;
        recvS.push(s);
        recvK.push(Number(parts[2]));
        recvT.push(t);
      };
    } else {
      event = 'meeting:reaction';
      handler = (e) => {
        const t = now();
        const s = senderOf.get(e.userId);
        if (s === undefined) return void foreign++;
        if (s === r) return void echoes++;
        const ordinal = perReceiverCount[r][s]++;
        recvS.push(s);
        recvK.push(-1 - ordinal); // negative: an ordinal among accepted reactions, resolved below
        recvT.push(t);
        recvKind.push(REACTIONS.indexOf(e.reaction));
      };
    }
    c.socket.on(event, handler);
    return () => c.socket.off(event, handler);
  });

  const emit = (s, attempt) => {
    const socket = clients[s].socket;
    const t = now();
    sendTimes[s][attempt] = t;
    const onAck = (ack) => {
      const ta = now();
      acks++;
      ackLatency.push(ta - t);
      if (ack?.ok) accepted[s].push(attempt);
      else {
        const code = ack?.error?.code ?? 'no_ack_payload';
        errors[code] = (errors[code] ?? 0) + 1;
      }
    };
    if (mode === 'bare') socket.emit('send', { room, s, k: attempt, t }, onAck);
    else if (mode === 'chat')
      socket.emit(
        'chat:send',
        { sessionId: room, clientId: `b${s}-${attempt}-${Math.round(t)}`, body: `bench|${s}|${attempt}` },
        onAck,
      );
    else socket.emit('meeting:react', { sessionId: room, reaction: REACTIONS[attempt % REACTIONS.length] }, onAck);
  };

  const cpu0 = await readProbes(probes);
  const elu0 = performance.eventLoopUtilization();
  const t0 = now() + 20;
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait >= 1) await sleep(wait);
    sendLag.push(Math.max(0, now() - due));
    emit(i % k, Math.floor(i / k));
  }
  const sendEnd = now();
  const expectedNow = () => accepted.reduce((a, l) => a + l.length, 0) * (n - 1);
  await waitUntil(() => acks === total && recvT.length >= expectedNow(), drainMs);
  const phaseMs = now() - t0;
  const cpu = cpuDelta(cpu0, await readProbes(probes));
  const cpuUs = cpu.server ?? 0;
  const foreignCores = foreignShare(cpu, phaseMs);
  const elu = performance.eventLoopUtilization(elu0).utilization;
  for (const off of listeners) off();

  // resolve deliveries to latencies
  const latency = new Samples(recvT.length);
  let misaligned = 0;
  const acceptedSorted = accepted.map((l) => [...l].sort((a, b) => a - b));
  for (let i = 0; i < recvT.length; i++) {
    const s = recvS.data[i];
    let attempt = recvK.data[i];
    if (attempt < 0) {
      attempt = acceptedSorted[s][-1 - attempt];
      // the k-th reaction received from s must be the kind s sent with its k-th accepted attempt
      if (attempt === undefined || recvKind.data[i] !== attempt % REACTIONS.length) {
        misaligned++;
        continue;
      }
    }
    const t = sendTimes[s][attempt];
    if (t === undefined) {
      misaligned++;
      continue;
    }
    latency.push(recvT.data[i] - t);
  }
  const acceptedCount = accepted.reduce((a, l) => a + l.length, 0);
  const expected = acceptedCount * (n - 1);
  const delivered = recvT.length;
  return {
    mode,
    rate,
    seconds,
    senders: k,
    clients: n,
    sent: total,
    accepted: acceptedCount,
    refused: errors,
    expected,
    delivered,
    deliveredRatio: expected ? Math.round((delivered / expected) * 10000) / 10000 : null,
    echoes,
    foreign,
    misaligned,
    latencyMs: latency.summary(),
    ackMs: ackLatency.summary(),
    sendLagMs: sendLag.summary(),
    sendWindowMs: Math.round(sendEnd - t0),
    phaseMs: Math.round(phaseMs),
    serverCpuMs: Math.round(cpuUs / 1000),
    serverCpuUsPerDelivery: delivered ? Math.round((cpuUs / delivered) * 100) / 100 : null,
    serverCpuUtilisation: Math.round((cpuUs / 1000 / phaseMs) * 100) / 100,
    otherCpuMs: Object.fromEntries(
      Object.entries(cpu)
        .filter(([name]) => !['server', 'machine', 'harness'].includes(name))
        .map(([name, us]) => [name, Math.round(us / 1000)]),
    ),
    harnessCpuCores: cpu.harness !== undefined ? Math.round((cpu.harness / 1000 / phaseMs) * 100) / 100 : null,
    foreignCpuCores: foreignCores,
    clientEventLoopUtilization: Math.round(elu * 100) / 100,
    _latency: latency,
  };
}
