// The Google Tag Manager guide (docs/guide/google-tag-manager.md) in real Chromium: the
// container loads under `analytics`, and an ad tag inside it set up as the guide says
// ("Require additional consent for tag to fire: ad_storage", triggered on page view and on
// `consentry_update`) fires only once `ad_storage` is granted, also when that happens later on
// the page. The container is a stub that reads the dataLayer as gtm.js does: Consent Mode
// commands are `arguments` objects, events are objects with `event`.
import { beforeAll, describe, expect, it } from 'vitest';
import { fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const AD_TAG = 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/';
const CONTAINER = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST12';

/**
 * A container with one ad tag: triggers "All Pages" (gtm.js) and the custom event
 * `consentry_update`; additional consent `ad_storage`; fires once per page.
 */
const CONTAINER_STUB = `(function () {
  var consent = {};
  var fired = false;
  function adTag() {
    if (fired || consent.ad_storage != 'granted') return;
    fired = true;
    new Image().src = ${JSON.stringify(AD_TAG)} + '?value=1';
  }
  function read(item) {
    if (item && item[0] == 'consent' && (item[1] == 'default' || item[1] == 'update'))
      for (var type in item[2]) consent[type] = item[2][type];
    else if (item && (item.event == 'gtm.js' || item.event == 'consentry_update')) adTag();
  }
  var layer = window.dataLayer;
  for (var i = 0; i < layer.length; i++) read(layer[i]);
  var push = layer.push;
  layer.push = function () {
    var result = push.apply(layer, arguments);
    for (var j = 0; j < arguments.length; j++) read(arguments[j]);
    return result;
  };
})();`;

const s = useChromium({ consoleErrors: true });
beforeAll(() => {
  s.server.set(
    '/gtm.html',
    scriptTagPage({
      mode: 'opt-in',
      reloadOnRevoke: false,
      presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }],
    }),
  );
});

async function open(): Promise<void> {
  s.thirdParty.stub('gtm.js', CONTAINER_STUB);
  await s.page.goto(s.server.origin + '/gtm.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
}

const decide = (choices: Record<string, boolean>) =>
  s.page.evaluate((update) => (window as any).Consentry.update(update), choices);

describe('a Tag Manager container under analytics, with an ad tag that needs ad_storage', () => {
  it('loads nothing before consent nor after a refusal', async () => {
    await open();
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    await s.page.evaluate(() => (window as any).Consentry.rejectAll());
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    expect(s.thirdParty.hits(AD_TAG)).toEqual([]);
  });

  it('with analytics granted and advertising denied, the container loads and the ad tag stays silent', async () => {
    await open();
    await decide({ analytics: true, advertising: false });
    await poll(() => s.thirdParty.hits('googletagmanager')).toEqual([CONTAINER]);
    await fence(s.page);
    expect(s.thirdParty.hits(AD_TAG)).toEqual([]);
    // Advertising granted later on the page: the consentry_update trigger fires the tag, once.
    await decide({ advertising: true });
    await poll(() => s.thirdParty.hits(AD_TAG)).toEqual([AD_TAG + '?value=1']);
    await decide({ advertising: true, analytics: true });
    await fence(s.page);
    expect(s.thirdParty.hits(AD_TAG)).toHaveLength(1);
    expect(s.errors).toEqual([]);
  });

  it('with both granted, the ad tag fires on the page view; a returning visit fires it again at load', async () => {
    await open();
    await s.page.evaluate(() => (window as any).Consentry.acceptAll());
    await poll(() => s.thirdParty.hits(AD_TAG)).toHaveLength(1);
    await s.page.reload();
    await poll(() => s.thirdParty.hits(AD_TAG)).toHaveLength(2);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([CONTAINER, CONTAINER]);
  });
});
