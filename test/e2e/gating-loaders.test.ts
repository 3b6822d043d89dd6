// Auto-blocking against pages written the way real sites are, in real Chromium: loader libraries
// from npm bundled unmodified into the site's own script, and vendor snippets pasted verbatim
// after the tag. For each: no vendor request before consent, the vendor tag exactly once after
// acceptAll (also when a preset of the same vendor loads it too), none after rejectAll.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import {
  GA4_SNIPPET,
  GTM_SNIPPET,
  LINKEDIN_SNIPPET,
  META_SNIPPET,
  TIKTOK_SNIPPET,
  UET_SNIPPET,
} from './support/vendor-snippets';

const s = useChromium();

interface Case {
  name: string;
  /** What the page adds after the tag: a `<script src>` of its bundle, or the pasted snippet. */
  head: () => string;
  /** Part of the vendor tag's URL, counted. */
  tag: string;
  /** The preset of the same vendor, and the blockList entry that names the same host instead. */
  preset: Record<string, string>;
  blockList: { host: string; path?: string; category: string };
  /** Parser-inserted `<script src>`: never executed before consent, but the preload scanner may fetch it. */
  parserInserted?: boolean;
}

// UET's snippet calls `new UET(...)` once bat.js has loaded: the stub defines it.
const UET_STUB = `(window.__ran = window.__ran || []).push(document.currentScript.src); window.UET = function () { this.push = function () {}; };`;

const open = async (testCase: Case, rules: 'preset' | 'blockList') => {
  s.thirdParty.stub('bat.bing.com/bat.js', UET_STUB);
  const config = {
    mode: 'opt-in',
    autoBlock: true,
    ...(rules == 'preset' ? { presets: [testCase.preset] } : { blockList: [testCase.blockList] }),
  };
  s.server.set('/page.html', scriptTagPage(config, { head: testCase.head() }));
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
};
const call = (code: string) => s.page.evaluate(`window.Consentry.${code}`);
const executed = async (tag: string) => (await ranScripts(s.page)).filter((url) => url.includes(tag));

/** The three checks: nothing before consent, exactly once after acceptAll, nothing after rejectAll. */
function checks(cases: Case[]) {
  for (const rules of ['preset', 'blockList'] as const)
    describe(`with the matching ${rules == 'preset' ? 'preset' : 'blockList entry'}`, () => {
      it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
        '%s: nothing before consent, the tag exactly once after acceptAll',
        async (_, testCase) => {
          await open(testCase, rules);
          await fence(s.page);
          expect(await executed(testCase.tag)).toEqual([]);
          if (!testCase.parserInserted) expect(s.thirdParty.hits(testCase.tag)).toEqual([]);
          await call('acceptAll()');
          await poll(() => executed(testCase.tag)).toHaveLength(1);
          await fence(s.page);
          expect(await executed(testCase.tag)).toHaveLength(1);
          if (!testCase.parserInserted) expect(s.thirdParty.hits(testCase.tag)).toHaveLength(1);
          expect(s.errors).toEqual([]);
        },
      );

      it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
        '%s: nothing after rejectAll',
        async (_, testCase) => {
          await open(testCase, rules);
          await call('rejectAll()');
          await fence(s.page);
          expect(await executed(testCase.tag)).toEqual([]);
          if (!testCase.parserInserted) expect(s.thirdParty.hits(testCase.tag)).toEqual([]);
        },
      );
    });
}

const GTM = { name: 'google-tag-manager', id: 'GTM-TEST12' };
const GTM_RULE = { host: 'www.googletagmanager.com', path: '/gtm.js', category: 'analytics' };
const GA = { name: 'google-analytics', id: 'G-TEST1234' };
const GA_RULE = { host: 'www.googletagmanager.com', path: '/gtag/', category: 'analytics' };
const META = { name: 'meta-pixel', id: '1234567890123456' };
const META_RULE = { host: 'connect.facebook.net', category: 'advertising' };

describe('loader libraries from npm, bundled unmodified into the site’s script', () => {
  const bundles: Record<string, string> = {
    'react-gtm-module': `import TagManager from 'react-gtm-module'; TagManager.initialize({ gtmId: 'GTM-TEST12' });`,
    'react-ga4': `import ReactGA from 'react-ga4'; ReactGA.initialize('G-TEST1234'); ReactGA.send({ hitType: 'pageview', page: '/' });`,
    'react-facebook-pixel': `import ReactPixel from 'react-facebook-pixel'; ReactPixel.init('1234567890123456'); ReactPixel.pageView();`,
  };
  const built: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, code] of Object.entries(bundles)) built[name] = await bundle(code);
  });
  const serve = (name: string) => {
    s.server.set(`/app-${name}.js`, { body: built[name]!, type: 'text/javascript' });
    // Deferred, as bundlers emit it: the libraries need document.body.
    return `<script defer src="/app-${name}.js"></script>`;
  };

  checks([
    {
      name: 'react-gtm-module',
      head: () => serve('react-gtm-module'),
      tag: 'gtm.js',
      preset: GTM,
      blockList: GTM_RULE,
    },
    { name: 'react-ga4', head: () => serve('react-ga4'), tag: 'gtag/js', preset: GA, blockList: GA_RULE },
    {
      name: 'react-facebook-pixel',
      head: () => serve('react-facebook-pixel'),
      tag: 'fbevents.js',
      preset: META,
      blockList: META_RULE,
    },
  ]);
});

describe('vendor snippets pasted verbatim after the tag', () => {
  checks([
    {
      name: 'GA4 (gtag.js)',
      head: () => GA4_SNIPPET,
      tag: 'gtag/js',
      preset: GA,
      blockList: GA_RULE,
      parserInserted: true,
    },
    { name: 'Google Tag Manager', head: () => GTM_SNIPPET, tag: 'gtm.js', preset: GTM, blockList: GTM_RULE },
    { name: 'Meta Pixel', head: () => META_SNIPPET, tag: 'fbevents.js', preset: META, blockList: META_RULE },
    {
      name: 'LinkedIn Insight Tag',
      head: () => LINKEDIN_SNIPPET,
      tag: 'insight.min.js',
      preset: { name: 'linkedin-insight', id: '123456' },
      blockList: { host: 'snap.licdn.com', category: 'advertising' },
    },
    {
      name: 'Microsoft UET',
      head: () => UET_SNIPPET,
      tag: 'bat.js',
      preset: { name: 'microsoft-uet', id: '12345678' },
      blockList: { host: 'bat.bing.com', category: 'advertising' },
    },
    {
      name: 'TikTok Pixel',
      head: () => TIKTOK_SNIPPET,
      tag: 'events.js',
      preset: { name: 'tiktok-pixel', id: 'C4ABCDEFGH1234567890' },
      blockList: { host: 'analytics.tiktok.com', category: 'advertising' },
    },
  ]);
});
