// End-to-end tests: the built web app served by the real SMART server, driven in Debian's Chromium.
// Two servers on fresh embedded databases: one left at its first run for the setup journey, one
// that the other journeys set up once (via the API) and then give each test its own organization.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataRoot = path.join(repoRoot, '.smart-test', 'e2e');
export const FIRST_RUN_URL = 'http://localhost:8181';
export const JOURNEYS_URL = 'http://localhost:8182';

function serve(port: number, dir: string): string {
  const data = path.join(dataRoot, dir);
  return `rm -rf "${data}" && npx tsx apps/cli/src/main.ts serve --port ${port} --data "${data}"`;
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  // Two journeys share the machine's cores (two on CI): a map's first layout, under a second
  // alone, has taken over 10 s there.
  expect: { timeout: 20_000 },
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'first-run', testMatch: 'first-run-setup.spec.ts', use: { baseURL: FIRST_RUN_URL } },
    { name: 'journeys', testIgnore: 'first-run-setup.spec.ts', use: { baseURL: JOURNEYS_URL } },
  ],
  // Started one after the other: the first builds the web app that both serve.
  webServer: [
    {
      command: `npm run build && ${serve(8181, 'first-run')}`,
      url: `${FIRST_RUN_URL}/api/health`,
      cwd: repoRoot,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: serve(8182, 'journeys'),
      // The journeys sign the same administrator in many times.
      env: { LOGIN_RATE_LIMIT: '10000' },
      url: `${JOURNEYS_URL}/api/health`,
      cwd: repoRoot,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
