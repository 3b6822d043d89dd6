// How the UI looks in real Chromium: fully styled under `default-src 'self'`, equal weight
// measured from computed styles, no horizontal overflow on a phone or a laptop, mirrored
// for right-to-left, themable. Screenshots go to test-results/screenshots/ for a person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cspViolations, recordCspViolations, useChromium } from './support/harness';
import { shopPage, waitForUI, openDialogWithServices } from './support/ui-page';
import { ROOT } from '../support/root';

const SHOTS = join(ROOT, 'test-results/screenshots');
const CSP = "default-src 'self'";

const s = useChromium();
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});
beforeEach(() => recordCspViolations(s.context));

async function open(html: string) {
  s.server.set('/shop.html', { body: html, headers: { 'content-security-policy': CSP } });
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}
const violations = () => cspViolations(s.page);
const style = (selector: string, ...names: string[]) =>
  s.page
    .locator(selector)
    .first()
    .evaluate((el, names) => names.map((n) => getComputedStyle(el).getPropertyValue(n)), names);

/** The banner's and the open dialog's own styles are applied: a sign the stylesheet reached them. */
async function expectStyledBannerThenDialog(): Promise<void> {
  expect(await style('[data-consentry-banner]', 'position', 'bottom', 'z-index', 'border-radius')).toEqual([
    'fixed',
    '16px',
    '2147483600',
    '14px',
  ]);
  expect(await style('[data-consentry-banner] button', 'min-height', 'border-radius')).toEqual(['44px', '9px']);
  await s.page.locator('[data-consentry-action="preferences"]').first().click();
  await waitForUI(s.page, 'dialog');
  expect(await style('dialog', 'border-top-width', 'border-radius')).toEqual(['1px', '14px']);
}

describe(`under Content-Security-Policy: ${CSP}`, () => {
  it('renders the banner and the dialog fully styled, with no violation', async () => {
    await open(shopPage({ ui: { privacyPolicyUrl: '/privacy', reopenButton: true } }));
    await expectStyledBannerThenDialog();
    expect(await style('input[data-consentry-category="analytics"]', 'appearance', 'width', 'height')).toEqual([
      'none',
      '44px',
      '26px',
    ]);
    // The styles come from an adopted stylesheet: nothing inline, no <style> anywhere.
    expect(
      await s.page.evaluate(() => {
        const roots = [
          document,
          ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : [])),
        ];
        return roots.map((root) => root.querySelectorAll('style, [style]').length).reduce((a, b) => a + b, 0);
      }),
    ).toBe(0);
    await s.page.locator('dialog [data-consentry-action="save"]').click();
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await style('consentry-reopen button', 'width', 'border-radius')).toEqual(['44px', '50%']);
    expect(await violations()).toEqual([]);
  });

  it('rendered in the page DOM (shadow: false): fully styled by an adopted sheet, with no violation', async () => {
    await open(shopPage({ ui: { privacyPolicyUrl: '/privacy', shadow: false } }));
    expect(await s.page.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot)).toBeNull();
    await expectStyledBannerThenDialog();
    expect(await s.page.evaluate(() => document.querySelectorAll('style, [style]').length)).toBe(0);
    expect(await violations()).toEqual([]);
  });

  it('loads a translation file, styled, with no violation', async () => {
    await open(shopPage({ ui: { lang: 'de' } }, 'de'));
    expect(await s.page.locator('[data-consentry-banner] h2').textContent()).toBe('Cookies auf dieser Website');
    expect(await violations()).toEqual([]);
  });
});

describe('look', () => {
  const background = () => style('[data-consentry-banner]', 'background-color').then((values) => values[0]);

  it('is light by default even when the visitor prefers dark; `dark` and `auto` follow the option', async () => {
    await s.page.emulateMedia({ colorScheme: 'dark' });
    await open(shopPage());
    const light = await background();
    expect(light).toBe('rgb(255, 255, 255)');
    await open(shopPage({ ui: { theme: 'dark' } }));
    const dark = await background();
    expect(dark).not.toBe(light);
    await open(shopPage({ ui: { theme: 'auto' } }));
    expect(await background()).toBe(dark);
    // auto follows a change of preference live.
    await s.page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe(light);
  });

  it("auto honours the page's own color-scheme before the visitor's preference", async () => {
    await s.page.emulateMedia({ colorScheme: 'dark' });
    await open(shopPage({ ui: { theme: 'auto' } }, 'en', '<meta name="color-scheme" content="light">'));
    expect(await background()).toBe('rgb(255, 255, 255)');
    s.server.set('/root-scheme.css', { body: ':root{color-scheme:dark}', type: 'text/css' });
    await s.page.emulateMedia({ colorScheme: 'light' });
    await open(shopPage({ ui: { theme: 'auto' } }, 'en', '<link rel="stylesheet" href="/root-scheme.css">'));
    expect(await background()).not.toBe('rgb(255, 255, 255)');
  });

  it('enters with a short transition, and nothing moves under prefers-reduced-motion', async () => {
    const moving = () =>
      s.page.evaluate(() => {
        const shadow = document.querySelector('consentry-ui')!.shadowRoot!;
        return [...shadow.querySelectorAll('*')].filter((el) => {
          const style = getComputedStyle(el);
          return style.animationName != 'none' || parseFloat(style.transitionDuration) > 0;
        }).length;
      });
    await s.page.emulateMedia({ reducedMotion: 'no-preference' });
    await open(shopPage());
    const entrance = await style('[data-consentry-banner]', 'animation-name', 'animation-duration');
    expect(entrance[0]).not.toBe('none');
    expect(parseFloat(entrance[1]!)).toBeGreaterThan(0);
    expect(parseFloat(entrance[1]!)).toBeLessThanOrEqual(0.3);
    expect(await moving()).toBeGreaterThan(0);

    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await open(shopPage());
    await s.page.locator('[data-consentry-action="preferences"]').first().click();
    await waitForUI(s.page, 'dialog');
    await s.page.locator('input[data-consentry-category="analytics"]').click();
    await s.page.locator('dialog details').first().click();
    expect(await s.page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(await moving()).toBe(0);
  });

  it('is themable with --consentry-* custom properties set on the page', async () => {
    const head = '<link rel="stylesheet" href="/theme.css">';
    s.server.set('/theme.css', {
      body: ':root{--consentry-button-bg:#7a1f5c;--consentry-radius:2px;--consentry-radius-control:0;--consentry-font:Georgia,serif}',
      type: 'text/css',
    });
    await open(shopPage({}, 'en', head));
    expect(await style('[data-consentry-banner] button', 'background-color', 'border-radius')).toEqual([
      'rgb(122, 31, 92)',
      '0px',
    ]);
    expect((await style('[data-consentry-banner]', 'border-radius'))[0]).toBe('2px');
    expect((await style('[data-consentry-banner]', 'font-family'))[0]).toContain('Georgia');
  });

  it('site CSS does not leak in', async () => {
    const head = '<link rel="stylesheet" href="/hostile.css">';
    s.server.set('/hostile.css', {
      body: 'button{background:red!important;display:none!important}h2{font-size:80px}*{color:lime}',
      type: 'text/css',
    });
    await open(shopPage({}, 'en', head));
    expect(await s.page.locator('[data-consentry-action="accept-all"]').isVisible()).toBe(true);
    expect(await style('[data-consentry-banner] h2', 'font-size')).toEqual(['18px']);
  });

  it('mirrors the layout for Arabic: the box sits in the other corner', async () => {
    await open(shopPage({ ui: { lang: 'ar' } }, 'ar'));
    const box = (await s.page.locator('[data-consentry-banner]').boundingBox())!;
    const width = s.page.viewportSize()!.width;
    expect(box.x).toBeLessThan(width / 2);
    await s.page.screenshot({ path: join(SHOTS, 'banner-box-ar-rtl.png') });
  });
});

describe('no horizontal overflow', () => {
  for (const [width, height] of [
    [320, 640],
    [1280, 800],
  ] as const)
    it(`at ${width}×${height}, banner and dialog, with screenshots`, async () => {
      await s.page.setViewportSize({ width, height });
      await open(shopPage({ mode: 'opt-out', ui: { privacyPolicyUrl: '/privacy' } }));
      const fits = (selector: string) =>
        s.page.locator(selector).evaluate((el, width) => {
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
      await s.page.screenshot({ path: join(SHOTS, `banner-${width}x${height}.png`) });
      await openDialogWithServices(s.page);
      expect(await fits('dialog')).toEqual(ok);
      await s.page.screenshot({ path: join(SHOTS, `dialog-${width}x${height}.png`) });
    });
});
