import { checkOption, definePreset } from 'consentry';

export interface GoogleTagManagerOptions {
  /** Container id: `GTM-` and 4–10 letters or digits, at the top of the Tag Manager workspace. */
  id: string;
}

/**
 * A Google Tag Manager container, loaded once its category (default `analytics`) is granted.
 * The container's own tags read Consent Mode and the `consentry_update` dataLayer event; the
 * cookies they write depend on the container, so declare them under `categories.X.cookies`.
 * ```ts
 * createConsent({ presets: [googleTagManager({ id: 'GTM-ABC123' })] })
 * ```
 */
export const googleTagManager = /* @__PURE__ */ definePreset<GoogleTagManagerOptions>({
  name: 'google-tag-manager',
  label: 'Google Tag Manager',
  category: 'analytics',
  vendor: { name: 'Google', privacyPolicy: 'https://policies.google.com/privacy' },
  google: true,
  hosts: ['www.googletagmanager.com/gtm.js', 'www.googletagmanager.com/ns.html'],
  cookies: [],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^GTM-[A-Z0-9]{4,10}$/, 'a Tag Manager container id like "GTM-ABC123"'),
  setup({ window: page }) {
    // The container's API is `dataLayer`: site pushes wait in it until gtm.js reads them in order.
    page.dataLayer = page.dataLayer || [];
  },
  load(ctx) {
    const page = ctx.window;
    // The event Google's container snippet pushes before gtm.js (developers.google.com/tag-platform/tag-manager/web).
    page.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    ctx.loadScript(ctx.src('https://www.googletagmanager.com/gtm.js?id=' + ctx.entry.id));
  },
});
