import type { Page } from '@playwright/test';
import { test, expect, hydrated } from './fixtures';

// WCAG 1.4.4: text resized to 200 % loses no content. The browser's own
// text-size setting is doubled (Chromium's default font size 16 -> 32 px, as
// a user sets it, not a CSS override), then each page is checked for text
// cut off by a box that hides overflow and for content pushed sideways out
// of the page.

const PAGES = [
  '/en/?choose=1', '/en/prague', '/en/prague?view=map', '/en/prague/places/oamp-praha-1',
  '/en/prague/events', '/en/prague/volunteering', '/en/prague/stories', '/en/account/register',
  '/ar/prague', '/ar/prague/places/oamp-praha-1',
];

async function doubleTextSize(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

/** Elements whose text is cut off, and how far the page runs past the viewport. */
async function losses(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.closest('.leaflet-container, .visually-hidden, .skip-link')) continue;
      const hides = (o: string) => o === 'hidden' || o === 'clip';
      if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
      if (!(el.textContent ?? '').trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        clipped.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return {
      clipped,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      base: parseFloat(getComputedStyle(document.body).fontSize),
    };
  });
}

for (const width of [360, 1280]) {
  test(`text at 200 %: nothing cut off or pushed off the page at ${width} px`, async ({ page }, testInfo) => {
    test.slow();
    await page.setViewportSize({ width, height: 800 });
    await doubleTextSize(page);
    const problems: string[] = [];
    for (const path of PAGES) {
      const resp = await page.goto(path);
      expect(resp?.status(), path).toBe(200);
      await hydrated(page, testInfo);
      const r = await losses(page);
      // The setting took effect: body text is twice the usual 16 px.
      expect(r.base, `text size on ${path}`).toBeGreaterThanOrEqual(32);
      if (r.clipped.length) problems.push(`${path}: cut off: ${r.clipped.join(' | ')}`);
      if (r.overflow > 0) problems.push(`${path}: ${r.overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });
}
