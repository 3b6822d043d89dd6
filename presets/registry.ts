import type { PresetDefinition, PresetRegistry } from '../src/index';
import { googleAnalytics } from './google-analytics';
import { googleAds } from './google-ads';
import { googleTagManager } from './google-tag-manager';
import { linkedinInsight } from './linkedin-insight';
import { metaPixel } from './meta-pixel';
import { microsoftUet } from './microsoft-uet';
import { pendo } from './pendo';
import { tiktokPixel } from './tiktok-pixel';

const byName = (...factories: Array<{ definition: PresetDefinition }>): PresetRegistry =>
  Object.fromEntries(factories.map(({ definition }) => [definition.name, definition]));

/**
 * Every shipped preset by its JSON `name`, for configs that name presets instead of importing
 * factories (the script tag, `consent.json`). Kept apart from the factories, and a pure call
 * of identifiers only, so an npm user who imports one preset does not bundle all eight.
 * ```ts
 * createConsent(json, { registry: presetRegistry })
 * ```
 */
export const presetRegistry: PresetRegistry = /* @__PURE__ */ byName(
  googleAnalytics,
  googleTagManager,
  googleAds,
  pendo,
  metaPixel,
  linkedinInsight,
  microsoftUet,
  tiktokPixel,
);
