import { test, expect, expectNoHorizontalOverflow } from './fixtures';
import { audit } from './axe';
import { registerNgo, signInAsAdmin } from './helpers';
import { ADMIN_EMAIL } from './admin';

// The officials' audit log on a 360 px phone, with and without JavaScript:
// each entry is a card that fits the screen; the filters are a plain form
// that keeps what was chosen; the CSV link gives the same entries.

test('audit log: cards on a phone, filters that keep their values, CSV of the same', async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  await page.goto('/en/moderation');
  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/moderation\/audit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await expect(page.locator('.audit-entry').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The admin's own account was created at start: find it by action and
  // person.
  await page.getByLabel('Action').selectOption('admin_created');
  await page.getByLabel('Person (e-mail or name)').fill(ADMIN_EMAIL.split('@')[0]);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/action=admin_created/);
  const entries = page.locator('.audit-entry');
  await expect(entries.first()).toContainText(ADMIN_EMAIL);
  await expect(entries.first().locator('strong')).toHaveText('Admin account created');
  const actions = await entries.evaluateAll((list) => list.map((e) => e.getAttribute('data-action')));
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(['admin_created']));
  // What was chosen stays chosen.
  await expect(page.getByLabel('Action')).toHaveValue('admin_created');
  await expect(page.getByLabel('Person (e-mail or name)')).toHaveValue(ADMIN_EMAIL.split('@')[0]);
  // Each entry says when in the city's time, with the offset.
  await expect(entries.first().locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
  await expectNoHorizontalOverflow(page);

  // The CSV has the same entries.
  const href = await page.getByRole('link', { name: 'Download these entries as CSV' }).getAttribute('href');
  expect(href).toContain('/en/moderation/audit.csv?');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const rows = (await csv.text()).trim().split('\n');
  expect(rows[0]).toContain('id,time,time_utc,email,name,action');
  expect(rows.length - 1).toBe(actions.length);
  expect(rows[1]).toContain(ADMIN_EMAIL);

  await audit(page, testInfo, 'audit log');
});

// The city at a glance: small tables that fit a phone, and the same
// figures as CSV.
test('statistics: counts that fit a phone, the same as CSV', async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  await page.goto('/en/moderation');
  await page.getByRole('link', { name: 'The city at a glance' }).click();
  await expect(page).toHaveURL(/\/en\/moderation\/statistics$/);
  await page.getByLabel('City').selectOption('prague');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/city=prague/);
  await expect(page.getByLabel('City')).toHaveValue('prague');
  const listings = page.locator('table.counts', { has: page.locator('caption', { hasText: 'Listings by kind and state' }) });
  const published = listings.locator('tr', { has: page.locator('th', { hasText: /^Place · public$/ }) }).locator('td');
  const shown = Number(await published.textContent());
  expect(shown).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(page);

  const href = await page.getByRole('link', { name: 'Download these figures as CSV' }).getAttribute('href');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const row = (await csv.text()).split('\n').find((r) => r.startsWith('listings,place,published,'));
  expect(Number(row!.split(',')[3])).toBe(shown);

  await audit(page, testInfo, 'statistics');
});

// Admins invite officials: the form refuses bad input at its field and
// keeps what was typed; sent, the person is listed as invited.
test('admins invite a moderator by e-mail', async ({ page }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `mod-${stamp}@example.org`;
  await signInAsAdmin(page);
  await page.getByRole('link', { name: 'Moderators and admins' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/people$/);
  await page.locator('#f-email').fill('not an address');
  await page.locator('#f-name').fill(`Jana ${stamp}`);
  await page.locator('#f-role').selectOption('moderator');
  await page.locator('#f-city').selectOption('kosice');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.locator('#f-email-error')).toBeVisible();
  await expect(page.locator('#f-name')).toHaveValue(`Jana ${stamp}`);
  await expect(page.locator('#f-city')).toHaveValue('kosice');
  await page.locator('#f-email').fill(email);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/people\?added=1$/);
  await expect(page.locator('.notice[role="status"]')).toContainText('Done');
  const row = page.locator('.staff-list li', { hasText: email });
  await expect(row).toContainText('no password chosen yet');
  await expect(row).toHaveAttribute('data-role', 'moderator');
  await expectNoHorizontalOverflow(page);
  await audit(page, testInfo, 'people admin');
});

// A moderator gives a place the city imported to a verified organisation,
// from the place's page: refused without a choice (the message at the
// field), then given; the organisation's dashboard lists it.
test('moderators give an imported place to an organisation', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `assign-${stamp}@example.org`;
  const orgName = `Spolek ${stamp}`;
  const ngo = await (await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false })).newPage();
  await signInAsAdmin(page);
  await registerNgo(ngo, page, email, 'our long passphrase', orgName);
  await page.goto('/en/moderation');
  await page.getByRole('button', { name: `Verify “${orgName}”` }).click();
  await expect(page.locator('.outcome[role="status"]')).toContainText(orgName);

  // One place per project: the projects run side by side on one database.
  const slug = testInfo.project.name === 'phone-js' ? 'prague-13-district-office' : 'prague-14-district-office';
  await page.goto(`/en/prague/places/${slug}`);
  const box = page.locator('#moderation');
  await box.getByRole('button', { name: 'Give to this organisation' }).click();
  await expect(page.locator('#assign-organisation-error')).toBeVisible();
  await page.locator('#assign-organisation').selectOption({ label: orgName });
  await page.locator('#moderation').getByRole('button', { name: 'Give to this organisation' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/prague/places/${slug}\\?assigned=1#moderation$`));
  await expect(page.locator('#moderation .notice[role="status"]')).toContainText('its members were told');
  await expectNoHorizontalOverflow(page);
  await audit(page, testInfo, 'place page after giving it away');

  await ngo.goto('/en/dashboard');
  await expect(ngo.locator(`a[href="/en/prague/places/${slug}"]`).first()).toBeVisible();
  await ngo.context().close();
});

// A moderator calls off one date of an event from its page, with a reason
// the public reads, then takes it back.
test('moderators call off a date of an event from its page', async ({ page }, testInfo) => {
  // One event per project: the projects run side by side on one database.
  const slug = testInfo.project.name === 'phone-js' ? 'evening-czech-classes-libus' : 'intercultural-conversation-luziny';
  await signInAsAdmin(page);
  await page.goto(`/en/prague/events/${slug}`);
  const box = page.locator('#call-off');
  await expect(box).toBeVisible();
  const option = box.locator('select[name="date"] option').first();
  const label = (await option.textContent())!.trim();
  await box.locator('input[name="note"]').first().fill('Room closed today');
  await box.getByRole('button', { name: 'Call off this date' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/prague/events/${slug}\\?called_off=1#call-off$`));
  await expect(page.locator('#call-off .notice[role="status"]')).toBeVisible();
  await expect(page.locator('.status-note')).toContainText('Room closed today');
  await expect(page.locator('.occurrences li.cancelled').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await audit(page, testInfo, 'event page with the moderators’ call-off forms');

  await page.locator('#call-off').getByRole('button', { name: `Restore ${label}` }).click();
  await expect(page.locator('.occurrences li.cancelled')).toHaveCount(0);
});
