// Site code calls its vendors' APIs (`fbq('track', 'Lead')`, `ttq.track()`, `_hsq.push()`…)
// whatever the visitor decided. Every preset whose vendor documents such a global defines the
// vendor's own queue stub at start, so in real Chromium, for each preset: a call before consent
// and one after a refusal throw nothing and send nothing; once the category is granted the
// vendor's script loads and finds both calls in its queue, in order, after the preset's own.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { presetRegistry } from '../../presets/registry';
import { buildScriptTag } from '../../src/node/build/build-script-tag';
import type { ConsentConfig } from '../../src/core/types';
import { ROOT } from '../support/root';
import { fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const KEY = '0a1b2c3d-1111-4222-8333-444455556666';
const PH_KEY = 'phc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

interface Case {
  /** The preset entry in the config. */
  entry: Record<string, unknown>;
  category: 'analytics' | 'advertising';
  /** An add-on preset: its file goes before consentry.js. */
  addOn?: boolean;
  /** Site code: one call of the vendor's API carrying `label` (a JS string expression). */
  call: (label: string) => string;
  /** A part of the vendor script's URL, and an expression of what its queue holds when it runs. */
  script: string;
  queue: string;
  /** What the vendor finds in its queue, the site's two calls last. */
  expected: (before: string, after: string) => unknown[];
}

/** Arguments objects and arrays in a queue, as plain arrays. */
const ARRAYS = `function (items) { return Array.prototype.map.call(items || [], function (item) {
  return typeof item == 'object' && item && 'length' in item ? Array.prototype.slice.call(item) : item; }); }`;

const gtagCase = (entry: Record<string, unknown>, category: Case['category']): Case => ({
  entry,
  category,
  call: (label) => `gtag('event', 'sign_up', { label: ${label} })`,
  script: 'www.googletagmanager.com/gtag/js',
  // gtag.js reads every command in dataLayer in order; the site's events are among them.
  queue: `(${ARRAYS})(window.dataLayer).filter(function (c) { return c[0] == 'event' || c[0] == 'config'; })`,
  expected: (before, after) => [
    ['event', 'sign_up', { label: before }],
    ['event', 'sign_up', { label: after }],
    ['config', entry.id],
  ],
});

const CASES: Record<string, Case> = {
  'google-analytics': gtagCase({ name: 'google-analytics', id: 'G-TEST1234' }, 'analytics'),
  'google-ads': gtagCase({ name: 'google-ads', id: 'AW-123456789' }, 'advertising'),
  'google-tag-manager': {
    entry: { name: 'google-tag-manager', id: 'GTM-TEST12' },
    category: 'analytics',
    call: (label) => `dataLayer.push({ event: 'lead', label: ${label} })`,
    script: 'www.googletagmanager.com/gtm.js',
    queue: `window.dataLayer.filter(function (e) { return e.event == 'lead' || e.event == 'gtm.js'; })
      .map(function (e) { return e.event == 'gtm.js' ? 'gtm.js' : e; })`,
    expected: (before, after) => [{ event: 'lead', label: before }, { event: 'lead', label: after }, 'gtm.js'],
  },
  pendo: {
    entry: { name: 'pendo', apiKey: KEY },
    category: 'analytics',
    call: (label) => `pendo.track('Lead', { label: ${label} })`,
    script: 'cdn.pendo.io/agent/static/',
    queue: 'window.pendo._q',
    expected: (before, after) => [
      ['track', 'Lead', { label: before }],
      ['track', 'Lead', { label: after }],
    ],
  },
  'meta-pixel': {
    entry: { name: 'meta-pixel', id: '1234567890123456' },
    category: 'advertising',
    call: (label) => `fbq('track', 'Lead', { label: ${label} })`,
    script: 'connect.facebook.net/en_US/fbevents.js',
    queue: `(${ARRAYS})(window.fbq.queue)`,
    expected: (before, after) => [
      ['init', '1234567890123456'],
      ['track', 'PageView'],
      ['track', 'Lead', { label: before }],
      ['track', 'Lead', { label: after }],
    ],
  },
  'linkedin-insight': {
    entry: { name: 'linkedin-insight', id: '123456' },
    category: 'advertising',
    call: (label) => `lintrk('track', { conversion_id: ${label} })`,
    script: 'snap.licdn.com/li.lms-analytics/insight.min.js',
    queue: 'window.lintrk.q',
    expected: (before, after) => [
      ['track', { conversion_id: before }],
      ['track', { conversion_id: after }],
    ],
  },
  'microsoft-uet': {
    entry: { name: 'microsoft-uet', id: '12345678' },
    category: 'advertising',
    call: (label) => `window.uetq.push('event', 'lead', { event_label: ${label} })`,
    script: 'bat.bing.com/bat.js',
    queue: 'window.uetq.slice()',
    // UET's queue is flat: consent mode's default, the site's events, the grant.
    expected: (before, after) => [
      'consent',
      'default',
      { ad_storage: 'denied' },
      'event',
      'lead',
      { event_label: before },
      'event',
      'lead',
      { event_label: after },
      'consent',
      'update',
      { ad_storage: 'granted' },
    ],
  },
  'tiktok-pixel': {
    entry: { name: 'tiktok-pixel', id: 'C4ABCDEFGH1234567890' },
    category: 'advertising',
    call: (label) => `ttq.track('SubmitForm', { label: ${label} })`,
    script: 'analytics.tiktok.com/i18n/pixel/events.js',
    queue: 'window.ttq.slice()',
    expected: (before, after) => [
      ['page'],
      ['track', 'SubmitForm', { label: before }],
      ['track', 'SubmitForm', { label: after }],
    ],
  },
  'microsoft-clarity': {
    entry: { name: 'microsoft-clarity', id: 'abcdef1234' },
    category: 'analytics',
    addOn: true,
    call: (label) => `clarity('event', ${label})`,
    script: 'www.clarity.ms/tag/',
    queue: `(${ARRAYS})(window.clarity.q)`,
    expected: (before, after) => [
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
      ['event', before],
      ['event', after],
    ],
  },
  hotjar: {
    entry: { name: 'hotjar', id: '1234567' },
    category: 'analytics',
    addOn: true,
    call: (label) => `hj('event', ${label})`,
    script: 'static.hotjar.com/c/hotjar-',
    queue: `(${ARRAYS})(window.hj.q)`,
    expected: (before, after) => [
      ['event', before],
      ['event', after],
    ],
  },
  'x-pixel': {
    entry: { name: 'x-pixel', id: 'o1abc' },
    category: 'advertising',
    addOn: true,
    call: (label) => `twq('event', 'tw-o1abc-lead', { conversion_id: ${label} })`,
    script: 'static.ads-twitter.com/uwt.js',
    queue: `(${ARRAYS})(window.twq.queue)`,
    expected: (before, after) => [
      ['config', 'o1abc'],
      ['event', 'tw-o1abc-lead', { conversion_id: before }],
      ['event', 'tw-o1abc-lead', { conversion_id: after }],
    ],
  },
  'snapchat-pixel': {
    entry: { name: 'snapchat-pixel', id: 'c9215353-76c9-4423-a615-21b4ac088222' },
    category: 'advertising',
    addOn: true,
    call: (label) => `snaptr('track', 'SIGN_UP', { description: ${label} })`,
    script: 'sc-static.net/scevent.min.js',
    queue: `(${ARRAYS})(window.snaptr.queue)`,
    expected: (before, after) => [
      ['init', 'c9215353-76c9-4423-a615-21b4ac088222'],
      ['track', 'PAGE_VIEW'],
      ['track', 'SIGN_UP', { description: before }],
      ['track', 'SIGN_UP', { description: after }],
    ],
  },
  'reddit-pixel': {
    entry: { name: 'reddit-pixel', id: 'a2_abcdef123456' },
    category: 'advertising',
    addOn: true,
    call: (label) => `rdt('track', 'Lead', { conversionId: ${label} })`,
    script: 'www.redditstatic.com/ads/pixel.js',
    queue: `(${ARRAYS})(window.rdt.callQueue)`,
    expected: (before, after) => [
      ['init', 'a2_abcdef123456'],
      ['track', 'PageVisit'],
      ['track', 'Lead', { conversionId: before }],
      ['track', 'Lead', { conversionId: after }],
    ],
  },
  'pinterest-tag': {
    entry: { name: 'pinterest-tag', id: '2613041334883' },
    category: 'advertising',
    addOn: true,
    call: (label) => `pintrk('track', 'lead', { lead_type: ${label} })`,
    script: 's.pinimg.com/ct/core.js',
    queue: 'window.pintrk.queue',
    expected: (before, after) => [
      ['load', '2613041334883'],
      ['page'],
      ['track', 'lead', { lead_type: before }],
      ['track', 'lead', { lead_type: after }],
    ],
  },
  hubspot: {
    entry: { name: 'hubspot', id: '1234567' },
    category: 'analytics',
    addOn: true,
    call: (label) => `_hsq.push(['setPath', ${label}])`,
    script: 'js.hs-scripts.com/1234567.js',
    queue: 'window._hsq.slice()',
    expected: (before, after) => [
      ['setPath', before],
      ['setPath', after],
    ],
  },
  intercom: {
    entry: { name: 'intercom', id: 'abc12345' },
    category: 'analytics',
    addOn: true,
    call: (label) => `Intercom('trackEvent', ${label})`,
    script: 'widget.intercom.io/widget/abc12345',
    queue: `(${ARRAYS})(window.Intercom.q)`,
    expected: (before, after) => [
      ['trackEvent', before],
      ['trackEvent', after],
    ],
  },
  posthog: {
    entry: { name: 'posthog', apiKey: PH_KEY },
    category: 'analytics',
    addOn: true,
    call: (label) => `posthog.capture('lead', { label: ${label} })`,
    script: 'us-assets.i.posthog.com/static/array.js',
    // array.js runs `init` from `_i` first, then the queue.
    queue: `window.posthog._i.map(function (init) { return ['init', init[0]]; }).concat(window.posthog.slice())`,
    expected: (before, after) => [
      ['init', PH_KEY],
      ['capture', 'lead', { label: before }],
      ['capture', 'lead', { label: after }],
    ],
  },
};

const BEFORE = 'before consent';
const AFTER = 'after refusal';

/** The site: the tag (add-on file first), then its own code calling the vendor while the page loads. */
function page(name: string, test: Case): string {
  const config = { mode: 'opt-in', reloadOnRevoke: false, presets: [test.entry] };
  const html = scriptTagPage(config, {
    body: `<script>
  window.siteCall = function (label) { ${test.call('label')}; };
  siteCall(${JSON.stringify(BEFORE)});
</script>`,
  });
  return test.addOn
    ? html.replace('<script src="/dist/consentry.js"', `<script src="/dist/presets/${name}.js"></script>\n$&`)
    : html;
}

const s = useChromium({ consoleErrors: true });
beforeAll(() => {
  for (const [name, test] of Object.entries(CASES)) s.server.set(`/queue/${name}.html`, page(name, test));
});
beforeEach(() => {
  // Each vendor's script records what it finds queued for it when it runs.
  for (const test of Object.values(CASES))
    s.thirdParty.stub(test.script, `window.__found = JSON.parse(JSON.stringify(${test.queue}));`);
});
afterEach(() => {
  expect(s.errors).toEqual([]);
});

/** Refuses, calls again, then grants the case's category: nothing loads until then, and the vendor finds both calls, in order. */
async function refuseThenGrant(test: Case): Promise<void> {
  await s.page.waitForFunction(() => (window as any).Consentry);
  await s.page.evaluate(() => (window as any).Consentry.rejectAll());
  await s.page.evaluate((label) => (window as any).siteCall(label), AFTER);
  await fence(s.page);
  expect(s.thirdParty.requests.map((r) => r.url()).filter((url) => !url.includes('fence.example'))).toEqual([]);

  await s.page.evaluate((category) => (window as any).Consentry.update({ [category]: true }), test.category);
  await poll(() => s.page.evaluate(() => (window as any).__found)).toEqual(test.expected(BEFORE, AFTER));
}

describe('the vendor’s own queue stub, defined at start', () => {
  it.each(Object.keys(CASES))(
    '%s: calls before consent and after a refusal wait; a grant hands them over in order',
    async (name) => {
      await s.page.goto(`${s.server.origin}/queue/${name}.html`);
      await refuseThenGrant(CASES[name]!);
      expect(s.thirdParty.hits(CASES[name]!.script)).toHaveLength(1);
    },
  );
});

// A site's own file (`consentry build`) carries its config, so it defines the stubs as it runs,
// before the site's next script. (Given a config by the page instead, it first fetches the
// checker, consentry-check.js, and defines them once that config is checked: docs/reference/presets.md.)
describe('a site’s own file with its config built in', () => {
  const builtIn = Object.keys(CASES).filter((name) => !CASES[name]!.addOn);
  beforeAll(async () => {
    for (const name of builtIn) {
      const config: ConsentConfig = { mode: 'opt-in', reloadOnRevoke: false, presets: [CASES[name]!.entry as never] };
      await buildScriptTag(config, {
        registry: presetRegistry,
        distDir: `${ROOT}/dist`,
        outFile: `${ROOT}/dist/e2e-site/queue-stubs/${name}/consentry.js`,
      });
      const html = page(name, CASES[name]!).replace(
        /<script src="\/dist\/consentry\.js" data-config='[^']*'/,
        `<script src="/dist/e2e-site/queue-stubs/${name}/consentry.js"`,
      );
      s.server.set(`/built/${name}.html`, html);
    }
  });

  it.each(builtIn)('%s: the calls the page makes right after the tag wait too', async (name) => {
    await s.page.goto(`${s.server.origin}/built/${name}.html`);
    await refuseThenGrant(CASES[name]!);
    expect(s.thirdParty.hits(CASES[name]!.script)).toHaveLength(1);
    // The site's file, with nothing to check: the page gives it no config.
    const folder = `/dist/e2e-site/queue-stubs/${name}/`;
    expect(s.server.requests).toContain(`${folder}consentry.js`);
    expect(s.server.requests.filter((path) => path.endsWith('consentry-check.js'))).toEqual([]);
  });
});
