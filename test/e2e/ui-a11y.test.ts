// Accessibility of the banner and the dialog in real Chromium: axe-core in light and dark,
// left-to-right and right-to-left; a keyboard-only flow; the modal's focus handling.
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { axeViolations, focusedElement, shopPage, waitForUI, openDialogWithServices } from './support/ui-page';

const s = useChromium();

async function open(html: string, colorScheme: 'light' | 'dark' = 'light') {
  await s.page.emulateMedia({ colorScheme });
  s.server.set('/shop.html', html);
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}

describe('axe-core finds no violations', () => {
  // Every layout once in each theme and each direction, and every theme with every direction:
  // what axe checks depends on the theme (contrast) and on the markup (layout, direction), so
  // these eight pairs cover what the full sixteen would.
  const CASES = [
    ['light', 'box', 'ltr'],
    ['dark', 'box', 'rtl'],
    ['light', 'bar', 'rtl'],
    ['dark', 'bar', 'ltr'],
    ['light', 'bar-top', 'ltr'],
    ['dark', 'bar-top', 'rtl'],
    ['light', 'modal', 'rtl'],
    ['dark', 'modal', 'ltr'],
  ] as const;
  for (const [theme, layout, dir] of CASES)
    it(`${theme}, ${layout}, ${dir}: banner, then the open dialog`, async () => {
      const lang = dir == 'rtl' ? 'ar' : 'en';
      await open(shopPage({ ui: { lang, layout, theme, privacyPolicyUrl: '/privacy' } }, lang), theme);
      expect(await s.page.locator('[data-consentry-banner]').evaluate((el) => getComputedStyle(el).direction)).toBe(
        dir,
      );
      expect(await axeViolations(s.page)).toEqual([]);
      await openDialogWithServices(s.page);
      expect(await axeViolations(s.page)).toEqual([]);
    });

  it('theme auto on a phone, following a dark preference', async () => {
    await s.page.setViewportSize({ width: 360, height: 640 });
    await open(shopPage({ ui: { theme: 'auto' } }), 'dark');
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('opt-out notice and the reopen button', async () => {
    await open(shopPage({ mode: 'opt-out' }));
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('reaches the banner first, then every control in order, and Enter presses', async () => {
    await open(shopPage());
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await s.page.keyboard.press('Tab');
      order.push(await focusedElement(s.page));
    }
    expect(order).toEqual(['action:accept-all', 'action:reject-all', 'action:preferences', 'page a:Skip to products']);
    await s.page.keyboard.press('Shift+Tab');
    await s.page.keyboard.press('Enter');
    await waitForUI(s.page, 'dialog');
  });

  it('in the dialog: Tab walks every control, Space and Enter toggle, Esc closes and focus returns', async () => {
    await open(shopPage());
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    expect(await focusedElement(s.page)).toBe('action:preferences');
    await s.page.keyboard.press('Enter');
    await waitForUI(s.page, 'dialog');
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await s.page.keyboard.press('Tab');
      order.push(await focusedElement(s.page));
    }
    expect(order).toEqual([
      'dialog button:close',
      'dialog switch:analytics',
      'dialog summary:Services and cookies',
      'dialog switch:advertising',
      // Advertising's industry opt-out links, shown with the category.
      'dialog a:NAI consumer opt-out',
      'dialog a:DAA WebChoices',
      expect.stringMatching(/^dialog a:Your Online Choices/),
      'dialog summary:Services and cookies',
      'dialog action:save',
      'dialog action:accept-all',
      'dialog action:reject-all',
      // The page behind is inert: focus leaves to the browser, never to the page.
      expect.stringMatching(/^(body|dialog button:close)$/),
    ]);
    const analytics = s.page.locator('input[data-consentry-category="analytics"]');
    await analytics.focus();
    await s.page.keyboard.press('Space');
    expect(await analytics.isChecked()).toBe(true);
    await s.page.keyboard.press('Enter');
    expect(await analytics.isChecked()).toBe(false);
    await s.page.keyboard.press('Escape');
    await s.page.locator('dialog').waitFor({ state: 'detached' });
    expect(await focusedElement(s.page)).toBe('action:preferences');
    // Esc only closed the dialog: nothing was decided, the banner is still there.
    expect(await s.page.evaluate(() => (window as any).Consentry.decided)).toBe(false);
  });

  it('keyboard only through the switches: Space turns one on, visibly, and Save keeps exactly that', async () => {
    // Colours read at once, not mid-transition.
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await open(shopPage());
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    await waitForUI(s.page, 'dialog');
    const track = (category: string) =>
      s.page
        .locator(`input[data-consentry-category="${category}"]`)
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).backgroundPosition]);
    const offLook = await track('analytics');
    // Close button, then the analytics switch.
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    expect(await focusedElement(s.page)).toBe('dialog switch:analytics');
    await s.page.keyboard.press('Space');
    const onLook = await track('analytics');
    expect(onLook[0]).not.toBe(offLook[0]);
    expect(onLook[1]).not.toBe(offLook[1]);
    expect(await track('advertising')).toEqual(offLook);
    // Past the services toggle and the advertising switch to Save.
    while ((await focusedElement(s.page)) != 'dialog action:save') await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    await s.page.locator('dialog').waitFor({ state: 'detached' });
    expect(await s.page.evaluate(() => (window as any).Consentry.state)).toEqual({
      essential: true,
      analytics: true,
      advertising: false,
    });
  });

  it('focus never reaches the page behind the open dialog', async () => {
    await open(shopPage());
    await s.page.locator('[data-consentry-banner] [data-consentry-action="preferences"]').click();
    await waitForUI(s.page, 'dialog');
    const seen = new Set<string>();
    for (let i = 0; i < 24; i++) {
      await s.page.keyboard.press(i % 3 ? 'Tab' : 'Shift+Tab');
      seen.add(await focusedElement(s.page));
    }
    for (const where of seen) expect(where).toMatch(/^(dialog |body$)/);
    expect([...seen].filter((where) => where.startsWith('dialog')).length).toBeGreaterThan(5);
    // The page is inert: a click on its search field does not reach it.
    await s.page.evaluate(() =>
      document.querySelector('input')!.addEventListener('click', () => ((window as any).clicked = true)),
    );
    const box = (await s.page.locator('main input').boundingBox())!;
    await s.page.mouse.click(box.x + 5, box.y + 5);
    expect(await s.page.evaluate(() => (window as any).clicked)).toBeUndefined();
    expect(await s.page.locator('dialog[open]').count()).toBe(1);
  });

  it('a page element marked data-consentry-action="preferences" opens the dialog; focus returns to it', async () => {
    await open(shopPage());
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    const link = s.page.locator('footer a');
    await link.focus();
    await s.page.keyboard.press('Enter');
    await waitForUI(s.page, 'dialog');
    await s.page.keyboard.press('Escape');
    expect(await focusedElement(s.page)).toBe('page a:Cookie settings');
  });

  it('the reopen button opens the dialog and gets focus back after saving', async () => {
    // On by default.
    await open(shopPage());
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    const reopen = s.page.locator('consentry-reopen button');
    await reopen.focus();
    await s.page.keyboard.press('Enter');
    await waitForUI(s.page, 'dialog');
    await s.page.keyboard.press('Tab');
    await s.page.locator('dialog [data-consentry-action="save"]').focus();
    await s.page.keyboard.press('Enter');
    await s.page.locator('dialog').waitFor({ state: 'detached' });
    expect(await s.page.evaluate(() => document.activeElement?.tagName)).toBe('CONSENTRY-REOPEN');
    expect(await reopen.evaluate((el) => el.matches(':focus'))).toBe(true);
  });
});

it('in forced-colours mode the switches are native checkboxes, which the system colours draw', async () => {
  await s.page.emulateMedia({ forcedColors: 'active' });
  await open(shopPage());
  await s.page.locator('[data-consentry-banner] [data-consentry-action="preferences"]').click();
  await waitForUI(s.page, 'dialog');
  const analytics = s.page.locator('input[data-consentry-category="analytics"]');
  expect(await analytics.evaluate((el) => getComputedStyle(el).appearance)).toBe('auto');
  expect(await axeViolations(s.page)).toEqual([]);
});
