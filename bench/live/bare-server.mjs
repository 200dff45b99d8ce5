/**
 * The baseline: a bare Socket.IO 4.8.3 server on Fastify, as the API is (Nest's IoAdapter attaches Socket.IO to
 * Fastify's HTTP server the same way), in its own process like the API. No authentication, no database, no
 * connection-state recovery: a client joins a room and a message is relayed with `socket.to(room).emit`.
 *
 * Started by run.mjs with an IPC channel: it sends `{ ready, port }`, answers `{ cmd: 'cpu' }` with
 * `process.cpuUsage()` and closes on `{ cmd: 'stop' }` (or when the parent goes away).
 */
import Fastify from 'fastify';
import { Server } from 'socket.io';

const app = Fastify({ logger: false });
const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const nsp = io.of('/live');

nsp.on('connection', (socket) => {
  socket.on('join', async (payload, ack) => {
    await socket.join(payload.room);
    ack?.({ ok: true, data: { room: payload.room, present: nsp.adapter.rooms.get(payload.room)?.size ?? 0 } });
  });
  // The relayed payload carries the sender's timestamp; the ack answers the sender once relayed.
  socket.on('send', (payload, ack) => {
    socket.to(payload.room).emit('msg', payload);
    ack?.({ ok: true, data: { sent: true } });
  });
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  io.disconnectSockets(true);
  await new Promise((res) => io.close(() => res()));
  await app.close().catch(() => undefined);
  process.exit(0);
}

process.on('message', (m) => {
  if (m?.cmd === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  else if (m?.cmd === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
