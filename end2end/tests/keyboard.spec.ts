import type { Browser, Page } from '@playwright/test';
import { test, expect, hydrated } from './fixtures';
import { staffPage, registerNgo, fillForm } from './helpers';

// Issue 6: the main newcomer and NGO tasks with the keyboard alone. Every
// control is reached with Tab (never clicked or focused by script), every
// focus is visible, and forms are sent with Enter or Space.

/** Presses Tab until `selector` has the focus; fails if it never gets it. */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    if (!here) continue;
    const visible = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      const r = el.getBoundingClientRect();
      return outline && r.width > 0 && r.height > 0;
    });
    expect(visible, `the keyboard focus on ${selector} is visible`).toBe(true);
    return;
  }
  throw new Error(`${selector} was not reached with ${max} presses of Tab on ${page.url()}`);
}

/** An opportunity of a new NGO that takes interest requests, published (set up with the mouse). */
async function openOpportunity(browser: Browser, js: boolean, stamp: string): Promise<string> {
  const admin = await staffPage(browser, js);
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  const ngo = await ctx.newPage();
  const email = `keys-vol-${stamp}@example.org`;
  const title = `Reading buddies ${stamp}`;
  await registerNgo(ngo, admin, email, 'our long passphrase', `Čtenáři ${stamp}`);
  await ngo.getByRole('link', { name: 'Propose a volunteering opportunity' }).click();
  await fillForm(ngo, {
    title,
    audience: 'newcomers',
    location_kind: 'address',
    address: 'Vodičkova 5, Praha 1',
    schedule_kind: 'flexible',
    contact: email,
  });
  await ngo.getByRole('button', { name: 'Send for review' }).click();
  await expect(ngo).toHaveURL(/dashboard\?submitted=1$/);
  await admin.goto('/en/moderation');
  await admin.locator('article.organisation', { hasText: `Čtenáři ${stamp}` }).getByRole('button', { name: 'Verify' }).click();
  await admin.locator('article.change', { hasText: title }).getByRole('button', { name: 'Accept and publish' }).click();
  await expect(admin.locator('article.change', { hasText: title })).toHaveCount(0);
  await ctx.close();
  await admin.context().close();
  return title;
}

async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

test('a newcomer finds a place, an event and offers help, by keyboard only', async ({ page }, testInfo) => {
  test.slow();
  await page.goto('/en/prague');
  await hydrated(page, testInfo);
  // The first Tab stop is the skip link; it shows itself and leads to the content.
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  // Search the list and open a place.
  await typeInto(page, '#f-q', 'integration');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=integration/);
  await tabTo(page, '.place-card h3 a');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/prague\/places\//);
  await expect(page.locator('article.place h1')).toBeVisible();

  // Events that need no Czech, then one event and its calendar file.
  await page.goto('/en/prague/events?when=range&from=2026-12-01&to=2027-01-31');
  // The less used filters are folded away: Enter on their summary opens them.
  await tabTo(page, 'details.more-filters > summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('details.more-filters')).toHaveAttribute('open', '');
  await tabTo(page, 'input[name="no_czech"]');
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="no_czech"]')).toBeChecked();
  await tabTo(page, 'form.filters button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/no_czech=true/);
  await tabTo(page, '.event-card h4 a');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/prague\/events\/[^?]+$/);
  const download = page.waitForEvent('download');
  await tabTo(page, 'a[download$=".ics"]');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.ics$/);

  // Offer help for a volunteering opportunity: search for it, open it, send the form.
  const title = await openOpportunity(page.context().browser()!, testInfo.project.use.javaScriptEnabled !== false,
    `${testInfo.project.name}-${Date.now()}`);
  await page.goto('/en/prague/volunteering');
  await typeInto(page, 'form.filters input[name="q"]', title);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=Reading/);
  await expect(page.locator('.opportunity-card')).toHaveCount(1);
  await tabTo(page, '.opportunity-card h3 a');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(title);
  await typeInto(page, '[name="name"]', 'Keyboard Tester');
  await typeInto(page, '[name="contact"]', `keys-${testInfo.project.name}@example.org`);
  await tabTo(page, '[name="consent"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'form[action$="/volunteering/interest"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/volunteering\/withdraw\?token=/);
});

test('an NGO signs in and proposes a place by keyboard only', async ({ page, browser }, testInfo) => {
  test.slow();
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `keys-${stamp}@example.org`;
  const password = 'a keyboard passphrase';
  const admin = await staffPage(browser, js);
  await registerNgo(page, admin, email, password, `Keys ${stamp}`);
  // Sign out and back in, by keyboard.
  await page.context().clearCookies();
  await page.goto('/en/account/login');
  await typeInto(page, '#f-email', email);
  await typeInto(page, '#f-password', password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/dashboard$/);

  await tabTo(page, 'a[href="/en/dashboard/places/new"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/dashboard\/places\/new/);
  // Send it empty first: the error summary links to the field that needs attention.
  // (The address look-up and the hours check are submit buttons too, with
  // names; the form's own has none.)
  const send = 'form[method="post"] button[type="submit"]:not([name])';
  await tabTo(page, send);
  await page.keyboard.press('Enter');
  const summary = page.locator('.form-error .error-links a').first();
  await expect(summary).toBeVisible();
  const target = (await summary.getAttribute('href')) ?? '';
  expect(target).toMatch(/^#f-/);
  await expect(page.locator(target)).toHaveAttribute('aria-invalid', 'true');
  await tabTo(page, `.form-error .error-links a[href="${target}"]`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${target}$`));

  await typeInto(page, '#f-name', `Keyboard café ${stamp}`);
  await tabTo(page, '#f-category');
  // A closed select takes the first letters of an option.
  await page.keyboard.type('NGO');
  await expect(page.locator('#f-category')).not.toHaveValue('');
  await typeInto(page, '#f-address', 'Vodičkova 5, Praha 1');
  await tabTo(page, send);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);
  await expect(page.locator('main')).toContainText(`Keyboard café ${stamp}`);
});
