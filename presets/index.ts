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
export { presetRegistry } from './registry';
