import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import { companions, expect, jsEnabled, unwatched } from './fixtures';

// axe-core (WCAG 2.0/2.1/2.2 A and AA) on a page, with and without JavaScript.
// Only Leaflet's own tile and attribution elements are excluded (the tiles
// are blocked here and are not the app's markup); markers, clusters and
// popups are checked.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One no-JavaScript copy page per test context, reused for every check of
// the test and closed with the context.
const copies = new WeakMap<BrowserContext, Promise<Page>>();

async function copyPage(page: Page, testInfo: TestInfo): Promise<Page> {
  const owner = page.context();
  let copy = copies.get(owner);
  if (!copy) {
    copy = (async () => {
      // The copy sees what the page sees, the visitor's colour scheme included.
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches).catch(() => false);
      const ctx = await owner.browser()!.newContext({
        colorScheme: dark ? 'dark' : 'light',
        hasTouch: testInfo.project.use.hasTouch,
        locale: testInfo.project.use.locale,
        timezoneId: testInfo.project.use.timezoneId,
        javaScriptEnabled: true,
      });
      unwatched.add(ctx);
      companions.set(owner, [...(companions.get(owner) ?? []), ctx]);
      await ctx.route(/\.(m?js|wasm)(\?.*)?$/, (r) => r.abort());
      return ctx.newPage();
    })();
    copies.set(owner, copy);
  }
  return copy;
}

/**
 * axe runs as a script inside the page, which is impossible while script
 * execution is disabled (its timers never fire). So the same address is
 * opened again in a context where scripting is on for axe but every script
 * and WebAssembly request of the site is aborted: the app never runs, the
 * DOM is the server-rendered one. <noscript> content is then unwrapped, as a
 * browser without JavaScript would render it.
 */
async function noJsCopy(page: Page, testInfo: TestInfo, asShown = false): Promise<Page> {
  const copy = await copyPage(page, testInfo);
  await copy.context().addCookies(await page.context().cookies());
  const size = page.viewportSize() ?? testInfo.project.use.viewport;
  if (size) await copy.setViewportSize(size);
  // A page that answered a form post cannot be asked for again: the copy
  // gets the document the page shows, at the same address.
  const url = page.url();
  if (asShown) {
    const body = await page.content();
    await copy.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }
  await copy.goto(url);
  if (asShown) await copy.unroute(url);
  await copy.evaluate(() => {
    for (const ns of [...document.querySelectorAll('noscript')]) {
      const holder = document.createElement('div');
      holder.innerHTML = ns.textContent ?? '';
      ns.replaceWith(...holder.childNodes);
    }
  });
  // Sanity: the copy shows the same page.
  await expect(copy.locator('h1').first()).toHaveText((await page.locator('h1').first().textContent()) ?? '');
  expect(await copy.evaluate(() => document.querySelectorAll('#wk-map .leaflet-marker-icon').length)).toBe(0);
  return copy;
}

export type Violation = { rule: string; impact?: string | null; help: string; nodes: { target: string; message?: string }[] };

/** The violations axe finds on the page as it is now (JS on) or as served (JS off). */
export async function violations(page: Page, testInfo: TestInfo, name: string, asShown = false): Promise<Violation[]> {
  const target = jsEnabled(testInfo) ? page : await noJsCopy(page, testInfo, asShown);
  return check(target, testInfo, name);
}

/**
 * Whether script changes the page: it only ever touches islands, the map
 * and <noscript> fallbacks, so a page with none of them is shown exactly as
 * it is served.
 */
export async function isScripted(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('leptos-island, noscript, #wk-map') !== null);
}

/** The page's markup as axe sees it (scripts left out). */
async function markup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const s of body.querySelectorAll('script')) s.remove();
    return body.innerHTML;
  });
}

/**
 * From a page opened with JavaScript on: the violations of the page as it
 * is now and of the same address as served to a browser without
 * JavaScript. Where the two documents are the same markup (pages without a
 * map or an island), axe would give the same answer twice, so it runs once.
 */
export async function violationsWithAndWithoutJs(page: Page, testInfo: TestInfo, name: string): Promise<Violation[]> {
  const found = await check(page, testInfo, `${name} JS on`);
  if (!await isScripted(page)) return found;
  const copy = await noJsCopy(page, testInfo);
  if ((await markup(copy)) !== (await markup(page))) {
    found.push(...await check(copy, testInfo, `${name} JS off`));
  }
  return found;
}

async function check(target: Page, testInfo: TestInfo, name: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page: target })
    .withTags(TAGS)
    // In the page itself: the pages have no frames, and the default mode
    // opens a blank page to combine frame results, which costs more than
    // the checks.
    .setLegacyMode()
    // Full node lists for violations only; passes are counted, not listed.
    .options({ resultTypes: ['violations'] })
    .exclude('#wk-map .leaflet-tile-pane')
    .exclude('#wk-map .leaflet-control-attribution')
    .analyze();
  // Target size (WCAG 2.2, 2.5.8) everywhere but between map markers: two
  // places close together overlap at some zoom levels, and the place list
  // beside the map is the equivalent control the criterion allows. Markers
  // are 24 px and go through every other rule above. (The marker nodes are
  // taken out of this rule's findings afterwards.)
  for (const v of results.violations.filter((v) => v.id === 'target-size')) {
    const keep = [];
    for (const n of v.nodes) {
      const selector = n.target.join(' ');
      const marker = await target.evaluate(
        (s) => document.querySelector(s)?.closest('#wk-map .leaflet-marker-pane') != null,
        selector,
      ).catch(() => false);
      if (!marker) keep.push(n);
    }
    v.nodes = keep;
  }
  results.violations = results.violations.filter((v) => v.nodes.length > 0);
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), message: n.failureSummary })),
  }));
  if (summary.length) {
    await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  }
  // Make sure axe actually looked at the page.
  expect(results.passes.length, `axe looked at ${name}`).toBeGreaterThan(5);
  return summary;
}

/** `asShown`: the page answered a form post (see `noJsCopy`). */
export async function audit(page: Page, testInfo: TestInfo, name: string, asShown = false) {
  const summary = await violations(page, testInfo, name, asShown);
  expect(summary, `axe violations on ${name}:\n${JSON.stringify(summary, null, 2)}`).toEqual([]);
}

/** `audit` of a page opened with JavaScript, and of its no-JavaScript version. */
export async function auditWithAndWithoutJs(page: Page, testInfo: TestInfo, name: string) {
  const summary = await violationsWithAndWithoutJs(page, testInfo, name);
  expect(summary, `axe violations on ${name}:\n${JSON.stringify(summary, null, 2)}`).toEqual([]);
}
