import { createServer, Server, Socket } from 'node:net';

/** The EICAR anti-virus test file, assembled here so that this source file itself is not flagged. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');

export interface ClamdServer {
  host: string;
  port: number;
  /** How many streams were scanned, and the bytes of each. */
  scanned: Buffer[];
  close(): Promise<void>;
}

/**
 * A small clamd over TCP that speaks the INSTREAM protocol like the real one: it reads `zINSTREAM\0` (or
 * `nINSTREAM\n`), then length-prefixed chunks up to a zero length, and answers `stream: OK` or
 * `stream: Eicar-Test-Signature FOUND` (the EICAR string anywhere in the stream), terminated like the command.
 * Streams over `maxStream` bytes get `INSTREAM size limit exceeded. ERROR`, as clamd's StreamMaxLength does.
 */
export async function startClamdServer(options: { maxStream?: number } = {}): Promise<ClamdServer> {
  const maxStream = options.maxStream ?? 25 * 1024 * 1024;
  const scanned: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let terminator: string | null = null;
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const answer = (text: string) => {
      done = true;
      socket.end(`${text}${terminator ?? '\0'}`);
    };
    socket.on('data', (data: Buffer) => {
      if (done) return;
      buffer = Buffer.concat([buffer, data]);
      if (terminator === null) {
        const end = buffer.findIndex((b) => b === 0 || b === 0x0a);
        if (end < 0) return;
        const command = buffer.subarray(0, end).toString('latin1');
        terminator = buffer[end] === 0 ? '\0' : '\n';
        buffer = buffer.subarray(end + 1);
        if (command !== 'zINSTREAM' && command !== 'nINSTREAM') return answer(`UNKNOWN COMMAND`);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const stream = Buffer.concat(chunks);
          scanned.push(stream);
          return answer(
            stream.includes(Buffer.from(EICAR, 'latin1')) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK',
          );
        }
        if (buffer.length < 4 + length) return;
        total += length;
        if (total > maxStream) return answer('INSTREAM size limit exceeded. ERROR');
        chunks.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    scanned,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
