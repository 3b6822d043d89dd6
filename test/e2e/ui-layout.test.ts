// How the UI looks in real Chromium: fully styled under `default-src 'self'`, equal weight
// measured from computed styles, no horizontal overflow on a phone or a laptop, mirrored
// for right-to-left, themable. Screenshots go to test-results/screenshots/ for a person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, type TestServer, useChromium } from './harness';
import { shopPage, waitForUI } from './ui-page';

const SHOTS = join(ROOT, 'test-results/screenshots');
const CSP = "default-src 'self'";

let server: TestServer;
let context: BrowserContext;
let page: Page;

useChromium((s) => ({ server, context, page } = s));
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});
beforeEach(async () => {
  await context.addInitScript(() => {
    const seen: string[] = ((window as any).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

async function open(html: string) {
  server.set('/shop.html', { body: html, headers: { 'content-security-policy': CSP } });
  await page.goto(server.origin + '/shop.html');
  await waitForUI(page);
}
const violations = () => page.evaluate(() => (window as any).__violations as string[]);
const style = (selector: string, ...names: string[]) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, names) => names.map((n) => getComputedStyle(el).getPropertyValue(n)), names);

describe(`under Content-Security-Policy: ${CSP}`, () => {
  it('renders the banner and the dialog fully styled, with no violation', async () => {
    await open(shopPage({ ui: { privacyPolicyUrl: '/privacy', reopenButton: true } }));
    expect(await style('[data-consentry-banner]', 'position', 'bottom', 'z-index')).toEqual([
      'fixed',
      '0px',
      '2147483600',
    ]);
    expect(await style('[data-consentry-banner] button', 'min-height', 'border-radius')).toEqual(['44px', '8px']);
    await page.locator('[data-consentry-action="preferences"]').first().click();
    await waitForUI(page, 'dialog');
    expect(await style('dialog', 'border-top-width', 'border-radius')).toEqual(['0px', '8px']);
    // The styles come from an adopted stylesheet: nothing inline, no <style> anywhere.
    expect(
      await page.evaluate(() => {
        const roots = [
          document,
          ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : [])),
        ];
        return roots.map((root) => root.querySelectorAll('style, [style]').length).reduce((a, b) => a + b, 0);
      }),
    ).toBe(0);
    await page.locator('dialog [data-consentry-action="save"]').click();
    await page.locator('consentry-reopen button').waitFor();
    expect(await style('consentry-reopen button', 'width', 'border-radius')).toEqual(['44px', '50%']);
    expect(await violations()).toEqual([]);
  });

  it('loads a translation file, styled, with no violation', async () => {
    await open(shopPage({ ui: { lang: 'de' } }, 'de'));
    expect(await page.locator('[data-consentry-banner] h2').textContent()).toBe('Cookies auf dieser Website');
    expect(await violations()).toEqual([]);
  });
});

describe('look', () => {
  it('gives the three choices equal weight: same size, colours and font', async () => {
    await open(shopPage());
    const props = [
      'width',
      'height',
      'color',
      'background-color',
      'font-size',
      'font-weight',
      'border-top-width',
      'padding-top',
    ];
    const [accept, reject, customize] = await Promise.all(
      ['accept-all', 'reject-all', 'preferences'].map((a) =>
        style(`[data-consentry-banner] [data-consentry-action="${a}"]`, ...props),
      ),
    );
    // Grid columns may differ by a fraction of a pixel.
    const rounded = (values: string[]) =>
      values.map((v) => (/^[\d.]+px$/.test(v) ? Math.round(parseFloat(v)) + 'px' : v));
    expect(rounded(reject!)).toEqual(rounded(accept!));
    expect(rounded(customize!)).toEqual(rounded(accept!));
    // And they are readable: text and background differ.
    expect(accept![2]).not.toBe(accept![3]);
  });

  it('follows prefers-color-scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(shopPage({ ui: { layout: 'box' } }));
    const dark = await style('[data-consentry-banner]', 'background-color');
    await page.screenshot({ path: join(SHOTS, 'banner-box-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await style('[data-consentry-banner]', 'background-color')).not.toEqual(dark);
  });

  it('nothing moves, so there is nothing to hold back under prefers-reduced-motion', async () => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await open(shopPage());
    await page.locator('[data-consentry-action="preferences"]').first().click();
    await waitForUI(page, 'dialog');
    await page.locator('input[data-consentry-category="analytics"]').click();
    await page.locator('dialog details').first().click();
    const moving = await page.evaluate(() => {
      const shadow = document.querySelector('consentry-ui')!.shadowRoot!;
      const all = [...shadow.querySelectorAll('*')];
      return {
        animations: document.getAnimations().length,
        styled: all.filter(
          (el) =>
            getComputedStyle(el).animationName != 'none' || parseFloat(getComputedStyle(el).transitionDuration) > 0,
        ).length,
      };
    });
    expect(moving).toEqual({ animations: 0, styled: 0 });
  });

  it('is themable with --consentry-* custom properties set on the page', async () => {
    const head = '<link rel="stylesheet" href="/theme.css">';
    server.set('/theme.css', {
      body: ':root{--consentry-accent:#7a1f5c;--consentry-radius:2px;--consentry-font:Georgia,serif}',
      type: 'text/css',
    });
    await open(shopPage({}, 'en', head));
    expect(await style('[data-consentry-banner] button', 'background-color', 'border-radius')).toEqual([
      'rgb(122, 31, 92)',
      '2px',
    ]);
    expect((await style('[data-consentry-banner]', 'font-family'))[0]).toContain('Georgia');
  });

  it('site CSS does not leak in', async () => {
    const head = '<link rel="stylesheet" href="/hostile.css">';
    server.set('/hostile.css', {
      body: 'button{background:red!important;display:none!important}h2{font-size:80px}*{color:lime}',
      type: 'text/css',
    });
    await open(shopPage({}, 'en', head));
    expect(await page.locator('[data-consentry-action="accept-all"]').isVisible()).toBe(true);
    expect(await style('[data-consentry-banner] h2', 'font-size')).toEqual(['18px']);
  });

  it('mirrors the layout for Arabic: the box sits in the other corner', async () => {
    await open(shopPage({ ui: { lang: 'ar', layout: 'box' } }, 'ar'));
    const box = (await page.locator('[data-consentry-banner]').boundingBox())!;
    const width = page.viewportSize()!.width;
    expect(box.x).toBeLessThan(width / 2);
    await page.screenshot({ path: join(SHOTS, 'banner-box-ar-rtl.png') });
  });
});

describe('no horizontal overflow', () => {
  for (const [width, height] of [
    [320, 640],
    [1280, 800],
  ] as const)
    it(`at ${width}×${height}, banner and dialog, with screenshots`, async () => {
      await page.setViewportSize({ width, height });
      await open(shopPage({ mode: 'opt-out', ui: { privacyPolicyUrl: '/privacy' } }));
      const fits = (selector: string) =>
        page.locator(selector).evaluate((el, width) => {
          const rect = el.getBoundingClientRect();
          const root = document.documentElement;
          return {
            inside: rect.left >= 0 && rect.right <= width,
            ownOverflow: el.scrollWidth > el.clientWidth,
            pageOverflow: root.scrollWidth > root.clientWidth,
          };
        }, width);
      const ok = { inside: true, ownOverflow: false, pageOverflow: false };
      expect(await fits('[data-consentry-banner]')).toEqual(ok);
      await page.screenshot({ path: join(SHOTS, `banner-${width}x${height}.png`) });
      await page.locator('[data-consentry-banner] [data-consentry-action="preferences"]').click();
      await waitForUI(page, 'dialog');
      await page
        .locator('dialog details')
        .first()
        .evaluate((el) => ((el as HTMLDetailsElement).open = true));
      expect(await fits('dialog')).toEqual(ok);
      await page.screenshot({ path: join(SHOTS, `dialog-${width}x${height}.png`) });
    });
});
