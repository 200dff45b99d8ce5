import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UploadStaging, UploadTooLargeError } from './attachment-upload';

describe('UploadStaging', () => {
  let dir: string;
  let staging: UploadStaging;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kengash-staging-'));
    staging = new UploadStaging(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams into <DATA_DIR>/incoming with the size and SHA-256 of the bytes', async () => {
    const bytes = Buffer.alloc(150_000, 'q');
    const staged = await staging.receive(Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]), 150_000);
    expect(staged.path.startsWith(join(dir, 'incoming'))).toBe(true);
    expect(staged.size).toBe(150_000);
    expect(staged.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readFileSync(staged.path).equals(bytes)).toBe(true);
    await staging.discard(staged);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });

  it('stops at the first byte past the cap of an endless upload and leaves nothing behind', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 16_384;
        this.push(Buffer.alloc(16_384, 1));
      },
    });
    await expect(staging.receive(endless, 100_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(produced).toBeLessThan(100_000 + 5 * 16_384 + 64 * 1024); // read a few chunks past the cap at most
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });

  it('removes staged files a crash left behind, older than an hour', async () => {
    const old = join(dir, 'incoming', 'left-over');
    const recent = join(dir, 'incoming', 'in-progress');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'y');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, hoursAgo, hoursAgo);
    await staging.prepare();
    expect(readdirSync(join(dir, 'incoming'))).toEqual(['in-progress']);
    rmSync(recent);
  });
});
