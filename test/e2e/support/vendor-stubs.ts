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

/** A stub that replays `queue` (an array of `arguments`) into record(name) and then records live calls to `global`. */
const queueStub = (global: string, queue: string, cookie: string) => `${RECORD}
    var fn = window.${global};
    var queued = (${queue}) || [];
    for (var i = 0; i < queued.length; i++) record('${global}', queued[i]);
    window.${global} = function () { record('${global}', arguments); };
    document.cookie = '${cookie}; path=/';`;

export const PH_KEY = 'phc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** Stand-ins for the add-on presets' vendor scripts, keyed by a part of the real loader URL. */
export const ADD_ON_STUBS: Record<string, string> = {
  'www.clarity.ms/tag/':
    queueStub('clarity', 'fn.q', '_clck=abc|1; max-age=3600') + `document.cookie = '_clsk=s1; path=/';`,
  'static.hotjar.com/c/hotjar-': `${RECORD} record('hotjar', [window._hjSettings]);
    document.cookie = '_hjSessionUser_1234567=u1; path=/'; document.cookie = '_hjSession_1234567=s1; path=/';`,
  'static.ads-twitter.com/uwt.js': queueStub('twq', 'fn.queue', '_twclid=t1'),
  'sc-static.net/scevent.min.js': queueStub('snaptr', 'fn.queue', '_scid=s1'),
  'www.redditstatic.com/ads/pixel.js': queueStub('rdt', 'fn.callQueue', '_rdt_uuid=r1'),
  's.pinimg.com/ct/core.js': queueStub('pintrk', 'fn.queue', '_pin_unauth=p1'),
  'js.hs-scripts.com/': `${RECORD}
    var hsp = window._hsp;
    for (var i = 0; i < hsp.length; i++) record('_hsp', hsp[i]);
    window._hsp = { push: function (call) { record('_hsp', call); } };
    document.cookie = '__hstc=h1; path=/'; document.cookie = 'hubspotutk=h2; path=/';`,
  'widget.intercom.io/widget/': `${RECORD}
    var queued = window.Intercom.q;
    record('intercomSettings', [window.intercomSettings]);
    for (var i = 0; i < queued.length; i++) record('Intercom', queued[i]);
    window.Intercom = function () { record('Intercom', arguments); };
    document.cookie = 'intercom-id-abc12345=i1; path=/';`,
  'i.posthog.com/static/array.js': `${RECORD}
    var ph = window.posthog;
    record('posthog.init', ph._i[0]);
    ['opt_in_capturing', 'opt_out_capturing', 'capture'].forEach(function (m) {
      ph[m] = function () { record('posthog.' + m, arguments); };
    });
    ph.init = function () { record('posthog.init', arguments); };
    document.cookie = 'ph_${PH_KEY}_posthog=p1; path=/';
    localStorage.setItem('ph_${PH_KEY}_posthog', '{}');`,
  'www.youtube.com/iframe_api': `${RECORD} record('youtube-api', []); window.onYouTubeIframeAPIReady && window.onYouTubeIframeAPIReady();`,
  'player.vimeo.com/api/player.js': `${RECORD} record('vimeo-sdk', []);`,
  'maps.googleapis.com/maps/api/js': `${RECORD} record('maps', []); window.initMap && window.initMap();`,
};
