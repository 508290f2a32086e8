import { test, expect, hydrated, jsEnabled } from './fixtures';

// The visitor's own settings: reduced motion (nothing on the page moves).
// The dark colour scheme is in dark.spec.ts.

test('reduced motion: no transition or animation runs, the map included', async ({ page }, testInfo) => {
  // A probe with a transition and an animation of its own: the stylesheet
  // must switch both off for visitors who ask for less motion, whatever
  // element they are on.
  const probe = () => page.evaluate(() => {
    const el = document.createElement('div');
    el.style.transition = 'opacity 5s';
    el.style.animation = 'wk-probe 5s infinite';
    document.body.append(el);
    const s = getComputedStyle(el);
    const out = { transition: s.transitionDuration, animation: s.animationName };
    el.remove();
    return out;
  });
  await page.goto('/en/prague?view=map');
  expect(await probe(), 'without the preference the probe keeps its motion').toEqual({ transition: '5s', animation: 'wk-probe' });

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/en/prague?view=map');
  await hydrated(page, testInfo);
  expect(await probe()).toEqual({ transition: '0s', animation: 'none' });
  if (jsEnabled(testInfo)) {
    const map = page.locator('#wk-map');
    await expect(map).toHaveClass(/map-ready/, { timeout: 20_000 });
    await page.locator('#wk-map .wk-marker').first().click();
    await expect(page.locator('#wk-map .leaflet-popup')).toBeVisible();
    await page.locator('.leaflet-control-zoom-in').click();
  }
  const running = await page.evaluate(() => document.getAnimations().map((a) => a.constructor.name));
  expect(running).toEqual([]);
});
