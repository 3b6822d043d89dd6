// Equal weight of the choices, measured in Chromium from computed styles: on both layers,
// in every layout and width, in opt-in and opt-out mode, also when a label wraps (EDPB cookie
// banner taskforce report, 2023; CCPA regulations, 11 CCR §7004(a)(2)).
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { shopPage, waitForUI } from './support/ui-page';

const s = useChromium();

async function open(html: string) {
  s.server.set('/shop.html', html);
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}

describe('equal weight', () => {
  const WEIGHT = [
    'width',
    'height',
    'color',
    'background-color',
    'font-size',
    'font-weight',
    'border-top-width',
    'border-top-color',
    'padding-top',
    'box-shadow',
  ];
  /** Each choice's computed weight; grid columns may differ by a fraction of a pixel. */
  const weights = (scope: string) =>
    s.page.locator(`${scope} [data-consentry-action]`).evaluateAll(
      (buttons, props) =>
        buttons.map((button) =>
          props.map((name) => {
            const value = getComputedStyle(button).getPropertyValue(name);
            return /^[\d.]+px$/.test(value) ? Math.round(parseFloat(value)) + 'px' : value;
          }),
        ),
      WEIGHT,
    );

  for (const [layout, width] of [
    ['box', 1280],
    ['bar', 1280],
    ['bar-top', 1280],
    ['modal', 1280],
    ['bar', 720],
    ['box', 360],
  ] as const)
    for (const mode of ['opt-in', 'opt-out'] as const)
      it(`gives the three choices equal weight: ${layout} at ${width} px, ${mode}`, async () => {
        await s.page.setViewportSize({ width, height: 720 });
        await open(shopPage({ mode, ui: { layout } }));
        const [first, ...others] = await weights('[data-consentry-banner]');
        expect(others).toHaveLength(2);
        for (const other of others) expect(other).toEqual(first);
        // And readable: label and background differ.
        expect(first![2]).not.toBe(first![3]);
      });

  it("gives the dialog's choices equal weight too", async () => {
    await open(shopPage({ mode: 'opt-out' }));
    await s.page.locator('[data-consentry-action="preferences"]').first().click();
    await waitForUI(s.page, 'dialog');
    const [first, ...others] = await weights('dialog');
    expect(others).toHaveLength(3);
    for (const other of others) expect(other).toEqual(first);
  });
});
