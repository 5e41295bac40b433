/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core):
 * the matrix, filters and counts, jumping from a finding to its span, keyboard
 * use, and a hostile page that must run nothing. Also writes reports/screenshot.png
 * (committed, shown in the README).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { REFERENCE, ROOT } from './helpers/engine.js';

/** Copies the seed pages (plus extra files) into a temp project and runs `check` there; returns the report.html path. */
function buildReport(extra: Record<string, string> = {}, seeds = readdirSync(join(ROOT, 'sources'))): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-html-'));
  mkdirSync(join(dir, 'sources'));
  for (const name of seeds) copyFileSync(join(ROOT, 'sources', name), join(dir, 'sources', name));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, 'sources', name), text);
  const run = runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', 'reports', '--claims-dir', 'claims'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return join(dir, 'reports', 'report.html');
}

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  /** Non-file requests that completed (a CSP-blocked one fails instead, listed in `blocked`). */
  requests: string[];
  blocked: string[];
}

async function open(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const w: Watched = { page, dialogs: [], errors: [], requests: [], blocked: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (err) => w.errors.push(`pageerror: ${err.message}`));
  page.on('requestfinished', (r) => {
    if (!r.url().startsWith('file:')) w.requests.push(r.url());
  });
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith('file:')) w.blocked.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  await page.goto(pathToFileURL(file).href);
  return w;
}

const visibleCards = (page: Page) => page.locator('.card:visible').count();

describe('the HTML report in Chromium', () => {
  let browser: Browser;
  let seedsHtml: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    seedsHtml = buildReport();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the 4 mm vs 6 mm needle-length disagreement in the consensus matrix, with the quote on focus', async () => {
    const { page, errors } = await open(browser, seedsHtml);
    const row = page.locator('#matrix-table tr[data-attribute="needle.length"]');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getAttribute('class')).resolves.toContain('disagree');
    await expect(row.locator('th').innerText()).resolves.toMatch(/Needle length/);
    const six = row.locator('a.v-contradicted', { hasText: '6 mm' });
    const four = row.locator('a.v-supported', { hasText: '4 mm' });
    await expect(six.count()).resolves.toBe(1);
    await expect(four.count()).resolves.toBe(1);
    // Colour is not the only signal: the symbols and a spoken verdict are in the text.
    await expect(six.innerText()).resolves.toMatch(/✗/);
    await expect(six.locator('.sr').textContent()).resolves.toMatch(/contradicted/);
    // The reference column says what the evidence holds.
    await expect(row.locator('td.ref').innerText()).resolves.toMatch(/4 mm/);
    // The quote appears on keyboard focus, and the link leads to the span in the page view.
    const tip = page.locator(`#${await six.getAttribute('aria-describedby')}`);
    await expect(tip.isVisible()).resolves.toBe(false);
    await six.focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.innerText()).resolves.toMatch(/6 mm.*sources\/mesotherapy-en\.md:27:36/s);
    await six.click();
    const target = (await six.getAttribute('href'))!.slice(1);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(target);
    await expect(page.locator(`#${target}`).innerText()).resolves.toMatch(/6 mm/);
    // The numbers chart draws both pages against the reference's 4 mm and 13 mm lines.
    const chart = page.locator('#numbers figure', { hasText: 'Needle length' });
    await expect(chart.locator('svg desc').textContent()).resolves.toMatch(/mesotherapy-en: 6 mm \(contradicted\).*san-magno-mesoterapia: 4 mm \(supported\)/);
    await expect(chart.locator('line.refline').count()).resolves.toBe(2);
    expect(errors).toEqual([]);
  });

  it('filters change the visible cards and the counts', async () => {
    const { page, errors } = await open(browser, seedsHtml);
    const total = await page.locator('.card').count();
    expect(total).toBeGreaterThan(20);
    await expect(visibleCards(page)).resolves.toBe(total);
    await expect(page.locator('#shown').innerText()).resolves.toMatch(new RegExp(`Showing ${total} of ${total} findings`));

    await page.getByLabel('info (', { exact: false }).uncheck();
    const withoutInfo = await visibleCards(page);
    expect(withoutInfo).toBeLessThan(total);
    await expect(page.locator('.card[data-severity="info"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('#shown').innerText()).resolves.toMatch(new RegExp(`Showing ${withoutInfo} of ${total} findings: \\d+ errors, \\d+ warnings, 0 info`));

    await page.selectOption('#f-rule', 'contradicts-reference');
    const rules = await page.locator('.card:visible').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.rule));
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['contradicts-reference']));

    await page.selectOption('#f-rule', '');
    await page.selectOption('#f-source', 'mesotherapy-en');
    const sources = await page.locator('.card:visible').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.source));
    expect(new Set(sources)).toEqual(new Set(['mesotherapy-en']));

    await page.selectOption('#f-source', '');
    await page.selectOption('#f-language', 'en');
    await expect(page.locator('.card[data-lang="it"]:visible').count()).resolves.toBe(0);

    await page.selectOption('#f-language', '');
    await page.fill('#f-q', 'tossine');
    const found = await visibleCards(page);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(withoutInfo);
    await expect(page.locator('.card:visible blockquote').first().innerText()).resolves.toMatch(/tossine/);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => visibleCards(page)).toBe(total);
    expect(errors).toEqual([]);
  });

  it('clicking a finding scrolls to its span in the page view and focuses it', async () => {
    const { page } = await open(browser, seedsHtml, { width: 1280, height: 700 });
    const card = page.locator('.card[data-rule="contradicts-reference"][data-source="lampreda-cellulite"]').first();
    const link = card.locator('a.goto');
    const target = (await link.getAttribute('href'))!.slice(1);
    const span = page.locator(`#${target}`);
    await expect(span.evaluate((el) => el.tagName)).resolves.toBe('MARK');
    const inView = () => span.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await expect(inView()).resolves.toBe(false);
    await link.click();
    await expect.poll(inView).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(target);
    await expect(span.innerText()).resolves.toBe(await card.locator('blockquote').innerText());
    await expect(span.getAttribute('class')).resolves.toContain('v-contradicted');
  });

  it('is operable with the keyboard: Tab reaches the filters and the cards, Space and Enter work them', async () => {
    const { page } = await open(browser, seedsHtml);
    const total = await page.locator('.card').count();
    const tabTo = async (test: string) => {
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, test)) return true;
      }
      return false;
    };
    // The first Tab stop is the skip link.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the report');
    await expect(tabTo('input[name="severity"][value="info"]')).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => visibleCards(page)).toBeLessThan(total);
    await expect(tabTo('#f-q')).resolves.toBe(true);
    await page.keyboard.type('6 mm');
    await expect.poll(() => visibleCards(page)).toBeGreaterThan(0);
    await expect(tabTo('.card a.goto')).resolves.toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => `#${document.activeElement?.id}`)).resolves.toBe(href);
  });

  it('runs nothing from a hostile page, escapes it, and its policy blocks remote loads', async () => {
    const hostile = [
      '---',
      'id: hostile-page',
      `title: "Mesoterapia \\"><img src=x onerror=alert('title')>"`,
      `publisher: "</title><script>alert('publisher')</script>"`,
      'language: it',
      '---',
      '# Mesoterapia <script>alert(1)</script>',
      '',
      'Usiamo aghi da 6 mm <img src=x onerror=alert(2)> per la mesoterapia, che non ha effetti collaterali.',
      '',
      'Leggi [qui](javascript:alert(3)) e <a href="javascript:alert(4)" onclick="alert(5)">qui</a>.',
      '',
      '</style><script>alert(6)</script><style>body{display:none}</style>',
      '',
      `Sono necessarie 3-5 sedute " onmouseover="alert(7)" x=' onfocus='alert(8)'.`,
      '',
      '<svg onload=alert(9)></svg> <iframe src="https://example.com/x"></iframe> <link rel="stylesheet" href="https://example.com/s.css">',
      '',
    ].join('\n');
    // An unreadable page whose error message quotes hostile front matter.
    const badId = ['---', `id: "x\\" onmouseover=\\"alert(10)\\" <img src=x onerror=alert(11)>"`, 'language: it', '---', 'Aghi da 6 mm.', ''].join('\n');
    const file = buildReport({ 'hostile.md': hostile, 'bad-id.md': badId }, ['mesotherapy-en.md', 'san-magno-mesoterapia.md']);
    const w = await open(browser, file);
    const { page } = w;
    // Hover and focus everything a user could reach, then give handlers a moment.
    for (const sel of ['details.page:has-text("hostile-page") mark', '.card[data-source="hostile-page"] a', 'summary'])
      for (const el of (await page.locator(sel).all()).slice(0, 12)) await el.hover({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.blocked).toEqual([]);
    // The page's markup is text: nothing of it became an element.
    const counts = await page.evaluate(() => ({
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      img: document.querySelectorAll('img, iframe, link, object, embed').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')!),
      title: document.title,
    }));
    expect(counts).toMatchObject({ scripts: 1, styles: 1, img: 0, svgOnload: 0, handlers: 0 });
    expect(counts.hrefs.filter((h) => !/^(#[\w-]+|https:\/\/)/.test(h))).toEqual([]);
    expect(counts.title).not.toMatch(/<|script/);
    const pageView = await page.locator('details.page', { hasText: 'hostile-page' }).locator('.text').innerText();
    expect(pageView).toContain('<script>alert(1)</script>');
    expect(pageView).toContain('</style><script>alert(6)</script>');
    expect(pageView).toContain('[qui](javascript:alert(3))');
    await expect(page.locator('details.page', { hasText: 'hostile-page' }).locator('summary').innerText()).resolves.toContain(`"><img src=x onerror=alert('title')>`);
    await expect(page.locator('.card[data-rule="source-error"] h3').innerText()).resolves.toContain('<img src=x onerror=alert(11)>');
    // The hostile page's claims are still found and highlighted.
    await expect(page.locator('.card[data-source="hostile-page"][data-rule="contradicts-reference"]').count()).resolves.toBe(1);

    // The Content-Security-Policy: nothing remote, no inline code but the report's own.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const violations = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (ev) => seen.push(ev.violatedDirective));
          const img = document.createElement('img');
          img.src = 'https://example.com/pixel.png';
          document.body.append(img);
          const s = document.createElement('script');
          s.textContent = 'window.__ran = true';
          document.body.append(s);
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = 'https://example.com/s.css';
          document.head.append(link);
          setTimeout(() => resolve(seen.sort()), 500);
        }),
    );
    expect(violations).toEqual(expect.arrayContaining(['img-src', 'script-src-elem', 'style-src-elem']));
    await expect(page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).resolves.toBeUndefined();
    expect(w.requests).toEqual([]);
    // Chromium reports each refused load as failed with reason "csp"; none completed.
    expect(w.blocked.sort()).toEqual(['https://example.com/pixel.png csp', 'https://example.com/s.css csp']);
    expect(w.dialogs).toEqual([]);
  });

  it('keeps text contrast at AA (4.5:1) for verdict badges, marks, cards and links', async () => {
    const { page } = await open(browser, seedsHtml);
    await page.locator('.cellv a').first().focus(); // show one tooltip too
    const low = await page.evaluate(() => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const els = document.querySelectorAll('.v, mark, .badge, .tip, a, .card p, .card dd, .ev-status, .meta, td, th, label, legend, #shown');
      for (const el of Array.from(els)) {
        if (!(el as HTMLElement).offsetParent && getComputedStyle(el).position !== 'fixed') continue;
        const fg = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(low).toEqual([]);
  });

  it('prints every finding and page: no filters, hidden cards shown, pages opened', async () => {
    const { page } = await open(browser, seedsHtml);
    await page.getByLabel('info (', { exact: false }).uncheck();
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = false;
      window.dispatchEvent(new Event('beforeprint'));
    });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('form.filters').isVisible()).resolves.toBe(false);
    await expect(visibleCards(page)).resolves.toBe(await page.locator('.card').count());
    await expect(page.locator('details.page:not([open])').count()).resolves.toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes reports/screenshot.png for the README', async () => {
    const { page } = await open(browser, seedsHtml, { width: 1280, height: 900 });
    const shot = await page.screenshot({ path: join(ROOT, 'reports', 'screenshot.png') });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(shot.length).toBeGreaterThan(20_000);
  });
});
