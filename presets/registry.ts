import type { PresetRegistry } from '../src/index';
import { googleAnalytics } from './google-analytics';
import { googleAds } from './google-ads';
import { googleTagManager } from './google-tag-manager';
import { linkedinInsight } from './linkedin-insight';
import { metaPixel } from './meta-pixel';
import { microsoftUet } from './microsoft-uet';
import { pendo } from './pendo';
import { tiktokPixel } from './tiktok-pixel';

/**
 * Every shipped preset by its JSON `name`, for configs that name presets instead of importing
 * factories (the script tag, `consent.json`). Kept apart from the factories so an npm user who
 * imports one preset does not bundle all eight.
 * ```ts
 * createConsent(json, { registry: presetRegistry })
 * ```
 */
export const presetRegistry: PresetRegistry = /* @__PURE__ */ Object.fromEntries(
  [googleAnalytics, googleTagManager, googleAds, pendo, metaPixel, linkedinInsight, microsoftUet, tiktokPixel].map(
    (f) => [f.definition.name, f.definition],
  ),
);
