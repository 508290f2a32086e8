import type { Browser, Page, TestInfo } from '@playwright/test';
import { test, expect, hydrated } from './fixtures';
import { isScripted, violationsWithAndWithoutJs, type Violation } from './axe';
import { registerNgo, signInAsAdmin, staffPage } from './helpers';

// axe-core (WCAG 2.2 A and AA) on every public page, the dashboard pages and
// the moderation pages, in English and in Arabic (right-to-left), at 360 px
// and at desktop width, with JavaScript on and off: the phone-js project
// opens each page and checks it as it is and as served without JavaScript
// (axe.ts; where the two are the same markup, once), so the other projects
// do not run this file (playwright.config.ts). Each test reports
// every violation it met, not only the first.

// English, and Arabic for right to left; one test per page and language,
// so that the two workers share the work evenly and a failure names both.
const LANGS = ['en', 'ar'];
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

type Target = { name: string; path: string; status?: number };

/** Checks `t` in `lang` at each width, and reports every violation met. */
async function sweep(page: Page, testInfo: TestInfo, lang: string, t: Target) {
  const found: { page: string; violations: Violation[] }[] = [];
  let scripted = true;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const url = `/${lang}${t.path}`;
    // A page without islands, map or <noscript> is static markup: at the
    // second width it is the same document, only the CSS differs, so it
    // is checked as resized. Pages that script themselves are opened
    // again at each width, as a visitor with that screen would.
    if (scripted) {
      const resp = await page.goto(url);
      expect(resp?.status(), url).toBe(t.status ?? 200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await hydrated(page, testInfo);
      scripted = await isScripted(page);
    }
    const v = await violationsWithAndWithoutJs(page, testInfo, `${t.name} ${lang} ${size.width}px`);
    if (v.length) found.push({ page: `${url} at ${size.width}px`, violations: v });
  }
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}

/** One test per language and entry of `list`, named `axe, {lang}, …: {label}`. */
function axeTests<T extends { name: string }>(
  list: T[],
  label: (t: T) => string,
  body: (page: Page, browser: Browser, testInfo: TestInfo, lang: string, t: T) => Promise<void>,
) {
  for (const lang of LANGS) {
    for (const t of list) {
      test(`axe, ${lang}, 360 px + desktop: ${label(t)}`, async ({ page, browser }, testInfo) => {
        test.slow();
        await body(page, browser, testInfo, lang, t);
      });
    }
  }
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
  { name: 'city page with historical records', path: '/prague?historical=true' },
  { name: 'city page filtered by a need', path: '/prague?need=legal' },
  { name: 'historical place page', path: '/prague/places/kacpu-assistance-centre-ukraine' },
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

axeTests(PUBLIC, (t) => t.name, (page, _b, testInfo, lang, t) => sweep(page, testInfo, lang, t));

const DETAILS: { name: string; list: string }[] = [
  { name: 'story', list: '/prague/stories' },
  { name: 'event', list: '/prague/events' },
  { name: 'opportunity', list: '/prague/volunteering' },
];

axeTests(DETAILS, (d) => `${d.name} page`, async (page, _b, testInfo, lang, d) =>
  sweep(page, testInfo, lang, { name: d.name, path: await firstLink(page, d.list, `${d.list}/`) }),
);

const NGO_PAGES: Target[] = [
  { name: 'dashboard', path: '/dashboard' },
  { name: 'place form', path: '/dashboard/places/new' },
  { name: 'event form', path: '/dashboard/events/new' },
  { name: 'opportunity form', path: '/dashboard/opportunities/new' },
];

axeTests(NGO_PAGES, (t) => `an NGO's ${t.name}`, async (page, browser, testInfo, lang, t) => {
  // The admin only reads the confirmation link from the outbox.
  const admin = await staffPage(browser, true);
  const who = `${testInfo.project.name}-${lang}-${t.name.replace(/\W+/g, '-')}`;
  await registerNgo(page, admin, `axe-${who}@example.org`, 'axe ngo passphrase', `Axe Spolek ${who}`);
  await admin.context().close();
  await sweep(page, testInfo, lang, t);
});

/** Where the first link named `name` on `path` leads (without the language). */
async function linkOn(page: Page, path: string, name: RegExp): Promise<string> {
  await page.goto(`/en${path}`);
  const href = await page.getByRole('link', { name }).first().getAttribute('href');
  if (!href) throw new Error(`no link ${name} on ${path}`);
  return href.replace(/^\/en/, '');
}

const STAFF_PAGES: { name: string; path: (admin: Page) => Promise<string> }[] = [
  { name: 'moderation queue', path: async () => '/moderation' },
  { name: 'outbox', path: async () => '/admin/outbox' },
  { name: 'place edit form', path: (a) => linkOn(a, '/prague/places/oamp-praha-1', /Edit this place/) },
  {
    name: 'event edit form',
    path: async (a) => linkOn(a, await firstLink(a, '/prague/events', '/prague/events/'), /Edit this event/),
  },
  {
    name: 'opportunity edit form',
    path: async (a) => linkOn(a, await firstLink(a, '/prague/volunteering', '/prague/volunteering/'), /Edit this opportunity/),
  },
  { name: 'place history', path: (a) => linkOn(a, '/prague/places/oamp-praha-1', /History/) },
];

axeTests(STAFF_PAGES, (t) => `staff's ${t.name}`, async (admin, _b, testInfo, lang, t) => {
  await signInAsAdmin(admin);
  await sweep(admin, testInfo, lang, { name: t.name, path: await t.path(admin) });
});
