import { test, expect, hydrated, resultCount, openFilters, chooseLanguage } from './fixtures';

// 5. Switching the interface language keeps the page and its filters.

test('switch to Czech and Ukrainian: html[lang], translated strings, URL prefix, filters kept', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  await openFilters(page);
  await page.locator('#f-lang').selectOption('uk');
  await page.locator('#f-category').selectOption('integration_centre');
  await page.locator('form.filters').getByRole('button', { name: 'Show places' }).click();
  await expect(page).toHaveURL(/lang=uk/);
  await expect(page).toHaveURL(/category=integration_centre/);
  const n = await resultCount(page);
  await expect(page.locator('#results-heading')).toHaveText(n === 1 ? '1 place found' : `${n} places found`);
  const slugs = await page.locator('.place-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('nav.lang-switcher a[hreflang="en"]')).toHaveAttribute('aria-current', 'true');

  const steps = [
    { code: 'cs', h1: 'Praha', submit: /^(?!Show places$).+/, script: /[a-zá-žÁ-Ž]/ },
    { code: 'uk', h1: 'Прага', submit: /[\u0400-\u04FF]/, script: /[\u0400-\u04FF]/ },
    { code: 'en', h1: 'Prague', submit: /^Show places$/, script: /places? found/ },
  ];
  for (const step of steps) {
    await hydrated(page, testInfo);
    await chooseLanguage(page, step.code);
    await expect(page).toHaveURL(new RegExp(`/${step.code}/prague\\?`));
    await expect(page.locator('html')).toHaveAttribute('lang', step.code);
    await expect(page.locator(`nav.lang-switcher a[hreflang="${step.code}"]`)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('h1')).toHaveText(step.h1);

    // Filters kept: same URL parameters, same form values, same places.
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('uk');
    expect(url.searchParams.get('category')).toBe('integration_centre');
    await expect(page.locator('#f-lang')).toHaveValue('uk');
    await expect(page.locator('#f-category')).toHaveValue('integration_centre');
    expect(await resultCount(page)).toBe(n);
    expect(await page.locator('.place-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')))).toEqual(slugs);

    // UI strings translated (and, for cs/uk, no longer English).
    const heading = (await page.locator('#results-heading').textContent()) ?? '';
    expect(heading).toMatch(step.script);
    if (step.code !== 'en') {
      expect(heading).not.toMatch(/places? found/);
      await expect(page.locator('#f-lang option[value="uk"]')).not.toHaveText('Ukrainian');
      await expect(page.locator('.place-card .languages').first()).not.toContainText('Languages spoken');
    }
    await expect(page.locator('form.filters button[type="submit"]')).toHaveText(step.submit);
    // Links inside the page stay in the chosen language.
    await expect(page.locator('.place-card h3 a').first()).toHaveAttribute('href', new RegExp(`^/${step.code}/prague/places/`));
    await expect(page.locator('form.filters')).toHaveAttribute('action', `/${step.code}/prague`);
  }
});

test('a place leads with the name on its door, the English name under it; in Ukrainian the UI is Ukrainian', async ({ page }, testInfo) => {
  await page.goto('/en/prague/places/oamp-praha-1');
  const local = ((await page.locator('article.place h1').textContent()) ?? '').trim();
  const en = ((await page.locator('article.place .translated-name').textContent()) ?? '').trim();
  expect(local).not.toBe(en);
  expect(local).toMatch(/[áčěířšúůýž]/i);
  await expect(page.locator('article.place h1')).toHaveAttribute('lang', 'cs');
  await expect(page.locator('article.place .translated-name')).toHaveAttribute('lang', 'en');
  await hydrated(page, testInfo);

  await chooseLanguage(page, 'cs');
  await expect(page).toHaveURL(/\/cs\/prague\/places\/oamp-praha-1$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  await expect(page.locator('article.place h1')).toHaveText(local);
  // A Czech reader needs no translation of a Czech name.
  await expect(page.locator('article.place .translated-name')).toHaveCount(0);
  await expect(page.locator('a.share-link')).toHaveAttribute('href', /\/cs\/prague\/places\/oamp-praha-1$/);
  await expect(page.locator('article.place .hours h2')).not.toHaveText('Opening hours this week');

  await hydrated(page, testInfo);
  await chooseLanguage(page, 'uk');
  await expect(page).toHaveURL(/\/uk\/prague\/places\/oamp-praha-1$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('article.place .hours h2')).toHaveText(/[\u0400-\u04FF]/);
  await expect(page.locator('.skip-link')).toHaveText(/[\u0400-\u04FF]/);
});
