import { test, expect } from './fixtures';

// The about page's attributions and the skip link. (axe runs on every page
// in axe-matrix.spec.ts.)

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
