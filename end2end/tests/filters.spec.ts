import { test, expect, hydrated, resultCount, cardSlugs, citySlugs, expectWholeCity, openFilters } from './fixtures';

// 2. Filtering by a spoken language, and browser back.
// 3. Searching without diacritics.

test('filter by language Ukrainian, then browser back restores the full list', async ({ page }, testInfo) => {
  const before = await citySlugs(page, 'prague');
  await page.goto('/en/prague');
  await expectWholeCity(page, 'prague', before);
  const total = await resultCount(page);

  await hydrated(page, testInfo);
  // Options carry ISO codes and are labelled with the language's name.
  await expect(page.locator('#f-lang option[value="uk"]')).toHaveText('Ukrainian');
  await openFilters(page);
  await page.locator('#f-lang').selectOption({ label: 'Ukrainian' });
  await page.locator('form.filters').getByRole('button', { name: 'Show places' }).click();

  await expect(page).toHaveURL(/[?&]lang=uk(&|$)/);
  await expect(page.locator('#results-heading')).not.toHaveText(`${total} places found`);
  const filtered = await resultCount(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);

  const cards = page.locator('.place-card');
  await expect(cards).toHaveCount(filtered);
  const languageLines = await cards.evaluateAll((els) =>
    els.map((e) => ({ slug: e.getAttribute('data-slug'), langs: e.querySelector('.languages')?.textContent ?? null })));
  for (const { slug, langs } of languageLines) {
    expect(langs, `languages line of ${slug}`).toMatch(/^Languages spoken: .*\bUkrainian\b/);
  }
  // The filter is still shown as chosen, and nothing was reported as "not understood".
  await expect(page.locator('#f-lang')).toHaveValue('uk');
  await expect(page.locator('.notice')).toHaveCount(0);

  // The JSON API agrees with the page.
  const api = await page.request.get('/api/v1/places?city=prague&lang=uk&per_page=100');
  expect(api.ok()).toBeTruthy();
  const apiSlugs = ((await api.json()) as { places: { slug: string }[] }).places.map((p) => p.slug).sort();
  expect((await cardSlugs(page)).sort()).toEqual(apiSlugs);

  await page.goBack();
  await expect(page).not.toHaveURL(/lang=uk/);
  await expect(page.locator('#f-lang')).toHaveValue('');
  await expectWholeCity(page, 'prague', before);
  await expect(page.locator('.error')).toHaveCount(0);
});

test('search without diacritics: "integracni" lists the Integrační centrum places first', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  const total = await resultCount(page);
  await hydrated(page, testInfo);

  await page.locator('#f-q').fill('integracni');
  await page.locator('#f-q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=integracni(&|$)/);
  await expect(page.locator('#results-heading')).not.toHaveText(`${total} places found`);

  const n = await resultCount(page);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  const slugs = await cardSlugs(page);
  expect(slugs.length).toBe(n);
  // "Integrační centrum Praha" (its English name under it) is found …
  const integra = page.locator('.place-card', { hasText: 'Integrační centrum Praha' });
  expect(await integra.count()).toBeGreaterThan(0);
  await expect(integra.first().locator('h3 a')).toContainText('Integrační centrum Praha');
  await expect(integra.first().locator('.translated-name')).toContainText('Integration Centre Prague');
  // … first, best match first: places that only speak of "integrace"
  // (integration) in their needs or texts come after them …
  expect([...slugs.slice(0, 3)].sort()).toEqual([
    'integration-centre-prague-13',
    'integration-centre-prague-14',
    'integration-centre-prague-main',
  ]);
  // … and unrelated places are not found.
  for (const unrelated of ['foreign-police-directorate', 'svitlo-ukrainian-library', 'embassy-of-vietnam']) {
    expect(slugs).not.toContain(unrelated);
  }
  await expect(page.locator('#f-q')).toHaveValue('integracni');

  // Typing the word with its diacritics gives the same places.
  const withDiacritics = await page.request.get('/api/v1/places?city=prague&per_page=100&q=' + encodeURIComponent('Integrační'));
  expect(withDiacritics.ok()).toBeTruthy();
  const apiSlugs = ((await withDiacritics.json()) as { places: { slug: string }[] }).places.map((p) => p.slug);
  expect([...slugs].sort()).toEqual([...apiSlugs].sort());
});

test('search without diacritics in Košice: "tabacka" finds Tabačka, "ludske" finds Liga za ľudské práva', async ({ page }, testInfo) => {
  const before = await citySlugs(page, 'kosice');
  await page.goto('/en/kosice');
  await expectWholeCity(page, 'kosice', before);
  const total = await resultCount(page);
  await hydrated(page, testInfo);

  await page.locator('#f-q').fill('tabacka');
  await page.locator('form.filters').getByRole('button', { name: 'Show places' }).click();
  await expect(page).toHaveURL(/[?&]q=tabacka(&|$)/);
  await expect(page.locator('#results-heading')).toHaveText('1 place found');
  await expect(page.locator('.place-card h3 a')).toHaveText([/Tabačka Kulturfabrik/]);
  await expect(page.locator('.place-card')).toHaveAttribute('data-slug', 'tabacka-kulturfabrik');

  await page.locator('#f-q').fill('ludske');
  await page.locator('#f-q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=ludske(&|$)/);
  await expect(page.locator('.place-card[data-slug="human-rights-league-kosice"]')).toBeVisible();
  await expect(page.locator('.place-card[data-slug="human-rights-league-kosice"] h3')).toContainText('ľudské');
  const slugs = await cardSlugs(page);
  expect(slugs.length).toBeLessThan(total);
  expect(slugs).not.toContain('tabacka-kulturfabrik');
  expect(slugs).not.toContain('foreign-police-kosice');
});

test('a search that matches nothing says so', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  await page.locator('#f-q').fill('qqxyzzyq');
  await page.locator('#f-q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=qqxyzzyq(&|$)/);
  await expect(page.locator('#results-heading')).toHaveText('0 places found');
  await expect(page.locator('.place-card')).toHaveCount(0);
  await expect(page.locator('.place-list .empty')).toBeVisible();
  // "Clear filters" brings everything back.
  const before = await citySlugs(page, 'prague');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.locator('#f-q')).toHaveValue('');
  await expectWholeCity(page, 'prague', before);
});

test('historical records are left out of the list until asked for, then marked', async ({ page }, testInfo) => {
  const kacpu = '.place-card[data-slug="kacpu-assistance-centre-ukraine"]';
  await page.goto('/en/prague');
  const current = await resultCount(page);
  await expect(page.locator(kacpu)).toHaveCount(0);
  await hydrated(page, testInfo);

  await openFilters(page);
  await page.locator('form.filters input[name="historical"]').check();
  await page.locator('form.filters').getByRole('button', { name: 'Show places' }).click();
  await expect(page).toHaveURL(/[?&]historical=true(&|$)/);
  await expect(page.locator(kacpu)).toHaveCount(1);
  expect(await resultCount(page)).toBeGreaterThan(current);
  await expect(page.locator(`${kacpu} .historical-note`)).toContainText('Historical record');
  await expect(page.locator('.place-card[data-slug="oamp-praha-1"] .historical-note')).toHaveCount(0);

  // Its own page stays, marked.
  await page.goto('/en/prague/places/kacpu-assistance-centre-ukraine');
  await expect(page.locator('.historical-note')).toContainText('probably closed');
});
