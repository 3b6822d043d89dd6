// The fixture sites, written the way sites are: Consentry's script tag with a config, vendor
// snippets pasted into the HTML, a site's own banner, or no banner at all. Each takes a path
// prefix on the test server and returns its start URL.
import { GA4_SNIPPET, META_SNIPPET } from '../../e2e/support/vendor-snippets';
import { consentryTag, HOTJAR_SNIPPET, page, threePages, type SiteServer } from './site-server';

export const GA = { name: 'google-analytics', id: 'G-ABC123' };
export const META = { name: 'meta-pixel', id: '1234567890123456' };

/** GA4 and the Meta pixel through Consentry's presets, nothing else: the audit passes. */
export const cleanSite = (server: SiteServer, prefix = '/clean') =>
  threePages(server, prefix, consentryTag({ presets: [GA, META] }));

/**
 * Consentry configured for GA4, but the GA4 snippet also pasted straight into <head>; an
 * unknown widget, and a Hotjar-style storage key written by the site's own script.
 */
export const gaInHtmlSite = (server: SiteServer, prefix = '/ga-html') =>
  threePages(
    server,
    prefix,
    consentryTag({ presets: [GA] }) + '\n' + GA4_SNIPPET,
    `<script src="https://widgets.unknown-vendor.example/w.js" async></script>
<script>localStorage.setItem('_hjTLDTest', '1');</script>`,
  );

/**
 * The Meta pixel declared in the config, but the site's own code also loads it after any choice
 * (on `consentry:change`, and on every later page once a choice exists), whatever the choice.
 */
export const leakySite = (server: SiteServer, prefix = '/leaky') =>
  threePages(
    server,
    prefix,
    consentryTag({ presets: [META] }) +
      `
<script>
  window.fbq = window.fbq || function () { (fbq.queue = fbq.queue || []).push(arguments); };
  fbq.queue = fbq.queue || [];
  fbq('init', '${META.id}');
  function loadPixel() {
    var script = document.createElement('script');
    script.src = 'https://connect.facebook.net/en_US/fbevents.js';
    document.head.appendChild(script);
  }
  addEventListener('consentry:change', loadPixel);
  if (window.Consentry && Consentry.decided) loadPixel();
</script>`,
  );

/** GA4 declared; the site's own code adds Hotjar once analytics is granted, undeclared. */
export const undeclaredSite = (server: SiteServer, prefix = '/undeclared') =>
  threePages(
    server,
    prefix,
    consentryTag({ presets: [GA] }) +
      '\n' +
      `<script>
  Consentry.whenGranted('analytics', function () {
    ${HOTJAR_SNIPPET.replace(/<\/?script>/g, '').replace(/<!--.*-->/, '')}
  });
</script>`,
  );

/** A site's own banner, marked with Consentry's hooks: reject is a small grey link in the text. */
export const linkRejectSite = (server: SiteServer, prefix = '/link-reject') =>
  threePages(
    server,
    prefix,
    `<style>
  #cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; padding: 16px; background: #fff; border-top: 1px solid #ccc; font: 16px sans-serif; }
  #cookie-banner .accept { background: #0a7d32; color: #fff; border: 0; padding: 14px 28px; font-size: 18px; font-weight: 700; }
  #cookie-banner a { color: #aaa; font-size: 12px; }
</style>`,
    `<div id="cookie-banner" data-consentry-banner>
  <p>We and our partners use cookies to improve your experience.
    You can <a href="#" data-consentry-action="reject-all">continue without accepting</a>.</p>
  <button type="button" class="accept" data-consentry-action="accept-all">Accept and continue</button>
</div>
<script>
  (function () {
    var banner = document.getElementById('cookie-banner');
    if (/(^|; )consentry=/.test(document.cookie)) return banner.remove();
    banner.addEventListener('click', function (event) {
      var action = event.target.getAttribute('data-consentry-action');
      if (!action) return;
      event.preventDefault();
      // Two years: longer than the 13 months a choice may be kept.
      document.cookie = 'consentry=' + action + '; max-age=63072000; path=/';
      banner.remove();
    });
  })();
</script>`,
  );

/** A site's own banner with accept on the first layer and reject only in the settings, whose switches start on. */
export const buriedRejectSite = (server: SiteServer, prefix = '/buried') =>
  threePages(
    server,
    prefix,
    '',
    `<div id="cookie-banner" data-consentry-banner>
  <p>We use cookies.</p>
  <button type="button" data-consentry-action="accept-all">Accept all</button>
  <button type="button" data-consentry-action="preferences">Settings</button>
</div>
<div id="settings" data-consentry-preferences hidden>
  <label><input type="checkbox" data-consentry-category="analytics" checked> Analytics</label>
  <label><input type="checkbox" data-consentry-category="advertising" checked> Advertising</label>
  <button type="button" data-consentry-action="save">Save</button>
  <button type="button" data-consentry-action="reject-all">Reject all</button>
</div>
<script>
  (function () {
    var banner = document.getElementById('cookie-banner');
    var settings = document.getElementById('settings');
    if (/(^|; )consentry=/.test(document.cookie)) return banner.remove();
    document.addEventListener('keydown', function (event) { if (event.key == 'Escape') settings.hidden = true; });
    document.addEventListener('click', function (event) {
      var action = event.target.getAttribute && event.target.getAttribute('data-consentry-action');
      if (!action) return;
      if (action == 'preferences') return void (settings.hidden = false);
      document.cookie = 'consentry=' + action + '; max-age=15552000; path=/';
      banner.remove();
      settings.remove();
    });
  })();
</script>`,
  );

/** No consent banner and no tracker: the phases that need a click cannot be audited. */
export const noBannerSite = (server: SiteServer, prefix = '/plain') => threePages(server, prefix);

/**
 * The clean site, except that the start page's second answer (the first run's first phase: the
 * audit's probe is the first) carries a Facebook pixel image, as an ad auction's winner might.
 */
export function flakySite(server: SiteServer, prefix = '/flaky'): string {
  const paths = [`${prefix}/`, `${prefix}/about`, `${prefix}/shop`];
  const head = consentryTag({ presets: [GA, META] });
  let served = 0;
  server.set(paths[0]!, () =>
    page({
      title: 'Shop',
      head,
      nav: paths,
      body: ++served == 2 ? `<img alt="" src="https://www.facebook.com/tr?id=${META.id}&ev=PageView&noscript=1">` : '',
    }),
  );
  for (const path of paths.slice(1)) server.set(path, page({ title: 'Shop', head, nav: paths }));
  return server.origin + paths[0];
}

/** A Consentry site that sends Google Consent Mode's cookieless ping (`gcs=G100`) before any choice. */
export const pingSite = (server: SiteServer, prefix = '/ping') =>
  threePages(
    server,
    prefix,
    consentryTag({ presets: [GA] }),
    `<script>new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=${GA.id}&gcs=G100&en=page_view';</script>`,
  );

/** A plain site with GA4, the Meta pixel and Hotjar pasted in, and no consent manager. */
export const plainTrackersSite = (server: SiteServer, prefix = '/plain-trackers') =>
  threePages(server, prefix, [GA4_SNIPPET, META_SNIPPET, HOTJAR_SNIPPET].join('\n'));

/**
 * Another CMP's banner, one that @duckduckgo/autoconsent's rules know (its "Adroll" rule:
 * #adroll_consent_container with accept and reject buttons); Meta's pixel only after accept.
 */
export const otherCmpSite = (server: SiteServer, prefix = '/other-cmp') =>
  threePages(
    server,
    prefix,
    '',
    `<div id="adroll_consent_container">
  <p>We use cookies for advertising.</p>
  <button type="button" id="adroll_consent_accept">Accept</button>
  <button type="button" id="adroll_consent_reject">Reject</button>
</div>
<script>
  (function () {
    var box = document.getElementById('adroll_consent_container');
    var pixel = function () { new Image().src = 'https://www.facebook.com/tr?id=${META.id}&ev=PageView'; };
    if (/__adroll_fpc=/.test(document.cookie)) { box.remove(); return pixel(); }
    if (/adroll_optout=/.test(document.cookie)) return box.remove();
    document.getElementById('adroll_consent_accept').addEventListener('click', function () {
      document.cookie = '__adroll_fpc=a1; max-age=31536000; path=/';
      box.remove();
      pixel();
    });
    document.getElementById('adroll_consent_reject').addEventListener('click', function () {
      document.cookie = 'adroll_optout=1; max-age=31536000; path=/';
      box.remove();
    });
  })();
</script>`,
  );
