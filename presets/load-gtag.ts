import { pageGtag, type PresetContext } from 'consentry';

/**
 * `setup` of the gtag.js presets: `gtag()` exists from the start (Consent Mode defines it too,
 * unless `googleConsentMode` is false), so site code such as `gtag('event', 'sign_up')` queues in
 * `dataLayer` before consent and after a refusal, and gtag.js reads it in order once loaded.
 */
export const defineGtag = ({ window: page }: PresetContext): void => void pageGtag(page);

/**
 * `load` of the gtag.js presets (Google Analytics, Google Ads): configures the entry's tag id
 * (`G-…`, `AW-…`) and loads gtag.js once per page: a second id only adds a `config` command, as
 * Google's multi-product install does (developers.google.com/tag-platform/gtagjs/install).
 */
export function loadGtag({ window: page, entry, src, loadScript }: PresetContext): void {
  // gtag.js has been requested on this page when the queue holds its `js` command.
  const requested = (page.dataLayer || []).some((item: any) => item && item[0] == 'js');
  const gtag = pageGtag(page);
  if (!requested) {
    gtag('js', new Date());
    loadScript(src('https://www.googletagmanager.com/gtag/js?id=' + entry.id));
  }
  gtag('config', entry.id);
}
