import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './admin';

// Steps several specs share: signing in, the admin's page, links from the
// outbox, and a registered, confirmed NGO.

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/en/account/login');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
}

/** The admin, signed in, in a context of its own. */
export async function staffPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled });
  const page = await ctx.newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  return page;
}

/** The first link in the newest outbox message to `to`. */
export async function linkFromOutbox(admin: Page, to: string): Promise<string> {
  await admin.goto('/en/admin/outbox');
  const body = (await admin.locator('.message', { hasText: to }).first().locator('.body').textContent()) ?? '';
  const link = body.split(/\s+/).find((w) => w.startsWith('http'));
  if (!link) throw new Error(`no link for ${to}`);
  return link;
}

/** Registers an NGO (or a community group) in Prague, confirms the address and signs in. */
export async function registerNgo(
  page: Page, admin: Page, email: string, password: string, orgName: string,
  kind: 'ngo' | 'community_group' = 'ngo',
) {
  await page.goto('/en/account/register');
  const reg: Record<string, string> = {
    display_name: 'Olena', email, password, password_confirm: password,
    org_name: orgName, legal_form: 'z. s.', registration_no: '12345679',
  };
  for (const [k, v] of Object.entries(reg)) await page.locator(`[name="${k}"]`).fill(v);
  await page.locator('#f-city').selectOption('prague');
  if (kind === 'community_group') await page.getByRole('radio', { name: 'Community group' }).check();
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(/registered$/);
  await page.goto(await linkFromOutbox(admin, email));
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await signIn(page, email, password);
}
