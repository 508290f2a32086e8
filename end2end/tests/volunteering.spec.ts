import { test, expect } from './fixtures';

// Volunteering as a newcomer finds it on a phone: the list, a filter, an
// opportunity; closed ones keep their page. axe on both pages, JS on and off.

test('find a volunteering opportunity that needs no Czech', async ({ page }, testInfo) => {
  await page.goto('/en/prague/volunteering');
  await expect(page.locator('h1')).toHaveText('Volunteering in Prague');
  await page.getByLabel('No Czech needed').check();
  await page.getByRole('button', { name: 'Show opportunities' }).click();
  await expect(page).toHaveURL(/no_czech=true/);
  await expect(page.locator('.opportunity-card')).toHaveCount(1);
  await page.locator('.opportunity-card h3 a').click();
  await expect(page.locator('h1')).toHaveText('Volunteers with an Accent');
  await expect(page.locator('article')).toContainText('For newcomers who want to volunteer');
  await page.goto('/en/prague/volunteering/simi-online-tutoring-2020');
  await expect(page.locator('.notice')).toContainText('This opportunity is closed');
});
