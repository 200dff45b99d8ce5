/**
 * Starts the same embedded PostgreSQL the API uses (libs/api/core), for the test runner:
 *   const db = await require('./embedded-db.cjs').start(dir)  →  { url, stop() }
 */
const { resolve } = require('node:path');
const root = resolve(__dirname, '../..');
require('ts-node').register({ transpileOnly: true, project: resolve(root, 'libs/api/core/tsconfig.lib.json') });
const { startEmbeddedPostgres } = require(resolve(root, 'libs/api/core/src/lib/database/embedded-postgres.ts'));

module.exports.start = (dataDir) => startEmbeddedPostgres({ dataDir, database: 'kengash_test', persistent: false });
