#!/usr/bin/env node
/**
 * TypeORM's CLI with the workspace's TypeScript path aliases, for migration commands:
 *   DATABASE_URL=… node tools/scripts/typeorm-cli.cjs migration:generate -d apps/api/src/database/data-source.ts <path>
 */
const { resolve } = require('node:path');
const { readFileSync } = require('node:fs');
const root = resolve(__dirname, '../..');
const base = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'));
require('tsconfig-paths').register({ baseUrl: root, paths: base.compilerOptions.paths });
require('ts-node').register({ transpileOnly: true, project: resolve(root, 'apps/api/tsconfig.app.json') });
require('typeorm/cli.js');
