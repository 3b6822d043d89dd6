import type { PresetRegistry } from 'consentry';
import { byName } from './by-name';
import { googleAds } from './google-ads';
import { googleAnalytics } from './google-analytics';
import { googleTagManager } from './google-tag-manager';
import { linkedinInsight } from './linkedin-insight';
import { metaPixel } from './meta-pixel';
import { microsoftUet } from './microsoft-uet';
import { pendo } from './pendo';
import { tiktokPixel } from './tiktok-pixel';

/**
 * The eight presets built into the script tag (`consentry.js`): the most common vendors. The
 * others ship as add-on files (`presets/<name>.js`, see add-ons.ts), so the script tag's size
 * does not grow with the number of presets.
 */
export const builtInFactories = [
  googleAnalytics,
  googleTagManager,
  googleAds,
  pendo,
  metaPixel,
  linkedinInsight,
  microsoftUet,
  tiktokPixel,
];

export const builtInPresets: PresetRegistry = /* @__PURE__ */ byName(builtInFactories);
