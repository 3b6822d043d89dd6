import type { PresetContext } from '../src/index';

/**
 * `load` of the gtag.js presets (Google Analytics, Google Ads): configures the entry's tag id
 * (`G-…`, `AW-…`) and loads gtag.js once per page: a second id only adds a `config` command, as
 * Google's multi-product install does (developers.google.com/tag-platform/gtagjs/install).
 */
export function loadGtag({ window: w, entry, src, loadScript }: PresetContext): void {
  const loaded = (w.dataLayer || []).some((item: any) => item && item[0] == 'js');
  // The page's `gtag()` pushes its `arguments` object, the only form gtag.js and GTM read as a
  // command (a plain array is silently ignored: nuxt/scripts#770); site code gets it as
  // `window.gtag` when the page has none.
  const gtag = function () {
    (w.dataLayer = w.dataLayer || []).push(arguments);
  } as (...args: unknown[]) => void;
  w.gtag = w.gtag || gtag;
  if (!loaded) {
    gtag('js', new Date());
    loadScript(src('https://www.googletagmanager.com/gtag/js?id=' + entry.id));
  }
  gtag('config', entry.id);
}
