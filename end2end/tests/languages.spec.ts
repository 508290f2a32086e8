import { test, expect } from './fixtures';
import { audit } from './axe';

// Issue 6: hreflang alternates and dates and times written per language.
// (The Slovak, Russian, Vietnamese and Arabic interfaces, with right-to-left
// checks and axe in Arabic, come with their translation files.)

test('every page names its versions in the other languages (hreflang alternates)', async ({ page }) => {
  await page.goto('/uk/prague/events?category=festival');
  const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('hreflang'), e.getAttribute('href')]));
  const byLang = new Map(alternates.map(([h, href]) => [h, href ?? '']));
  for (const code of ['en', 'cs', 'uk']) {
    expect(byLang.get(code), `alternate for ${code}`).toMatch(new RegExp(`^https?://[^/]+/${code}/prague/events\\?category=festival$`));
  }
  expect(byLang.get('x-default')).toMatch(/^https?:\/\/[^/]+\/prague\/events\?category=festival$/);
});

test('dates and times are written the way each language writes them', async ({ page }) => {
  const range = 'when=range&from=2026-12-01&to=2026-12-31';
  const times = () => page.locator('.event-card .event-time time').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  await page.goto(`/en/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText('Dec 1, 2026');
  expect((await times()).some((t) => /\d:\d\d\s?[AP]M/.test(t)), 'English shows 12-hour times').toBe(true);
  await page.goto(`/cs/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText('1. 12. 2026');
  const cs = await times();
  expect(cs.some((t) => /\d\d:\d\d/.test(t)), 'Czech shows 24-hour times').toBe(true);
  expect(cs.some((t) => /[AP]M/.test(t))).toBe(false);
  await page.goto(`/uk/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText(/1 груд\. 2026/);
});


test('a description not yet translated says so and links the languages it is in', async ({ page }, testInfo) => {
  await page.goto('/uk/prague/places/oamp-praha-1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  // The English source, marked as English, with a note in Ukrainian.
  await expect(page.locator('p.description')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.fallback-note')).toHaveText(/[\u0400-\u04FF]/);
  const czech = page.locator('.text-languages a[hreflang="cs"]');
  await expect(czech).toHaveText('Čeština');
  await audit(page, testInfo, 'place page with a fallback text');
  await czech.click();
  await expect(page).toHaveURL(/\/cs\/prague\/places\/oamp-praha-1$/);
  await expect(page.locator('p.description')).toHaveAttribute('lang', 'cs');
  await expect(page.locator('.fallback-note')).toHaveCount(0);
});
