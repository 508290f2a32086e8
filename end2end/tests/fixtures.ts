import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';

// Shared test setup for every spec:
//  * map tiles never load (their host does not resolve in the test browser,
//    see playwright.config.ts; "tiles blocked" is the normal condition), and
//    the failed tile requests are collected in `blockedTiles`;
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
  context: async ({ context, blockedTiles, pageErrors, cspViolations }, use) => {
    // Every page of the test, in this context and in any the test opens,
    // reports its uncaught errors and Content-Security-Policy violations;
    // the test fails when it ends with any (see `page`).
    watch(context, pageErrors, cspViolations);
    const browser = context.browser();
    const newContext = browser?.newContext;
    if (browser && newContext) {
      browser.newContext = async (options?: BrowserContextOptions) => {
        const ctx = await newContext.call(browser, options);
        watch(ctx, pageErrors, cspViolations);
        return ctx;
      };
    }
    // Tile hosts do not resolve in this browser (playwright.config.ts):
    // blocking them by routing would turn off the HTTP cache for every
    // request of the context.
    context.on('requestfailed', (request) => {
      if (TILE_HOST.test(request.url())) blockedTiles.push(request.url());
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
    if (browser && newContext) browser.newContext = newContext;
    // Contexts opened for this one (axe's no-JavaScript copies) close first,
    // awaited: closed later from the context's close event they raced the
    // browser's own shutdown ("Failed to find context").
    for (const ctx of companions.get(context) ?? []) await ctx.close();
  },
  pageErrors: async ({}, use) => {
    await use([]);
  },
  cspViolations: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, pageErrors, cspViolations }, use) => {
    await use(page);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };

/** Contexts whose pages are expected to fail (the no-JavaScript copies axe reads). */
export const unwatched = new WeakSet<BrowserContext>();

/** Contexts a test's context opened for itself, closed with it (see `context`). */
export const companions = new WeakMap<BrowserContext, BrowserContext[]>();

function watch(context: BrowserContext, pageErrors: string[], cspViolations: string[]) {
  context.on('page', (page) => {
    if (unwatched.has(context)) return;
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
    });
  });
}

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

/** Slugs of every published place in a city, from the JSON API (independent of the page). */
export async function citySlugs(page: Page, city: string): Promise<string[]> {
  const res = await page.request.get(`/api/v1/places?city=${city}&per_page=200`);
  expect(res.ok()).toBeTruthy();
  const body = (await res.json()) as { places: { slug: string }[] };
  return body.places.map((p) => p.slug);
}

/**
 * The page shows the unfiltered list of `city`: its heading counts every
 * place the API listed before the page was read (`before`) and no more than
 * the API lists now (tests running alongside may add places), and it shows
 * the first page of them (50 cards at most), all of the city.
 */
export async function expectWholeCity(page: Page, city: string, before: string[]): Promise<void> {
  // Retried: after a client-side navigation the list may still be changing.
  await expect(async () => {
    const n = await resultCount(page);
    const after = await citySlugs(page, city);
    expect(n, 'no fewer places than the city had').toBeGreaterThanOrEqual(before.length);
    expect(n, 'no more places than the city has').toBeLessThanOrEqual(after.length);
    const cards = await cardSlugs(page);
    expect(cards.length).toBe(Math.min(n, 50));
    expect(after, 'every card is a place of the city').toEqual(expect.arrayContaining(cards));
  }).toPass({ timeout: 10_000 });
}


/** document.documentElement.scrollWidth must not exceed the viewport width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // Measured once the stylesheet is in: before that, the document is laid
  // out without it (the browser shows nothing until then).
  await page.waitForLoadState('load');
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** Opens the folded filters of the city page (a <details>), if closed. */
export async function openFilters(page: Page): Promise<void> {
  const details = page.locator('details.more-filters');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(page.locator('#f-category')).toBeVisible();
}

/** Opens the header's menu (a <details>), if closed. */
export async function openMenu(page: Page): Promise<void> {
  const details = page.locator('.site-header details.menu');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Picks an interface language from the header's folded language choice. */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  const details = page.locator('.site-header details.lang-menu');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await page.locator(`nav.lang-switcher a[hreflang="${code}"]`).click();
}
