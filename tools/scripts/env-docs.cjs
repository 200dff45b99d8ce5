#!/usr/bin/env node
/**
 * Writes `.env.example` and the configuration table in README.md (between the env-table markers) from
 * ENV_VARIABLES in libs/api/core/src/lib/config/env.ts, the one list the API validates.
 *   npm run docs:env
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
const root = resolve(__dirname, '../..');
require('ts-node').register({ transpileOnly: true, project: resolve(root, 'libs/api/core/tsconfig.lib.json') });
const { ENV_VARIABLES } = require(resolve(root, 'libs/api/core/src/lib/config/env.ts'));

let example =
  '# Kengash configuration. Every variable is optional for `npm start`; the values below are the defaults.\n' +
  '# Validated at boot: a bad value stops the API with a one-line message naming the variable.\n' +
  '# Generated from libs/api/core/src/lib/config/env.ts by `npm run docs:env`.\n\n';
for (const v of ENV_VARIABLES) {
  example += `# ${v.description}\n${v.name}=${v.default.includes(' ') ? JSON.stringify(v.default) : v.default}\n\n`;
}
writeFileSync(resolve(root, '.env.example'), example.trimEnd() + '\n');

let table = '| variable | default | meaning |\n|---|---|---|\n';
for (const v of ENV_VARIABLES) {
  table += `| \`${v.name}\` | ${v.default ? '`' + v.default + '`' : '*(empty)*'} | ${v.description.replace(/\|/g, '\\|')} |\n`;
}
const readmePath = resolve(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- env-table:start -->';
const end = '<!-- env-table:end -->';
if (!readme.includes(start) || !readme.includes(end)) throw new Error('README.md lacks the env-table markers');
writeFileSync(readmePath, readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n\n${table}\n${end}`));
console.log(`Wrote .env.example and the README table (${ENV_VARIABLES.length} variables).`);
