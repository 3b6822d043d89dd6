import type { PresetContext } from '../src/index';

/**
 * The page's `gtag()`: pushes its `arguments` object, the only form gtag.js and GTM read as a
 * command (a plain array is silently ignored: nuxt/scripts#770). Defines `window.gtag` for site
 * code when the page has none.
 */
export function gtagFor(w: PresetContext['window']): (...args: unknown[]) => void {
  const own = function () { (w.dataLayer = w.dataLayer || []).push(arguments) };
  w.gtag = w.gtag || own;
  return own as (...args: unknown[]) => void;
}

/**
 * Configures a Google tag id (`G-…`, `AW-…`) and loads gtag.js once per page: a second id only
 * adds a `config` command, as Google's multi-product install does
 * (developers.google.com/tag-platform/gtagjs/install).
 */
export function loadGtag(ctx: PresetContext, id: string): void {
  const w = ctx.window;
  const loaded = (w.dataLayer || []).some((item: any) => item && item[0] == 'js');
  const gtag = gtagFor(w);
  if (!loaded) {
    gtag('js', new Date());
    ctx.loadScript(ctx.src('https://www.googletagmanager.com/gtag/js?id=' + id));
  }
  gtag('config', id);
}
