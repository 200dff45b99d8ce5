#!/usr/bin/env node
/**
 * Migration commands against a scratch database (DATABASE_URL, or an embedded PostgreSQL made for the call):
 *   npm run db:migration:generate -- AddWorkPlans   → libs/api/core/src/lib/database/migrations/<ts>-AddWorkPlans.ts
 *   npm run db:migration:check                      → fails when the entities and the migrations disagree
 * The scratch database gets every existing migration first, so a new one holds only the difference.
 */
const { spawnSync } = require('node:child_process');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const [command, name] = process.argv.slice(2);
if (!['generate', 'check'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
  console.error('usage: migration.cjs generate <PascalCaseName> | migration.cjs check');
  process.exit(64);
}

function typeorm(url, args) {
  const r = spawnSync(
    process.execPath,
    [join(__dirname, 'typeorm-cli.cjs'), ...args, '-d', 'apps/api/src/database/data-source.ts'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'inherit',
    },
  );
  return r.status ?? 1;
}

async function main() {
  let url = process.env.DATABASE_URL;
  let embedded;
  let dir;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'kengash-migrations-'));
    chmodSync(dir, 0o755);
    embedded = await require('./embedded-db.cjs').start(dir);
    url = embedded.url;
  }
  try {
    let status = typeorm(url, ['migration:run']);
    if (status !== 0) return status;
    if (command === 'check') {
      // `migration:generate --check` exits non-zero when the entities need a migration that does not exist.
      status = typeorm(url, ['migration:generate', '--check', 'libs/api/core/src/lib/database/migrations/Check']);
      console.log(
        status === 0
          ? 'Entities and migrations agree.'
          : 'Entities changed without a migration: run npm run db:migration:generate -- <Name>',
      );
      return status;
    }
    status = typeorm(url, ['migration:generate', '--pretty', `libs/api/core/src/lib/database/migrations/${name}`]);
    if (status === 0) console.log('Now add the new class to libs/api/core/src/lib/database/migrations/index.ts.');
    return status;
  } finally {
    if (embedded) await embedded.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.message);
    process.exit(1);
  },
);
