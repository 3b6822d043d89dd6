import type { PresetRegistry } from 'consentry';
import { builtInFactories } from './built-in';
import { byName } from './by-name';
import { googleMaps } from './google-maps';
import { hotjar } from './hotjar';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { microsoftClarity } from './microsoft-clarity';
import { pinterestTag } from './pinterest-tag';
import { posthog } from './posthog';
import { redditPixel } from './reddit-pixel';
import { snapchatPixel } from './snapchat-pixel';
import { vimeo } from './vimeo';
import { xPixel } from './x-pixel';
import { youtube } from './youtube';

/**
 * Every shipped preset (all twenty) by its JSON `name`, for configs that name presets instead
 * of importing factories (`consent.json`, the CLI). Kept apart from the factories, so an npm
 * user who imports one preset does not bundle the others. The eight of built-in.ts are inside
 * `consentry.js`; the others ship as add-on files (src/core/config/add-on-presets.json).
 * ```ts
 * createConsent(json, { registry: presetRegistry })
 * ```
 */
export const presetRegistry: PresetRegistry = /* @__PURE__ */ byName(builtInFactories, [
  microsoftClarity,
  hotjar,
  youtube,
  vimeo,
  googleMaps,
  xPixel,
  snapchatPixel,
  redditPixel,
  pinterestTag,
  hubspot,
  intercom,
  posthog,
]);
