import { test, expect } from './fixtures';
import { audit } from './axe';
import { registerNgo, staffPage } from './helpers';

// An NGO worker gives a place's opening hours as rows per day on a phone:
// the week is read back in words, a contradicting free text is refused with
// everything typed kept, and the proposal holds the OpenStreetMap hours the
// moderator reviews. With and without JavaScript.

test('opening hours are typed as rows per day and read back in words', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `hours-${stamp}@example.org`;
  const placeName = `Hodiny ${Date.now().toString(36)}${testInfo.project.name === "phone-js" ? "j" : "n"}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await registerNgo(page, admin, email, 'our long passphrase', `Spolek hodin ${stamp}`);

  await page.getByRole('link', { name: 'Propose a new place' }).click();
  await page.locator('#f-name').fill(placeName);
  await page.locator('#f-category').selectOption('ngo');
  await page.locator('#f-address').fill('Vodičkova 5, Praha 1');
  // The expert field is folded away; the rows are what one fills in.
  await expect(page.locator('#f-opening_hours')).toBeHidden();
  for (const day of ['mo', 'tu']) {
    await page.locator(`#f-oh-${day}`).fill('09:00');
    await page.locator(`#f-oh-${day}-to1`).fill('12:00');
    await page.locator(`#f-oh-${day}-from2`).fill('13:00');
    await page.locator(`#f-oh-${day}-to2`).fill('17:00');
  }
  await page.locator('#f-oh-fr').fill('08:00');
  await page.locator('#f-oh-fr-to1').fill('12:00');
  await page.locator('#f-oh-fr-note').fill('appointment only');
  await page.getByRole('checkbox', { name: 'Closed on public holidays' }).check();
  await page.getByRole('button', { name: 'Check the hours' }).click();

  const words = page.locator('#oh-read-back');
  await expect(words).toContainText('Monday – Tuesday: 09:00–12:00, 13:00–17:00');
  await expect(words).toContainText('Wednesday – Thursday: Closed');
  await expect(words).toContainText('Friday: 08:00–12:00 (appointment only)');
  await expect(words).toContainText('Closed on public holidays.');
  await expect(page.locator('#f-name')).toHaveValue(placeName);
  await audit(page, testInfo, 'opening-hours editor', true);

  // Free text that names other times is refused at the field; nothing typed is lost.
  await page.locator('#f-hours_text').fill('Mon–Fri 10:00–16:00');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('#f-hours_text-error')).toContainText('names times the opening hours do not have');
  await expect(page.locator('#f-oh-tu-to2')).toHaveValue('17:00');
  await expect(page.locator('#f-oh-fr-note')).toHaveValue('appointment only');
  await expect(page.locator('#f-hours_text')).toHaveValue('Mon–Fri 10:00–16:00');

  // A row whose end is before its start is named by its day.
  await page.locator('#f-hours_text').fill('Closed in August');
  await page.locator('#f-oh-tu-to2').fill('12:30');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('#f-oh-tu-error')).toHaveText('The end must be after the start.');
  await page.locator('#f-oh-tu-to2').fill('17:00');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);

  // The moderator reviews the hours in OpenStreetMap form.
  await admin.goto('/en/moderation');
  const proposal = admin.locator('article.change', { hasText: placeName });
  await expect(proposal.locator('tr[data-field="opening_hours"] td.new')).toHaveText(
    'Mo,Tu 09:00-12:00,13:00-17:00; Fr 08:00-12:00 "appointment only"; PH off',
  );
  await admin.context().close();
});
