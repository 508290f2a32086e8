import { test, expect } from './fixtures';
import { audit } from './axe';
import { registerNgo, staffPage, fillForm } from './helpers';

// An NGO publishes an event and a volunteering opportunity through review,
// calls off one date at once, confirms the event is still correct (and a
// moderator marks it verified), and sees who would like to help. With and
// without JavaScript; axe on the new forms and the dashboard. The event is
// of a category no other spec counts: the specs share one database.

/** The date `daysAhead` days from now in Prague (the city's own day, as
 * the app keeps it), YYYY-MM-DD. */
function isoDate(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(d);
}

test('NGO proposes a weekly event, the city accepts it, the NGO calls off one date', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `events-${stamp}@example.org`;
  const password = 'our long passphrase';
  const title = `Language café ${stamp}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await registerNgo(page, admin, email, password, `Kavárna ${stamp}`);

  await page.getByRole('link', { name: 'Propose an event' }).first().click();
  await expect(page.locator('h1')).toHaveText('Propose an event');
  await fillForm(page, {
    title,
    category: 'sport',
    address: 'Vodičkova 5, Praha 1',
    time: '18:00',
    end_time: '20:00',
    repeat: 'weekly',
  });
  await page.getByRole('checkbox', { name: 'No Czech needed' }).check();
  // No date yet: told at the field, the rest kept.
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('#f-date-error')).toContainText('YYYY-MM-DD');
  await expect(page.locator('#f-title')).toHaveValue(title);
  await expect(page.locator('#f-repeat')).toHaveValue('weekly');
  const first = isoDate(2);
  await page.locator('#f-date').fill(first);
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);
  await expect(page.locator('.my-change', { hasText: title }).locator('.change-state')).toHaveText('Waiting for review');

  await admin.goto('/en/moderation');
  await admin.locator('article.organisation', { hasText: `Kavárna ${stamp}` }).getByRole('button', { name: 'Verify' }).click();
  const card = admin.locator('article.change', { hasText: title });
  await expect(card.locator('.change-kind')).toHaveText('Event');
  await expect(card.locator('tr[data-field="repeat"] td.new')).toHaveText('weekly');
  await card.getByRole('button', { name: 'Accept and publish' }).click();
  await expect(admin.locator('article.change', { hasText: title })).toHaveCount(0);

  // Public now, on the directory with "no Czech needed".
  await page.goto(`/en/prague/events?no_czech=true&q=${encodeURIComponent(stamp)}`);
  await expect(page.locator('.event-card', { hasText: title }).first()).toBeVisible();

  // The NGO calls off the first date from its dashboard, with a reason.
  await page.goto('/en/dashboard');
  await audit(page, testInfo, 'dashboard with events');
  const item = page.locator('.my-event', { hasText: title });
  await item.locator('select[name="date"]').selectOption(first);
  await item.locator('input[name="note"]').first().fill('Our room is not free');
  await item.getByRole('button', { name: 'Call off this date' }).click();
  await expect(page.locator('.my-event', { hasText: title }).locator('.called-off')).toBeVisible();
  await page.locator('.my-event', { hasText: title }).getByRole('link', { name: title }).click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('.occurrences li.cancelled').first()).toBeVisible();

  // The NGO says the event is still correct; the city's moderator marks it
  // verified from its page.
  const eventPath = new URL(page.url()).pathname;
  await page.goto('/en/dashboard');
  const mine = page.locator('.my-event', { hasText: title });
  await mine.getByRole('button', { name: 'still correct' }).click();
  await expect(page).toHaveURL(/dashboard\?confirmed=1$/);
  await expect(page.locator('.my-event', { hasText: title }).locator('.last-verified')).toHaveText(isoDate(0));
  await admin.goto(eventPath);
  await admin.getByRole('button', { name: 'Still correct: mark as verified today' }).click();
  await expect(admin).toHaveURL(/verified=1$/);
  await expect(admin.locator('.moderation-box .notice')).toHaveText('Marked as verified today.');
});

test('NGO lists an opportunity, a newcomer offers help, the NGO sees the request', async ({ page, browser }, testInfo) => {
  test.slow();
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `vol-${stamp}@example.org`;
  const password = 'our long passphrase';
  const title = `Homework club helpers ${stamp}`;
  const admin = await staffPage(browser, js);
  await registerNgo(page, admin, email, password, `Klub ${stamp}`);

  await page.getByRole('link', { name: 'Propose a volunteering opportunity' }).click();
  await fillForm(page, {
    title,
    audience: 'locals',
    location_kind: 'address',
    address: 'Vodičkova 5, Praha 1',
    schedule_kind: 'recurring',
    schedule_text: 'Wednesdays 15:00–17:00',
    contact: email,
  });
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/dashboard\?submitted=1$/);

  await admin.goto('/en/moderation');
  await admin.locator('article.organisation', { hasText: `Klub ${stamp}` }).getByRole('button', { name: 'Verify' }).click();
  await admin.locator('article.change', { hasText: title }).getByRole('button', { name: 'Accept and publish' }).click();
  await expect(admin.locator('article.change', { hasText: title })).toHaveCount(0);

  // A newcomer, in a context of their own, offers help.
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  const newcomer = await ctx.newPage();
  await newcomer.goto(`/en/prague/volunteering?q=${encodeURIComponent(stamp)}`);
  await newcomer.locator('.opportunity-card h3 a', { hasText: title }).click();
  await newcomer.locator('[name="name"]').fill('Nguyen Thi Lan');
  await newcomer.locator('[name="contact"]').fill('lan@example.org');
  await newcomer.locator('[name="consent"]').check();
  await newcomer.getByRole('button', { name: 'Send to the organisation' }).click();
  await expect(newcomer).toHaveURL(/volunteering\/withdraw\?token=/);

  await page.goto('/en/dashboard');
  const request = page.locator('.interest-request', { hasText: 'Nguyen Thi Lan' });
  await expect(request).toContainText('lan@example.org');
  await expect(request).toContainText(title);
  await ctx.close();
});
