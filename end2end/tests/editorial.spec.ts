import { test, expect } from './fixtures';
import { audit } from './axe';
import { staffPage, fillForm } from './helpers';

// The city's own editorial work in a browser: a moderator adds an event
// directly from the queue (published at once, owned by the city), and
// writes a story in the editor, which waits for someone else to review it.
// With and without JavaScript; axe on the editor.

test('the city adds an event directly from the queue', async ({ browser }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await admin.goto('/en/moderation?city=prague');
  await admin.getByRole('link', { name: 'Add an event' }).click();
  await expect(admin.locator('h1')).toHaveText('Add an event');
  const title = `City walk ${stamp}`;
  await fillForm(admin, {
    title: `Procházka ${stamp}`,
    title_en: title,
    category: 'city_walk',
    address: 'Staroměstské náměstí, Praha 1',
    time: '10:00',
    end_time: '12:00',
  });
  // No date: told at the field, the rest kept.
  await admin.getByRole('button', { name: 'Save and publish' }).click();
  await expect(admin.locator('#f-date-error')).toBeVisible();
  await expect(admin.locator('#f-title_en')).toHaveValue(title);
  await admin.locator('#f-date').fill('2027-04-10');
  await admin.getByRole('button', { name: 'Save and publish' }).click();
  await expect(admin.locator('h1')).toHaveText(title);
  await expect(admin).toHaveURL(/\/en\/prague\/events\//);
});

test('a moderator writes a story; it waits for someone else to review it', async ({ browser }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await admin.goto('/en/moderation?city=prague');
  await admin.getByRole('link', { name: 'Write a story' }).click();
  await expect(admin.locator('h1')).toHaveText('Write a story');
  await audit(admin, testInfo, 'story editor');
  const title = `Market days ${stamp}`;
  await fillForm(admin, {
    community: 'Vietnamese',
    title_en: title,
    summary_en: 'How a market became a meeting place.',
    body_en: 'First paragraph.\n\nSecond paragraph.',
  });
  // No source: told at the field, the text kept.
  await admin.getByRole('button', { name: 'Send for review' }).click();
  await expect(admin.locator('#f-source_url_0-error')).toContainText('at least one source');
  await expect(admin.locator('#f-title_en')).toHaveValue(title);
  await admin.locator('#f-source_title_0').fill('City archive');
  await admin.locator('#f-source_url_0').fill('archive.example.org/market');
  await admin.getByRole('button', { name: 'Send for review' }).click();
  await expect(admin.locator('.notice[role="status"]')).toContainText('waits for review');

  // Not public; in the queue, where its author may not publish it.
  const page = await browser.newPage();
  const slug = title.toLowerCase().replace(/ /g, '-');
  const resp = await page.goto(`/en/prague/stories/${slug}`);
  expect(resp?.status()).toBe(404);
  await admin.goto('/en/moderation');
  const card = admin.locator('article.story-draft', { hasText: title });
  await expect(card.locator('tr[data-field="sources"] td.new')).toContainText('https://archive.example.org/market');
  await card.getByRole('button', { name: 'Publish' }).click();
  await expect(admin.locator('article.story-draft', { hasText: title }).locator('.form-error'))
    .toContainText('someone else who moderates the city');
});
