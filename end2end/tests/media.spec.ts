import { test, expect, hydrated, jsEnabled } from './fixtures';
import { auditWithAndWithoutJs } from './axe';

// The visitor's own settings: a dark colour scheme (every colour pair still
// passes axe's contrast rules) and reduced motion (nothing on the page
// moves).

test('dark colour scheme: dark page, light text, and axe passes on the main pages', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the phone-js project checks these pages both with and without JavaScript');
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
