#!/usr/bin/env node
/**
 * Adds packages the API loads at runtime but webpack cannot see (TypeORM requires its driver,
 * `pg`, dynamically) to the package.json that `nx build api` generates, pinned to the versions
 * in the workspace's root package.json.
 *
 * Usage (from the repository root, after `nx build api`):
 *   node deploy/api/add-runtime-dependencies.cjs dist/apps/api/package.json pg [more packages…]
 */
'use strict';

const { readFileSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');

const [target, ...names] = process.argv.slice(2);
if (!target || names.length === 0) {
  console.error('usage: add-runtime-dependencies.cjs <dist package.json> <package> [package…]');
  process.exit(2);
}

const root = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
const generated = JSON.parse(readFileSync(resolve(target), 'utf8'));
generated.dependencies = generated.dependencies ?? {};

for (const name of names) {
  const version = root.dependencies?.[name];
  if (!version) {
    console.error(`${name} is not a dependency in the root package.json`);
    process.exit(1);
  }
  generated.dependencies[name] = version;
  console.log(`added ${name}@${version} to ${target}`);
}

writeFileSync(resolve(target), JSON.stringify(generated, null, 2) + '\n');
