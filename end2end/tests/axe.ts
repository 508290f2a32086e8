import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, jsEnabled, TILE_HOST } from './fixtures';

// axe-core (WCAG 2.0/2.1/2.2 A and AA) on a page, with and without JavaScript.
// Only Leaflet's own tile and attribution elements are excluded (the tiles
// are blocked here and are not the app's markup); markers, clusters and
// popups are checked.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe runs as a script inside the page, which is impossible while script
 * execution is disabled (its timers never fire). So, in the no-JS project,
 * the same address is opened again in a context where scripting is on for
 * axe but every script and WebAssembly request of the site is aborted: the
 * app never runs, the DOM is the server-rendered one. <noscript> content is
 * then unwrapped, as a browser without JavaScript would render it.
 */
async function noJsCopy(page: Page, testInfo: TestInfo): Promise<Page> {
  const ctx = await page.context().browser()!.newContext({
    viewport: page.viewportSize() ?? testInfo.project.use.viewport ?? undefined,
    hasTouch: testInfo.project.use.hasTouch,
    locale: testInfo.project.use.locale,
    timezoneId: testInfo.project.use.timezoneId,
    javaScriptEnabled: true,
  });
  await ctx.addCookies(await page.context().cookies());
  await ctx.route(/\.(m?js|wasm)(\?.*)?$/, (r) => r.abort());
  await ctx.route(TILE_HOST, (r) => r.abort());
  const copy = await ctx.newPage();
  await copy.goto(page.url());
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
export async function violations(page: Page, testInfo: TestInfo, name: string): Promise<Violation[]> {
  const target = jsEnabled(testInfo) ? page : await noJsCopy(page, testInfo);
  const results = await new AxeBuilder({ page: target })
    .withTags(TAGS)
    .disableRules(['target-size'])
    .exclude('#wk-map .leaflet-tile-pane')
    .exclude('#wk-map .leaflet-control-attribution')
    .analyze();
  // Target size (WCAG 2.2, 2.5.8) everywhere but between map markers: two
  // places close together overlap at some zoom levels, and the place list
  // beside the map is the equivalent control the criterion allows. Markers
  // are 24 px and go through every other rule above.
  const sizes = await new AxeBuilder({ page: target })
    .withRules(['target-size'])
    .exclude('#wk-map .leaflet-tile-pane')
    .exclude('#wk-map .leaflet-control-attribution')
    .exclude('#wk-map .leaflet-marker-pane')
    .analyze();
  results.violations.push(...sizes.violations);
  if (target !== page) await target.context().close();
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

export async function audit(page: Page, testInfo: TestInfo, name: string) {
  const summary = await violations(page, testInfo, name);
  expect(summary, `axe violations on ${name}:\n${JSON.stringify(summary, null, 2)}`).toEqual([]);
}

