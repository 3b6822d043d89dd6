import type { Consent, UIConfig } from '../src/index';
import type { Texts } from './i18n/en';

/** What `mountUI` takes: the config's `ui` section plus where and how to render. */
export interface MountOptions extends UIConfig {
  /** Host element for the shadow root. @default a new `<consentry-ui>` appended to `<body>` */
  root?: HTMLElement;
  /** Folder URL of the translation files (`de.js`, ...); the script tag passes its own. Without it, only English and `texts`. */
  i18nBase?: string;
  /** Nonce for the translation scripts the UI inserts (besides the consent instance's own). */
  nonce?: string;
  /**
   * Where a bundled app's translations come from: called with the page's language, resolves to
   * its texts. Pass `loadLanguage` from `consentry/i18n`. Used instead of `i18nBase`.
   */
  loadLanguage?: (lang: string) => Promise<Partial<Record<string, string>> | undefined>;
}

export interface UIHandle {
  /** Shows the banner (also to a visitor who has decided). */
  show(): void;
  showPreferences(): void;
  /** Hides the banner and the dialog. */
  hide(): void;
  /** Removes everything the UI added to the page. */
  destroy(): void;
}

export type Action = 'accept-all' | 'reject-all' | 'preferences' | 'save' | 'do-not-sell' | 'close';

/** Everything the components render from; rebuilt on each draw. */
export interface View {
  consent: Consent;
  t: Texts;
  own: Record<string, string>;
  lang: string;
  /** Switch positions in the dialog, saved only by "Save choices". */
  draft: Record<string, boolean>;
  options: MountOptions;
  /** Runs a choice; `opener` is the element that opened the dialog. */
  act(action: Action, opener?: Element): void;
}
