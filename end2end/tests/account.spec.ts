import type { Browser, Page } from '@playwright/test';
import { test, expect, openMenu } from './fixtures';
import { linkFromOutbox, staffPage } from './helpers';

// An NGO registers (fixing a mistake on the way), confirms its e-mail with the
// link from the outbox, signs in, sees its organisation waiting for
// verification, and signs out. With and without JavaScript.

async function outboxLink(browser: Browser, to: string): Promise<string> {
  const admin = await staffPage(browser, true);
  const link = await linkFromOutbox(admin, to);
  await admin.context().close();
  return link;
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[name="${name}"]`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

test('an NGO registers, fixes its mistakes, confirms its e-mail, signs in and out', async ({ page, browser }, testInfo) => {
  const email = `ngo-${testInfo.project.name}-${Date.now()}@example.org`;
  const password = 'our long passphrase';
  await page.goto('/en/prague');
  await openMenu(page);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Register your organisation/ }).click();
  await expect(page.locator('h1')).toHaveText('Register your organisation');

  await fill(page, {
    display_name: 'Olena Kovalenko', email, password, password_confirm: 'not the same one',
    org_name: 'Spolek Sousedé', legal_form: 'z. s.', registration_no: '12345678', city: 'prague',
  });
  await page.getByRole('button', { name: 'Register' }).click();

  // Refused: messages next to the fields, what was typed still there.
  await expect(page.locator('.form-error')).toBeVisible();
  await expect(page.locator('#f-registration_no-error')).toHaveText('Enter the 8-digit IČO from the public register.');
  await expect(page.locator('#f-registration_no')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-registration_no')).toHaveAttribute('aria-describedby', /f-registration_no-error/);
  await expect(page.locator('#f-password_confirm-error')).toHaveText('The two passwords are not the same.');
  await expect(page.locator('#f-org_name')).toHaveValue('Spolek Sousedé');
  await expect(page.locator('#f-email')).toHaveValue(email);
  await expect(page.locator('#f-city')).toHaveValue('prague');
  await expect(page.locator('#f-password')).toHaveValue('');

  await fill(page, { registration_no: '123 456 79', password, password_confirm: password });
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(/\/en\/account\/registered$/);
  await expect(page.locator('h1')).toHaveText('Check your e-mail');

  // Signing in before confirming is refused with a hint.
  await page.goto('/en/account/login');
  await fill(page, { email, password });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.form-error')).toContainText('confirm your e-mail address first');

  // The link from the outbox: opening it changes nothing, its button confirms.
  const link = await outboxLink(browser, email);
  expect(link).toContain('/en/account/verify?token=');
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(page).toHaveURL(/\/en\/account\/login\?verified=1$/);
  await expect(page.locator('.notice')).toContainText('confirmed');

  await fill(page, { email, password });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  const org = page.locator('.organisation', { hasText: 'Spolek Sousedé' });
  await expect(org.locator('.org-status')).toHaveText('Waiting for verification');
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'My organisation' })).toBeVisible();

  // Members do not see the outbox.
  const res = await page.goto('/en/admin/outbox');
  expect(res?.status()).toBe(403);

  await page.goto('/en/dashboard');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  // Back to the public site (the start page forwards to the remembered city).
  await expect(page).not.toHaveURL(/dashboard/);
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/en/dashboard');
  await expect(page).toHaveURL(/\/en\/account\/login$/);
});
