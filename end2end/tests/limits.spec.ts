import { test, expect, expectNoHorizontalOverflow } from './fixtures';
import { audit } from './axe';

// A visitor who posts a rate-limited form too often (problem reports,
// interest requests, sign-in, registration) gets the same page back: what
// they typed kept, the reason in their language, 429 with Retry-After.
// These run against a server of their own that allows one post a minute
// (see playwright.config.ts); both projects share its limit, so each posts
// until it is refused.
const LIMITED = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
test.use({ baseURL: LIMITED });

test('a refused report keeps what was typed, in Ukrainian', async ({ page }, testInfo) => {
  const message = `Двері зачинені, табличка зникла (${testInfo.project.name})`;
  let status = 0;
  let retryAfter = '';
  for (let i = 0; i < 4 && status !== 429; i++) {
    await page.goto('/uk/prague/places/oamp-praha-1#report');
    await page.locator('#report input[name="kind"][value="other"]').check();
    await page.locator('#report-message').fill(message);
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/uk/places/report') && r.request().method() === 'POST'),
      page.locator('#report button[type="submit"]').click(),
    ]);
    status = resp.status();
    retryAfter = (await resp.headerValue('retry-after')) ?? '';
    await page.waitForLoadState();
  }
  expect(status, 'refused within four posts').toBe(429);
  expect(Number(retryAfter), 'Retry-After in seconds').toBeGreaterThan(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('h1')).toContainText('OAMP');
  await expect(page.locator('#report [role="alert"]')).toContainText('Забагато спроб');
  await expect(page.locator('#report-message')).toHaveValue(message);
  await expect(page.locator('#report input[value="other"]')).toBeChecked();
  await expectNoHorizontalOverflow(page);
  await audit(page, testInfo, 'a refused problem report', true);
});
