import { test, expect } from './fixtures';
import { audit } from './axe';
import { registerNgo, staffPage, fillForm } from './helpers';

// The review loop in a browser: an NGO registers and proposes a place; the
// city (here the admin) verifies the organisation and accepts; the place is on
// the public list; the NGO changes its hours and the public keeps the old ones
// until the change is accepted; another change is rejected with a reason the
// NGO sees. With and without JavaScript.

test('NGO proposes, city verifies and accepts, edits wait for review, rejections carry a reason', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `place-${stamp}@example.org`;
  const password = 'our long passphrase';
  const placeName = `Poradna ${stamp}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);

  await registerNgo(page, admin, email, password, `Spolek ${stamp}`);

  // Propose a place; a wrong opening-hours text is explained at the field.
  await page.getByRole('link', { name: 'Propose a new place' }).click();
  // The expert field is folded under the editor's rows.
  await page.locator('#hours-expert summary').click();
  await fillForm(page, {
    name: placeName,
    category: 'ngo',
    address: 'Vodičkova 5, Praha 1',
    opening_hours: 'weekdays nine to five',
    hours_text: 'Mon–Fri 9:00–17:00',
  });
  await page.getByRole('checkbox', { name: 'Ukrainian' }).check();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('#f-opening_hours-error')).toContainText('opening_hours');
  await expect(page.locator('#f-name')).toHaveValue(placeName);
  await expect(page.getByRole('checkbox', { name: 'Ukrainian' })).toBeChecked();
  await page.locator('#f-opening_hours').fill('Mo-Fr 09:00-17:00');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);
  await expect(page.getByText('it becomes public once accepted')).toBeVisible();
  await expect(page.locator('.my-change', { hasText: placeName }).locator('.change-state')).toHaveText('Waiting for review');

  // Not public yet.
  await page.goto(`/en/prague?q=${encodeURIComponent(stamp)}`);
  await expect(page.locator('#results-heading')).toHaveText('0 places found');

  // The city verifies the organisation and accepts the place.
  await admin.goto('/en/moderation');
  const org = admin.locator('article.organisation', { hasText: `Spolek ${stamp}` });
  // Each button names its item; after the decision the queue says what
  // became of which.
  await org.getByRole('button', { name: `Verify “Spolek ${stamp}”` }).click();
  await expect(admin).toHaveURL(/\/en\/moderation\?decided=organisation-\d+$/);
  await expect(admin.locator('.outcome[role="status"]')).toHaveText(`Verified “Spolek ${stamp}”`);
  const card = admin.locator('article.change', { hasText: placeName });
  await expect(card.locator('tr[data-field="name"] td.new')).toHaveText(placeName);
  await card.getByRole('button', { name: `Accept and publish “${placeName}”` }).click();
  await expect(admin.locator('.outcome[role="status"]')).toHaveText(`Accepted and public “${placeName}”`);
  await expect(admin.locator('article.change', { hasText: placeName })).toHaveCount(0);

  await page.goto(`/en/prague?q=${encodeURIComponent(stamp)}`);
  await expect(page.locator('#results-heading')).toHaveText('1 place found');
  await page.locator('.place-card h3 a').click();
  await expect(page.locator('.published-hours')).toContainText('Mon–Fri 9:00–17:00');
  const placeUrl = page.url();

  // The NGO changes its hours: the public keeps the old ones for now.
  await page.goto('/en/dashboard');
  await page.locator('.my-places li', { hasText: placeName }).getByRole('link', { name: 'propose a change' }).click();
  await expect(page.locator('#f-name')).toHaveValue(placeName);
  await page.locator('#f-hours_text').fill('Mon–Fri 9:00–17:00, closed in August');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/submitted=change$/);
  await expect(page.getByText('the public sees the previous version')).toBeVisible();
  await page.goto(placeUrl);
  await expect(page.locator('.published-hours')).toContainText('Mon–Fri 9:00–17:00');

  // The moderator sees exactly what changes and accepts; now it is public.
  await admin.goto('/en/moderation');
  const edit = admin.locator('article.change', { hasText: placeName });
  await expect(edit.locator('tr[data-field="hours_text"] td.old')).toHaveText('Mon–Fri 9:00–17:00');
  await expect(edit.locator('tr[data-field="hours_text"] td.new')).toHaveText('Mon–Fri 9:00–17:00, closed in August');
  await expect(edit.locator('tr[data-field="name"]')).toHaveCount(0);
  await edit.getByRole('button', { name: 'Accept and publish' }).click();
  await page.goto(placeUrl);
  await expect(page.locator('.published-hours')).toContainText('Mon–Fri 9:00–17:00, closed in August');

  // Another change is rejected with a reason; the NGO reads it.
  await page.goto('/en/dashboard');
  await page.locator('.my-places li', { hasText: placeName }).getByRole('link', { name: 'propose a change' }).click();
  await page.locator('#f-hours_text').fill('Always open');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await admin.goto('/en/moderation');
  const third = admin.locator('article.change', { hasText: placeName });
  await third.getByRole('button', { name: 'Reject' }).click();
  // A reason is required.
  await expect(admin.locator('.change', { hasText: placeName }).locator('.field-error')).toHaveText('Please fill this in.');
  await admin.locator('article.change', { hasText: placeName }).locator('textarea[name="message"]').fill('The office is not open at night.');
  await admin.locator('article.change', { hasText: placeName }).getByRole('button', { name: 'Reject' }).click();
  await page.goto('/en/dashboard');
  const rejected = page.locator('.my-change[data-state="rejected"]', { hasText: placeName });
  await expect(rejected).toContainText('The office is not open at night.');
  await audit(page, testInfo, 'dashboard with listings');
  // It opens again as it was sent, nothing to type twice.
  await rejected.getByRole('link', { name: 'Edit and send again' }).click();
  await expect(page.locator('#f-hours_text')).toHaveValue('Always open');
  await expect(page.locator('#f-name')).toHaveValue(placeName);
  await admin.context().close();
});
