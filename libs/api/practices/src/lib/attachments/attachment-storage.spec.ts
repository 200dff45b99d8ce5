import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import {
  AttachmentMissingError,
  AttachmentStorage,
  createAttachmentStorage,
  LocalAttachmentStorage,
  S3AttachmentStorage,
  StorageUnavailableError,
} from './attachment-storage';

const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The same behaviour from both storages: put a staged file, read it back, delete it, refuse odd keys. */
function behavesAsStorage(name: string, make: () => { storage: AttachmentStorage; staging: string }) {
  describe(name, () => {
    const stage = (bytes: Buffer) => {
      const path = join(make().staging, randomUUID());
      writeFileSync(path, bytes);
      return path;
    };

    it('stores, reads back the same bytes, and deletes', async () => {
      const { storage } = make();
      const key = randomUUID();
      const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
      await storage.put(key, stage(bytes), { size: bytes.length, contentType: 'application/pdf' });
      expect(await storage.exists(key)).toBe(true);
      expect((await read(await storage.get(key))).equals(bytes)).toBe(true);
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.get(key)).rejects.toBeInstanceOf(AttachmentMissingError);
      await storage.delete(key); // deleting twice is fine
    });

    it('takes the staged file away', async () => {
      const { storage, staging } = make();
      const before = readdirSync(staging).length;
      await storage.put(randomUUID(), stage(Buffer.from('x')), { size: 1, contentType: 'text/plain' });
      expect(readdirSync(staging).length).toBe(before);
    });

    it.each(['../etc/passwd', 'a/b', '', 'ABCDEF'])('refuses the key %j', async (key) => {
      const { storage } = make();
      await expect(storage.get(key)).rejects.toThrow(/Invalid attachment storage key/);
    });
  });
}

describe('attachment storage', () => {
  let dir: string;
  let s3dir: string;
  let s3: S3rver;
  let endpoint = '';
  let local: LocalAttachmentStorage;
  let bucketStorage: S3AttachmentStorage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kengash-storage-'));
    s3dir = mkdtempSync(join(tmpdir(), 'kengash-s3rver-'));
    // A real S3-compatible server in this process (HTTP on loopback, signature v4 checked).
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir });
    const address = await s3.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    local = new LocalAttachmentStorage(dir);
    bucketStorage = new S3AttachmentStorage({
      bucket: 'kengash-attachments',
      endpoint,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    await bucketStorage.client.send(new CreateBucketCommand({ Bucket: 'kengash-attachments' }));
  });

  afterAll(async () => {
    bucketStorage?.client.destroy();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(s3dir, { recursive: true, force: true });
  });

  behavesAsStorage('local disk', () => ({ storage: local, staging: dir }));
  behavesAsStorage('S3 (s3rver)', () => ({ storage: bucketStorage, staging: dir }));

  it('keeps local files under DATA_DIR/attachments, readable by the owner only', async () => {
    const key = randomUUID();
    const staged = join(dir, 'staged');
    writeFileSync(staged, 'bytes', { mode: 0o600 });
    await local.put(key, staged);
    expect(local.root).toBe(join(dir, 'attachments'));
    expect(statSync(join(dir, 'attachments', key)).mode & 0o077).toBe(0);
  });

  it('puts S3 objects under attachments/<key> with their content type', async () => {
    const key = randomUUID();
    const staged = join(dir, 'staged-s3');
    writeFileSync(staged, '%PDF-1.4');
    await bucketStorage.put(key, staged, { size: 8, contentType: 'application/pdf' });
    const listed = await bucketStorage.client.send(
      new ListObjectsV2Command({ Bucket: 'kengash-attachments', Prefix: 'attachments/' }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toContain(`attachments/${key}`);
  });

  it('reports an unreachable or wrong bucket as StorageUnavailableError', async () => {
    const wrong = new S3AttachmentStorage({
      bucket: 'no-such-bucket',
      endpoint,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    const staged = join(dir, 'staged-wrong');
    writeFileSync(staged, 'x');
    await expect(wrong.put(randomUUID(), staged, { size: 1, contentType: 'text/plain' })).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    wrong.client.destroy();
  });

  it('chooses S3 when a bucket is configured, local disk otherwise', () => {
    const base = { maxBytes: 1, dataDir: dir, clamav: null };
    expect(createAttachmentStorage({ ...base, s3: null }).kind).toBe('local');
    const s3Storage = createAttachmentStorage({
      ...base,
      s3: {
        bucket: 'b',
        endpoint,
        region: 'us-east-1',
        accessKeyId: 'a',
        secretAccessKey: 's',
        forcePathStyle: true,
      },
    });
    expect(s3Storage.kind).toBe('s3');
    (s3Storage as S3AttachmentStorage).client.destroy();
  });
});
