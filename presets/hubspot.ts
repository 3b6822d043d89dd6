import { checkOption, definePreset, type PresetContext } from 'consentry';

export interface HubspotOptions {
  /** Hub (portal) id: the digits in the tracking code's file name (`js.hs-scripts.com/1234567.js`). */
  id: string;
  /** `eu1` for accounts hosted in the EU (tracking code on js-eu1.hs-scripts.com). */
  region?: 'eu1';
}

/** Tells HubSpot the visitor's consent through its consent banner API (`_hsp` queue). */
const tell = ({ window: page, state, granted }: PresetContext): void => {
  const hsp = (page._hsp = page._hsp || []);
  if (!granted) hsp.push(['revokeCookieConsent']);
  hsp.push(['setHubSpotConsent', { analytics: granted, advertisement: !!state.advertising, functionality: granted }]);
};

/**
 * HubSpot tracking code, loaded once `analytics` is granted: its cookies count visits and
 * sessions (HubSpot files them under analytics); a site using HubSpot's ad features may move it
 * to `advertising`. Consentry is the banner: `disableHubSpotCookieBanner` turns HubSpot's own
 * off, `setHubSpotConsent` passes the decision before the tag and on every change, and a
 * withdrawal also sends `revokeCookieConsent`, which removes HubSpot's cookies
 * (developers.hubspot.com/docs/api/events/cookie-banner). The loader is HubSpot's
 * `<script id="hs-script-loader" src="//js.hs-scripts.com/<id>.js">`
 * (knowledge.hubspot.com/reports/install-the-hubspot-tracking-code).
 * ```ts
 * createConsent({ presets: [hubspot({ id: '1234567' })] })
 * ```
 */
export const hubspot = /* @__PURE__ */ definePreset<HubspotOptions>({
  name: 'hubspot',
  label: 'HubSpot',
  category: 'analytics',
  vendor: { name: 'HubSpot', privacyPolicy: 'https://legal.hubspot.com/privacy-policy' },
  // The loader and the scripts it adds: analytics, banner, forms, ads pixel, chat.
  hosts: [
    'hs-scripts.com',
    'hs-analytics.net',
    'hs-banner.com',
    'hscollectedforms.net',
    'hsadspixel.net',
    'usemessages.com',
    'track.hubspot.com',
  ],
  // knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser
  cookies: [
    { name: '__hstc', purpose: 'Visitor id and visit times', lifetime: '6 months' },
    { name: 'hubspotutk', purpose: 'Visitor id for form submissions', lifetime: '6 months' },
    { name: '__hssc', purpose: 'Current session', lifetime: '30 minutes' },
    { name: '__hssrc', purpose: 'Detects a new session', lifetime: 'session' },
    { name: 'messagesUtk', purpose: 'Chat visitor id', lifetime: '6 months' },
  ],
  options: ['id', 'region'],
  validate: (entry) =>
    checkOption(entry, /^\d{3,12}$/, 'a HubSpot hub id like "1234567"').concat(
      entry.region === undefined ? [] : checkOption(entry, /^eu1$/, '"eu1"', 'region'),
    ),
  setup({ window: page }) {
    page.disableHubSpotCookieBanner = true;
    // The tracking code's API (developers.hubspot.com/docs/api/events/tracking-code): a queue
    // from the start, so `_hsq.push([...])` in site code works before consent and after a refusal.
    page._hsq = page._hsq || [];
  },
  load(ctx) {
    tell(ctx);
    const host = ctx.entry.region ? 'js-' + ctx.entry.region + '.hs-scripts.com' : 'js.hs-scripts.com';
    ctx.loadScript(ctx.src(`https://${host}/${ctx.entry.id}.js`), { id: 'hs-script-loader' });
  },
  onChange(ctx) {
    // Before the first load there is no tracking code to tell.
    if (ctx.window._hsp) tell(ctx);
  },
});
