// The script-tag build in real Chromium: the three ways to pass a config, what a bad config
// does (one console error naming the path, everything non-essential denied, the host page
// keeps running), `consentry:ready`, and site presets registered by name.
import { beforeEach, describe, expect, it } from 'vitest';
import { builtFile, fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

let consoleErrors: string[];
let pageErrors: string[];

const s = useChromium();
beforeEach(async () => {
  consoleErrors = [];
  pageErrors = [];
  s.page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  s.page.on('pageerror', (error) => pageErrors.push(error.message));
});

const GA = { name: 'google-analytics', id: 'G-ABC123' };
/** A host-page script after the tag: proves the page's own code keeps running. */
const HOST_SCRIPT = '<script src="/test/e2e/pages/host-page.js"></script>';

const open = async (path: string, html: string) => {
  s.server.set(path, html);
  await s.page.goto(s.server.origin + path);
  // Whatever the page started while it loaded has been answered by now.
  await fence(s.page);
};
const consentry = <T>(expression: string): Promise<T> => s.page.evaluate(expression) as Promise<T>;

describe('a bad config', () => {
  it('unparseable data-config: one console error, everything denied, the page keeps running', async () => {
    s.server.set('/test/e2e/pages/host-page.js', { body: 'window.hostRan = true;', type: 'text/javascript' });
    const html = `<!doctype html><html><head>
      <script src="/dist/consentry.js" data-config='{"presets": [oops]}'></script>
      <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor.test/a.js"></script>
      ${HOST_SCRIPT}</head><body></body></html>`;
    await open('/bad-json.html', html);
    expect(consoleErrors).toHaveLength(1);
    expect(consoleErrors[0]).toContain('data-config');
    expect(await consentry('window.hostRan')).toBe(true);
    expect(await consentry('window.Consentry.error !== null')).toBe(true);
    expect(await consentry('window.Consentry.state')).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
    });
    await consentry('window.Consentry.acceptAll()');
    expect(await consentry('window.Consentry.granted("analytics")')).toBe(false);
    await fence(s.page);
    expect(s.thirdParty.requests.filter((request) => !request.url().includes('fence.example'))).toHaveLength(0);
    expect(pageErrors).toEqual([]);
  });

  it('an invalid preset id: the error names the path, and the preset never loads', async () => {
    s.server.set('/test/e2e/pages/host-page.js', { body: 'window.hostRan = true;', type: 'text/javascript' });
    await open(
      '/bad-id.html',
      scriptTagPage({ presets: [{ name: 'google-analytics', id: 'UA-1' }] }, { head: HOST_SCRIPT }),
    );
    expect(consoleErrors.join('\n')).toContain('presets[0].id');
    expect(await consentry('window.hostRan')).toBe(true);
    await consentry('window.Consentry.acceptAll(); window.Consentry.showPreferences()');
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the three ways in', () => {
  // A file made by `consentry build` checks a page's own config with consentry-check.js, which
  // it fetches first: there the instance arrives with consentry:ready, after the tag (README,
  // "Smallest possible script"). The generic file has it at once.
  const arrival = builtFile() ? 'with consentry:ready' : 'synchronously';
  it(`data-config: window.Consentry and consentry:ready are there ${arrival}`, async () => {
    const html = scriptTagPage(
      { presets: [GA] },
      {
        head: '<script src="/test/e2e/pages/after-tag.js"></script>',
      },
    );
    const check =
      'window.sawInstance = typeof window.Consentry.acceptAll === "function" && typeof window.Consentry.showPreferences === "function";';
    s.server.set('/test/e2e/pages/after-tag.js', {
      body: builtFile()
        ? `window.sawInstance = !!window.Consentry; window.addEventListener("consentry:ready", function () { ${check} });`
        : check,
      type: 'text/javascript',
    });
    await open('/data-config.html', html);
    await poll(() => consentry('window.sawInstance')).toBe(true);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    await consentry('window.Consentry.acceptAll()');
    await poll(() => s.thirdParty.hits('googletagmanager.com/gtag/js')).toHaveLength(1);
  });

  it('window.consentryConfig set before the tag', async () => {
    s.server.set('/test/e2e/pages/config-global.js', {
      body: `window.consentryConfig = ${JSON.stringify({ presets: [GA], revision: 3 })};`,
      type: 'text/javascript',
    });
    await open(
      '/global.html',
      `<!doctype html><html><head>
      <script src="/test/e2e/pages/config-global.js"></script>
      <script src="/dist/consentry.js"></script></head><body></body></html>`,
    );
    expect(await consentry('window.Consentry[Symbol.for("consentry.internals")].presets.length')).toBe(1);
    expect(await consentry('window.Consentry.record.revision')).toBe(3);
  });

  it('data-config-url: the instance and consentry:ready arrive with the config', async () => {
    s.server.set('/consent.json', { body: JSON.stringify({ presets: [GA] }), type: 'application/json' });
    s.server.set('/test/e2e/pages/listen-ready.js', {
      body: 'window.addEventListener("consentry:ready", function (e) { window.readyDetail = e.detail === window.Consentry; });',
      type: 'text/javascript',
    });
    await open(
      '/config-url.html',
      `<!doctype html><html><head>
      <script src="/test/e2e/pages/listen-ready.js"></script>
      <script src="/dist/consentry.js" data-config-url="/consent.json"></script></head><body></body></html>`,
    );
    await poll(() => consentry('window.readyDetail')).toBe(true);
    expect(await consentry('window.Consentry[Symbol.for("consentry.internals")].presets[0].entry.id')).toBe('G-ABC123');
  });

  it('data-config-url that fails: one console error, an instance with everything denied', async () => {
    await open(
      '/config-404.html',
      `<!doctype html><html><head>
      <script src="/dist/consentry.js" data-config-url="/missing.json"></script></head><body></body></html>`,
    );
    await poll(() => consentry('!!(window.Consentry && window.Consentry.error)')).toBe(true);
    expect(
      consoleErrors.filter((e) => e.includes('/missing.json') && !e.includes('Failed to load resource')),
    ).toHaveLength(1);
  });
});

describe('site presets registered by name', () => {
  it('window.consentryPresets: validated like the built-in ones, loaded only after consent', async () => {
    s.server.set('/test/e2e/pages/site-preset.js', {
      type: 'text/javascript',
      body: `window.consentryPresets = [{
        name: 'hotjar', label: 'Hotjar', category: 'analytics',
        hosts: ['static.hotjar.test'], cookies: [{ name: '_hj*', purpose: 'Recordings', lifetime: '1 year' }],
        options: ['id'],
        validate: function (entry) { return /^\\d{5,10}$/.test(entry.id) ? [] : [{ path: 'id', message: 'expected a Hotjar site id' }]; },
        load: function (ctx) { ctx.loadScript(ctx.src('https://static.hotjar.test/c/hotjar-' + ctx.entry.id + '.js')); }
      }];`,
    });
    const head = '<script src="/test/e2e/pages/site-preset.js"></script>';
    const config = { presets: [{ name: 'hotjar', id: '1234567' }] };
    s.server.set(
      '/site-preset.html',
      `<!doctype html><html><head>${head}
      <script src="/dist/consentry.js" data-config='${JSON.stringify(config)}'></script></head><body></body></html>`,
    );
    await s.page.goto(s.server.origin + '/site-preset.html');
    await fence(s.page);
    expect(consoleErrors).toEqual([]);
    expect(s.thirdParty.hits('hotjar')).toEqual([]);
    await consentry('window.Consentry.update({ analytics: true })');
    await poll(() => ranScripts(s.page)).toEqual(['https://static.hotjar.test/c/hotjar-1234567.js']);

    const bad = { presets: [{ name: 'hotjar', id: 'x' }] };
    s.server.set(
      '/site-preset-bad.html',
      `<!doctype html><html><head>${head}
      <script src="/dist/consentry.js" data-config='${JSON.stringify(bad)}'></script></head><body></body></html>`,
    );
    consoleErrors = [];
    await s.page.goto(s.server.origin + '/site-preset-bad.html');
    await poll(() => consoleErrors.join('\n')).toContain('presets[0].id: expected a Hotjar site id');
  });
});

describe('embed placeholders in the page language', () => {
  const iframe =
    '<iframe data-consent="advertising" data-src="https://video.vendor.test/embed/1" title="Video" width="400" height="200"></iframe>';
  const placeholderText = () => s.page.locator('[data-consentry-placeholder] p').textContent();

  it('a German page fetches the German texts (with the translated category label), an English one nothing', async () => {
    const config = { ui: { lang: 'auto' } };
    await open('/de.html', scriptTagPage(config, { body: iframe }).replace('<html lang="en">', '<html lang="de-AT">'));
    await poll(placeholderText).toBe('Dieser Inhalt ist blockiert, bis Sie Werbung erlauben');
    expect(await s.page.locator('[data-consentry-placeholder] button').first().textContent()).toBe('Werbung erlauben');

    s.server.requests.length = 0;
    await open('/en.html', scriptTagPage(config, { body: iframe }));
    expect(await placeholderText()).toBe('This content is blocked until you allow advertising');
    expect(s.server.requests.filter((path) => path.includes('/i18n/'))).toEqual([]);
    expect(s.thirdParty.hits('video.vendor.test')).toEqual([]);
  });

  it("the site's own ui.texts win over the shipped translation", async () => {
    const config = { ui: { texts: { de: { embedAllow: 'Werbung zulassen' } } } };
    await open('/de-own.html', scriptTagPage(config, { body: iframe }).replace('<html lang="en">', '<html lang="de">'));
    await poll(() => s.page.locator('[data-consentry-placeholder] button').first().textContent()).toBe(
      'Werbung zulassen',
    );
    expect(await placeholderText()).toBe('Dieser Inhalt ist blockiert, bis Sie Werbung erlauben');
  });
});

describe('consent.loadScript', () => {
  it('waits while denied, loads once granted, and a withdrawal afterwards reloads the page', async () => {
    s.server.set('/test/e2e/pages/load-script.js', {
      type: 'text/javascript',
      // As a page does once the instance is there (at once with the generic file, with
      // consentry:ready with a built file given the page's own config).
      body:
        "function load() { window.Consentry.loadScript('analytics', 'https://cdn.vendor.test/loaded.js').then(function () { window.loaded = true; }); }" +
        (builtFile() ? " window.addEventListener('consentry:ready', load);" : ' load();'),
    });
    await open(
      '/load-script.html',
      scriptTagPage({}, { head: '<script src="/test/e2e/pages/load-script.js"></script>' }),
    );
    expect(s.thirdParty.hits('loaded.js')).toEqual([]);
    await consentry('window.Consentry.update({ analytics: true })');
    await poll(() => consentry('window.loaded === true')).toBe(true);
    expect(await ranScripts(s.page)).toEqual(['https://cdn.vendor.test/loaded.js']);
    const reloaded = s.page.waitForEvent('load');
    await consentry('window.Consentry.update({ analytics: false })');
    await reloaded;
    await fence(s.page);
    expect(s.thirdParty.hits('loaded.js')).toHaveLength(1);
  });
});
