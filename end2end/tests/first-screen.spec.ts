import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, hydrated, jsEnabled, resultCount, cardSlugs } from './fixtures';
import { audit } from './axe';

// Issue 16, points 4–6: what a newcomer sees on the first screen of a
// 360×740 phone, "near me", needs as chips, and Mongolian end to end. The
// phone projects run this file with JavaScript on and off.

const SCREEN = { width: 360, height: 740 };

/** Whether the element's box lies wholly inside the first screen. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= SCREEN.height && box.x >= 0 && box.x + box.width <= SCREEN.width + 1;
}

test('the first screen shows the search box, the needs and three places under a one-line header', async ({ page }, testInfo) => {
  await page.setViewportSize(SCREEN);
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  const header = await page.locator('.site-header').boundingBox();
  expect(header!.height, 'header height').toBeLessThanOrEqual(80);
  expect(await onFirstScreen(page, '#f-q'), 'search box').toBe(true);
  expect(await onFirstScreen(page, '.need-chips li:first-child .chip'), 'first need').toBe(true);
  expect(await onFirstScreen(page, '.view-toggle'), 'list/map switch').toBe(true);
  for (const n of [1, 2, 3]) {
    expect(await onFirstScreen(page, `.cards > li:nth-child(${n}) .place-card`), `place ${n} on the first screen`).toBe(true);
  }
  // Cards lead with what a newcomer decides on: hours, then languages.
  const first = page.locator('.place-card').first();
  await expect(first.locator('.meta .badge')).toBeVisible();
  // The filters are folded and say how many are on.
  await expect(page.locator('details.more-filters > summary')).toHaveText('Filters');
  await expect(page.locator('#f-category')).toBeHidden();
  // Scrolled far down, the list/map switch is still on screen.
  await page.locator('.cards > li:nth-child(12)').scrollIntoViewIfNeeded();
  expect(await onFirstScreen(page, '.view-toggle'), 'switch after scrolling').toBe(true);
  await page.goto('/en/prague?lang=uk&open_now=true');
  await expect(page.locator('details.more-filters > summary')).toHaveText('Filters (2)');
});

test('without a search the list is ordered by what is open, then by need, not by name', async ({ page }) => {
  await page.goto('/en/prague');
  const badges = await page.locator('.place-card .meta .badge').evaluateAll((els) => els.map((e) => e.className));
  const rank = (c: string) => (c.includes('open') ? 0 : c.includes('unknown') ? 1 : 2);
  const ranks = badges.map(rank);
  expect(ranks, 'open first, closed last').toEqual([...ranks].sort((a, b) => a - b));
  const names = await page.locator('.place-card h3').allTextContents();
  expect(names).not.toEqual([...names].sort((a, b) => a.localeCompare(b)));
});

test('the language choice is one folded control that works without JavaScript', async ({ page }) => {
  await page.goto('/en/prague');
  const codes = readdirSync(join(__dirname, '../../app/locales')).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
  await expect(page.locator('nav.lang-switcher a')).toHaveCount(codes.length);
  await expect(page.locator('nav.lang-switcher')).toBeHidden();
  await page.locator('details.lang-menu > summary').click();
  await page.locator('nav.lang-switcher a[hreflang="mn"]').click();
  await expect(page).toHaveURL(/\/mn\/prague$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
  await expect(page.locator('details.lang-menu > summary')).toContainText('Монгол');
});

test('a need chip filters the list, a second tap lifts it', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  const all = await resultCount(page);
  await hydrated(page, testInfo);
  await page.locator('.need-chips .chip', { hasText: 'Legal help' }).click();
  await expect(page).toHaveURL(/[?&]need=legal(&|$)/);
  await expect(page.locator('.need-chips .chip[aria-current="true"]')).toHaveText('Legal help');
  const legal = await resultCount(page);
  expect(legal).toBeGreaterThan(0);
  expect(legal).toBeLessThan(all);
  await hydrated(page, testInfo);
  await page.locator('.need-chips .chip[aria-current="true"]').click();
  await expect(page).not.toHaveURL(/need=/);
  expect(await resultCount(page)).toBe(all);
});

type ApiPlace = { slug: string; distance_m: number | null; approximate: boolean };

/** The API's order for `near`: by distance, an approximate point counted 1 km further. */
async function apiNear(page: Page, query: string): Promise<ApiPlace[]> {
  const res = await page.request.get(`/api/v1/places?city=prague&per_page=200&${query}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { places: ApiPlace[] }).places;
}

test('near me sorts by distance and shows it; approximate points say "about"', async ({ page, context }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'without JavaScript the district or address field does this (next test)');
  // Wenceslas Square.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 50.0813, longitude: 14.4276 });
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  await page.getByRole('button', { name: 'Near me' }).click();
  await expect(page).toHaveURL(/[?&]near=50\.08130,14\.42760/);
  const api = await apiNear(page, 'near=50.0813,14.4276');
  const keys = api.map((p) => (p.distance_m ?? Infinity) + (p.approximate ? 1000 : 0));
  expect(keys).toEqual([...keys].sort((a, b) => a - b));
  expect((await cardSlugs(page)).slice(0, 10)).toEqual(api.slice(0, 10).map((p) => p.slug));
  await expect(page.locator('.place-card').first().locator('.distance')).toHaveText(/^\d[\d,.]* (m|km)$/);
  const approx = api.findIndex((p) => p.approximate && p.distance_m !== null);
  if (approx >= 0 && approx < 50) {
    await expect(page.locator(`.place-card[data-slug="${api[approx].slug}"] .distance`)).toHaveText(/^about /);
  }
});

test('without JavaScript a district or an address gives the same order', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  await page.locator('details.more-filters > summary').click();
  const district = (await page.locator('#f-from-districts option').first().getAttribute('value')) ?? '';
  expect(district).not.toBe('');
  await page.locator('#f-from').fill(district);
  await page.locator('#f-from').press('Enter');
  await expect(page).toHaveURL(/[?&]from=/);
  await expect(page.locator('.place-card').first().locator('.distance')).toBeVisible();
  const api = await apiNear(page, `from=${encodeURIComponent(district)}`);
  expect((await cardSlugs(page)).slice(0, 10)).toEqual(api.slice(0, 10).map((p) => p.slug));
  await expect(page.locator('details.more-filters > summary')).toHaveText('Filters (1)');

  // What cannot be placed is said beside the field, and stays typed.
  await page.goto('/en/prague?from=Qwzx%20street%2099');
  await expect(page.locator('#f-from-error')).toContainText('We could not find “Qwzx street 99”');
  await expect(page.locator('#f-from')).toHaveValue('Qwzx street 99');
  await expect(page.locator('#f-from')).toHaveAttribute('aria-invalid', 'true');
});

test('a search that finds nothing here offers needs, and the city where it finds something', async ({ page }) => {
  await page.goto('/en/prague?q=lawyer&district=Nowhere');
  await expect(page.locator('#results-heading')).toHaveText('0 places found');
  await expect(page.locator('.suggestions')).toContainText('Nothing found for “lawyer”');
  await expect(page.locator('.suggestions .chip', { hasText: 'Legal help' })).toHaveAttribute('href', /need=legal/);

  await page.goto('/en/prague?q=Tabačka');
  await expect(page.locator('#results-heading')).toHaveText('0 places found');
  const elsewhere = page.locator('.elsewhere a');
  await expect(elsewhere).toHaveText('Not here, but found in Košice');
  await elsewhere.click();
  await expect(page).toHaveURL(/\/en\/kosice\?q=Taba/);
  await expect(page.locator('.place-card[data-slug="tabacka-kulturfabrik"]')).toBeVisible();
});

test('Mongolian end to end: interface, need words, plural forms and dates', async ({ page }, testInfo) => {
  await page.goto('/mn/prague');
  await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
  await expect(page.locator('#results-heading')).toHaveText(/[\u0400-\u04FF]/);
  await expect(page.locator('#results-heading')).not.toContainText('found');
  await expect(page.locator('.need-chips .chip').first()).toHaveText(/[\u0400-\u04FF]/);
  // A Mongolian word for a residence permit finds the residence offices.
  await page.locator('#f-q').fill('оршин суух зөвшөөрөл');
  await page.locator('#f-q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const slugs = await cardSlugs(page);
  expect(slugs.slice(0, 3).filter((s) => s.startsWith('oamp-')).length, slugs.join(' ')).toBeGreaterThanOrEqual(2);
  // Dates in Mongolian (CLDR): the month is not written in English.
  await page.goto('/mn/prague/events?when=range&from=2026-12-01&to=2026-12-31');
  await expect(page.locator('#events-heading')).toContainText('2026');
  await expect(page.locator('#events-heading')).not.toContainText('Dec');
  await audit(page, testInfo, 'events in Mongolian');
  await page.goto('/mn/prague');
  await audit(page, testInfo, 'city page in Mongolian');
  // Mongolian's longer labels keep the list/map bar on one row: three places
  // on a phone's first screen, as in the other languages.
  await page.setViewportSize(SCREEN);
  await page.goto('/mn/prague');
  for (const n of [1, 2, 3]) {
    expect(await onFirstScreen(page, `.cards > li:nth-child(${n}) .place-card`), `place ${n} on the first screen`).toBe(true);
  }
});

test('events and volunteering offer the needs their listings meet, as chips that filter', async ({ page }, testInfo) => {
  await page.goto('/en/kosice/events');
  // Only needs some event meets are offered.
  await expect(page.locator('.need-chips .chip', { hasText: 'Embassies and consulates' })).toHaveCount(0);
  await hydrated(page, testInfo);
  await page.locator('.need-chips .chip', { hasText: 'Mental health' }).click();
  await expect(page).toHaveURL(/[?&]need=mental_health(&|$)/);
  const events = await page.locator('.event-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-slug')));
  expect(events.length).toBeGreaterThan(0);
  expect(new Set(events)).toEqual(new Set(['caritas-psychological-consultations']));

  await page.goto('/en/prague/volunteering');
  const all = await page.locator('.opportunity-card').count();
  await hydrated(page, testInfo);
  await page.locator('.need-chips .chip', { hasText: 'Children and school' }).click();
  await expect(page).toHaveURL(/[?&]need=children(&|$)/);
  const titles = await page.locator('.opportunity-card h3').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.length).toBeLessThan(all);
  expect(titles.join(' ')).toContain('Tutoring');
  // The search form keeps the need chosen.
  await page.locator('#v-q').fill('exam');
  await page.locator('#v-q').press('Enter');
  await expect(page).toHaveURL(/[?&]need=children(&|$)/);
});

test('emergencies never end at an empty list: the need and an urgent search say whom to call', async ({ page }) => {
  await page.goto('/en/prague?need=emergency');
  const note = page.locator('.need-note.urgent');
  await expect(note).toContainText('112');
  await expect(note.locator('a.call')).toHaveAttribute('href', 'tel:112');
  // Searched for in Czech and in Vietnamese, it is said in the page's language.
  await page.goto('/cs/prague?q=z%C3%A1chranka');
  await expect(page.locator('.need-note.urgent a.call')).toHaveText('Volejte 112');
  await page.goto('/vi/prague?q=c%E1%BA%A5p%20c%E1%BB%A9u');
  await expect(page.locator('.need-note.urgent a.call')).toHaveText('Gọi 112');
  // A search about the foreign police is not an emergency.
  await page.goto('/en/prague?q=foreign%20police');
  await expect(page.locator('.need-note.urgent')).toHaveCount(0);
  // Any chosen need is explained in a line above its places.
  await page.goto('/uk/prague?need=legal');
  await expect(page.locator('.need-note[data-need="legal"]')).toHaveText(/[\u0400-\u04FF]/);
  await expect(page.locator('.need-note.urgent')).toHaveCount(0);
});

test('an events range longer than a year is shortened, and the page says so', async ({ page }) => {
  await page.goto('/en/prague/events?when=range&from=2026-12-01&to=2029-12-01');
  await expect(page.locator('.notice')).toContainText('more than 366 days');
  await expect(page.locator('#events-heading')).toContainText('Dec 1, 2026');
  await expect(page.locator('#events-heading')).toContainText('2027');
  await expect(page.locator('#events-heading')).not.toContainText('2029');
});
