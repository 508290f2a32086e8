import { test, expect, jsEnabled } from './fixtures';
import { audit } from './axe';
import { linkFromOutbox, postForm, registerNgo, signIn, signInAsAdmin, staffPage } from './helpers';

// The NGO's and the city's everyday tools: members invite and remove each
// other; the place form finds an address (and, with JavaScript, takes a pin);
// a moderator edits a place directly and reads its history; the queue
// filters. With and without JavaScript.

test('members invite each other; the invited person chooses a password and can leave', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `members-${stamp}@example.org`;
  const invited = `invited-${stamp}@example.org`;
  const orgName = `Spolek ${stamp}`;
  const admin = await staffPage(browser, jsEnabled(testInfo));
  await registerNgo(page, admin, email, 'our long passphrase', orgName);

  // A typo in the address: the message is at the field, the name is kept.
  const members = page.locator('section.members');
  await members.getByLabel('Name').fill('Nguyen Van An');
  await members.getByLabel('E-mail').fill('nguyen.example.org');
  await members.getByRole('button', { name: 'Add a member' }).click();
  await expect(page.locator('section.members .field-error')).toHaveText('Enter an e-mail address like name@example.org.');
  await expect(page.locator('section.members').getByLabel('Name')).toHaveValue('Nguyen Van An');
  await page.locator('section.members').getByLabel('E-mail').fill(invited);
  await page.locator('section.members').getByRole('button', { name: 'Add a member' }).click();
  await expect(page.locator('section.members [role="status"]')).toHaveText('Members updated.');
  await expect(page.locator('.member-list li', { hasText: invited })).toContainText('invited, has not chosen a password yet');
  await audit(page, testInfo, 'dashboard with members');

  // The invited person follows the link, chooses a password, signs in.
  const other = await (await browser.newContext({ javaScriptEnabled: jsEnabled(testInfo) })).newPage();
  await other.goto(await linkFromOutbox(admin, invited));
  await other.locator('#f-password').fill('invited passphrase');
  await other.locator('#f-password_confirm').fill('invited passphrase');
  await other.locator('form button[type="submit"]').click();
  await signIn(other, invited, 'invited passphrase');
  await expect(other.locator('.organisation h3')).toHaveText(orgName);

  // They leave again; the first member is the last one and cannot.
  await other.getByRole('button', { name: 'Leave this organisation' }).click();
  await expect(other.locator('.organisation')).toHaveCount(0);
  await page.goto('/en/dashboard');
  await expect(page.locator('.member-list li')).toHaveCount(1);
  await page.getByRole('button', { name: 'Leave this organisation' }).click();
  await expect(page.locator('.form-error')).toContainText('An organisation needs at least one member');
  await other.context().close();
  await admin.context().close();
});

test('the place form finds a Prague address; with JavaScript a pin sets the coordinates', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const admin = await staffPage(browser, jsEnabled(testInfo));
  await registerNgo(page, admin, `pin-${stamp}@example.org`, 'our long passphrase', `Spolek ${stamp}`);
  await page.getByRole('link', { name: 'Propose a new place' }).click();
  await page.locator('#f-name').fill(`Poradna ${stamp}`);
  await page.locator('#f-address').fill('Vodičkova 681/18, Praha 1');
  await page.getByRole('button', { name: 'Find the address on the map' }).click();
  await expect(page.locator('#locate-result')).toContainText('Prague address register (Praha 1)');
  await expect(page.locator('#f-lat')).toHaveValue('50.079437');
  await expect(page.locator('#f-lon')).toHaveValue('14.422764');
  await expect(page.locator('#f-name')).toHaveValue(`Poradna ${stamp}`);
  // (Without JavaScript the audit reloads the address, which was a POST.)
  if (jsEnabled(testInfo)) await audit(page, testInfo, 'place form after address lookup');

  const pinMap = page.locator('#wk-pin-map');
  if (jsEnabled(testInfo)) {
    // Tiles are blocked here: the pin still works on the empty map.
    await expect(pinMap).toHaveClass(/map-ready/);
    await expect(pinMap.locator('.leaflet-marker-icon')).toHaveCount(1);
    const box = await pinMap.boundingBox();
    if (!box) throw new Error('pin map has no box');
    // Below and left of the found point (which is in the middle).
    await pinMap.click({ position: { x: box.width * 0.3, y: box.height * 0.7 } });
    await expect(page.locator('#f-lat')).not.toHaveValue('50.079437');
    const lat = Number(await page.locator('#f-lat').inputValue());
    const lon = Number(await page.locator('#f-lon').inputValue());
    expect(lat).toBeLessThan(50.079437);
    expect(lon).toBeLessThan(14.422764);
  } else {
    // Without JavaScript there is no map box, only the fields.
    await expect(pinMap).toBeHidden();
  }
  await admin.context().close();
});

test('a moderator edits a place directly, reads its history, and filters the queue', async ({ page, browser }, testInfo) => {
  test.slow();
  await signInAsAdmin(page);
  // A place of its own per project: the projects may run side by side.
  const placeUrl = jsEnabled(testInfo) ? '/en/prague/places/oamp-praha-2-chodov' : '/en/prague/places/prague-12-district-office';
  await page.goto(placeUrl);
  await page.getByRole('link', { name: 'Edit this place' }).click();
  await expect(page.locator('h1')).toHaveText('Edit a place');
  const hours = `Closed on 24 December (${testInfo.project.name})`;
  await page.locator('#f-hours_text').fill(hours);
  await page.locator('#f-note').fill('Checked with the library by phone');
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(page).toHaveURL(new RegExp(`${placeUrl}\\?edited=1$`));
  await expect(page.locator('.moderation-box [role="status"]')).toContainText('Saved and published');
  await expect(page.locator('.published-hours')).toContainText(hours);

  await page.getByRole('link', { name: 'History' }).click();
  const latest = page.locator('ol.audit-log li.audit-entry').first();
  await expect(latest).toContainText('Edited by a moderator');
  await expect(latest).toContainText(hours);
  await expect(latest).toContainText('Checked with the library by phone');

  // The queue's filters narrow what is shown: a new NGO proposes a place
  // and an event (both just sent, so waiting less than two days).
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const ngo = await (await browser.newContext()).newPage();
  await registerNgo(ngo, page, `queue-${stamp}@example.org`, 'our long passphrase', `Fronta ${stamp}`);
  await ngo.goto('/en/dashboard/places/new');
  const organisation = await ngo.locator('[name="organisation"]').first().inputValue();
  const placeName = `Poradna ${stamp}`;
  const eventTitle = `Kavárna ${stamp}`;
  expect(await postForm(ngo, '/en/dashboard/places/submit', {
    organisation, name: placeName, category: 'ngo', address: 'Vodičkova 681/18, Praha 1',
  })).toBe(303);
  expect(await postForm(ngo, '/en/dashboard/events/submit', {
    organisation, title: eventTitle, category: 'conversation_club', address: 'Vodičkova 681/18, Praha 1',
    date: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10), time: '18:00', end_time: '20:00', repeat: 'weekly',
  })).toBe(303);
  await ngo.context().close();

  const shown = (name: string) => page.locator('article.change', { hasText: name });
  const apply = async (kind: string, age: string) => {
    await page.locator('#q-kind').selectOption(kind);
    await page.locator('#q-age').selectOption(age);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
  };
  await page.goto('/en/moderation');
  await expect(shown(placeName)).toHaveCount(1);
  await expect(shown(eventTitle)).toHaveCount(1);
  await apply('place', '');
  await expect(shown(placeName)).toHaveCount(1);
  await expect(shown(eventTitle)).toHaveCount(0);
  await expect(page.locator('#q-kind')).toHaveValue('place');
  await apply('event', '');
  await expect(shown(eventTitle)).toHaveCount(1);
  await expect(shown(placeName)).toHaveCount(0);
  await apply('event', '2');
  await expect(shown(eventTitle)).toHaveCount(0);
  await expect(page.locator('#q-age')).toHaveValue('2');
});
