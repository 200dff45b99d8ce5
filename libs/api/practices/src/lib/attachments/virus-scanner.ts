import { createReadStream } from 'node:fs';
import { connect, Socket } from 'node:net';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** Called on every upload after its type is checked and before it is stored. */
export interface VirusScanner {
  /** False when no scanner is configured: uploads are then stored unscanned. */
  readonly enabled: boolean;
  scan(path: string): Promise<ScanVerdict>;
}

export const VIRUS_SCANNER = Symbol('VirusScanner');

/** The scanner could not give a verdict (unreachable, timed out, refused the stream): nothing may be stored. */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailableError';
  }
}

/** No scanner configured (`CLAMAV_HOST` empty). */
export class NoVirusScanner implements VirusScanner {
  readonly enabled = false;
  async scan(): Promise<ScanVerdict> {
    return { clean: true };
  }
}

export interface ClamdOptions {
  host: string;
  port: number;
  timeoutMs: number;
}

/** clamd accepts chunks of any size up to its StreamMaxLength in total; 64 KiB keeps memory flat. */
const CHUNK = 64 * 1024;

/**
 * clamd over TCP with the INSTREAM command: `zINSTREAM\0`, then the file as chunks each preceded by its length
 * (4 bytes, big-endian), then a zero length; clamd answers `stream: OK`, `stream: <signature> FOUND` or
 * `<message> ERROR` (e.g. when the file exceeds its StreamMaxLength), NUL-terminated.
 */
export class ClamdScanner implements VirusScanner {
  readonly enabled = true;

  constructor(private readonly options: ClamdOptions) {}

  async scan(path: string): Promise<ScanVerdict> {
    const reply = await this.instream(path);
    const text = reply.replace(/\0+$/, '').trim();
    const found = /^stream: (.+) FOUND$/.exec(text);
    if (found) return { clean: false, signature: found[1] };
    if (text === 'stream: OK') return { clean: true };
    throw new ScannerUnavailableError(`clamd answered: ${text.slice(0, 200) || '(nothing)'}`);
  }

  private instream(path: string): Promise<string> {
    const { host, port, timeoutMs } = this.options;
    return new Promise<string>((resolve, reject) => {
      let reply = '';
      let settled = false;
      const socket: Socket = connect({ host, port });
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply);
      };
      const timer = setTimeout(
        () => finish(new ScannerUnavailableError(`clamd at ${host}:${port} did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.setEncoding('utf8');
      socket.on('data', (data: string) => {
        reply += data;
        // clamd ends its answer with NUL (z-prefixed command) and then closes the connection.
        if (reply.includes('\0')) finish(null);
      });
      socket.on('end', () => finish(reply ? null : new ScannerUnavailableError('clamd closed without an answer')));
      socket.on('error', (e) => {
        // clamd may answer (e.g. "size limit exceeded") and close while the file is still being sent.
        if (reply) finish(null);
        else finish(new ScannerUnavailableError(`clamd at ${host}:${port} is unreachable: ${e.message}`, { cause: e }));
      });
      socket.on('connect', () => {
        void this.send(socket, path).catch((e: unknown) => {
          if (!reply) finish(new ScannerUnavailableError(`sending to clamd failed: ${(e as Error).message}`));
        });
      });
    });
  }

  private async send(socket: Socket, path: string): Promise<void> {
    const write = (data: Buffer) =>
      new Promise<void>((resolve, reject) => {
        if (socket.destroyed) return reject(new Error('connection closed'));
        socket.write(data, (e) => (e ? reject(e) : resolve()));
      });
    await write(Buffer.from('zINSTREAM\0', 'latin1'));
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(chunk.length, 0);
      await write(Buffer.concat([length, chunk]));
    }
    await write(Buffer.alloc(4));
  }
}

export function createVirusScanner(clamav: ClamdOptions | null): VirusScanner {
  return clamav ? new ClamdScanner(clamav) : new NoVirusScanner();
}
