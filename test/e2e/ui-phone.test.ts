// The banner on a 360×640 phone: every layout becomes a bottom sheet that covers at most half
// the screen, with the choices stacked or sharing rows evenly (no orphaned button), in long
// languages and in opt-out mode too; the modal layout leaves the page usable on any screen.
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { fixedFontHead, shopPage, waitForUI } from './support/ui-page';

const s = useChromium();

async function open(config: Record<string, unknown>, lang = 'en') {
  s.server.set('/shop.html', shopPage(config, lang, fixedFontHead(s.server)));
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}

const boxes = (selector: string) =>
  s.page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    }),
  );

describe('on a 360×640 phone', () => {
  for (const layout of ['box', 'bar', 'bar-top', 'modal'])
    for (const [mode, lang] of [
      ['opt-in', 'en'],
      ['opt-in', 'de'],
      ['opt-out', 'en'],
    ] as const)
      it(`${layout}, ${mode}, ${lang}: a bottom sheet over at most half the screen, choices without an orphan`, async () => {
        await s.page.setViewportSize({ width: 360, height: 640 });
        await open({ mode, ui: { layout, lang, privacyPolicyUrl: '/privacy' } }, lang);
        const [sheet] = await boxes('[data-consentry-banner]');
        expect({ x: sheet!.x, width: sheet!.width, bottom: sheet!.y + sheet!.height }).toEqual({
          x: 0,
          width: 360,
          bottom: 640,
        });
        expect(sheet!.height).toBeLessThanOrEqual(320);
        // Every choice is inside the sheet without scrolling it.
        const buttons = await boxes('[data-consentry-banner] [data-consentry-action]');
        for (const button of buttons) expect(button.y + button.height).toBeLessThanOrEqual(640);
        expect(
          await s.page.locator('[data-consentry-banner]').evaluate((el) => el.scrollHeight <= el.clientHeight),
        ).toBe(true);
        // Stacked (one column) or one row: the same width each, never two and one.
        expect(new Set(buttons.map((button) => button.width)).size).toBe(1);
        const columns = new Set(buttons.map((button) => button.x)).size;
        const rows = new Set(buttons.map((button) => button.y)).size;
        expect([columns, rows].sort()).toEqual([1, 3]);
      });
});

it('the modal layout is no wall: the page behind stays usable', async () => {
  await open({ ui: { layout: 'modal' } });
  await s.page.locator('main input').fill('espresso');
  expect(await s.page.locator('main input').inputValue()).toBe('espresso');
  await s.page.locator('main a[href="#beans"]').click();
  expect(await s.page.evaluate(() => location.hash)).toBe('#beans');
  expect(await s.page.locator('[data-consentry-banner]').isVisible()).toBe(true);
});
