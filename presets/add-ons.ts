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
 * Presets that are not inside `consentry.js`: each is built as its own add-on file
 * (`dist/presets/<name>.js`) that a site adds with one tag before consentry.js; it registers
 * itself on `window.consentryPresets`. npm users import them like any other preset.
 */
export const addOnPresets = [
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
];
