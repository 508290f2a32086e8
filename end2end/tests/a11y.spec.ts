import { test, expect, hydrated, jsEnabled } from './fixtures';
import { audit } from './axe';

// 8. axe-core (WCAG 2.0/2.1 A and AA) finds no violations on the main pages
// (see axe.ts for how the no-JS project is audited).

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
  { name: 'registration page', path: '/en/account/register', h1: /Register your organisation/ },
  { name: 'sign-in page', path: '/en/account/login', h1: /Sign in/ },
  { name: 'password reset page in Ukrainian', path: '/uk/account/reset', h1: /[\u0400-\u04FF]/ },
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
