// The proof-of-consent beacon in real Chromium: every decision reaches `log.endpoint` as JSON,
// also the withdrawal that reloads the page right after it.
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { poll } from './support/poll';
import { esmPage } from './support/esm-page';

const ENDPOINT = 'https://logs.vendor-b.test/consent';
const config = {
  mode: 'opt-in',
  log: { endpoint: ENDPOINT },
  presets: [{ name: 'google-analytics', id: 'G-TEST1234' }],
};

const s = useChromium();

/** The records posted to the endpoint, in order. */
const logged = () =>
  s.thirdParty.requests
    .filter((r) => r.url() == ENDPOINT && r.method() == 'POST')
    .map((r) => JSON.parse(r.postData()!));

describe('proof of consent', () => {
  it('posts every decision as JSON, the one that reloads the page too', async () => {
    s.server.set('/shop', esmPage(config));
    await s.page.goto(s.server.origin + '/shop');
    await s.page.waitForFunction(() => (window as any).started);
    expect(logged()).toEqual([]); // no decision yet, nothing to prove

    await s.page.evaluate('window.consent.acceptAll()');
    await poll(logged).toHaveLength(1);
    const [accepted] = logged();
    expect(accepted).toMatchObject({
      choices: { analytics: true, advertising: true },
      source: 'api',
      revision: 0,
      url: s.server.origin + '/shop',
    });
    expect(accepted.id).toMatch(/^[a-z0-9]{16}$/);
    expect(s.thirdParty.requests.find((r) => r.url() == ENDPOINT)!.headers()['content-type']).toBe('application/json');

    // Analytics ran, so this withdrawal reloads the page: the beacon still gets out.
    await Promise.all([s.page.waitForEvent('load'), s.page.evaluate('window.consent.update({ analytics: false })')]);
    await poll(logged).toHaveLength(2);
    expect(logged()[1]).toMatchObject({
      id: accepted.id,
      choices: { analytics: false, advertising: true },
      source: 'api',
    });
  });
});
