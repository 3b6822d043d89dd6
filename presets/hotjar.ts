import { checkOption, definePreset } from 'consentry';
import { defineQueue, firstLoad } from './vendor-queue';

export interface HotjarOptions {
  /** Site id (Hotjar › Sites & Organizations): 4–10 digits, as a string. */
  id: string;
}

/**
 * Hotjar (heatmaps, recordings, surveys), loaded once `analytics` is granted: it records how
 * visitors use the page. Hotjar's tracking code is a queueing `hj()`, `_hjSettings` with the
 * site id and snippet version 6, and https://static.hotjar.com/c/hotjar-<id>.js?sv=6
 * (help.hotjar.com, "How to install your Hotjar tracking code"). Hotjar has no consent API: not loading it
 * is the control, and on withdrawal the core deletes the cookies below and reloads the page.
 * ```ts
 * createConsent({ presets: [hotjar({ id: '1234567' })] })
 * ```
 */
export const hotjar = /* @__PURE__ */ definePreset<HotjarOptions>({
  name: 'hotjar',
  label: 'Hotjar',
  category: 'analytics',
  vendor: {
    name: 'Hotjar (Contentsquare)',
    privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
    optOut: 'https://www.hotjar.com/policies/do-not-track/',
  },
  // static.hotjar.com and script.hotjar.com serve code; *.hotjar.io receives the data.
  hosts: ['hotjar.com', 'hotjar.io'],
  // help.hotjar.com, "Cookies set by the Hotjar tracking code"
  cookies: [
    { name: '_hjSessionUser_*', purpose: 'Hotjar user id for this site', lifetime: '1 year' },
    { name: '_hjSession_*', purpose: 'Current session', lifetime: '30 minutes' },
    { name: '_hj*', purpose: 'Sampling, survey and session state', lifetime: 'up to 1 year' },
    { name: '_hj*', purpose: 'Session and user attributes', lifetime: 'no expiry', storage: 'localStorage' },
    { name: '_hj*', purpose: 'Recording state', lifetime: 'session', storage: 'sessionStorage' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^\d{4,10}$/, 'a Hotjar site id like "1234567"'),
  setup({ window: page }) {
    // Hotjar's tracking code without its script tag: `hj()` queues until the script takes over.
    const hj = function () {
      (hj.q = hj.q || []).push(arguments);
    } as ((...args: unknown[]) => void) & { q?: unknown[] };
    defineQueue(page, 'hj', hj);
  },
  load({ window: page, entry, src, loadScript }) {
    page._hjSettings = { hjid: Number(entry.id), hjsv: 6 };
    // A page that brought Hotjar's own snippet has loaded the script already.
    if (firstLoad(page, 'hj')) loadScript(src(`https://static.hotjar.com/c/hotjar-${entry.id}.js?sv=6`));
  },
});
