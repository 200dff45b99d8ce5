import { ClamdServer, EICAR, startClamdServer } from '@kengash/api-testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClamdScanner, createVirusScanner, NoVirusScanner, ScannerUnavailableError } from './virus-scanner';

/** The scanner against a real TCP server speaking clamd's INSTREAM protocol. */
describe('ClamdScanner', () => {
  let clamd: ClamdServer;
  let dir: string;
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  beforeAll(async () => {
    clamd = await startClamdServer({ maxStream: 1024 * 1024 });
    dir = mkdtempSync(join(tmpdir(), 'kengash-clamd-'));
  });
  afterAll(async () => {
    await clamd.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scanner = () => new ClamdScanner({ host: clamd.host, port: clamd.port, timeoutMs: 5000 });

  it('passes a clean file, sending it whole in length-prefixed chunks', async () => {
    const bytes = Buffer.alloc(200 * 1024 + 17, 'k');
    await expect(scanner().scan(file('clean.bin', bytes))).resolves.toEqual({ clean: true });
    expect(clamd.scanned.at(-1)?.equals(bytes)).toBe(true);
  });

  it('reports the signature of an infected file', async () => {
    await expect(scanner().scan(file('eicar.txt', EICAR))).resolves.toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('treats a clamd error answer (stream too long) as no verdict', async () => {
    await expect(scanner().scan(file('big.bin', Buffer.alloc(2 * 1024 * 1024)))).rejects.toThrow(/size limit exceeded/);
  });

  it('fails with ScannerUnavailableError when nothing listens', async () => {
    const closed = await startClamdServer();
    await closed.close();
    const s = new ClamdScanner({ host: closed.host, port: closed.port, timeoutMs: 2000 });
    await expect(s.scan(file('x.txt', 'x'))).rejects.toBeInstanceOf(ScannerUnavailableError);
  });

  it('times out when clamd accepts but never answers', async () => {
    const silent: Server = createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const s = new ClamdScanner({ host: '127.0.0.1', port, timeoutMs: 300 });
      await expect(s.scan(file('y.txt', 'y'))).rejects.toThrow(/did not answer within 300 ms/);
    } finally {
      silent.close();
      // Drop the scanner's half-open connection so the server closes.
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('is not used without configuration', async () => {
    const none = createVirusScanner(null);
    expect(none).toBeInstanceOf(NoVirusScanner);
    expect(none.enabled).toBe(false);
    expect(createVirusScanner({ host: 'localhost', port: 3310, timeoutMs: 1 }).enabled).toBe(true);
  });
});
