// Public entry of `consentry/presets`: only re-exports. Each preset is its own module, so
// importing one does not pull in the others.
export { googleAnalytics } from './google-analytics';
export { googleTagManager } from './google-tag-manager';
export { googleAds } from './google-ads';
export { pendo } from './pendo';
export { metaPixel } from './meta-pixel';
export { linkedinInsight } from './linkedin-insight';
export { microsoftUet } from './microsoft-uet';
export { tiktokPixel } from './tiktok-pixel';
export { microsoftClarity } from './microsoft-clarity';
export { hotjar } from './hotjar';
export { youtube } from './youtube';
export { vimeo } from './vimeo';
export { googleMaps } from './google-maps';
export { xPixel } from './x-pixel';
export { snapchatPixel } from './snapchat-pixel';
export { redditPixel } from './reddit-pixel';
export { pinterestTag } from './pinterest-tag';
export { hubspot } from './hubspot';
export { intercom } from './intercom';
export { posthog } from './posthog';
export type * from './option-types';
export { presetRegistry } from './registry';
