// Pages and helpers shared by the UI's end-to-end tests: the script-tag build on a small,
// accessible shop page, and what the tests read from the UI's shadow root.
import type { Page } from 'playwright-core';
import { scriptTagPage } from './harness';

export const PRESETS = [
  { name: 'google-analytics', id: 'G-TEST1234' },
  { name: 'meta-pixel', id: '1234567890123456' },
];

/** A shop page with the script tag, a link, a form field and a footer preferences link. */
export function shopPage(config: Record<string, unknown> = {}, lang = 'en', head = ''): string {
  const body = `<header><a href="#main">Skip to products</a></header>
<main id="main"><h1>Coffee shop</h1><p>Fresh beans, roasted weekly.</p>
<label>Search <input type="search" name="q"></label>
<ul><li><a href="#beans">Beans</a></li><li><a href="#tools">Tools</a></li></ul></main>
<footer><a href="#privacy" data-consentry-action="preferences">Cookie settings</a></footer>`;
  return scriptTagPage({ presets: PRESETS, ...config }, { body, head }).replace(
    '<html lang="en">',
    `<html lang="${lang}">`,
  );
}

/** Waits until the banner (or, with `dialog`, the preferences dialog) is rendered and done fading in. */
export async function waitForUI(page: Page, what: 'banner' | 'dialog' = 'banner'): Promise<void> {
  const element = page.locator(
    what == 'banner' ? '[data-consentry-banner]' : 'dialog[data-consentry-preferences][open]',
  );
  await element.waitFor();
  await element.evaluate((el) => Promise.all(el.getAnimations().map((animation) => animation.finished)));
}

/** Describes the focused element, looking through shadow roots. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element == document.body) return 'body';
    const action = element.getAttribute('data-consentry-action');
    const category = element.getAttribute('data-consentry-category');
    const label = element.textContent?.trim() || element.getAttribute('aria-label')?.toLowerCase();
    const text = element.tagName.toLowerCase() + (label ? `:${label.slice(0, 20)}` : '');
    if (!(element.getRootNode() instanceof ShadowRoot)) return `page ${text}`;
    const name = action ? `action:${action}` : category ? `switch:${category}` : text;
    return (element.closest('dialog') ? 'dialog ' : '') + name;
  });
}

/** Runs axe-core (injected from node_modules) and returns its violations, briefly. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: any) =>
        `${v.id}: ${v.help} — ${v.nodes.map((n: any) => JSON.stringify(n.target) + ' ' + (n.failureSummary || '')).join(' | ')}`,
    );
  });
}

/**
 * A page stylesheet for screenshots: every font is DejaVu Sans (Debian package
 * fonts-dejavu-core), installed in CI, so a screenshot does not depend on the machine's
 * default fonts. The UI's font comes from the page through `--consentry-font`.
 */
export const FIXED_FONT_CSS = `:root{--consentry-font:"DejaVu Sans";font-family:"DejaVu Sans"}
body{margin:0;padding:48px 96px;max-width:760px;line-height:1.5}h1{margin-top:0}`;

/** Serves FIXED_FONT_CSS at /fixed-font.css; returns the `<link>` that loads it. */
export function fixedFontHead(server: { set(path: string, served: unknown): void }): string {
  server.set('/fixed-font.css', { body: FIXED_FONT_CSS, type: 'text/css' });
  return '<link rel="stylesheet" href="/fixed-font.css">';
}

/** Opens the preferences dialog from the banner, with the first category's services list open. */
export async function openDialogWithServices(page: Page): Promise<void> {
  await page.locator('[data-consentry-banner] [data-consentry-action="preferences"]').click();
  await waitForUI(page, 'dialog');
  await page
    .locator('dialog details')
    .first()
    .evaluate((el) => ((el as HTMLDetailsElement).open = true));
}
