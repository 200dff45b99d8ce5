import { WorkingGroupListResponse } from '@kengash/contracts';
import { ApiProcess, startApi } from '@kengash/api-testing';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PIDs of PostgreSQL servers whose data folder is under `dir`. */
function postgresProcessesFor(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('postgres') && l.includes(dir) && !l.includes(' ps '));
}

async function groups(api: ApiProcess): Promise<WorkingGroupListResponse> {
  const res = await fetch(`${api.baseUrl}/api/council/groups`);
  expect(res.status).toBe(200);
  return (await res.json()) as WorkingGroupListResponse;
}

describe('npm start without DATABASE_URL: the embedded PostgreSQL', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kengash-embedded-'));
    await chmod(dataDir, 0o755); // as root the server runs as `postgres`, which must reach the folder
  });

  afterAll(async () => {
    for (const line of postgresProcessesFor(dataDir)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts a real server, loads the demo data, stops it on SIGTERM and keeps the data for the next start', async () => {
    const first = await startApi({ DATA_DIR: dataDir, DEMO_DATA: 'true' });
    const before = await groups(first);
    expect(before.groups).toHaveLength(4);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startApi({ DATA_DIR: dataDir, DEMO_DATA: 'true' });
    const after = await groups(second);
    expect(after.council.id).toBe(before.council.id); // same data, not seeded again
    expect(after.groups.map((g) => g.id).sort()).toEqual(before.groups.map((g) => g.id).sort());
    expect(await second.stop('SIGINT')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('recovers when the previous API was killed with SIGKILL and left its PostgreSQL running', async () => {
    const killed = await startApi({ DATA_DIR: dataDir });
    await killed.stop('SIGKILL');
    const orphanPid = Number((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the orphan is alive

    const next = await startApi({ DATA_DIR: dataDir });
    expect((await groups(next)).groups).toHaveLength(4);
    expect(next.output()).toContain('orphaned embedded PostgreSQL');
    expect(await next.stop('SIGTERM')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});
