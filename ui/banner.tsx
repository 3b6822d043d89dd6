/** @jsxRuntime classic */
/** @jsx h */
// Classic `h()` calls: smaller than the automatic runtime's `jsx(type, { children })`.
// The first layer: non-modal (no focus trap, the page stays usable), every choice on it.
// Opt-in: Accept all / Reject all / Customize. Opt-out (US state laws): a notice with the
// "Do Not Sell or Share" control (Cal. Civ. Code §1798.135), Customize and Accept all.
import { h } from 'preact';
import { safeUrl } from './safe-url';
import type { Action, View } from './types';

/** A choice button. All of them are the same element in the same style (equal weight). */
export const choice = (v: View, action: Action, label: string) => (
  <button data-consentry-action={action} onClick={(event) => v.act(action, event.currentTarget)}>
    {label}
  </button>
);

export function bannerView(v: View) {
  const { t } = v;
  const optOut = v.consent.mode == 'opt-out';
  const href = safeUrl(v.options.privacyPolicyUrl);
  return (
    <div class={'b ' + (v.options.layout || 'bar')} role="region" aria-labelledby="ct" data-consentry-banner="">
      <h2 id="ct">
        {/* Announced once, when the banner appears: an alert is read when inserted with its text. */}
        <span role="alert">{t.title}</span>
      </h2>
      <p>
        {optOut ? t.noticeText : t.text} {href && <a href={href}>{t.privacyPolicy}</a>}
      </p>
      <div class="a">
        {optOut
          ? [
              choice(v, 'do-not-sell', t.doNotSell),
              choice(v, 'preferences', t.customize),
              choice(v, 'accept-all', t.acceptAll),
            ]
          : [
              choice(v, 'accept-all', t.acceptAll),
              choice(v, 'reject-all', t.rejectAll),
              choice(v, 'preferences', t.customize),
            ]}
      </div>
    </div>
  );
}
