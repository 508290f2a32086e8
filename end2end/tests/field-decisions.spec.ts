import { test, expect } from './fixtures';
import { audit } from './axe';
import { registerNgo, staffPage, fillForm } from './helpers';

// A moderator accepts some fields of a change and sends the others back
// with a message; the NGO sees each field's outcome on its dashboard and
// sends the rest again. On a phone, with and without JavaScript.

test('a change is decided field by field and the NGO sees each outcome', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `fields-${stamp}@example.org`;
  // Public names other tests' searches (by their stamp) never match.
  const placeName = `Pole ${Date.now().toString(36)}${testInfo.project.name === "phone-js" ? "j" : "n"}`;
  const orgName = `Spolek polí ${stamp}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await registerNgo(page, admin, email, 'our long passphrase', orgName);

  await page.getByRole('link', { name: 'Propose a new place' }).click();
  await fillForm(page, { name: placeName, category: 'ngo', address: 'Vodičkova 5, Praha 1', website: 'https://old.example.org' });
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);

  await admin.goto('/en/moderation');
  await admin.locator('article.organisation', { hasText: orgName }).getByRole('button', { name: `Verify “${orgName}”` }).click();
  const first = admin.locator('article.change', { hasText: placeName });
  // A new listing is decided as a whole: no field-by-field form.
  await expect(first.locator('details.by-field')).toHaveCount(0);
  await first.getByRole('button', { name: `Accept and publish “${placeName}”` }).click();
  await expect(admin.locator('.outcome[role="status"]')).toHaveText(`Accepted and public “${placeName}”`);

  // The NGO changes the website and the Monday hours.
  await page.goto('/en/dashboard');
  await page.locator('.my-places li', { hasText: placeName }).getByRole('link', { name: 'propose a change' }).click();
  await page.locator('#f-website').fill('https://new.example.org');
  await page.locator('#f-oh-mo').fill('10:00');
  await page.locator('#f-oh-mo-to1').fill('14:00');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/submitted=change$/);

  // The moderator accepts the hours and sends the website back.
  await admin.goto('/en/moderation');
  const change = admin.locator('article.change', { hasText: placeName });
  await change.locator('details.by-field summary').click();
  const form = change.locator('details.by-field form');
  await expect(form.getByRole('checkbox', { name: 'Website' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Website' }).uncheck();
  const submit = form.getByRole('button', { name: `Accept the ticked fields of “${placeName}”, send the rest back` });
  // Without a message the form comes back, the ticks as they were.
  await submit.click();
  const again = admin.locator('article.change', { hasText: placeName }).locator('details.by-field');
  await expect(again.locator('.field-error')).toHaveText('Please fill this in.');
  await expect(again.getByRole('checkbox', { name: 'Website' })).not.toBeChecked();
  await again.getByLabel('What to fix in the fields sent back').fill('The new website does not open.');
  await audit(admin, testInfo, 'queue with a field-by-field decision', true);
  await again.getByRole('button', { name: `Accept the ticked fields of “${placeName}”, send the rest back` }).click();
  await expect(admin.locator('.outcome[role="status"]')).toHaveText(`Partly accepted “${placeName}”`);

  // The NGO reads each field's outcome and the message.
  await page.goto('/en/dashboard');
  const mine = page.locator('.my-change', { hasText: placeName }).first();
  await expect(mine.locator('.change-state')).toHaveText('Partly accepted');
  await expect(mine.locator('[data-field="opening_hours"]')).toContainText('Opening hours (optional): accepted and public');
  await expect(mine.locator('[data-field="website"]')).toContainText('Website (optional): sent back');
  await expect(mine).toContainText('The new website does not open.');
  await audit(page, testInfo, 'dashboard with field outcomes');
  await admin.context().close();
});
