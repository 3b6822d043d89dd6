// How the UI reaches the page with the script tag: consentry-ui.js and translation files are
// fetched only when needed, a returning visitor never downloads the UI, and hostile strings
// in the config never execute.
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptTagPage, useChromium } from './support/harness';
import { PRESETS, shopPage, waitForUI, openDialogWithServices } from './support/ui-page';

const s = useChromium();
beforeEach(async () => {
  s.server.requests.length = 0;
});

const requested = (part: string) => s.server.requests.filter((path) => path.includes(part));
const ready = () => s.page.waitForFunction(() => !!(window as any).Consentry);

async function visit(html: string, path = '/shop.html') {
  s.server.set(path, html);
  await s.page.goto(s.server.origin + path);
  await ready();
}

describe('consentry-ui.js', () => {
  it('is fetched once on a first visit, and never by a returning visitor', async () => {
    const html = shopPage({ ui: { reopenButton: true } });
    await visit(html);
    await waitForUI(s.page);
    expect(requested('/dist/consentry-ui.js')).toHaveLength(1);
    await s.page.locator('[data-consentry-action="reject-all"]').click();

    s.server.requests.length = 0;
    await visit(html);
    // The reopen button comes with the core; the banner does not show.
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await s.page.locator('[data-consentry-banner]').count()).toBe(0);
    expect(requested('/dist/consentry-ui.js')).toEqual([]);
    expect(requested('/dist/')).toEqual(['/dist/consentry.js']);

    // Reopening fetches it then, and opens the dialog with the stored choice.
    await s.page.locator('consentry-reopen button').click();
    await waitForUI(s.page, 'dialog');
    expect(requested('/dist/consentry-ui.js')).toHaveLength(1);
    expect(await s.page.locator('input[data-consentry-category="analytics"]').isChecked()).toBe(false);
    // Still one reopen button: the UI took over the core's.
    expect(await s.page.locator('consentry-reopen').count()).toBe(1);
  });

  it("the core's reopen button is named in the page's language from the site's texts", async () => {
    const html = shopPage({ ui: { reopenButton: true, texts: { de: { reopen: 'Datenschutz-Einstellungen' } } } }, 'de');
    await visit(html);
    await waitForUI(s.page);
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await visit(html);
    await expect
      .poll(() => s.page.locator('consentry-reopen button').getAttribute('title'))
      .toBe('Datenschutz-Einstellungen');
    expect(requested('/dist/consentry-ui.js')).toHaveLength(1); // the first visit's only
  });

  it('a returning visitor\'s "Cookie settings" link fetches the UI and opens the dialog', async () => {
    await s.context.addCookies([]);
    const html = shopPage();
    await visit(html);
    await waitForUI(s.page);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    s.server.requests.length = 0;
    await visit(html);
    expect(requested('/dist/consentry-ui.js')).toEqual([]);
    await s.page.locator('footer a').click();
    await waitForUI(s.page, 'dialog');
    expect(requested('/dist/consentry-ui.js')).toHaveLength(1);
    expect(await s.page.locator('dialog[open]').count()).toBe(1);
  });

  it('Consentry.showPreferences() and show() fetch it on demand', async () => {
    const html = shopPage();
    await visit(html);
    await waitForUI(s.page);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await visit(html);
    await s.page.evaluate(() => (window as any).Consentry.show());
    await waitForUI(s.page);
    expect(await s.page.locator('[data-consentry-banner] [data-consentry-action]').count()).toBe(3);
  });

  it('the bundled build (consentry.full.js) shows the banner without fetching it', async () => {
    const html = scriptTagPage({ presets: PRESETS }).replace('/dist/consentry.js', '/dist/consentry.full.js');
    await visit(html);
    await waitForUI(s.page);
    expect(requested('/dist/consentry-ui.js')).toEqual([]);
  });
});

describe('translations', () => {
  it('English needs no translation file', async () => {
    await visit(shopPage());
    await waitForUI(s.page);
    expect(requested('/i18n/')).toEqual([]);
  });

  it('fetches only the language the page needs, next to the script, once', async () => {
    await visit(shopPage({}, 'de-AT'));
    await waitForUI(s.page);
    expect(await s.page.locator('[data-consentry-banner] h2').textContent()).toBe('Cookies auf dieser Website');
    await s.page.locator('[data-consentry-action="preferences"]').first().click();
    await waitForUI(s.page, 'dialog');
    expect(requested('/i18n/')).toEqual(['/dist/i18n/de.js']);
    expect(
      await s.page
        .locator('input[data-consentry-category="essential"]')
        .evaluate((el) => el.closest('li')!.querySelector('label')!.textContent),
    ).toBe('Notwendig');
  });

  it('decodes UTF-8 right on a page in a legacy encoding', async () => {
    const html = shopPage({ ui: { lang: 'ar' } }, 'ar').replace(
      '<meta charset="utf-8">',
      '<meta charset="windows-1252">',
    );
    s.server.set('/legacy.html', { body: html, type: 'text/html; charset=windows-1252' });
    await s.page.goto(s.server.origin + '/legacy.html');
    await waitForUI(s.page);
    expect(await s.page.locator('[data-consentry-banner] h2').textContent()).toBe(
      'ملفات تعريف الارتباط على هذا الموقع',
    );
  });

  it('a translation that cannot be loaded falls back to English with one warning', async () => {
    const warnings: string[] = [];
    s.page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
    s.server.set('/dist/i18n/fr.js', { body: 'not found', headers: {}, type: 'text/plain' });
    await visit(shopPage({ ui: { lang: 'fr' } }));
    await waitForUI(s.page);
    expect(await s.page.locator('[data-consentry-banner] h2').textContent()).toBe('Cookies on this site');
    expect(warnings.filter((w) => w.startsWith('consentry:'))).toHaveLength(1);
  });
});

describe('hostile strings never execute', () => {
  it('in every configurable text, category text and link', async () => {
    const evil = (n: number) =>
      `<img src=/pwned-${n} onerror="window.__pwned=${n}"><script>window.__pwned=${n}</script>`;
    const keys = [
      'title',
      'text',
      'acceptAll',
      'rejectAll',
      'customize',
      'privacyPolicy',
      'noticeText',
      'doNotSell',
      'prefsTitle',
      'prefsText',
      'save',
      'close',
      'alwaysOn',
      'services',
      'signal',
      'reopen',
      'functionalLabel',
    ];
    const texts = Object.fromEntries(keys.map((key, i) => [key, evil(i)]));
    const categories = {
      analytics: { label: evil(100), description: evil(101) },
      advertising: { label: evil(102), description: evil(103) },
      functional: { label: evil(104), description: evil(105) },
    };
    const config = {
      mode: 'opt-out',
      categories,
      ui: { texts: { en: texts }, privacyPolicyUrl: '/privacy?<script>', reopenButton: true },
    };
    await visit(shopPage(config));
    await waitForUI(s.page);
    await openDialogWithServices(s.page);
    // Every text is on screen now: the banner's, the dialog's and the services table's.
    expect(await s.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await s.page.locator('consentry-ui img, consentry-ui script').count()).toBe(0);
    // "Do not sell" withdraws advertising, whose scripts ran, so the page reloads once the
    // withdrawal clean-up has run; the reopen button then shows on the reloaded page.
    const reloaded = s.page.waitForEvent('load');
    await s.page.locator('dialog [data-consentry-action="do-not-sell"]').click();
    await reloaded;
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await s.page.evaluate(() => (window as any).Consentry.error)).toBeNull();
    expect(await s.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(requested('/pwned-')).toEqual([]);
    expect(await s.page.locator('consentry-reopen button').getAttribute('title')).toBe(evil(keys.indexOf('reopen')));
  });

  it('a javascript: privacy link makes the config invalid: nothing shows, nothing runs', async () => {
    const errors: string[] = [];
    s.page.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
    await visit(shopPage({ ui: { privacyPolicyUrl: 'javascript:window.__pwned=1' } }));
    expect(errors.join('\n')).toContain('ui.privacyPolicyUrl');
    await s.page.evaluate(() => (window as any).Consentry.show());
    await waitForUI(s.page);
    expect(await s.page.locator('[data-consentry-banner] a').count()).toBe(0);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    expect(
      await s.page.evaluate(() => [(window as any).__pwned, (window as any).Consentry.granted('analytics')]),
    ).toEqual([undefined, false]);
  });
});
