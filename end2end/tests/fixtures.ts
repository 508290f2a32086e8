import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

// Shared test setup for every spec:
//  * requests to tile.openstreetmap.org are aborted (tiles can never load on
//    the test machine, so "tiles blocked" is the normal condition);
//  * uncaught page errors are collected in `pageErrors`;
//  * an init script notes when the app's WebAssembly module has been
//    instantiated, so tests can wait for hydration (see `hydrated`).

export const TILE_HOST = /tile\.openstreetmap\.org/;

type Fixtures = {
  /** Uncaught exceptions thrown in the page (pageerror events). */
  pageErrors: string[];
  /** URLs of the tile requests that were blocked. */
  blockedTiles: string[];
  /** Content-Security-Policy violations the browser reported on the console. */
  cspViolations: string[];
};

export const test = base.extend<Fixtures>({
  blockedTiles: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, blockedTiles }, use) => {
    await context.route(TILE_HOST, (route) => {
      blockedTiles.push(route.request().url());
      return route.abort();
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __wkWasmReady?: boolean; __wkPanics: string[] };
      // Rust panics in the WebAssembly code are reported through console.error
      // (console_error_panic_hook); keep them so `hydrated` can report them.
      w.__wkPanics = [];
      const consoleError = console.error;
      console.error = function (...args: unknown[]) {
        try {
          const text = args.map(String).join(' ');
          if (text.includes('panicked at')) w.__wkPanics.push(text.slice(0, 800));
        } catch { /* ignore */ }
        return consoleError.apply(console, args);
      };
      const mark = <T,>(p: Promise<T>): Promise<T> => {
        p.then(() => { w.__wkWasmReady = true; }, () => {});
        return p;
      };
      const streaming = WebAssembly.instantiateStreaming;
      if (streaming) {
        WebAssembly.instantiateStreaming = function (...args: Parameters<typeof streaming>) {
          return mark(streaming.apply(WebAssembly, args));
        } as typeof streaming;
      }
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = function (...args: unknown[]) {
        return mark((instantiate as (...a: unknown[]) => Promise<unknown>).apply(WebAssembly, args));
      } as typeof instantiate;
    });
    await use(context);
  },
  pageErrors: async ({}, use) => {
    await use([]);
  },
  cspViolations: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, pageErrors, cspViolations }, use) => {
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
    });
    await use(page);
  },
});

export { expect };

export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * With JavaScript on, wait until the WebAssembly bundle is instantiated and
 * `hydrate()` has had a chance to run, so that clicks go through the client
 * router. Without JavaScript there is nothing to wait for.
 */
export async function hydrated(page: Page, testInfo: TestInfo): Promise<void> {
  if (!jsEnabled(testInfo)) return;
  await page.waitForFunction(() => (window as unknown as { __wkWasmReady?: boolean }).__wkWasmReady === true,
    undefined, { timeout: 20_000 });
  // hydrate() runs in the promise continuation right after instantiation;
  // two animation frames later it has finished.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const panics = await page.evaluate(() => (window as unknown as { __wkPanics?: string[] }).__wkPanics ?? []);
  expect(panics, `the app panicked while hydrating ${page.url()}`).toEqual([]);
}

/** The number in the results heading ("46 places found", "Nalezeno 7 míst", …). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#results-heading').textContent()) ?? '';
  const m = text.match(/\d+/);
  if (!m) throw new Error(`no number in results heading: ${JSON.stringify(text)}`);
  return Number(m[0]);
}

/** Slugs of the place cards shown. */
export async function cardSlugs(page: Page): Promise<string[]> {
  return page.locator('.place-card[data-slug]').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug') ?? ''));
}

/** Total number of places in a city, from the JSON API (independent of the page). */
export async function cityTotal(page: Page, city: string): Promise<number> {
  const res = await page.request.get('/api/v1/cities');
  expect(res.ok()).toBeTruthy();
  const body = (await res.json()) as { cities: { slug: string; places: number }[] };
  const c = body.cities.find((x) => x.slug === city);
  if (!c) throw new Error(`city ${city} not in /api/v1/cities`);
  return c.places;
}

/** document.documentElement.scrollWidth must not exceed the viewport width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}
