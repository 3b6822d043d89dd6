// The first layer: non-modal (no focus trap, the page stays usable), every choice on it.
// Opt-in: Accept all / Reject all / Customize. Opt-out (US state laws): a notice with the
// "Do Not Sell or Share" control (Cal. Civ. Code §1798.135), Customize and Accept all.
import { h } from 'preact';
import type { UIConfig } from 'consentry';
import { ChoiceButton } from './choice-button';
import { safeUrl } from './safe-url';
import type { ViewProps } from './types';

type Layout = NonNullable<UIConfig['layout']>;
const LAYOUTS: Layout[] = ['box', 'bar', 'bar-top', 'modal'];

/** The configured layout when it is one the UI knows, else the corner box. */
export const layoutOf = (layout: unknown): Layout => (LAYOUTS.includes(layout as Layout) ? (layout as Layout) : 'box');

export function Banner({ view }: { view: ViewProps }) {
  const { strings } = view.texts;
  const optOut = view.consent.mode == 'opt-out';
  const href = safeUrl(view.options.privacyPolicyUrl);
  const choices = optOut
    ? [
        <ChoiceButton view={view} action="do-not-sell" label={strings.doNotSell} />,
        <ChoiceButton view={view} action="preferences" label={strings.customize} />,
        <ChoiceButton view={view} action="accept-all" label={strings.acceptAll} />,
      ]
    : [
        <ChoiceButton view={view} action="accept-all" label={strings.acceptAll} />,
        <ChoiceButton view={view} action="reject-all" label={strings.rejectAll} />,
        <ChoiceButton view={view} action="preferences" label={strings.customize} />,
      ];
  return (
    // The landmark is the host element, named "Cookie consent" (mount-ui.tsx): one region, found
    // from the page as well as from inside.
    <div class={'card banner layout-' + layoutOf(view.options.layout)} part="banner" data-consentry-banner="">
      <div class="banner-text">
        <h2 class="title" part="title">
          {/* Announced once, when the banner appears: an alert is read when inserted with its text. */}
          <span role="alert">{strings.title}</span>
        </h2>
        <p class="body" part="body">
          {optOut ? strings.noticeText : strings.text}{' '}
          {href && (
            <a class="link" part="link" href={href}>
              {strings.privacyPolicy}
            </a>
          )}
        </p>
      </div>
      <div class="actions" part="actions">
        {choices}
      </div>
    </div>
  );
}
