import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AttachmentsConfig } from '@kengash/api-core';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

/** Where attachments' bytes live. Keys are generated (a UUID): no user input ever reaches a path or object key. */
export interface AttachmentStorage {
  readonly kind: 'local' | 's3';
  /** Takes the staged (already checked and scanned) file and stores it under `key`; the staged file may be moved. */
  put(key: string, stagedPath: string, meta: { size: number; contentType: string }): Promise<void>;
  /** The stored bytes; `AttachmentMissingError` when there is nothing under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes; nothing under `key` is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const ATTACHMENT_STORAGE = Symbol('AttachmentStorage');

export class AttachmentMissingError extends Error {
  constructor(key: string) {
    super(`No stored attachment under ${key}`);
    this.name = 'AttachmentMissingError';
  }
}

/** The storage could not be reached or refused the operation (network, credentials, bucket). */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Defence in depth: only generated keys are accepted, whatever the database says. */
function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid attachment storage key: ${JSON.stringify(key)}`);
  return key;
}

const isNodeError = (e: unknown, code: string) => (e as NodeJS.ErrnoException | null)?.code === code;

/**
 * Local disk: `<DATA_DIR>/attachments/<key>`, outside the web root (the web app is served from its own build
 * folder). Files are written 0600. Several API instances need a shared volume (docker compose mounts one).
 */
export class LocalAttachmentStorage implements AttachmentStorage {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(resolve(dataDir), 'attachments');
  }

  private path(key: string): string {
    return join(this.root, checkedKey(key));
  }

  async put(key: string, stagedPath: string): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const target = this.path(key);
    try {
      await rename(stagedPath, target);
    } catch (e) {
      // The staging folder is on another file system: copy (never over an existing file), then remove.
      if (!isNodeError(e, 'EXDEV')) throw e;
      await copyFile(stagedPath, target, 1 /* COPYFILE_EXCL */);
      await unlink(stagedPath);
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch (e) {
      if (isNodeError(e, 'ENOENT')) throw new AttachmentMissingError(key);
      throw e;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.path(key)).then(
      () => true,
      () => false,
    );
  }
}

export interface S3StorageOptions {
  bucket: string;
  endpoint: string | null;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const httpStatus = (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * An S3 bucket (AWS or any S3-compatible service: MinIO, Ceph, …). Objects are `attachments/<key>`, so moving
 * from local disk is copying `<DATA_DIR>/attachments/` into the bucket's `attachments/` prefix.
 */
export class S3AttachmentStorage implements AttachmentStorage {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only where the API requires them: S3-compatible services do not all accept the newer
      // trailing-checksum uploads the SDK sends by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  objectKey(key: string): string {
    return `attachments/${checkedKey(key)}`;
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof AttachmentMissingError) throw e;
      throw new StorageUnavailableError(`S3 ${what} failed: ${(e as Error).name ?? 'error'}`, { cause: e });
    }
  }

  async put(key: string, stagedPath: string, meta: { size: number; contentType: string }): Promise<void> {
    const objectKey = this.objectKey(key);
    await this.call('upload', () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Body: createReadStream(stagedPath),
          ContentLength: meta.size,
          ContentType: meta.contentType,
        }),
      ),
    );
    await rm(stagedPath, { force: true });
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    return this.call('download', async () => {
      try {
        const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
        if (!(out.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
        return out.Body;
      } catch (e) {
        if (e instanceof NoSuchKey || httpStatus(e) === 404) throw new AttachmentMissingError(key);
        throw e;
      }
    });
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    await this.call('delete', () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey })));
  }

  async exists(key: string): Promise<boolean> {
    const objectKey = this.objectKey(key);
    return this.call('head', async () => {
      try {
        await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
        return true;
      } catch (e) {
        if (e instanceof NotFound || httpStatus(e) === 404) return false;
        throw e;
      }
    });
  }
}

/** S3 when the bucket is configured, local disk otherwise. */
export function createAttachmentStorage(config: AttachmentsConfig): AttachmentStorage {
  return config.s3 ? new S3AttachmentStorage(config.s3) : new LocalAttachmentStorage(config.dataDir);
}
