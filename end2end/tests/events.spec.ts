import { test, expect, jsEnabled } from './fixtures';
import { audit } from './axe';

// A newcomer in Košice looks for events they can join without Slovak, in
// Ukrainian; opens one, downloads it for their calendar; the directory and
// the event page pass axe. With and without JavaScript, on a phone.

test('filter "no Slovak needed" (the city\'s language) + Ukrainian, open an event, download its .ics', async ({ page }, testInfo) => {
  await page.goto('/en/kosice/events');
  await expect(page.locator('h1')).toHaveText('Events in Košice');
  // The filters beyond the dates are folded on a phone.
  await expect(page.getByLabel('No Slovak needed')).toBeHidden();
  await page.locator('.more-filters summary').click();
  await page.getByLabel('No Slovak needed').check();
  await page.locator('#e-lang').selectOption('uk');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/no_czech=true/);
  await expect(page).toHaveURL(/lang=uk/);
  const cards = page.locator('.event-card');
  await expect(cards.first()).toBeVisible();
  // Every listed event is held in Ukrainian and needs no Slovak.
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(count, 10); i++) {
    await expect(cards.nth(i).locator('.badges')).toContainText('No Slovak needed');
    await expect(cards.nth(i).locator('.langs')).toContainText('Ukrainian');
  }
  await cards.filter({ hasText: 'Counselling, housing and job help' }).first().getByRole('link').click();
  await expect(page.locator('h1')).toHaveText('Counselling, housing and job help (drop-in)');
  await expect(page.locator('.occurrences li')).toHaveCount(8);

  const link = page.getByRole('link', { name: 'Add to my calendar (.ics)' });
  const href = await link.getAttribute('href');
  expect(href).toContain('/calendar/kosice/integration-centre-drop-in');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const body = await response.text();
  expect(body).toContain('BEGIN:VEVENT');
  expect(body).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
  if (jsEnabled(testInfo)) {
    // A real download in the browser, with the event's file name.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('integration-centre-drop-in.ics');
  }
});

test('a cancelled date is marked and past examples keep their page', async ({ page }, testInfo) => {
  await page.goto('/en/prague/events?when=range&from=2026-12-01&to=2026-12-31&category=conversation_club');
  await expect(page.locator('#events-heading')).toContainText('3 dates');
  await expect(page.locator('.event-card.cancelled')).toHaveCount(1);
  await expect(page.locator('.event-card.cancelled')).toContainText('Cancelled');
  await page.goto('/en/prague/events/refufest-2021');
  await expect(page.locator('.notice')).toContainText('A past edition');
  await audit(page, testInfo, 'past event page');
});
