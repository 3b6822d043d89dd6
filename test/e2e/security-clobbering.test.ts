// DOM clobbering: markup a site lets its users post (a comment, a CMS field that allows `name`
// or `id`) must not choose where Consentry loads its chunks from, with what nonce, or with what
// config. `<img name="currentScript">` shadows `document.currentScript` (Document's named
// properties override its own members: WHATWG HTML, "Document" named properties,
// [LegacyOverrideBuiltIns]); `<a id="consentryConfig">` shows up as `window.consentryConfig`
// (HTML "named access on the Window object").
import { describe, expect, it } from 'vitest';
import { fence, useChromium } from './support/harness';

const s = useChromium();

const NONCE = 'n0nce-for-this-page';
const CSP = `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`;
/** What a user may post: an image (with a name) and a link (with an id), no script. */
const POSTED = `<img name="currentScript" src="https://evil.example/x/y.gif" data-config='{"log":{"endpoint":"https://evil.example/log"}}'>
<a id="consentryConfig" href="https://evil.example/">my site</a>`;

const open = async (tag: string, body = POSTED) => {
  s.thirdParty.stub('evil.example/x/', 'window.attackerRan = true;');
  s.server.set('/clobber.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">${tag}</head><body>${body}
      <script nonce="${NONCE}">window.inlineWithNonce = true;</script>
      <script>window.inlineWithoutNonce = true;</script></body></html>`,
    headers: { 'content-security-policy': CSP },
  });
  await s.page.goto(s.server.origin + '/clobber.html');
  await s.page.waitForFunction(() => 'Consentry' in window);
  await fence(s.page);
};
const evaluate = <T>(expression: string) => s.page.evaluate(expression) as Promise<T>;
const evilRequests = () => s.thirdParty.hits('evil.example').filter((url) => !url.endsWith('/y.gif'));

describe('markup that clobbers document.currentScript', () => {
  it('a deferred tag still loads its UI from its own folder, with the nonce, and never from the posted element', async () => {
    await open(`<script defer nonce="${NONCE}" src="/dist/consentry.js" data-config='{"presets":[]}'></script>`);
    // The banner must show: a first visit, opt-in.
    await s.page.waitForSelector('[data-consentry-banner]', { state: 'attached' });
    expect(await evaluate('window.attackerRan')).toBeUndefined();
    expect(evilRequests()).toEqual([]);
    expect(s.server.requests).toContain('/dist/consentry-ui.js');
    // The controls of this page: a nonced inline script runs, one without is blocked.
    expect(await evaluate('window.inlineWithNonce')).toBe(true);
    expect(await evaluate('window.inlineWithoutNonce')).toBeUndefined();
  });

  it("the posted element's data-config is never read: the tag's own config is", async () => {
    await open(
      `<script defer nonce="${NONCE}" src="/dist/consentry.js" data-config='{"revision":7,"log":{"endpoint":"/log"}}'></script>`,
    );
    expect(await evaluate('window.Consentry.error')).toBeNull();
    await evaluate('window.Consentry.acceptAll()');
    await fence(s.page);
    expect(evilRequests()).toEqual([]);
    expect(await evaluate('window.Consentry.record.revision')).toBe(7);
  });

  it('an async tag and a plain tag are not fooled either', async () => {
    for (const attrs of ['async', '']) {
      await open(`<script ${attrs} nonce="${NONCE}" src="/dist/consentry.js" data-config='{"presets":[]}'></script>`);
      await s.page.waitForSelector('[data-consentry-banner]', { state: 'attached' });
      expect(evilRequests()).toEqual([]);
      expect(await evaluate('window.attackerRan')).toBeUndefined();
    }
  });
});

describe('markup that clobbers window.consentryConfig', () => {
  it('an element named consentryConfig does not switch the library off: data-config-url is still read', async () => {
    s.server.set('/consent.json', { body: JSON.stringify({ revision: 4 }), type: 'application/json' });
    await open(`<script defer nonce="${NONCE}" src="/dist/consentry.js" data-config-url="/consent.json"></script>`);
    expect(await evaluate('window.Consentry.error')).toBeNull();
    await evaluate('window.Consentry.acceptAll()');
    expect(await evaluate('window.Consentry.record.revision')).toBe(4);
  });

  it('a real window.consentryConfig object still configures the tag', async () => {
    await open(
      `<script nonce="${NONCE}">window.consentryConfig = { revision: 9 };</script>
       <script defer nonce="${NONCE}" src="/dist/consentry.js"></script>`,
      '',
    );
    expect(await evaluate('window.Consentry.error')).toBeNull();
    await evaluate('window.Consentry.acceptAll()');
    expect(await evaluate('window.Consentry.record.revision')).toBe(9);
  });
});
