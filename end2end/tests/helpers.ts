import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { test, expect } from './fixtures';
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

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

// The admin signs in once per worker (each worker is a process of its own);
// every test's admin context starts from that session.
let adminState: Promise<StorageState> | undefined;

async function signedInAdmin(browser: Browser): Promise<StorageState> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const state = await ctx.storageState();
  await ctx.close();
  return state;
}

/** The admin, signed in, in a context of its own. */
export async function staffPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  adminState ??= signedInAdmin(browser);
  const ctx = await browser.newContext({ javaScriptEnabled, storageState: await adminState });
  return ctx.newPage();
}

/** Signs the admin in in `page`'s own context, then opens the dashboard. */
export async function signInAsAdmin(page: Page) {
  adminState ??= signedInAdmin(page.context().browser()!);
  await page.context().addCookies((await adminState).cookies);
  await page.goto('/en/dashboard');
  await expect(page).toHaveURL(/\/en\/dashboard$/);
}

/**
 * Fills a form's fields by name (the input with id `f-<name>`): a select
 * gets the option with that value, any other field the text.
 */
export async function fillForm(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#f-${name}`);
    if (await field.evaluate((e) => e.tagName === 'SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
}

/** The first link in the newest outbox message to `to`. */
export async function linkFromOutbox(admin: Page, to: string): Promise<string> {
  await admin.goto('/en/admin/outbox');
  const body = (await admin.locator('.message', { hasText: to }).first().locator('.body').textContent()) ?? '';
  const link = body.split(/\s+/).find((w) => w.startsWith('http'));
  if (!link) throw new Error(`no link for ${to}`);
  return link;
}

/** The site's own origin, which a form post from the site carries. */
function origin(): string {
  return new URL(String(test.info().project.use.baseURL)).origin;
}

/** A same-origin form post from `page`'s context (its cookies); the status. */
export async function postForm(page: Page, path: string, form: Record<string, string>): Promise<number> {
  const res = await page.request.post(path, { form, headers: { Origin: origin() }, maxRedirects: 0 });
  return res.status();
}

/**
 * An NGO (or community group) in Prague with a confirmed contact person,
 * signed in in `page`'s context, which ends on the dashboard. Registration
 * itself is what account.spec.ts tests in the browser; here the same forms
 * are posted directly, which is quicker.
 */
export async function registerNgo(
  page: Page, admin: Page, email: string, password: string, orgName: string,
  kind: 'ngo' | 'community_group' = 'ngo',
) {
  const registered = await postForm(page, '/en/account/register', {
    display_name: 'Olena', email, password, password_confirm: password,
    org_name: orgName, legal_form: 'z. s.', registration_no: '12345679', city: 'prague', kind,
  });
  expect(registered, `registration of ${email}`).toBe(303);
  const link = new URL(await linkFromOutbox(admin, email));
  const token = link.searchParams.get('token') ?? '';
  expect(await postForm(page, link.pathname + link.search, { token }), 'address confirmed').toBe(303);
  expect(await postForm(page, '/en/account/login', { email, password }), 'signed in').toBe(303);
  await page.goto('/en/dashboard');
  await expect(page.locator('.organisation', { hasText: orgName })).toBeVisible();
}
