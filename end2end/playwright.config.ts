import { defineConfig } from '@playwright/test';

// Welcome Kit browser tests. Run with `cd end2end && npx playwright test`.
//
// The suite starts its own server (the debug build in ../target) on a fresh
// SQLite database with the demo data. Map tiles from tile.openstreetmap.org
// are blocked in every test (see tests/fixtures.ts): that is the normal
// condition here, and the site must stay usable with them blocked.

const PORT = 3100;
const BASE_URL = `http://127.0.0.1:${PORT}`;

const phone = { width: 360, height: 740 };

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: true,
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/Prague',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'phone-js',
      testIgnore: /desktop\.spec\.ts/,
      use: { viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: true },
    },
    {
      name: 'phone-nojs',
      testIgnore: /desktop\.spec\.ts/,
      use: { viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: false },
    },
    {
      // Only the checks that are about the wide layout (list and map side by side).
      name: 'desktop-js',
      testMatch: /desktop\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
    },
  ],
  webServer: {
    command: "sh -c 'rm -f /tmp/wk-e2e.db* && exec ./target/debug/welcome-kit serve --demo'",
    cwd: '..',
    url: `${BASE_URL}/api/v1/cities`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: 'sqlite:///tmp/wk-e2e.db',
      LEPTOS_OUTPUT_NAME: 'welcome-kit',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      WK_PUBLIC_URL: BASE_URL,
    },
  },
});
