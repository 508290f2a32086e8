import { test, expect, hydrated, citySlugs, expectWholeCity, openMenu } from './fixtures';

// 1. Choosing a city on the start page, and the choice being remembered.

for (const city of [
  { slug: 'prague', name: 'Prague' },
  { slug: 'kosice', name: 'Košice' },
]) {
  test(`pick ${city.name} on the start page, land on its list and map, and the choice is remembered`, async ({ page, context }, testInfo) => {
    await page.goto('/en/');
    await expect(page.locator('h1')).toHaveText('Choose your city');
    const cards = page.locator('ul.city-choice a.city-card');
    await expect(cards).toHaveCount(2);
    expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).sort()).toEqual(['/en/kosice', '/en/prague']);
    expect((await context.cookies()).find((c) => c.name === 'wk_city')).toBeUndefined();

    await hydrated(page, testInfo);
    const before = await citySlugs(page, city.slug);
    await cards.filter({ hasText: city.name }).first().click();

    await expect(page).toHaveURL(new RegExp(`/en/${city.slug}$`));
    await expect(page.locator('h1')).toHaveText(city.name);
    // Its list (with every place of the city) and its map.
    await expectWholeCity(page, city.slug, before);
    await expect(page.locator('.map-pane #wk-map')).toBeAttached();

    // Remembered in a cookie …
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'wk_city')?.value).toBe(city.slug);

    // … so the next visit to the start page goes straight to the city.
    await page.goto('/en/');
    await expect(page).toHaveURL(new RegExp(`/en/${city.slug}$`));
    await expect(page.locator('h1')).toHaveText(city.name);
    await expectWholeCity(page, city.slug, before);

    // Unless the visitor wants to change it.
    await page.goto('/en/?choose=1');
    await expect(page.locator('h1')).toHaveText('Choose your city');
    await expect(page.locator('ul.city-choice a.city-card')).toHaveCount(2);
    await expect(page).toHaveURL(/\/en\/\?choose=1$/);
  });
}

test('the "Change city" link shows the chooser even with a remembered city', async ({ page, context }, testInfo) => {
  await page.goto('/en/kosice');
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'wk_city')?.value).toBe('kosice');
  await hydrated(page, testInfo);
  await openMenu(page);
  await page.getByRole('link', { name: 'Change city' }).click();
  await expect(page.locator('h1')).toHaveText('Choose your city');
  await expect(page.locator('ul.city-choice a.city-card')).toHaveCount(2);
});

test('start page answers 200 at /, /en and /en/', async ({ page }) => {
  for (const path of ['/', '/en', '/en/', '/cs/', '/uk/']) {
    const res = await page.goto(path);
    expect(res, path).not.toBeNull();
    expect(res!.status(), `HTTP status of ${path}`).toBe(200);
    await expect(page.locator('ul.city-choice a.city-card'), path).toHaveCount(2);
  }
});
