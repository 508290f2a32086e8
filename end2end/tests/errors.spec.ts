import { test, expect, hydrated, jsEnabled } from './fixtures';
import { registerNgo, staffPage } from './helpers';

// 9. Unknown pages are real 404s; the app's own scripts do not throw.

test('an unknown place answers HTTP 404 with a "not found" page', async ({ page }, testInfo) => {
  const res = await page.goto('/en/prague/places/no-such-place-here');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await hydrated(page, testInfo);
  // The page offers a way on.
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page.locator('h1')).toHaveText('Choose your city');
});

test('other unknown addresses are 404s too, while known ones are 200', async ({ page }) => {
  const cases: [string, number][] = [
    ['/en/prague/places/oamp-praha-1', 200],
    ['/en/kosice/places/oamp-praha-1', 404], // a Prague place under Košice
    ['/uk/prague/places/no-such-place', 404],
    ['/en/atlantis', 404],
    ['/en/atlantis/places/oamp-praha-1', 404],
    ['/xx/prague', 404],
  ];
  for (const [path, status] of cases) {
    const res = await page.request.get(path, { headers: { Accept: 'text/html' } });
    expect(res.status(), path).toBe(status);
  }
  // The JSON API rejects an unknown city as a bad parameter.
  const api = await page.request.get('/api/v1/places?city=atlantis');
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ parameter: 'city' });
});

test('every page hydrates without script errors or blocked content', async ({ page, pageErrors, cspViolations }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'nothing hydrates without JavaScript (the no-JS project runs every other test on the server-rendered pages)');
  test.slow();
  for (const path of ['/en/?choose=1', '/en/prague', '/en/prague?view=map&lang=uk', '/cs/kosice', '/en/prague/places/oamp-praha-1',
    '/uk/prague/places/oamp-praha-1', '/en/prague/stories', '/en/about', '/en/prague/places/no-such-place']) {
    await page.goto(path);
    await hydrated(page, testInfo);
    // Late scripts (the map's, loaded lazily) have run once the network is quiet.
    await page.waitForLoadState('networkidle');
    expect(pageErrors, `uncaught errors on ${path}`).toEqual([]);
    expect(cspViolations, `Content-Security-Policy violations on ${path}`).toEqual([]);
  }
});

test('no uncaught script errors while using the city, map and place pages', async ({ page, pageErrors, cspViolations }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'no scripts run without JavaScript');
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
  await page.locator('.view-toggle').getByRole('link', { name: 'Map' }).click();
  await expect(page.locator('.map-pane')).toBeVisible();
  await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeVisible();
  await page.locator('.view-toggle').getByRole('link', { name: 'List' }).click();
  await expect(page.locator('.place-list')).toBeVisible();
  await page.locator('.place-card h3 a').first().click();
  await expect(page.locator('article.place h1')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.place-card').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(pageErrors).toEqual([]);
  // Leaflet, the clusters, the wasm and the hydration script all run under the policy.
  expect(cspViolations).toEqual([]);
});

test('pages carry a Content-Security-Policy whose nonce is the one on the page\'s scripts', async ({ page }, testInfo) => {
  const res = await page.goto('/en/prague/places/oamp-praha-1');
  const csp = (await res?.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1] ?? '';
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  if (jsEnabled(testInfo)) {
    // The browser hides nonce attributes from getAttribute; the property keeps it.
    const scriptNonces = await page.locator('script[nonce]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    for (const n of scriptNonces) expect(n).toBe(nonce);
  }
  // A new nonce for every response.
  const again = await page.request.get('/en/prague/places/oamp-praha-1');
  expect(again.headers()['content-security-policy']).not.toContain(nonce);
});

test('staff pages refuse an NGO member with HTTP 403, in the member\'s language, showing nothing of them', async ({ page, browser }, testInfo) => {
  const admin = await staffPage(browser, true);
  const email = `refused-${testInfo.project.name}@example.org`;
  await registerNgo(page, admin, email, 'refused member passphrase', `Spolek Odmítnutí ${testInfo.project.name}`);
  await admin.context().close();
  const cases: [string, string, string][] = [
    ['/cs/moderation', 'cs', 'K zobrazení této stránky nemáte oprávnění.'],
    ['/uk/admin/outbox', 'uk', 'У вас немає доступу до цієї сторінки.'],
  ];
  for (const [path, lang, message] of cases) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('alert')).toHaveText(message);
    // Nothing of the staff page: no listing to review, no e-mail read.
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('@');
  }
});
