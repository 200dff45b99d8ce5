import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Env } from './env';

export interface AppSecrets {
  jwtAccessSecret: string;
  jwtRefreshSecret: string;
  dataEncryptionKey: string;
}

type Stored = Partial<Record<keyof AppSecrets, string>>;

/**
 * Secrets come from the environment; any that is unset is generated once into `DATA_DIR/secrets.json`
 * (mode 0600, never committed) and read from there on later starts, so tokens and encrypted data survive
 * restarts. Several processes starting together agree on one file.
 */
export async function loadSecrets(env: Env): Promise<AppSecrets> {
  const fromEnv: Stored = {
    jwtAccessSecret: env.JWT_ACCESS_SECRET,
    jwtRefreshSecret: env.JWT_REFRESH_SECRET,
    dataEncryptionKey: env.DATA_ENCRYPTION_KEY,
  };
  if (fromEnv.jwtAccessSecret && fromEnv.jwtRefreshSecret && fromEnv.dataEncryptionKey) return fromEnv as AppSecrets;

  const dir = resolve(env.DATA_DIR);
  const file = join(dir, 'secrets.json');
  await mkdir(dir, { recursive: true });
  const generated: AppSecrets = {
    jwtAccessSecret: randomBytes(48).toString('base64url'),
    jwtRefreshSecret: randomBytes(48).toString('base64url'),
    dataEncryptionKey: randomBytes(48).toString('base64url'),
  };
  try {
    await writeFile(file, JSON.stringify(generated), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
  return {
    jwtAccessSecret: fromEnv.jwtAccessSecret ?? stored.jwtAccessSecret ?? generated.jwtAccessSecret,
    jwtRefreshSecret: fromEnv.jwtRefreshSecret ?? stored.jwtRefreshSecret ?? generated.jwtRefreshSecret,
    dataEncryptionKey: fromEnv.dataEncryptionKey ?? stored.dataEncryptionKey ?? generated.dataEncryptionKey,
  };
}
