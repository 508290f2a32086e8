import { test, expect, jsEnabled } from './fixtures';
import { audit } from './axe';

// A newcomer opens the list and a place on a phone, then loses the
// connection: both pages still open, saying since when they are saved; a
// page never opened says it is not available offline and lists what is;
// a form cannot be sent and keeps what was typed. Back online, the notice
// goes. Service workers need JavaScript: without it the pages work online
// only, and nothing offline-related is shown.

test.use({ serviceWorkers: 'allow' });

const PLACE = '/en/prague/places/oamp-praha-1';
const NEVER_OPENED = '/en/prague/places/prague-12-district-office';

test('pages opened online stay readable offline; the others say so and list what is saved', async ({ page, context }, testInfo) => {
  if (!jsEnabled(testInfo)) {
    await page.goto(PLACE);
    await expect(page.locator('#wk-offline')).toBeHidden();
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/en/manifest.webmanifest');
    const manifest = await (await page.request.get('/en/manifest.webmanifest')).json();
    for (const icon of manifest.icons) {
      expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    }
    return;
  }
  test.slow();
  await page.goto('/en/prague');
  // The worker takes the page over and keeps what the page loaded first.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.waitForFunction(async () => !!(await caches.match('/pkg/welcome-kit.css')) && !!(await caches.match(location.href)));

  await page.goto(PLACE);
  const name = (await page.locator('h1').first().textContent())?.trim() ?? '';
  expect(name).not.toBe('');
  await page.waitForFunction(async (url) => !!(await caches.match(url)) && !!(await caches.match('/en/offline')), PLACE);

  await context.setOffline(true);
  await page.goto(PLACE);
  await expect(page.locator('h1').first()).toHaveText(name);
  const notice = page.locator('#wk-offline');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('You are offline — information saved on');
  await expect(notice.locator('.offline-date')).not.toBeEmpty();
  await audit(page, testInfo, 'a saved place, offline');

  // A form says it cannot be sent now and keeps what was typed.
  await page.goto(`${PLACE}#report`);
  await page.locator('#report input[name="kind"][value="other"]').check();
  await page.locator('#report-message').fill('The office moved to the second floor.');
  await page.locator('#report button[type="submit"]').click();
  await expect(page.locator('#report .offline-refusal')).toContainText('cannot be sent now');
  await expect(page.locator('#report-message')).toHaveValue('The office moved to the second floor.');
  await expect(page).toHaveURL(new RegExp(`${PLACE}#report$`));

  // The list opened first is saved too.
  await page.goto('/en/prague');
  await expect(page.locator('#results-heading')).toBeVisible();
  await expect(page.locator('#wk-offline')).toBeVisible();

  // Never opened: the in-app page, listing what is saved.
  await page.goto(NEVER_OPENED);
  await expect(page.locator('h1').first()).toHaveText('Not available offline');
  await expect(page.locator('#wk-saved a', { hasText: name })).toHaveAttribute('href', PLACE);
  await expect(page.locator('#wk-saved-none')).toBeHidden();
  await audit(page, testInfo, 'the offline page');

  // Back online, fresh pages and no notice.
  await context.setOffline(false);
  await page.goto(PLACE);
  await expect(page.locator('#wk-offline')).toBeHidden();
});

// "Save Košice for offline" saves the city's pages ahead of time: offline, a
// place never opened opens from the pack; "Remove saved data" forgets it.
test('a whole city is saved for offline with progress, then removed', async ({ page, context }, testInfo) => {
  if (!jsEnabled(testInfo)) {
    // Saving needs the service worker: without JavaScript it is not offered.
    await page.goto('/en/kosice');
    await expect(page.locator('#save-offline')).toBeHidden();
    return;
  }
  test.slow();
  await page.goto('/en/kosice');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const save = page.getByRole('button', { name: 'Save Košice for offline' });
  await expect(save).toBeVisible();
  await save.click();
  const status = page.locator('#wk-save-status');
  await expect(status).toContainText('Saved on', { timeout: 60_000 });
  await expect(status).toContainText('MB');
  const pack = await (await page.request.get('/api/v1/pack?city=kosice&lang=en')).json();
  const place = pack.urls.find((u: string) => u.startsWith('/en/kosice/places/'));
  expect(place).toBeTruthy();
  await audit(page, testInfo, 'a city saved for offline');

  await context.setOffline(true);
  await page.goto(place);
  await expect(page.locator('h1').first()).not.toHaveText('Not available offline');
  await expect(page.locator('#wk-offline')).toBeVisible();
  await page.goto('/en/kosice/events');
  await expect(page.locator('#wk-offline')).toBeVisible();
  await expect(page.locator('h1').first()).not.toHaveText('Not available offline');

  await context.setOffline(false);
  await page.goto('/en/kosice');
  await page.getByRole('button', { name: 'Remove saved data' }).click();
  await expect(status).toHaveText('Saved data removed from this phone.');
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
});
