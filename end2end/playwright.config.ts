import { defineConfig } from '@playwright/test';
import { ADMIN_PASSWORD } from './tests/admin';

// Welcome Kit browser tests. Run with `cd end2end && npx playwright test`.
//
// The suite starts its own server (the debug build in ../target) on a fresh
// SQLite database with the demo data. Map tiles from tile.openstreetmap.org
// never load (their host does not resolve, see `--host-resolver-rules`
// below): that is the normal condition here, and the site must stay usable
// without them.

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB = `/tmp/wk-e2e-${PORT}.db`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

const phone = { width: 360, height: 740 };

/** The app on `port` with the demo data in a fresh SQLite file `db`, taking
 * `posts` form posts a minute from one address. */
function server(port: number, db: string, posts: string) {
  const url = `http://127.0.0.1:${port}`;
  return {
    // An admin (for reading the outbox) is created through the real CLI.
    command: `sh -c 'rm -f ${db}* && printf "%s\\n" "$E2E_ADMIN_PASSWORD" | ./target/debug/welcome-kit create-admin --email admin@e2e.example && exec ./target/debug/welcome-kit serve --demo'`,
    cwd: '..',
    url: `${url}/api/v1/cities`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      DATABASE_URL: `sqlite://${db}`,
      LEPTOS_OUTPUT_NAME: 'welcome-kit',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      WK_PUBLIC_URL: url,
      E2E_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Every test posts from 127.0.0.1; the limits have their own Rust
      // tests and limits.spec.ts its own server.
      WK_FORM_POSTS_PER_MINUTE: posts,
      WK_FORM_POSTS_BURST: posts,
    },
  };
}

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Two workers: tests make their own data (see docs/testing.md), so any
  // two can run side by side; while one waits on the server or the
  // browser, the other runs.
  fullyParallel: true,
  forbidOnly: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: 'list',
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      // Chromium's headless shell (Debian's chromium-headless-shell), the
      // build Playwright itself uses for headless runs: the same Blink, V8
      // and WebAssembly engine without the full browser around them; on the
      // 2-core machine it ran the suite in 3.6 min against 6 with
      // `/usr/bin/chromium`. E2E_CHROMIUM picks another build.
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium-headless-shell',
      // Playwright asks for GPU rasterisation through SwiftShader, a GPU
      // emulated on the CPU; plain software drawing costs less CPU here
      // (about 8 % of the suite's time on a 2-core machine).
      ignoreDefaultArgs: ['--enable-gpu-rasterization', '--use-angle=swiftshader-webgl', '--enable-unsafe-swiftshader'],
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-gpu-compositing',
        // Map tiles never load (there is no way out of the test machine);
        // here they do not resolve on any machine, so every run sees the
        // same thing.
        '--host-resolver-rules=MAP tile.openstreetmap.org ~NOTFOUND, MAP *.tile.openstreetmap.org ~NOTFOUND',
      ],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/Prague',
    // The service worker answers from its copy only when the network fails;
    // it is let in where it is the subject (offline.spec.ts), and kept out
    // elsewhere so that `page.route` sees every request.
    serviceWorkers: 'block',
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
      // The axe matrix and the dark-scheme check see each page without
      // JavaScript from phone-js.
      testIgnore: /(desktop|axe-matrix|dark)\.spec\.ts/,
      use: { viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: false },
    },
    {
      // Only the checks that are about the wide layout (list and map side by side).
      name: 'desktop-js',
      testMatch: /desktop\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
    },
  ],
  webServer: [
    server(PORT, DB, '10000'),
    // limits.spec.ts: one form post a minute, to see the refusal.
    server(PORT + 1, `/tmp/wk-e2e-limited-${PORT}.db`, '1'),
  ],
});
