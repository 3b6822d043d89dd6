import { checkOption, definePreset, type PresetContext } from 'consentry';

const tell = ({ window: page, granted }: PresetContext, type = 'update') =>
  (page.uetq = page.uetq || []).push('consent', type, { ad_storage: granted ? 'granted' : 'denied' });

export interface MicrosoftUetOptions {
  /** UET tag id from Microsoft Advertising › Conversion tracking: 4–12 digits, as a string. */
  id: string;
}

/**
 * Microsoft Advertising UET, loaded once `advertising` is granted. UET consent mode (only
 * `ad_storage`) gets a default before the tag and an update on every change (Microsoft
 * Advertising help, "Setting up UET for consent mode": help.ads.microsoft.com/#apex/ads/en/60119).
 * ```ts
 * createConsent({ presets: [microsoftUet({ id: '12345678' })] })
 * ```
 */
export const microsoftUet = /* @__PURE__ */ definePreset<MicrosoftUetOptions>({
  name: 'microsoft-uet',
  label: 'Microsoft Advertising',
  category: 'advertising',
  vendor: {
    name: 'Microsoft',
    privacyPolicy: 'https://privacy.microsoft.com/privacystatement',
    optOut: 'https://account.microsoft.com/privacy/ad-settings',
  },
  hosts: ['bat.bing.com'],
  cookies: [
    { name: '_uetsid', purpose: 'Session of an ad visit', lifetime: '1 day' },
    { name: '_uetvid', purpose: 'Identifies the browser', lifetime: '13 months' },
    { name: '_uetmsclkid', purpose: 'Last ad click', lifetime: '90 days' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^\d{4,12}$/, 'a UET tag id like "12345678"'),
  setup: (ctx) => tell(ctx, 'default'),
  load({ window: page, entry, src, loadScript }) {
    // Microsoft's snippet: once bat.js has run, the queue becomes a UET instance.
    loadScript(src('https://bat.bing.com/bat.js'))
      .then(() => {
        if (page.UET)
          (page.uetq = new page.UET({ ti: entry.id, enableAutoSpaTracking: true, q: page.uetq })).push('pageLoad');
      })
      .catch(console.error);
  },
  onChange: tell,
});
