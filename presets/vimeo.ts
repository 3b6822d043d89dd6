import { checkOption, definePreset } from 'consentry';
import { rewriteHeldEmbeds } from './held-embeds';

export interface VimeoOptions {
  /**
   * Adds `dnt=1` to held player.vimeo.com embeds: the player then sets no cookies and sends no
   * session analytics (the `dnt` embed option: developer.vimeo.com/player/sdk/embed). The embed still loads
   * only with consent: the visitor's address goes to Vimeo all the same.
   * @default false
   */
  doNotTrack?: boolean;
  /**
   * Loads the Player SDK (https://player.vimeo.com/api/player.js, `window.Vimeo.Player`) once
   * the category is granted (developer.vimeo.com/player/sdk/basics).
   * @default false
   */
  api?: boolean;
}

/**
 * Vimeo embeds. Their iframes wait in markup (`<iframe data-consent="analytics"
 * data-src="https://player.vimeo.com/video/ID">`) or, with auto-blocking, by host; the
 * placeholder shows no thumbnail from i.vimeocdn.com. Default category `analytics`: Vimeo's
 * player cookie (`vuid`) measures viewing (vimeo.com/cookie_policy). Vimeo has no consent API;
 * a withdrawn embed is unloaded by the gating.
 * ```ts
 * createConsent({ presets: [vimeo({ doNotTrack: true })] })
 * ```
 */
export const vimeo = /* @__PURE__ */ definePreset<VimeoOptions>({
  name: 'vimeo',
  label: 'Vimeo',
  category: 'analytics',
  vendor: { name: 'Vimeo', privacyPolicy: 'https://vimeo.com/privacy' },
  // The player and SDK (player.vimeo.com), its assets and thumbnails (f. and i.vimeocdn.com).
  hosts: ['vimeo.com', 'vimeocdn.com'],
  cookies: [{ name: 'vuid', purpose: 'Vimeo viewer analytics id', lifetime: '2 years', thirdParty: true }],
  options: ['doNotTrack', 'api'],
  validate: (entry) =>
    checkOption(entry, 'boolean', 'true or false', 'doNotTrack').concat(
      checkOption(entry, 'boolean', 'true or false', 'api'),
    ),
  setup({ window: page, entry }) {
    if (entry.doNotTrack)
      // Player embeds that say nothing about dnt yet get `dnt=1` at the end of their query
      // (before any #fragment); an explicit `dnt=0` is the site's choice and stays.
      rewriteHeldEmbeds(page.document, /^(https?:)?\/\/player\.vimeo\.com\/video\/(?!.*[?&]dnt=)/i, (url) =>
        url.replace(
          /^([^#?]*)(\?[^#]*)?/,
          (_, path: string, query = '') => path + (query ? query + '&' : '?') + 'dnt=1',
        ),
      );
  },
  load({ entry, src, loadScript }) {
    if (entry.api) loadScript(src('https://player.vimeo.com/api/player.js'));
  },
});
