import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad } from './vendor-queue';

export interface SnapchatPixelOptions {
  /** Pixel id from Snapchat Ads Manager › Events Manager: a UUID. */
  id: string;
}

/**
 * Snap Pixel, loaded once `advertising` is granted. Snap's base code: a queueing `snaptr()`,
 * https://sc-static.net/scevent.min.js, `snaptr('init', id)` and `snaptr('track', 'PAGE_VIEW')`
 * (businesshelp.snapchat.com/s/article/pixel-direct-implementation). Snap documents no consent
 * API: not loading it is the control; on withdrawal the core deletes its cookies and reloads.
 * ```ts
 * createConsent({ presets: [snapchatPixel({ id: 'c9215353-76c9-4423-a615-21b4ac088222' })] })
 * ```
 */
export const snapchatPixel = /* @__PURE__ */ definePreset<SnapchatPixelOptions>({
  name: 'snapchat-pixel',
  label: 'Snap Pixel',
  category: 'advertising',
  vendor: { name: 'Snap Inc.', privacyPolicy: 'https://values.snap.com/privacy/privacy-policy' },
  // The tag (sc-static.net) and its event endpoint (tr.snapchat.com).
  hosts: ['sc-static.net', 'tr.snapchat.com', 'tr-shadow.snapchat.com'],
  cookies: [{ name: '_scid*', purpose: 'Identifies the browser for Snap ads', lifetime: '13 months' }],
  options: ['id'],
  validate: (entry) =>
    checkOption(entry, /^[\da-fA-F]{8}(-[\da-fA-F]{4}){3}-[\da-fA-F]{12}$/, 'a Snap pixel id (a UUID)'),
  setup({ window: page }) {
    // Snap's base code without its script tag: `snaptr()` queues until scevent.min.js takes over.
    const snaptr: any = function () {
      if (snaptr.handleRequest) snaptr.handleRequest.apply(snaptr, arguments);
      else snaptr.queue.push(arguments);
    };
    defineQueue(page, 'snaptr', Object.assign(snaptr, { queue: [] }));
  },
  load({ window: page, entry, src, loadScript }) {
    const snaptr = page.snaptr;
    const first = firstLoad(page, 'snaptr');
    if (first) loadScript(src('https://sc-static.net/scevent.min.js'));
    ahead(first && snaptr.queue, () => {
      snaptr('init', entry.id);
      snaptr('track', 'PAGE_VIEW');
    });
  },
});
