import { test, expect, jsEnabled, openMenu } from './fixtures';
import { audit } from './axe';
import { registerNgo, staffPage, fillForm } from './helpers';

// Community groups, on a phone, with and without JavaScript: a newcomer
// finds the groups of their language (and is told plainly when there is
// none); a group registers, proposes its profile (a wrong link is explained
// at its field and what was typed stays), and it is public only once the
// city approves it. axe on the public page and on the form.

test('a newcomer finds community groups by language', async ({ page }, testInfo) => {
  await page.goto('/en/prague');
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Welcome Kit' }).getByRole('link', { name: 'Communities' }).click();
  await expect(page).toHaveURL(/\/en\/prague\/communities$/);
  await expect(page.locator('h1')).toHaveText('Community groups in Prague');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Community groups in Prague');
  // The demo's Vietnamese association (from a cited source) is under Vietnamese.
  const vi = page.locator('section#lang-vi');
  await expect(vi.locator('h2')).toHaveText('Vietnamese');
  await expect(vi.locator('.group-card')).toContainText('Hội người Việt Nam tại Séc');
  await expect(vi.locator('.sources a')).toHaveAttribute('rel', /nofollow/);

  // A language no group uses: said plainly.
  await page.getByLabel('Language used').selectOption('ar');
  await page.getByRole('button', { name: 'Show groups' }).click();
  await expect(page).toHaveURL(/lang_used=ar/);
  await expect(page.locator('section#lang-ar .empty')).toHaveText('No community group using Arabic is listed in Prague yet.');
  await expect(page.locator('.group-card')).toHaveCount(0);
  await expect(page.getByLabel('Language used')).toHaveValue('ar');

  // In Ukrainian, the page and the language names are translated.
  await page.goto('/uk/prague/communities?lang_used=vi');
  await expect(page.locator('h1')).toHaveText('Громади – Прага');
  await expect(page.locator('section#lang-vi h2')).toHaveText('в’єтнамська');
});

test('a community group proposes its profile; it is public once approved', async ({ page, browser }, testInfo) => {
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `group-${stamp}@example.org`;
  const password = 'our long passphrase';
  const name = `Hromada ${stamp}`;
  const admin = await staffPage(browser, testInfo.project.use.javaScriptEnabled !== false);
  await registerNgo(page, admin, email, password, name, 'community_group');

  await page.getByRole('link', { name: 'Edit the group profile' }).click();
  await expect(page.locator('h1')).toHaveText('Group profile');
  await audit(page, testInfo, 'group profile form');
  await page.getByRole('checkbox', { name: 'Ukrainian' }).check();
  await page.getByRole('checkbox', { name: 'Russian' }).check();
  await fillForm(page, {
    description: 'Ukrainian families in Prague 4: a Sunday school and help with papers.',
    channel_kind_0: 'telegram',
    channel_value_0: 'http://t.me/hromada',
    channel_kind_1: 'meeting_place',
    channel_value_1: 'Novodvorská community centre, Sundays 15:00',
  });
  await page.getByRole('button', { name: 'Send for review' }).click();

  // Refused: the message at the link, everything typed still there.
  await expect(page.locator('#f-channel_value_0-error')).toHaveText('Enter a full link starting with https://, for example https://t.me/ourgroup.');
  await expect(page.locator('#f-channel_value_0')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-channel_value_0')).toHaveAttribute('aria-describedby', /f-channel_value_0-error/);
  await expect(page.locator('#f-channel_value_0')).toHaveValue('http://t.me/hromada');
  await expect(page.locator('#f-channel_kind_0')).toHaveValue('telegram');
  await expect(page.locator('#f-channel_value_1')).toHaveValue('Novodvorská community centre, Sundays 15:00');
  await expect(page.getByRole('checkbox', { name: 'Russian' })).toBeChecked();
  await expect(page.locator('#f-description')).toHaveValue(/Sunday school/);
  // The refused form is the answer to a POST, which the no-JS axe copy
  // cannot open again (it re-GETs the address); its markup is the same
  // server-rendered HTML with JavaScript on.
  if (jsEnabled(testInfo)) await audit(page, testInfo, 'group profile form with errors');

  await page.locator('#f-channel_value_0').fill('https://t.me/hromada');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page).toHaveURL(/\/en\/dashboard\?group=\d+#group-\d+$/);
  const status = page.locator('.group-profile-status');
  await expect(status.locator('.notice')).toBeVisible();
  await expect(status.locator('.group-state')).toHaveText('Waiting for review');

  // Not public yet.
  await page.goto('/en/prague/communities?lang_used=uk');
  await expect(page.locator('.group-card', { hasText: name })).toHaveCount(0);

  // The city verifies the group and approves the profile.
  await admin.goto('/en/moderation');
  await admin.locator('article.organisation', { hasText: name }).getByRole('button', { name: 'Verify' }).click();
  const proposal = admin.locator('article.group-proposal', { hasText: name });
  await expect(proposal.locator('tr[data-field="channels"] td.new')).toContainText('https://t.me/hromada');
  await proposal.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(admin.locator('article.group-proposal', { hasText: name })).toHaveCount(0);

  // Public under both its languages, the channel as an external link.
  await page.goto('/en/prague/communities');
  for (const lang of ['uk', 'ru']) {
    const card = page.locator(`section#lang-${lang} .group-card`, { hasText: name });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('link', { name: 't.me/hromada' })).toHaveAttribute('href', 'https://t.me/hromada');
    await expect(card.getByRole('link', { name: 't.me/hromada' })).toHaveAttribute('rel', 'external noopener nofollow ugc');
    await expect(card.locator('.meeting-place')).toContainText('Novodvorská community centre, Sundays 15:00');
  }
  await page.goto('/en/dashboard');
  await expect(page.locator('.group-profile-status .group-state')).toHaveText('Approved');
  await admin.context().close();
});
