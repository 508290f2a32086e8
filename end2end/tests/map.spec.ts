import { test, expect, hydrated, jsEnabled, resultCount, citySlugs, expectWholeCity, expectNoHorizontalOverflow, openFilters } from './fixtures';
import type { Page } from '@playwright/test';

// 6. The map with tiles blocked (the normal condition here): markers still
//    appear, the list still works, and nothing overflows a 360 px screen.
// 7. The phone List / Map toggle, with and without JavaScript.

type Marker = { name: string; lat: number; lon: number; approx: boolean; url: string };

async function markerData(page: Page): Promise<Marker[]> {
  return JSON.parse((await page.locator('#wk-map').getAttribute('data-markers')) ?? '[]') as Marker[];
}

/** Places represented on the Leaflet map: single markers plus the counts on cluster icons. */
async function placesOnMap(page: Page): Promise<{ singles: string[]; clustered: number }> {
  return page.evaluate(() => {
    const singles = [...document.querySelectorAll('#wk-map .wk-marker')].map((e) => e.getAttribute('title') ?? '');
    const clustered = [...document.querySelectorAll('#wk-map .leaflet-marker-icon.marker-cluster')]
      .map((e) => Number(e.textContent?.trim() || '0'))
      .reduce((a, b) => a + b, 0);
    return { singles, clustered };
  });
}

function titleFor(m: Marker, approxLabel: string): string {
  return m.approx ? `${m.name} (${approxLabel})` : m.name;
}

test('tiles blocked: the map view still shows a marker for every located place, and the list still works', async ({ page, blockedTiles }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'Leaflet markers need JavaScript; the no-JS counterpart is "without JavaScript the map view points to the list"');

  const before = await citySlugs(page, 'prague');
  await page.goto('/en/prague?view=map');
  const map = page.locator('#wk-map');
  await expect(map).toBeVisible();
  await expect(map).toHaveClass(/map-ready/, { timeout: 20_000 });
  await expect(map).not.toHaveClass(/map-failed/);

  // Tiles were asked for and blocked; the map is there regardless.
  await expect.poll(() => blockedTiles.length).toBeGreaterThan(0);
  await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeVisible();
  await expect(page.locator('#wk-map .wk-marker').first()).toBeAttached();

  const data = await markerData(page);
  expect(data.length).toBeGreaterThan(0);
  const approxLabel = (await map.getAttribute('data-approx-label')) ?? '';
  const expectedTitles = data.map((m) => titleFor(m, approxLabel));
  await expect.poll(async () => {
    const { singles, clustered } = await placesOnMap(page);
    return singles.length + clustered;
  }, { message: 'single markers + places inside clusters = located places' }).toBe(data.length);
  const { singles } = await placesOnMap(page);
  for (const t of singles) expect(expectedTitles).toContain(t);

  // Markers are reachable by keyboard and named.
  const first = page.locator('#wk-map .wk-marker').first();
  await expect(first).toHaveAttribute('title', /.+/);
  await expect(first).toHaveAttribute('tabindex', '0');

  // A marker opens a popup that links to the place.
  await first.click();
  const popupLink = page.locator('#wk-map .leaflet-popup-content a');
  await expect(popupLink).toBeVisible();
  const popupHref = (await popupLink.getAttribute('href')) ?? '';
  expect(data.map((m) => m.url)).toContain(popupHref);

  await expectNoHorizontalOverflow(page);

  // The list still works: switch back to it and open a place.
  await hydrated(page, testInfo);
  await page.locator('.view-toggle').getByRole('link', { name: 'List' }).click();
  await expect(page).not.toHaveURL(/view=map/);
  await expect(page.locator('.place-list')).toBeVisible();
  await expectWholeCity(page, 'prague', before);
  await expectNoHorizontalOverflow(page);
  await page.locator('.place-card h3 a').first().click();
  await expect(page.locator('article.place h1')).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test('the markers follow the filters', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'Leaflet markers need JavaScript; without it the filtered list is the map (covered by the filter tests)');

  await page.goto('/en/prague?view=map');
  const map = page.locator('#wk-map');
  await expect(map).toHaveClass(/map-ready/, { timeout: 20_000 });
  const before = (await markerData(page)).length;
  await expect.poll(async () => { const p = await placesOnMap(page); return p.singles.length + p.clustered; }).toBe(before);

  await hydrated(page, testInfo);
  await openFilters(page);
  await page.locator('#f-category').selectOption('integration_centre');
  await page.locator('form.filters').getByRole('button', { name: 'Show places' }).click();
  await expect(page).toHaveURL(/category=integration_centre/);
  await expect(page).toHaveURL(/view=map/);
  await expect(page.locator('.map-pane')).toBeVisible();
  const after = await markerData(page);
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBeLessThan(before);
  await expect(map).toHaveClass(/map-ready/, { timeout: 20_000 });
  await expect.poll(async () => { const p = await placesOnMap(page); return p.singles.length + p.clustered; }).toBe(after.length);
});

test('without JavaScript the map view says the map needs JavaScript and points to the list', async ({ page }, testInfo) => {
  test.skip(jsEnabled(testInfo), 'the no-JS counterpart of the marker test; with JavaScript the markers are checked instead');

  const res = await page.goto('/en/prague?view=map');
  expect(res?.status()).toBe(200);
  await expect(page.locator('.map-pane')).toBeVisible();
  await expect(page.locator('.map-fallback')).toBeVisible();
  await expect(page.locator('.map-fallback')).toContainText('list');
  await expect(page.locator('#wk-map .leaflet-marker-icon')).toHaveCount(0);
  // The same places are in the list, one "List" tap away.
  const markers = await markerData(page);
  await page.locator('.view-toggle').getByRole('link', { name: 'List' }).click();
  await expect(page.locator('.place-list')).toBeVisible();
  const slugs = await page.locator('.place-card').evaluateAll((els) => els.map((e) => e.querySelector('h3 a')?.getAttribute('href')));
  for (const m of markers) expect(slugs).toContain(m.url);
  await expectNoHorizontalOverflow(page);
});

test('no horizontal overflow at 360 px on any page', async ({ page }, testInfo) => {
  test.slow(); // nine pages, each hydrated
  for (const path of ['/en/?choose=1', '/en/prague', '/en/prague?view=map', '/en/kosice', '/uk/prague',
    '/en/prague/places/oamp-praha-1', '/uk/prague/places/oamp-praha-1', '/en/prague/stories', '/en/about']) {
    await page.goto(path);
    await hydrated(page, testInfo);
    if (path.includes('view=map') && jsEnabled(testInfo)) {
      await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
    }
    await expect(page.locator('h1').first()).toBeVisible();
    await test.step(path, () => expectNoHorizontalOverflow(page));
  }
});

test('phone toggle: list first, "Map" shows the map and hides the list, "List" brings it back', async ({ page }, testInfo) => {
  const before = await citySlugs(page, 'prague');
  await page.goto('/en/prague');
  const list = page.locator('.place-list');
  const pane = page.locator('.map-pane');
  const toggle = page.locator('.view-toggle');
  await expect(toggle).toBeVisible();
  await expect(list).toBeVisible();
  await expect(pane).toBeHidden();
  await expect(toggle.getByRole('link', { name: 'List' })).toHaveAttribute('aria-current', 'page');
  await expect(toggle.getByRole('link', { name: 'Map' })).not.toHaveAttribute('aria-current', 'page');

  await hydrated(page, testInfo);
  await toggle.getByRole('link', { name: 'Map' }).tap();
  await expect(page).toHaveURL(/[?&]view=map(&|$)/);
  await expect(pane).toBeVisible();
  await expect(list).toBeHidden();
  await expect(toggle.getByRole('link', { name: 'Map' })).toHaveAttribute('aria-current', 'page');
  const mapBox = await page.locator('#wk-map').boundingBox();
  expect(mapBox?.width ?? 0).toBeGreaterThan(250);
  expect(mapBox?.height ?? 0).toBeGreaterThan(250);
  if (jsEnabled(testInfo)) {
    await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
    await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeVisible();
    expect(await page.locator('#wk-map .wk-marker').count()).toBeGreaterThan(0);
  } else {
    await expect(page.locator('.map-fallback')).toBeVisible();
  }
  await expectNoHorizontalOverflow(page);

  await hydrated(page, testInfo);
  await toggle.getByRole('link', { name: 'List' }).tap();
  await expect(page).not.toHaveURL(/view=map/);
  await expect(list).toBeVisible();
  await expect(pane).toBeHidden();
  await expectWholeCity(page, 'prague', before);
});

test('toggling from map to list keeps the filters', async ({ page }, testInfo) => {
  await page.goto('/en/prague?view=map&lang=uk');
  await hydrated(page, testInfo);
  const n = await resultCount(page);
  // Switching to the list keeps the language filter.
  await page.locator('.view-toggle').getByRole('link', { name: 'List' }).click();
  await expect(page).toHaveURL(/lang=uk/);
  await expect(page).not.toHaveURL(/view=map/);
  await expect(page.locator('.place-list')).toBeVisible();
  expect(await resultCount(page)).toBe(n);
  await expect(page.locator('#f-lang')).toHaveValue('uk');
});

test('map controls and marker groups are named in the page language', async ({ page }, testInfo) => {
  await page.goto('/cs/prague?view=map');
  const map = page.locator('#wk-map');
  if (!jsEnabled(testInfo)) {
    // No Leaflet without JavaScript: the pane says so, in Czech, and no control pretends to work.
    await expect(page.locator('.map-fallback')).toBeVisible();
    await expect(page.locator('.map-fallback')).not.toContainText('The map needs JavaScript');
    await expect(page.locator('.leaflet-control-zoom-in')).toHaveCount(0);
    await expect(map).toHaveAttribute('data-zoom-in-label', 'Přiblížit');
    return;
  }
  await expect(map).toHaveClass(/map-ready/, { timeout: 20_000 });
  await expect(page.locator('.leaflet-control-zoom-in')).toHaveAttribute('title', 'Přiblížit');
  await expect(page.locator('.leaflet-control-zoom-in')).toHaveAttribute('aria-label', 'Přiblížit');
  await expect(page.locator('.leaflet-control-zoom-out')).toHaveAttribute('aria-label', 'Oddálit');
  // Prague's centre has places close together: at the fitted zoom some are grouped.
  const clusters = page.locator('#wk-map .marker-cluster');
  await expect.poll(() => clusters.count()).toBeGreaterThan(0);
  const named = await clusters.evaluateAll((els) =>
    els.map((e) => ({ n: (e.textContent ?? '').trim(), label: e.getAttribute('aria-label') ?? '' })));
  for (const { n, label } of named) {
    expect(label).toBe(`Skupina míst: ${n}. Otevřením přiblížíte.`);
  }
});
