import { test, expect, hydrated, citySlugs, expectWholeCity } from './fixtures';

// Runs only in the "desktop-js" project (1280 x 800): list and map side by side.

test('desktop: list and map side by side, no toggle, markers present', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  const list = page.locator('.place-list');
  const pane = page.locator('.map-pane');
  await expect(list).toBeVisible();
  await expect(pane).toBeVisible();
  await expect(page.locator('.view-toggle')).toBeHidden();

  const l = (await list.boundingBox())!;
  const m = (await pane.boundingBox())!;
  // Next to each other (one ends before the other starts), overlapping vertically.
  expect(l.x + l.width <= m.x || m.x + m.width <= l.x, `list ${JSON.stringify(l)} / map ${JSON.stringify(m)}`).toBeTruthy();
  expect(l.y < m.y + m.height && m.y < l.y + l.height).toBeTruthy();
  expect(m.width).toBeGreaterThan(400);

  await hydrated(page, testInfo);
  await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
  await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeVisible();

  // The map view URL shows the same side-by-side layout.
  const before = await citySlugs(page, 'prague');
  await page.goto('/en/prague?view=map');
  await expect(list).toBeVisible();
  await expect(pane).toBeVisible();
  await expectWholeCity(page, 'prague', before);

  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(1280);
});
