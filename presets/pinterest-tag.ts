import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad } from './vendor-queue';

export interface PinterestTagOptions {
  /** Tag id from Pinterest Ads › Conversions: 13 digits, as a string. */
  id: string;
}

/**
 * Pinterest Tag, loaded once `advertising` is granted. Pinterest's base code: a queueing
 * `pintrk()` (version 3.0) whose calls go in as plain arrays, https://s.pinimg.com/ct/core.js,
 * `pintrk('load', id)` and `pintrk('page')` (developers.pinterest.com/docs/api-features/pinterest-tag/).
 * No consent API is forwarded: not loading it is the control; on withdrawal the core deletes
 * its first-party cookies and reloads the page.
 * ```ts
 * createConsent({ presets: [pinterestTag({ id: '2613041334883' })] })
 * ```
 */
export const pinterestTag = /* @__PURE__ */ definePreset<PinterestTagOptions>({
  name: 'pinterest-tag',
  label: 'Pinterest Tag',
  category: 'advertising',
  vendor: { name: 'Pinterest', privacyPolicy: 'https://policy.pinterest.com/privacy-policy' },
  // The tag (s.pinimg.com/ct/) and its event endpoint (ct.pinterest.com).
  hosts: ['s.pinimg.com/ct/', 'ct.pinterest.com'],
  cookies: [
    { name: '_pin_unauth', purpose: 'Identifies the browser for Pinterest ads', lifetime: '1 year' },
    { name: '_epik', purpose: 'Last Pinterest ad click', lifetime: '1 year' },
    { name: '_derived_epik', purpose: 'Matched Pinterest ad click', lifetime: '1 year' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^\d{13}$/, 'a Pinterest tag id like "2613041334883"'),
  setup({ window: page }) {
    // Pinterest's base code without its script tag: `pintrk()` queues until core.js takes over.
    const pintrk: any = function () {
      pintrk.queue.push(Array.prototype.slice.call(arguments));
    };
    defineQueue(page, 'pintrk', Object.assign(pintrk, { queue: [], version: '3.0' }));
  },
  load({ window: page, entry, src, loadScript }) {
    const pintrk = page.pintrk;
    const first = firstLoad(page, 'pintrk');
    if (first) loadScript(src('https://s.pinimg.com/ct/core.js'));
    ahead(first && pintrk.queue, () => {
      pintrk('load', entry.id);
      pintrk('page');
    });
  },
});
