// Drives a banner through Consentry's documented hooks (docs/reference/ui.md, "Hooks for tests and
// site code"): `[data-consentry-banner]`, `[data-consentry-preferences]`,
// `[data-consentry-action=accept-all|reject-all|preferences|save]` and
// `input[data-consentry-category]`. Playwright's CSS selectors pierce open shadow roots, where
// Consentry's UI renders. A site with a banner of its own can mark it with the same hooks.
// Every click is a real mouse click, as a visitor's.
import type { Locator, Page } from 'playwright-core';
import type { BannerLook, ControlLook } from './types';

const BANNER = '[data-consentry-banner]';
const DIALOG = '[data-consentry-preferences]';
const action = (name: string) => `[data-consentry-action="${name}"]`;
/** The reopen button Consentry shows once a choice is made, or any element marked as a preferences opener. */
const REOPEN = `consentry-reopen button, ${action('preferences')}`;

export interface ChoiceResult {
  done: boolean;
  clicks: number;
  reason?: string;
}

async function visible(locator: Locator): Promise<boolean> {
  try {
    return await locator.first().isVisible();
  } catch {
    return false;
  }
}

/**
 * Clicks a control that shows now. The banner (or dialog) it belongs to has already shown, so a
 * control that is not visible yet is not there: no waiting for it.
 */
async function click(locator: Locator): Promise<boolean> {
  if (!(await visible(locator))) return false;
  try {
    await locator.first().click({ timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for the banner. A Consentry page that says it will prompt (`Consentry.needsPrompt`)
 * gets longer, since its UI is fetched on demand; any other page a short grace after it settled.
 */
export async function findBanner(page: Page): Promise<boolean> {
  let prompting = false;
  try {
    prompting = await page.evaluate(() => (globalThis as any).Consentry?.needsPrompt === true);
  } catch {
    // The page navigated: look anyway.
  }
  try {
    await page
      .locator(BANNER)
      .first()
      .waitFor({ state: 'visible', timeout: prompting ? 8000 : 1500 });
    return true;
  } catch {
    return false;
  }
}

/** Opens the second layer from the banner (or any preferences opener); true once the dialog shows. */
async function openPreferences(page: Page, from: string): Promise<boolean> {
  const opener = page.locator(from).filter({ visible: true });
  if (!(await click(opener))) return false;
  try {
    await page.locator(DIALOG).first().waitFor({ state: 'visible', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Accept all from the first layer (or, failing that, from the dialog). */
export async function acceptAll(page: Page): Promise<ChoiceResult> {
  if (await click(page.locator(`${BANNER} ${action('accept-all')}`).filter({ visible: true })))
    return { done: true, clicks: 1 };
  if (
    (await openPreferences(page, `${BANNER} ${action('preferences')}`)) &&
    (await click(page.locator(`${DIALOG} ${action('accept-all')}`)))
  )
    return { done: true, clicks: 2 };
  return { done: false, clicks: 0, reason: 'no accept control found in the banner or its preferences' };
}

/** Reject all from the first layer, else from the dialog the banner opens. */
export async function rejectAll(page: Page): Promise<ChoiceResult> {
  if (await click(page.locator(`${BANNER} ${action('reject-all')}`).filter({ visible: true })))
    return { done: true, clicks: 1 };
  if (!(await openPreferences(page, `${BANNER} ${action('preferences')}`)))
    return { done: false, clicks: 0, reason: 'no reject control in the banner, and no preferences to open from it' };
  if (await click(page.locator(`${DIALOG} ${action('reject-all')}`))) return { done: true, clicks: 2 };
  // Switches off one by one, then save: what a visitor would have to do.
  const switched = await switchOff(page);
  if (await click(page.locator(`${DIALOG} ${action('save')}`))) return { done: true, clicks: 3 + switched };
  return { done: false, clicks: 0, reason: 'no reject or save control in the preferences' };
}

/** Unticks every non-essential switch of the open dialog; returns how many it clicked. */
async function switchOff(page: Page): Promise<number> {
  const switches = page.locator(`${DIALOG} input[data-consentry-category]:not([disabled])`);
  let clicked = 0;
  for (const control of await switches.all()) {
    if (await control.isChecked().catch(() => false)) {
      await control.click({ timeout: 5000 }).catch(() => undefined);
      clicked++;
    }
  }
  return clicked;
}

/** A control to reopen the choices shows on the page. */
export const hasReopenControl = (page: Page): Promise<boolean> => visible(page.locator(REOPEN));

/** Withdraws: reopens the preferences, switches everything off and saves. */
export async function withdraw(page: Page): Promise<ChoiceResult> {
  // The reopen button mounts once the banner has gone, a moment after the click on a busy machine.
  await page
    .locator(REOPEN)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'visible', timeout: 5000 })
    .catch(() => undefined);
  if (!(await openPreferences(page, REOPEN)))
    return { done: false, clicks: 0, reason: 'no control to reopen the preferences after the choice' };
  const switched = await switchOff(page);
  if (await click(page.locator(`${DIALOG} ${action('save')}`))) return { done: true, clicks: 2 + switched };
  if (await click(page.locator(`${DIALOG} ${action('reject-all')}`))) return { done: true, clicks: 2 };
  return { done: false, clicks: 0, reason: 'no save or reject control in the reopened preferences' };
}

/** Reads a control as rendered: element, place in the text, size, font and contrasts. */
async function lookOf(control: Locator): Promise<ControlLook | undefined> {
  if (!(await visible(control))) return undefined;
  return control.first().evaluate((element: any): ControlLook => {
    const page: any = globalThis;
    const rgba = (value: string): number[] => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(value)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    // WCAG 2.x contrast ratio.
    const contrast = (a: number[], b: number[]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100;
    };
    const parentOf = (node: any) => node.parentElement ?? node.getRootNode?.()?.host ?? null;
    /** The first opaque background at or above `node`; white at the top. */
    const backgroundOf = (node: any): number[] => {
      for (let at = node; at; at = parentOf(at)) {
        const colour = rgba(page.getComputedStyle(at).backgroundColor);
        if (colour[3]! > 0.5) return colour;
      }
      return [255, 255, 255, 1];
    };
    const style = page.getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const own = backgroundOf(element);
    const around = backgroundOf(parentOf(element));
    const parent = element.parentElement;
    const siblingsText = parent
      ? [...parent.childNodes]
          .filter((node: any) => node !== element)
          .map((node: any) => node.textContent ?? '')
          .join('')
          .trim()
      : '';
    const inline =
      style.display.startsWith('inline') && style.display != 'inline-block' && style.display != 'inline-flex';
    return {
      text: String(element.textContent ?? element.value ?? '').trim(),
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role'),
      inText:
        (element.tagName == 'A' && element.getAttribute('role') != 'button') || (inline && siblingsText.length > 0),
      width: Math.round(box.width),
      height: Math.round(box.height),
      fontSize: parseFloat(style.fontSize),
      fontWeight: Number(style.fontWeight) || 400,
      textContrast: contrast(rgba(style.color), own),
      fillContrast: contrast(own, around),
    };
  });
}

/**
 * The banner as a visitor meets it: its accept and reject controls, how many clicks each takes,
 * and the second layer's switches as they are before anything is touched. Leaves the dialog
 * closed and nothing decided.
 */
export async function inspectBanner(
  page: Page,
  screenshot: (target: Locator) => Promise<string | undefined>,
): Promise<{ look: BannerLook; banner?: string; dialog?: string }> {
  const banner = page.locator(BANNER).first();
  const accept = await lookOf(page.locator(`${BANNER} ${action('accept-all')}`));
  const reject = await lookOf(page.locator(`${BANNER} ${action('reject-all')}`));
  const bannerShot = await screenshot(banner);
  const look: BannerLook = {
    driver: 'consentry hooks',
    accept,
    reject,
    acceptClicks: accept ? 1 : 0,
    rejectClicks: reject ? 1 : 0,
  };
  let dialogShot: string | undefined;
  if (await openPreferences(page, `${BANNER} ${action('preferences')}`)) {
    const dialog = page.locator(DIALOG).first();
    look.switches = await dialog
      .locator('input[data-consentry-category]:not([disabled])')
      .evaluateAll((inputs: any[]) =>
        inputs.map((input) => ({ category: String(input.dataset.consentryCategory), checked: !!input.checked })),
      );
    dialogShot = await screenshot(dialog);
    if (!reject && (await visible(dialog.locator(action('reject-all'))))) look.rejectClicks = 2;
    if (!accept && (await visible(dialog.locator(action('accept-all'))))) look.acceptClicks = 2;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
  }
  return { look, banner: bannerShot, dialog: dialogShot };
}
