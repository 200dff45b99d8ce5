/**
 * The server the browser e2e suite drives: the production API build serving the production web build,
 * on a fresh database (created on TEST_DATABASE_URL's server) with the demo data loaded.
 */
const { resolve } = require('node:path');
const root = resolve(__dirname, '../..');
require('ts-node').register({ transpileOnly: true, project: resolve(root, 'libs/api/testing/tsconfig.lib.json') });
const { createTestDatabase } = require(resolve(root, 'libs/api/testing/src/lib/test-database.ts'));
const { freeLoopbackPort, startApi } = require(resolve(root, 'libs/api/testing/src/lib/api-process.ts'));

module.exports.startBrowserTarget = async (env) => {
  process.env.TEST_DATABASE_URL = env.TEST_DATABASE_URL;
  const db = await createTestDatabase('browser');
  // PUBLIC_URL must be the address the browser opens: the live gateway accepts sockets only from that origin.
  const port = await freeLoopbackPort();
  const api = await startApi({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: db.url,
    DEMO_DATA: 'true',
  });
  return {
    baseUrl: api.baseUrl,
    stop: async () => {
      await api.stop();
      await db.drop();
    },
  };
};
