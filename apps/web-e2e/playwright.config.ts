import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';

/**
 * End-to-end tests of the web app in Chromium against a running Kengash server (API serving the
 * built web app, loaded with demo data). The server is started outside this config and its
 * address given in E2E_BASE_URL.
 */
const baseURL = process.env['E2E_BASE_URL'] || 'http://localhost:3000';

export default defineConfig({
  ...nxE2EPreset(__filename, { testDir: './src' }),
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] || 'reports/web-e2e.json',
      },
    ],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        locale: 'en-US',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
