/**
 * The SQL the search service runs, taken from the service itself: libs/api/practices/src/lib/
 * practice-search.service.ts is loaded from this checkout's sources (ts-node, transpile only, the workspace's
 * path aliases) and given a data source that runs each statement on a real connection and records it with its
 * parameters. So the raw baseline replays exactly the statements, in the order and with the parameters, that the
 * service sends for a request, and follows the service when it changes.
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { resolve } = require('node:path');

const root = resolve(__dirname, '../../..');
let Service = null;
let tsquery = null;

function load() {
  if (Service) return Service;
  const paths = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (paths[request]) return original.call(this, resolve(root, paths[request][0]), ...rest);
    return original.call(this, request, ...rest);
  };
  require('ts-node').register({
    transpileOnly: true,
    project: resolve(root, 'libs/api/practices/tsconfig.lib.json'),
  });
  const mod = require(resolve(root, 'libs/api/practices/src/lib/practice-search.service.ts'));
  Service = mod.PracticeSearchService;
  tsquery = mod.tsquery;
  return Service;
}

/**
 * Runs the service's search for an anonymous reader (`principal` null, as GET /api/practices without a token)
 * against `client` (a connected pg.Client) and returns the statements it ran and its response.
 */
async function captureSearch(client, query, readerLocale) {
  const PracticeSearchService = load();
  const statements = [];
  const db = {
    async query(sql, values) {
      statements.push({ sql, values });
      return (await client.query(sql, values)).rows;
    },
  };
  const response = await new PracticeSearchService(db).search(null, query, readerLocale);
  return { statements, response };
}

/** The service's tsquery expression (every configuration OR-ed) around the parameter `p`, e.g. '$1::text'. */
function tsqueryOf(p) {
  load();
  return tsquery(p);
}

module.exports = { captureSearch, tsqueryOf, servicePath: 'libs/api/practices/src/lib/practice-search.service.ts' };
