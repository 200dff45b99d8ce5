import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The upload is bigger than the cap: counting stopped there, nothing past it was written. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export interface StagedFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * The staging folder for uploads being received and checked (`<DATA_DIR>/incoming`), on the same file system as
 * local storage so accepted files are moved, not copied. Files left by a crash are removed after an hour.
 */
export class UploadStaging {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = join(resolve(dataDir), 'incoming');
  }

  async prepare(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const name of await readdir(this.folder)) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  }

  /**
   * Streams `source` into a new staging file, hashing it on the way. Stops at the first byte past `maxBytes`
   * (`UploadTooLargeError`; the partial file is removed): memory use stays one chunk whatever is sent.
   */
  async receive(source: Readable, maxBytes: number): Promise<StagedFile> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const path = join(this.folder, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new UploadTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return { path, size, sha256: hash.digest('hex') };
  }

  async discard(file: StagedFile | null): Promise<void> {
    if (file) await rm(file.path, { force: true });
  }
}
