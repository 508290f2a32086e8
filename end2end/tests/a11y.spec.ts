import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, hydrated, jsEnabled } from './fixtures';

// 8. axe-core (WCAG 2.0/2.1 A and AA) finds no violations on the main pages.
// Only Leaflet's own tile and attribution elements are excluded (the tiles
// are blocked here and are not the app's markup); markers, clusters and
// popups are checked.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function audit(page: Page, testInfo: TestInfo, name: string) {
  if (!jsEnabled(testInfo)) {
    // axe runs as a script in the page, which cannot work while script
    // execution is disabled. The page was loaded and rendered without
    // JavaScript (so the DOM is the no-JS one, <noscript> content included);
    // re-enable scripting for axe only. The page's own scripts have already
    // been skipped at parse time and do not run.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  }
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .exclude('#wk-map .leaflet-tile-pane')
    .exclude('#wk-map .leaflet-control-attribution')
    .analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), message: n.failureSummary })),
  }));
  if (summary.length) {
    await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  }
  expect(summary, `axe violations on ${name}:\n${JSON.stringify(summary, null, 2)}`).toEqual([]);
  // Make sure axe actually looked at the page.
  expect(results.passes.length).toBeGreaterThan(5);
}

const pages: { name: string; path: string; h1: RegExp }[] = [
  { name: 'start page', path: '/en/?choose=1', h1: /Choose your city/ },
  { name: 'city page (list)', path: '/en/prague', h1: /Prague/ },
  { name: 'city page (map view)', path: '/en/prague?view=map', h1: /Prague/ },
  { name: 'city page in Ukrainian', path: '/uk/kosice', h1: /Кошиці|Košice/ },
  { name: 'place page', path: '/en/prague/places/oamp-praha-1', h1: /OAMP/ },
  { name: 'place page in Czech', path: '/cs/prague/places/oamp-praha-1', h1: /OAMP/ },
  { name: 'stories page', path: '/en/prague/stories', h1: /Stories/ },
  { name: 'about page', path: '/en/about', h1: /About/ },
  { name: 'not-found page', path: '/en/prague/places/no-such-place', h1: /not found/i },
];

for (const p of pages) {
  test(`axe: no WCAG 2.1 AA violations on the ${p.name} (${p.path})`, async ({ page }, testInfo) => {
    await page.goto(p.path);
    await expect(page.locator('h1').first()).toHaveText(p.h1);
    await hydrated(page, testInfo);
    if (p.path.includes('view=map') && jsEnabled(testInfo)) {
      await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
      await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeVisible();
    }
    await audit(page, testInfo, p.name);
  });
}

test('about page names the data sources', async ({ page }) => {
  await page.goto('/en/about');
  const text = page.locator('main');
  for (const source of ['RÚIAN', 'IPR Praha', 'OpenStreetMap', 'Wikipedia']) {
    await expect(text).toContainText(source);
  }
});

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/en/prague');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main#main')).toBeFocused();
});
