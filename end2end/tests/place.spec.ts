import { test, expect, hydrated, jsEnabled } from './fixtures';

// 4. Opening a place from the list: hours, contact, directions, sources,
//    nearby places and the share link.

test('open a place from the list: hours, contact, directions, and its share link leads back to it', async ({ page, baseURL }, testInfo) => {
  await page.goto('/en/prague');
  await hydrated(page, testInfo);

  const card = page.locator('.place-card[data-slug="oamp-praha-1"]');
  const cardLink = card.locator('h3 a');
  const cardName = ((await cardLink.textContent()) ?? '').trim();
  expect(cardName).toContain('OAMP');
  await cardLink.click();

  await expect(page).toHaveURL(/\/en\/prague\/places\/oamp-praha-1$/);
  const h1 = page.locator('article.place h1');
  await expect(h1).toHaveText(cardName);
  await expect(page).toHaveTitle(new RegExp(`^${cardName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // Opening hours: a whole week, today marked, plus the hours as published.
  const hours = page.locator('article.place .hours');
  await expect(hours).toBeVisible();
  await expect(hours.locator('table.week tr')).toHaveCount(7);
  await expect(hours.locator('table.week tr.today')).toHaveCount(1);
  // English shows times as "8:00 AM"; the summary repeats today's row.
  const todayHours = (await hours.locator('table.week tr.today td').innerText()).trim();
  expect(todayHours).toMatch(/^((\d{1,2}:\d{2}(\s?[AP]M)?–\d{1,2}:\d{2}(\s?[AP]M)?(, )?)+|Closed)( \(appointment only\))?$/);
  await expect(hours.locator('p.today')).toContainText(todayHours);
  // The note the hours carry for Friday stays beside Friday, and only there.
  const friday = hours.locator('table.week tr', { has: page.locator('th', { hasText: 'Friday' }) });
  await expect(friday.locator('.hours-note')).toHaveText('(appointment only)');
  await expect(hours.locator('table.week .hours-note')).toHaveCount(1);
  await expect(hours.locator('.published-hours')).toContainText('8:00');

  // Contact: a dialable phone link whose number is the one shown.
  const tel = page.locator('article.place a[href^="tel:"]');
  await expect(tel).toHaveCount(1);
  const telHref = (await tel.getAttribute('href')) ?? '';
  expect(telHref).toMatch(/^tel:\+?\d{9,15}$/);
  const shownDigits = ((await tel.textContent()) ?? '').replace(/[^\d+]/g, '');
  expect(telHref.slice(4)).toBe(shownDigits);

  // Directions: geo: URI and OpenStreetMap, both at the same coordinates.
  const geo = page.locator('article.place .directions a[href^="geo:"]');
  await expect(geo).toHaveCount(1);
  const geoHref = (await geo.getAttribute('href')) ?? '';
  const m = geoHref.match(/^geo:(-?\d+\.\d+),(-?\d+\.\d+)/);
  expect(m, geoHref).not.toBeNull();
  const [lat, lon] = [Number(m![1]), Number(m![2])];
  // Prague's bounds.
  expect(lat).toBeGreaterThan(49.94); expect(lat).toBeLessThan(50.18);
  expect(lon).toBeGreaterThan(14.22); expect(lon).toBeLessThan(14.71);
  const osm = page.locator('article.place .directions a[href*="openstreetmap.org"]');
  await expect(osm).toHaveCount(1);
  const osmHref = new URL((await osm.getAttribute('href')) ?? '');
  expect(Number(osmHref.searchParams.get('mlat'))).toBeCloseTo(lat, 5);
  expect(Number(osmHref.searchParams.get('mlon'))).toBeCloseTo(lon, 5);

  // Where the facts come from, and what is nearby.
  const sources = page.locator('article.place .provenance a');
  expect(await sources.count()).toBeGreaterThan(0);
  for (const href of await sources.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^https?:\/\//);
  }
  const nearby = page.locator('article.place .nearby li a');
  expect(await nearby.count()).toBeGreaterThan(0);
  await expect(nearby.first()).toHaveAttribute('href', /^\/en\/prague\/places\/[a-z0-9-]+$/);
  expect(await nearby.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).not.toContain('/en/prague/places/oamp-praha-1');

  // Share: an absolute link to this page's canonical address.
  const share = page.locator('a.share-link');
  const shareHref = (await share.getAttribute('href')) ?? '';
  expect(shareHref).toBe(`${baseURL}/en/prague/places/oamp-praha-1`);
  await expect(page.locator('#share-url')).toHaveValue(shareHref);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', shareHref);

  await share.click();
  await expect(page).toHaveURL(shareHref);
  await expect(page.locator('article.place h1')).toHaveText(cardName);

  // A fresh visit to the shared address (as the recipient would) shows the same place.
  const recipient = await page.context().browser()!.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  try {
    const p2 = await recipient.newPage();
    await p2.route(/tile\.openstreetmap\.org/, (r) => r.abort());
    const res = await p2.goto(shareHref);
    expect(res?.status()).toBe(200);
    await expect(p2.locator('article.place h1')).toHaveText(cardName);
  } finally {
    await recipient.close();
  }
});

test('a place without coordinates says its location is not confirmed and offers no directions', async ({ page }, testInfo) => {
  // Pick such a place from the API rather than hard-coding it.
  const res = await page.request.get('/api/v1/places?city=prague&per_page=200');
  const places = ((await res.json()) as { places: { slug: string; lat: number | null }[] }).places;
  const unlocated = places.find((p) => p.lat === null);
  expect(unlocated, 'demo data has a Prague place without coordinates').toBeTruthy();

  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  const card = page.locator(`.place-card[data-slug="${unlocated!.slug}"]`);
  await expect(card.locator('.location-note')).toHaveText('Location not yet confirmed');
  await card.locator('h3 a').click();
  await expect(page).toHaveURL(new RegExp(`/en/prague/places/${unlocated!.slug}$`));
  await expect(page.locator('article.place .location-note')).toHaveText('Location not yet confirmed');
  await expect(page.locator('article.place .directions')).toHaveCount(0);
});

test('"Copy link" copies the share link; without JavaScript only the link box is offered', async ({ page, context }, testInfo) => {
  await page.goto('/en/prague/places/oamp-praha-1');
  const box = page.locator('#share-url');
  const url = await box.inputValue();
  expect(url).toMatch(/^http:\/\/[^/]+\/en\/prague\/places\/oamp-praha-1$/);
  const button = page.locator('.share-button');
  if (!jsEnabled(testInfo)) {
    // The button cannot work without JavaScript, so it is not shown.
    await expect(button).toBeHidden();
    await expect(box).toBeVisible();
    return;
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await hydrated(page, testInfo);
  await expect(button).toBeVisible();
  await expect(button).toHaveText('Copy link');
  await button.click();
  await expect(page.locator('.share-status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test('when the browser refuses to copy, the link is selected and the user is told', async ({ page }, testInfo) => {
  if (!jsEnabled(testInfo)) {
    // Nothing to refuse without JavaScript: in Ukrainian too the button stays
    // hidden and the link box carries the whole link, ready to copy by hand.
    await page.goto('/uk/prague/places/oamp-praha-1');
    await expect(page.locator('.share-button')).toBeHidden();
    await expect(page.locator('#share-url')).toHaveValue(/\/uk\/prague\/places\/oamp-praha-1$/);
    await expect(page.locator('label[for="share-url"]')).toHaveText(/[\u0400-\u04FF]/);
    // The Friday note of the hours is said in Ukrainian as well.
    await expect(page.locator('table.week .hours-note')).toHaveText('(лише за записом)');
    return;
  }
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.goto('/uk/prague/places/oamp-praha-1');
  await hydrated(page, testInfo);
  const button = page.locator('.share-button');
  await expect(button).toBeVisible();
  await expect(button).toHaveText(/[\u0400-\u04FF]/);
  await button.click();
  await expect(page.locator('.share-status')).toHaveText(/[\u0400-\u04FF]/);
  await expect(page.locator('#share-url')).toBeFocused();
  const selected = await page.locator('#share-url').evaluate((e) => {
    const i = e as HTMLInputElement;
    return i.value.slice(i.selectionStart ?? 0, i.selectionEnd ?? 0);
  });
  expect(selected).toBe(await page.locator('#share-url').inputValue());
});
