import type { Page, TestInfo } from '@playwright/test';
import { test, expect, hydrated } from './fixtures';
import { violations, type Violation } from './axe';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './admin';
import { registerNgo, signIn, staffPage } from './helpers';

// axe-core (WCAG 2.2 A and AA) on every public page, the dashboard pages and
// the moderation pages, in English and in Arabic (right-to-left), at 360 px
// and at desktop width. The phone-js and phone-nojs projects run it with
// JavaScript on and off. Each test reports every violation it met, not only
// the first.

const LANGS = ['en', 'ar'];
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

type Target = { name: string; path: string; status?: number };

async function sweep(page: Page, testInfo: TestInfo, targets: Target[]) {
  const found: { page: string; violations: Violation[] }[] = [];
  for (const t of targets) {
    for (const lang of LANGS) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const url = `/${lang}${t.path}`;
        const resp = await page.goto(url);
        expect(resp?.status(), url).toBe(t.status ?? 200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await hydrated(page, testInfo);
        const v = await violations(page, testInfo, `${t.name} ${lang} ${size.width}px`);
        if (v.length) found.push({ page: `${url} at ${size.width}px`, violations: v });
      }
    }
  }
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}

/** The path (without the language) of the first link under `prefix` on `listPath`. */
async function firstLink(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(`/en${listPath}`);
  const href = await page.locator(`main a[href^="/en${prefix}"]`).first().getAttribute('href');
  if (!href) throw new Error(`no link to ${prefix} on ${listPath}`);
  return href.replace(/^\/en/, '');
}

const PUBLIC: Target[] = [
  { name: 'start page', path: '/?choose=1' },
  { name: 'city page', path: '/prague' },
  { name: 'city map view', path: '/prague?view=map' },
  { name: 'city page with filters', path: '/kosice?q=library&open_now=1' },
  { name: 'place page', path: '/prague/places/oamp-praha-1' },
  { name: 'stories', path: '/prague/stories' },
  { name: 'events', path: '/prague/events' },
  { name: 'volunteering', path: '/prague/volunteering' },
  { name: 'communities', path: '/prague/communities' },
  { name: 'about', path: '/about' },
  { name: 'not found', path: '/prague/places/no-such-place', status: 404 },
  { name: 'registration', path: '/account/register' },
  { name: 'registered', path: '/account/registered' },
  { name: 'sign-in', path: '/account/login' },
  { name: 'password reset', path: '/account/reset' },
  { name: 'new password without a link', path: '/account/reset/confirm' },
  { name: 'address confirmation without a link', path: '/account/verify' },
  { name: 'withdraw interest without a link', path: '/volunteering/withdraw' },
];

for (const t of PUBLIC) {
  test(`axe, en + ar, 360 px + desktop: ${t.name}`, async ({ page }, testInfo) => {
    test.slow();
    await sweep(page, testInfo, [t]);
  });
}

test('axe, en + ar, 360 px + desktop: a story, an event and an opportunity', async ({ page }, testInfo) => {
  test.slow();
  const targets = [
    { name: 'story', path: await firstLink(page, '/prague/stories', '/prague/stories/') },
    { name: 'event', path: await firstLink(page, '/prague/events', '/prague/events/') },
    { name: 'opportunity', path: await firstLink(page, '/prague/volunteering', '/prague/volunteering/') },
  ];
  await sweep(page, testInfo, targets);
});

test('axe, en + ar, 360 px + desktop: an NGO\'s dashboard and forms', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  // The admin only reads the confirmation link from the outbox.
  const admin = await staffPage(browser, true);
  const email = `axe-${testInfo.project.name}@example.org`;
  await registerNgo(page, admin, email, 'axe ngo passphrase', `Axe Spolek ${testInfo.project.name}`);
  await admin.context().close();
  await sweep(page, testInfo, [
    { name: 'dashboard', path: '/dashboard' },
    { name: 'place form', path: '/dashboard/places/new' },
    { name: 'event form', path: '/dashboard/events/new' },
    { name: 'opportunity form', path: '/dashboard/opportunities/new' },
  ]);
});

test('axe, en + ar, 360 px + desktop: moderation and admin pages', async ({ page: admin }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const edit = async (path: string, name: RegExp) => {
    await admin.goto(`/en${path}`);
    const href = await admin.getByRole('link', { name }).first().getAttribute('href');
    if (!href) throw new Error(`no edit link on ${path}`);
    return href.replace(/^\/en/, '');
  };
  const event = await firstLink(admin, '/prague/events', '/prague/events/');
  const opportunity = await firstLink(admin, '/prague/volunteering', '/prague/volunteering/');
  await sweep(admin, testInfo, [
    { name: 'moderation queue', path: '/moderation' },
    { name: 'outbox', path: '/admin/outbox' },
    { name: 'place edit form', path: await edit('/prague/places/oamp-praha-1', /Edit this place/) },
    { name: 'event edit form', path: await edit(event, /Edit this event/) },
    { name: 'opportunity edit form', path: await edit(opportunity, /Edit this opportunity/) },
    { name: 'place history', path: await edit('/prague/places/oamp-praha-1', /History/) },
  ]);
});
