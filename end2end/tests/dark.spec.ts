import { test, expect, hydrated } from './fixtures';
import { auditWithAndWithoutJs } from './axe';

// The dark colour scheme: dark page, light text, and every colour pair still
// passes axe's contrast rules. The phone-js project checks each page as
// shown and as served without JavaScript, so the other projects do not run
// this file (playwright.config.ts).

test('dark colour scheme: dark page, light text, and axe passes on the main pages', async ({ page }, testInfo) => {
  test.slow();
  await page.emulateMedia({ colorScheme: 'dark' });
  const colours = async () => page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { bg: s.backgroundColor, fg: s.color };
  });
  for (const path of ['/en/prague', '/en/prague/places/oamp-praha-1', '/en/prague/events', '/en/account/register', '/ar/kosice']) {
    await page.goto(path);
    await hydrated(page, testInfo);
    const { bg, fg } = await colours();
    expect(bg, `${path} background`).toBe('rgb(18, 20, 23)');
    expect(fg, `${path} text`).toBe('rgb(236, 239, 243)');
    await auditWithAndWithoutJs(page, testInfo, `dark ${path}`);
  }
  // The light scheme is the other way round (the check above is not the default).
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/prague');
  expect(await colours()).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(27, 31, 36)' });
});
