import type { Consent, UIConfig } from 'consentry';
import type { LoadedTexts } from './i18n/load-texts';

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

/** What `mountUI` returns; declared by the core, whose script tag drives the same handle. */
export type { UIHandle } from 'consentry';

export type Action = 'accept-all' | 'reject-all' | 'preferences' | 'save' | 'do-not-sell' | 'close';

/** What comes with an action: the element that opened the dialog, the switches to save. */
export interface ActionDetails {
  opener?: Element;
  /** False for a click no person made (`button.click()` from a script): `Event.isTrusted`. */
  trusted?: boolean;
  choices?: Record<string, boolean>;
}

/** What every component renders from. */
export interface ViewProps {
  consent: Consent;
  texts: LoadedTexts;
  options: MountOptions;
  onAction(action: Action, details?: ActionDetails): void;
}
