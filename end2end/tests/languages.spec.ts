import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, hydrated, jsEnabled } from './fixtures';
import { audit } from './axe';

// Issue 6: the seven interface languages, right-to-left Arabic, dates and
// numbers written per language, hreflang alternates.

const languages = [
  { code: 'sk', name: 'Slovenčina', dir: 'ltr', city: 'Praha', script: /[a-záäčďéíĺľňóôŕšťúýž]/i },
  { code: 'ru', name: 'Русский', dir: 'ltr', city: 'Прага', script: /[\u0400-\u04FF]/ },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', city: 'Praha', script: /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i },
  { code: 'ar', name: 'العربية', dir: 'rtl', city: 'براغ', script: /[\u0600-\u06FF]/ },
];

for (const l of languages) {
  test(`the city page in ${l.code}: lang, dir, translated interface, switcher in its own language`, async ({ page }) => {
    await page.goto(`/${l.code}/prague`);
    await expect(page.locator('html')).toHaveAttribute('lang', l.code);
    await expect(page.locator('html')).toHaveAttribute('dir', l.dir);
    await expect(page.locator('h1')).toHaveText(l.city);
    const heading = (await page.locator('#results-heading').textContent()) ?? '';
    expect(heading).toMatch(l.script);
    expect(heading).not.toMatch(/places? found/);
    await expect(page.locator('.skip-link')).toHaveText(l.script);
    await expect(page.locator('form.filters button[type="submit"]')).toHaveText(l.script);
    const link = page.locator(`nav.lang-switcher a[hreflang="${l.code}"]`);
    await expect(link).toHaveText(l.name);
    await expect(link).toHaveAttribute('aria-current', 'true');
    // Every language is offered (one per file), each by its own name.
    const files = readdirSync(join(__dirname, '../../app/locales')).filter((f) => f.endsWith('.json'));
    await expect(page.locator('nav.lang-switcher a')).toHaveCount(files.length);
  });
}

test('every page names its versions in the other languages (hreflang alternates)', async ({ page }) => {
  await page.goto('/vi/prague/events?category=festival');
  const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('hreflang'), e.getAttribute('href')]));
  const byLang = new Map(alternates.map(([h, href]) => [h, href ?? '']));
  for (const code of ['en', 'cs', 'sk', 'uk', 'ru', 'vi', 'ar']) {
    expect(byLang.get(code), `alternate for ${code}`).toMatch(new RegExp(`^https?://[^/]+/${code}/prague/events\\?category=festival$`));
  }
  expect(byLang.get('x-default')).toMatch(/^https?:\/\/[^/]+\/prague\/events\?category=festival$/);
});

test('dates and times are written the way each language writes them', async ({ page }) => {
  const range = 'when=range&from=2026-12-01&to=2026-12-31';
  const times = () => page.locator('.event-card .event-time time').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  await page.goto(`/en/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText('Dec 1, 2026');
  expect((await times()).some((t) => /\d:\d\d\s?[AP]M/.test(t)), 'English shows 12-hour times').toBe(true);
  await page.goto(`/cs/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText('1. 12. 2026');
  const cs = await times();
  expect(cs.some((t) => /\d\d:\d\d/.test(t)), 'Czech shows 24-hour times').toBe(true);
  expect(cs.some((t) => /[AP]M/.test(t))).toBe(false);
  await page.goto(`/uk/prague/events?${range}`);
  await expect(page.locator('#events-heading')).toContainText(/1 груд\. 2026/);
  await page.goto(`/ar/prague/events?${range}`);
  // CLDR's Arabic date: day/month/year with right-to-left marks (U+200F),
  // and the count in Arabic's "few" plural form (3 to 10).
  await expect(page.locator('#events-heading')).toContainText(/01\u200f\/12\u200f\/2026/);
  await expect(page.locator('#events-heading')).not.toContainText('Dec');
  // The count in the plural form CLDR gives Arabic for it, for two views
  // with different counts (no other spec adds language courses).
  const arabic = JSON.parse(readFileSync(join(__dirname, '../../app/locales/ar.json'), 'utf8')) as Record<string, string>;
  const rules = new Intl.PluralRules('ar');
  const forms = new Set<string>();
  for (const [from, to] of [['2026-12-01', '2026-12-31'], ['2026-12-07', '2026-12-08']]) {
    const api = await page.request.get(`/api/v1/events?city=prague&category=language_course&from=${from}&to=${to}`);
    const total = ((await api.json()) as { total: number }).total;
    const form = rules.select(total);
    forms.add(form);
    const expected = arabic[`events_count_${form}`].replace('{{ count }}', String(total));
    await page.goto(`/ar/prague/events?when=range&from=${from}&to=${to}&category=language_course`);
    await expect(page.locator('#events-heading')).toContainText(expected);
  }
  expect(forms.size, `two plural forms checked: ${[...forms]}`).toBe(2);
});

test('Arabic mirrors the layout: the header starts on the right', async ({ page }) => {
  await page.goto('/ar/prague');
  const width = page.viewportSize()?.width ?? 360;
  const brand = await page.locator('.site-header .brand').boundingBox();
  expect(brand).not.toBeNull();
  // The brand sits against the right edge, as the first item of a right-to-left line.
  expect(brand!.x + brand!.width).toBeGreaterThan(width * 0.6);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('Arabic: the map keeps its markers and its zoom buttons work', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the map needs JavaScript; the list (checked above) is the no-JS equivalent');
  await page.goto('/ar/prague?view=map');
  await hydrated(page, testInfo);
  await expect(page.locator('#wk-map')).toHaveClass(/map-ready/, { timeout: 20_000 });
  const marker = page.locator('#wk-map .leaflet-marker-icon').first();
  await expect(marker).toBeVisible();
  const before = await marker.boundingBox();
  const zoomIn = page.locator('#wk-map .leaflet-control-zoom-in');
  await expect(zoomIn).toHaveAttribute('title', /[\u0600-\u06FF]/);
  await zoomIn.click();
  await expect.poll(async () => JSON.stringify(await page.locator('#wk-map .leaflet-marker-icon').first().boundingBox()))
    .not.toBe(JSON.stringify(before));
  await expect(page.locator('#wk-map .leaflet-marker-icon').first()).toBeAttached();
});

test('a description not yet translated says so and links the languages it is in', async ({ page }, testInfo) => {
  await page.goto('/ru/prague/places/oamp-praha-1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // The English source, marked as English, with a note in Russian.
  await expect(page.locator('p.description')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.fallback-note')).toHaveText(/[\u0400-\u04FF]/);
  const czech = page.locator('.text-languages a[hreflang="cs"]');
  await expect(czech).toHaveText('Čeština');
  await audit(page, testInfo, 'place page with a fallback text');
  await czech.click();
  await expect(page).toHaveURL(/\/cs\/prague\/places\/oamp-praha-1$/);
  await expect(page.locator('p.description')).toHaveAttribute('lang', 'cs');
  await expect(page.locator('.fallback-note')).toHaveCount(0);
});

// Arabic pages are audited in axe-matrix.spec.ts; here one page in each of
// the other new languages.
const otherPages = [
  { name: 'city page in Vietnamese', path: '/vi/kosice' },
  { name: 'events in Russian', path: '/ru/kosice/events' },
  { name: 'volunteering in Slovak', path: '/sk/kosice/volunteering' },
];

for (const p of otherPages) {
  test(`axe: no WCAG 2.2 AA violations on the ${p.name} (${p.path})`, async ({ page }, testInfo) => {
    await page.goto(p.path);
    await expect(page.locator('html')).toHaveAttribute('lang', p.path.split('/')[1]);
    await hydrated(page, testInfo);
    await audit(page, testInfo, p.name);
  });
}
