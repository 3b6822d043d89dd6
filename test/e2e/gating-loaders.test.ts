// Auto-blocking against pages written the way real sites are, in real Chromium: loader libraries
// from npm bundled unmodified into the site's own script, and vendor snippets pasted verbatim
// after the tag. For each: no vendor request before consent, the vendor tag exactly once after
// acceptAll (also when a preset of the same vendor loads it too), none after rejectAll.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

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
  // developers.google.com/tag-platform/gtagjs/install
  const GA4_SNIPPET = `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST1234"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());

  gtag('config', 'G-TEST1234');
</script>`;
  // developers.google.com/tag-platform/tag-manager/web
  const GTM_SNIPPET = `<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-TEST12');</script>
<!-- End Google Tag Manager -->`;
  // developers.facebook.com/docs/meta-pixel/get-started
  const META_SNIPPET = `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890123456');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=1234567890123456&ev=PageView&noscript=1"
/></noscript>
<!-- End Meta Pixel Code -->`;
  // linkedin.com/help/lms/answer/a427660
  const LINKEDIN_SNIPPET = `<script type="text/javascript">
_linkedin_partner_id = "123456";
window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
window._linkedin_data_partner_ids.push(_linkedin_partner_id);
</script><script type="text/javascript">
(function(l) {
if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};
window.lintrk.q=[]}
var s = document.getElementsByTagName("script")[0];
var b = document.createElement("script");
b.type = "text/javascript";b.async = true;
b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
s.parentNode.insertBefore(b, s);})(window.lintrk);
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=123456&fmt=gif" />
</noscript>`;
  // help.ads.microsoft.com, "How to create a UET tag"
  const UET_SNIPPET = `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"12345678", enableAutoSpaTracking: true};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");</script>`;
  // ads.tiktok.com/help/article/get-started-pixel (the base code TikTok Events Manager generates)
  const TIKTOK_SNIPPET = `<script>
!function (w, d, t) {
  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(
var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js",o=n&&n.partner;ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script")
;n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};

  ttq.load('C4ABCDEFGH1234567890');
  ttq.page();
}(window, document, 'ttq');
</script>`;

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
