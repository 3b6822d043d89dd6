// Findings 3 and 5 of the security review (docs/guide/security.md): what another subdomain, other
// scripts and hostile page data can do to the visitor's decision, and how Consentry's own files
// load under Trusted Types and Subresource Integrity. Each test failed on the build before the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/root';
import { cspViolations, fence, recordCspViolations, scriptTagPage, SITE_DOMAIN, useChromium } from './support/harness';

const s = useChromium();

const evaluate = <T>(expression: string) => s.page.evaluate(expression) as Promise<T>;
const OPT_IN = { mode: 'opt-in', presets: [{ name: 'google-analytics', id: 'G-TEST1234' }] };
const banner = () => s.page.locator('[data-consentry-banner]');
const shop = (path = '/shop/page.html') => `http://www.${SITE_DOMAIN}:${s.server.port}${path}`;

/** Opens `path` on the shop with the script tag and `config`, and waits for `window.Consentry`. */
async function openShop(config: unknown = OPT_IN, head = '', path = '/shop/page.html'): Promise<void> {
  s.server.set(path, scriptTagPage(config, { head }));
  await s.page.goto(shop(path));
  await s.page.waitForFunction(() => 'Consentry' in window);
}

describe('finding 3: a sibling subdomain cannot overrule the visitor (cookie tossing)', () => {
  /**
   * The visitor rejects on www.shop.test; then a page on blog.shop.test (another team's, or
   * compromised) accepts everything there and plants that record for the whole site, on the
   * narrower path /shop (sent first) and under `rawName`.
   */
  async function tossAfterReject(rawName: string): Promise<void> {
    await openShop();
    await banner().waitFor();
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    expect(await evaluate('Consentry.granted("analytics")')).toBe(false);

    s.server.set('/evil.html', scriptTagPage(OPT_IN));
    await s.page.goto(`http://blog.${SITE_DOMAIN}:${s.server.port}/evil.html`);
    await s.page.waitForFunction(() => 'Consentry' in window);
    await s.page.evaluate(
      ({ rawName, domain }) => {
        (window as any).Consentry.acceptAll();
        const value = document.cookie.match(/(?:^|; )consentry=([^;]*)/)![1];
        document.cookie = `${rawName}=${value}; domain=${domain}; path=/shop`;
      },
      { rawName, domain: SITE_DOMAIN },
    );

    // What the blog page loaded after its "accept" is in the log before counting starts.
    await fence(s.page);
    gaBefore = s.thirdParty.hits('googletagmanager.com').length;
    await s.page.goto(shop());
    await s.page.waitForFunction(() => 'Consentry' in window);
    await fence(s.page);
  }
  /** Requests for Google Analytics since the visitor came back to the shop. */
  let gaBefore = 0;
  const gaRequests = () => s.thirdParty.hits('googletagmanager.com').slice(gaBefore);

  it('a consentry cookie planted with domain= on a narrower path is no decision: nothing is granted', async () => {
    await tossAfterReject('consentry');
    expect(await evaluate('Consentry.granted("analytics")')).toBe(false);
    expect(await evaluate('Consentry.granted("advertising")')).toBe(false);
    expect(gaRequests()).toEqual([]);
    // Two cookies could be the decision: the visitor is asked again, and their answer stands.
    await banner().waitFor();
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await s.page.reload();
    await s.page.waitForFunction(() => 'Consentry' in window);
    expect(await evaluate('[Consentry.decided, Consentry.granted("analytics")]')).toEqual([true, false]);
    expect(await evaluate('document.cookie.split("; ").filter((c) => c.startsWith("consentry=")).length')).toBe(1);
  });

  it('a percent-encoded name (%63onsentry) is not read as the consent cookie and voids it', async () => {
    await tossAfterReject('%63onsentry');
    expect(await evaluate('Consentry.granted("analytics")')).toBe(false);
    expect(await evaluate('Consentry.decided')).toBe(false);
    expect(gaRequests()).toEqual([]);
  });
});

describe('finding 5: hostile page data and other scripts', () => {
  it('Object.prototype.analytics = true set by another script is no consent', async () => {
    const pollute = `<script>Object.prototype.analytics = true; Object.prototype.advertising = true;
      Object.prototype.categories = { analytics: { required: true } };</script>`;
    s.server.set(
      '/polluted.html',
      scriptTagPage(OPT_IN).replace('<title>test</title>', `<title>test</title>${pollute}`),
    );
    await s.page.goto(shop('/polluted.html'));
    await s.page.waitForFunction(() => 'Consentry' in window);
    await fence(s.page);
    expect(await evaluate('Consentry.error')).toBeNull();
    expect(await evaluate('[Consentry.granted("analytics"), Consentry.granted("advertising")]')).toEqual([
      false,
      false,
    ]);
    await evaluate('Consentry.rejectAll()');
    await s.page.reload();
    await s.page.waitForFunction(() => 'Consentry' in window);
    await fence(s.page);
    expect(await evaluate('[Consentry.decided, Consentry.granted("analytics")]')).toEqual([true, false]);
    expect(s.thirdParty.hits('googletagmanager.com')).toEqual([]);
  });

  it('a decision on 40 categories with long names is read back on the next page: no banner, no second decision', async () => {
    const names = Array.from(
      { length: 40 },
      (_, index) => `a_rather_long_category_name_${String(index).padStart(2, '0')}`,
    );
    const categories = Object.fromEntries(names.map((name) => [name, { label: name }]));
    await openShop({ mode: 'opt-in', categories });
    expect(await evaluate('Consentry.error')).toBeNull();
    await banner().waitFor();
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    expect(await evaluate('document.cookie.length')).toBeGreaterThan(1024);
    await s.page.reload();
    await s.page.waitForFunction(() => 'Consentry' in window);
    await fence(s.page);
    expect(await evaluate(`[Consentry.decided, Consentry.granted("${names[39]}")]`)).toEqual([true, true]);
    expect(await banner().count()).toBe(0);
  });

  it('more categories than a cookie can hold is a config error the checker names', async () => {
    const categories = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`c${index}`, {}]));
    await openShop({ mode: 'opt-in', categories });
    expect(await evaluate('String(Consentry.error)')).toMatch(/categories/);
  });

  it("a script's .click() on the banner's button is recorded as api, a person's click as banner", async () => {
    await openShop();
    await banner().waitFor();
    await s.page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot);
      const button = hosts
        .map((host) => host.shadowRoot!.querySelector<HTMLElement>('[data-consentry-action="accept-all"]'))
        .find(Boolean)!;
      button.click();
    });
    await s.page.waitForFunction(() => (window as any).Consentry.decided);
    expect(await evaluate('Consentry.record.source')).toBe('api');

    await s.context.clearCookies();
    await s.page.reload();
    await banner().waitFor();
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    expect(await evaluate('Consentry.record.source')).toBe('banner');
  });

  it('window.Consentry cannot be replaced or deleted by another script; host code still reads it', async () => {
    await openShop();
    const afterAttack = await s.page.evaluate(() => {
      const real = (window as any).Consentry;
      // Sloppy-mode assignment and delete fail silently; strict mode throws.
      (window as any).Consentry = { granted: () => true };
      const deleted = delete (window as any).Consentry;
      let strictThrows = false;
      try {
        (function strictAssignment() {
          'use strict';
          (window as any).Consentry = {};
        })();
      } catch {
        strictThrows = true;
      }
      return { same: (window as any).Consentry === real, deleted, strictThrows };
    });
    expect(afterAttack).toEqual({ same: true, deleted: false, strictThrows: true });
    expect(await evaluate('Consentry.granted("analytics")')).toBe(false);
    await evaluate('Consentry.acceptAll()');
    expect(await evaluate('Consentry.granted("analytics")')).toBe(true);
  });
});

describe("finding 5: Consentry's own files under Trusted Types and Subresource Integrity", () => {
  const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types consentry";

  it("under require-trusted-types-for 'script' the banner, its translation and the reopen icon appear, with no violation", async () => {
    await recordCspViolations(s.context);
    s.server.set('/tt.html', {
      body: scriptTagPage(OPT_IN).replace('<html lang="en">', '<html lang="de">'),
      headers: { 'content-security-policy': TRUSTED_TYPES },
    });
    await s.page.goto(shop('/tt.html'));
    await banner().waitFor();
    // German: i18n/de.js was loaded through the policy too.
    expect(await banner().textContent()).toMatch(/Alle akzeptieren/);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await s.page.locator('consentry-reopen').waitFor({ state: 'attached' });
    expect(await s.page.locator('consentry-reopen svg path').count()).toBe(1);
    expect(await cspViolations(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('the UI chunk is inserted with its integrity, and a chunk changed on the server does not run', async () => {
    await openShop();
    await banner().waitFor();
    const integrity = await evaluate<string | null>(
      `document.querySelector('script[src$="/consentry-ui.js"]').getAttribute('integrity')`,
    );
    expect(integrity).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);

    await s.context.clearCookies();
    const genuine = readFileSync(join(ROOT, 'dist/consentry-ui.js'), 'utf8');
    s.server.set('/dist/consentry-ui.js', { body: 'window.tampered = true;\n' + genuine, type: 'text/javascript' });
    await openShop(OPT_IN, '', '/shop/other.html');
    await fence(s.page);
    await s.page.waitForFunction(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some((entry) =>
        entry.name.endsWith('/consentry-ui.js'),
      ),
    );
    await fence(s.page);
    expect(await evaluate('window.tampered')).toBeUndefined();
    expect(await banner().count()).toBe(0);
    // Fail closed: no banner means no decision, and nothing was granted.
    expect(await evaluate('Consentry.granted("analytics")')).toBe(false);
    s.server.set('/dist/consentry-ui.js', { body: genuine, type: 'text/javascript' });
  });

  it('a translation file changed on the server does not run; the banner shows in English', async () => {
    const genuine = readFileSync(join(ROOT, 'dist/i18n/de.js'), 'utf8');
    s.server.set('/dist/i18n/de.js', { body: 'window.tampered = true;\n' + genuine, type: 'text/javascript' });
    s.server.set('/de.html', scriptTagPage(OPT_IN).replace('<html lang="en">', '<html lang="de">'));
    await s.page.goto(shop('/de.html'));
    await banner().waitFor();
    expect(await evaluate('window.tampered')).toBeUndefined();
    expect(await banner().textContent()).toMatch(/Accept all/);
    s.server.set('/dist/i18n/de.js', { body: genuine, type: 'text/javascript' });
  });
});
