import { checkOption, definePreset } from 'consentry';
import { rewriteHeldEmbeds } from './held-embeds';

export interface YoutubeOptions {
  /**
   * Rewrites held embeds from `www.youtube.com/embed/…` to YouTube's privacy-enhanced
   * `www.youtube-nocookie.com/embed/…`, which sets no cookies until the visitor plays the
   * video (support.google.com/youtube/answer/171780). The embed still loads only with consent.
   * @default false
   */
  noCookie?: boolean;
  /**
   * Loads the IFrame Player API (https://www.youtube.com/iframe_api) once the category is
   * granted; it calls the page's `window.onYouTubeIframeAPIReady` when ready. Leave it off when
   * the site loads the API itself (auto-blocking or markup then holds that script).
   * @default false
   */
  api?: boolean;
}

/**
 * YouTube embeds. Their iframes wait in markup (`<iframe data-consent="advertising"
 * data-src="https://www.youtube.com/embed/ID">`) or, with auto-blocking, by host; the
 * placeholder shows text only, never a thumbnail from i.ytimg.com (that would be a request to
 * Google). Default category `advertising`: YouTube's cookies serve Google's ad personalisation
 * (policies.google.com/technologies/cookies). YouTube has no consent API; a withdrawn embed is
 * unloaded by the gating. IFrame API loader: developers.google.com/youtube/iframe_api_reference.
 * ```ts
 * createConsent({ presets: [youtube({ noCookie: true })] })
 * ```
 */
export const youtube = /* @__PURE__ */ definePreset<YoutubeOptions>({
  name: 'youtube',
  label: 'YouTube',
  category: 'advertising',
  vendor: {
    name: 'Google',
    privacyPolicy: 'https://policies.google.com/privacy',
    optOut: 'https://myadcenter.google.com/',
  },
  // Embeds and the IFrame API (www.youtube.com), privacy-enhanced embeds, thumbnails (i.ytimg.com).
  hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'],
  // Set on youtube.com inside the embed (policies.google.com/technologies/cookies).
  cookies: [
    { name: 'VISITOR_INFO1_LIVE', purpose: 'YouTube visitor id', lifetime: '6 months', thirdParty: true },
    { name: 'YSC', purpose: 'YouTube session', lifetime: 'session', thirdParty: true },
  ],
  options: ['noCookie', 'api'],
  validate: (entry) =>
    checkOption(entry, 'boolean', 'true or false', 'noCookie').concat(
      checkOption(entry, 'boolean', 'true or false', 'api'),
    ),
  setup({ window: page, entry }) {
    if (entry.noCookie)
      rewriteHeldEmbeds(page.document, /^(https?:)?\/\/(www\.)?youtube\.com\/embed\//i, (url) =>
        url.replace(/\/\/(www\.)?youtube\.com\//i, '//www.youtube-nocookie.com/'),
      );
  },
  load({ entry, src, loadScript }) {
    if (entry.api) loadScript(src('https://www.youtube.com/iframe_api'));
  },
});
