// Stand-ins for vendor SDKs in the preset e2e tests: the same globals and consent APIs as the
// real scripts, every call recorded in `window.__calls` as [name, ...args].
export const KEY = '0a1b2c3d-1111-4222-8333-444455556666';
const RECORD = `var record = function (name, args) { (window.__calls = window.__calls || []).push([name].concat(Array.prototype.slice.call(args))); };`;

/** Stand-ins for the vendor SDKs: same globals and consent APIs, calls recorded in window.__calls. */
export const VENDOR_STUBS: Record<string, string> = {
  'cdn.pendo.io/agent/static/': `${RECORD}
    record('pendo.agent', []);
    var queue = window.pendo._q || [];
    ['stopSendingEvents', 'stopGuides', 'teardown', 'initialize', 'track'].forEach(function (m) {
      window.pendo[m] = function () { record('pendo.' + m, arguments); };
    });
    queue.forEach(function (call) { record('pendo.' + call[0], call.slice(1)); });
    localStorage.setItem('_pendo_visitorId.${KEY}', '"_PENDO_T_abc"');
    localStorage.setItem('_pendo_meta.${KEY}', '123');
    document.cookie = '_pendo_accountId.${KEY}=acme; path=/';
    localStorage.setItem('site-owned', 'keep');`,
  'connect.facebook.net/': `${RECORD}
    var fbq = window.fbq;
    fbq.callMethod = function () { record('fbq', arguments); };
    fbq.queue.forEach(function (args) { record('fbq', args); });
    document.cookie = '_fbp=fb.1.1.1; path=/';`,
  'analytics.tiktok.com/': `${RECORD}
    var ttq = window.ttq;
    ttq.slice().forEach(function (call) { record('ttq.' + call[0], call.slice(1)); });
    ['page', 'track', 'grantConsent', 'revokeConsent', 'holdConsent'].forEach(function (m) {
      ttq[m] = function () { record('ttq.' + m, arguments); };
    });`,
  'bat.bing.com/': `${RECORD}
    window.UET = function (o) {
      record('UET', [o.ti]);
      for (var i = 0; i < o.q.length; i++) record('uetq', [o.q[i]]);
      this.push = function () { record('uetq', arguments); };
    };`,
  'snap.licdn.com/': `${RECORD} record('insight', [window._linkedin_data_partner_ids]);`,
};
