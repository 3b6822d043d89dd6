// Contrast of the rendered UI in Chromium, light and dark, measured from the computed colours
// of the real elements (WCAG 2.2): text and button labels at least 4.5:1 against what is
// behind them (SC 1.4.3); switch track and thumb, the focus ring and the reopen button at
// least 3:1 (SC 1.4.11). The figures go to test-results/contrast.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/harness';
import { fixedFontHead, shopPage, waitForUI } from './support/ui-page';
import { ROOT } from '../support/root';

const figures: Record<string, Record<string, number>> = {};

const s = useChromium();
afterAll(() => {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results/contrast.json'), JSON.stringify(figures, null, 2));
});

/**
 * In the page: contrast ratios of `pairs`, each a foreground (an element's text colour, its
 * background, or its ::before background) against the first opaque background behind it.
 */
function measure(
  page: Page,
  pairs: Record<string, { selector: string; fg: 'color' | 'background' | 'thumb' | 'outline'; bg?: 'behind' | 'self' }>,
) {
  return page.evaluate((pairs) => {
    const shadow = document.querySelector('consentry-ui')!.shadowRoot!;
    type RGBA = [number, number, number, number];
    const parse = (value: string): RGBA => {
      const parts = value.match(/[\d.]+/g)!.map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as RGBA;
    };
    /** The background an element's content is drawn on: its own and its ancestors', composited. */
    const backgroundOf = (element: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let at = element; at; at = at.parentElement || ((at.getRootNode() as ShadowRoot).host ?? null)) {
        const colour = parse(getComputedStyle(at).backgroundColor);
        layers.push(colour);
        if (colour[3] == 1) break;
      }
      return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1] as RGBA);
    };
    const luminance = ([r, g, b]: RGBA) => {
      const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100;
    };
    const result: Record<string, number> = {};
    for (const [name, { selector, fg, bg }] of Object.entries(pairs)) {
      const element = shadow.querySelector(selector) || document.querySelector(selector);
      if (!element) throw new Error('no element ' + selector);
      const style = getComputedStyle(element);
      const behind = bg == 'self' ? backgroundOf(element) : backgroundOf(element.parentElement);
      const colour =
        fg == 'color'
          ? parse(style.color)
          : fg == 'outline'
            ? parse(style.outlineColor)
            : fg == 'thumb'
              ? // The thumb is the first colour of the switch's radial gradient.
                parse(style.backgroundImage.match(/rgba?\([^)]*\)/)![0])
              : parse(style.backgroundColor);
      result[name] = ratio(over(colour, behind), fg == 'thumb' ? backgroundOf(element) : behind);
    }
    return result;
  }, pairs);
}

async function show(theme: 'light' | 'dark', prefer: 'light' | 'dark' = theme) {
  await s.page.emulateMedia({ colorScheme: prefer, reducedMotion: 'reduce' });
  const config = { mode: 'opt-in', ui: { theme, privacyPolicyUrl: '/privacy' } };
  s.server.set('/shop.html', shopPage(config, 'en', fixedFontHead(s.server)));
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}

const TEXT = 4.5;
const NON_TEXT = 3;

for (const theme of ['light', 'dark'] as const)
  describe(`${theme} theme`, () => {
    it('banner: text, link and every button label at least 4.5:1', async () => {
      await show(theme);
      const result = await measure(s.page, {
        title: { selector: '[data-consentry-banner] .title span', fg: 'color', bg: 'self' },
        body: { selector: '[data-consentry-banner] .body', fg: 'color', bg: 'self' },
        link: { selector: '[data-consentry-banner] .link', fg: 'color', bg: 'self' },
        'accept-all': { selector: '[data-consentry-action="accept-all"]', fg: 'color', bg: 'self' },
        'reject-all': { selector: '[data-consentry-action="reject-all"]', fg: 'color', bg: 'self' },
        customize: { selector: '[data-consentry-action="preferences"]', fg: 'color', bg: 'self' },
      });
      figures[`${theme} banner text`] = result;
      for (const [name, value] of Object.entries(result)) expect(value, name).toBeGreaterThanOrEqual(TEXT);
    });

    it('banner: the keyboard focus ring at least 3:1 against the card', async () => {
      await show(theme);
      // The privacy-policy link, then the first choice.
      await s.page.keyboard.press('Tab');
      const link = await measure(s.page, {
        'focus ring on the link': { selector: '.link:focus-visible', fg: 'outline' },
      });
      await s.page.keyboard.press('Tab');
      const result = {
        ...link,
        ...(await measure(s.page, {
          'focus ring on a button': { selector: '[data-consentry-action="accept-all"]:focus-visible', fg: 'outline' },
        })),
      };
      figures[`${theme} banner focus`] = result;
      for (const [name, value] of Object.entries(result)) expect(value, name).toBeGreaterThanOrEqual(NON_TEXT);
    });

    it('dialog: text at least 4.5:1; switch track, thumb and focus ring at least 3:1', async () => {
      await show(theme);
      await s.page.locator('[data-consentry-action="preferences"]').first().click();
      await waitForUI(s.page, 'dialog');
      await s.page
        .locator('dialog details')
        .first()
        .evaluate((el) => ((el as HTMLDetailsElement).open = true));
      const text = await measure(s.page, {
        title: { selector: 'dialog .title', fg: 'color', bg: 'self' },
        intro: { selector: 'dialog .dialog-body > .body', fg: 'color', bg: 'self' },
        'category label': { selector: '.category-label', fg: 'color', bg: 'self' },
        description: { selector: '.category-description', fg: 'color', bg: 'self' },
        badge: { selector: '.badge', fg: 'color', bg: 'self' },
        'services toggle': { selector: '.services > summary', fg: 'color', bg: 'self' },
        'table heading': { selector: '.service-table thead th', fg: 'color', bg: 'self' },
        'table cell': { selector: '.service-table td', fg: 'color', bg: 'self' },
        save: { selector: 'dialog [data-consentry-action="save"]', fg: 'color', bg: 'self' },
      });
      const analytics = 'input[data-consentry-category="analytics"]';
      const off = await measure(s.page, {
        'switch track, off': { selector: analytics, fg: 'background' },
        'switch thumb, off': { selector: analytics, fg: 'thumb' },
      });
      await s.page.locator(analytics).focus();
      await s.page.keyboard.press('Space');
      const on = await measure(s.page, {
        'switch track, on': { selector: analytics, fg: 'background' },
        'switch thumb, on': { selector: analytics, fg: 'thumb' },
        'focus ring on a switch': { selector: `${analytics}:focus-visible`, fg: 'outline' },
      });
      figures[`${theme} dialog text`] = text;
      figures[`${theme} dialog switches`] = { ...off, ...on };
      for (const [name, value] of Object.entries(text)) expect(value, name).toBeGreaterThanOrEqual(TEXT);
      for (const [name, value] of Object.entries({ ...off, ...on }))
        expect(value, name).toBeGreaterThanOrEqual(NON_TEXT);
    });
  });

it('reopen button: icon and button at least 3:1, on a light page', async () => {
  await show('light');
  await s.page.locator('[data-consentry-action="reject-all"]').click();
  const button = s.page.locator('consentry-reopen button');
  await button.waitFor();
  const result = await button.evaluate((element) => {
    const parse = (value: string) =>
      value
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100;
    };
    const style = getComputedStyle(element);
    // The test page has no background of its own: the canvas is white.
    const page = [255, 255, 255];
    return {
      icon: ratio(parse(style.color), parse(style.backgroundColor)),
      button: ratio(parse(style.backgroundColor), page),
    };
  });
  figures['reopen button'] = result;
  expect(result.icon).toBeGreaterThanOrEqual(NON_TEXT);
  expect(result.button).toBeGreaterThanOrEqual(NON_TEXT);
});
