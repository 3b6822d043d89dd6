// Mounts the banner and the preferences dialog for a consent instance, in an open shadow
// root so site CSS cannot break them. What is shown is one state record, changed only by
// `update()`, which redraws. Plain function components without hooks: the state is small and
// lives here, and hooks would add 0.8 KB to the chunk. Uses only the public Consent API.
import { h, render } from 'preact';
import type { Consent } from 'consentry';
import { adoptStyles } from './adopt-styles';
import { ConsentUI } from './consent-ui';
import { loadTexts, type LoadedTexts } from './i18n/load-texts';
import { mountReopenButton, REOPEN_TAG, type MountReopenButton } from './reopen-button';
import { CSS } from './styles';
import { schemeClass } from './theme';
import type { Action, ActionDetails, MountOptions, UIHandle } from './types';
import { internalsOf, onPreferencesOpeners } from 'consentry';

/** Everything the UI shows, in one record. */
interface UIState {
  /** Undefined until the page's language is loaded: nothing renders before. */
  texts?: LoadedTexts;
  banner: boolean;
  /** While the dialog is open, its switch positions (saved only by "Save choices"). */
  preferences: Record<string, boolean> | undefined;
  /** What had focus when the dialog opened; it gets focus back on close. */
  opener: Element | null;
  destroyed: boolean;
}

/**
 * Renders the consent UI; shows the banner by itself when `consent.needsPrompt`.
 * ```ts
 * const ui = mountUI(consent, { privacyPolicyUrl: '/privacy', layout: 'box', theme: 'auto' })
 * footerLink.onclick = () => ui.showPreferences()
 * ```
 * Never throws into the page: if it cannot mount, it logs and returns a handle that does nothing.
 */
export function mountUI(consent: Consent, options?: MountOptions): UIHandle {
  return mountWith(mountReopenButton, consent, options);
}

export type MountUI = typeof mountUI;

/**
 * `mountUI` showing the reopen button with the given function: the script tag passes the one
 * `consentry.js` already carries, so the UI chunk it fetches has no second copy.
 */
export const createMountUI =
  (showReopenButton: MountReopenButton): MountUI =>
  (consent, options) =>
    mountWith(showReopenButton, consent, options);

function mountWith(showReopenButton: MountReopenButton, consent: Consent, options?: MountOptions): UIHandle {
  try {
    return mount(consent, options || internalsOf(consent).config.ui || {}, showReopenButton);
  } catch (error) {
    console.error('consentry: could not mount the UI', error);
    const nothing = (): void => {};
    return { show: nothing, showPreferences: nothing, hide: nothing, destroy: nothing };
  }
}

function mount(consent: Consent, options: MountOptions, showReopenButton: MountReopenButton): UIHandle {
  const doc = document;
  // First in <body>, so keyboard users reach the banner before the page; before <body>
  // exists (the script tag runs in <head>) on <html>, which puts it before <body> too.
  const host = options.root || doc.createElement('consentry-ui');
  if (!options.root) {
    if (doc.body) doc.body.prepend(host);
    else doc.documentElement.appendChild(host);
  }
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, CSS);
  let state: UIState = { banner: consent.needsPrompt, preferences: undefined, opener: null, destroyed: false };
  let removeReopen: (() => void) | undefined;

  const update = (change: Partial<UIState>): void => {
    const closing = state.preferences && 'preferences' in change && !change.preferences;
    state = { ...state, ...change };
    draw();
    if (closing) restoreFocus();
  };

  function draw(): void {
    const { texts } = state;
    if (!texts || state.destroyed) return;
    const view = { consent, texts, options, onAction };
    // Read at each draw: a page may declare its colour scheme after the UI mounted.
    const scheme = schemeClass(options.theme);
    render(<ConsentUI view={view} scheme={scheme} banner={state.banner} preferences={state.preferences} />, shadow);
    syncReopenButton(texts);
  }

  /** On by default after the decision (GDPR Art. 7(3)); a site with its own link turns it off. */
  function syncReopenButton(texts: LoadedTexts): void {
    const wanted = options.reopenButton !== false && !state.banner;
    if (wanted && !removeReopen)
      removeReopen = showReopenButton({ label: texts.strings.reopen, onClick: () => open() });
    if (!wanted && removeReopen) {
      removeReopen();
      removeReopen = undefined;
    }
  }

  /** Back to the opener, else (it is gone, or nothing had focus) to the reopen button. */
  function restoreFocus(): void {
    const { opener } = state;
    const target = opener && opener != doc.body && opener.isConnected ? opener : doc.querySelector(REOPEN_TAG);
    if (target) (target as HTMLElement).focus();
  }

  /** For the reopen button the opener is its host, which delegates focus to the button. */
  function open(from?: Element | null): void {
    if (!state.preferences) update({ preferences: consent.state, opener: from || doc.activeElement });
  }

  function onAction(action: Action, details: ActionDetails = {}): void {
    if (action == 'preferences') return open(details.opener);
    // While the dialog is open the banner behind it is inert: the choice comes from the dialog.
    // A click no person made (a script's `button.click()` or dispatched event; `isTrusted` is
    // false, DOM Standard §2.2) is the page's code deciding, and is recorded as such: `api`.
    const from = details.trusted === false ? 'api' : state.preferences ? 'preferences' : 'banner';
    if (action == 'accept-all') consent.acceptAll(from);
    if (action == 'reject-all') consent.rejectAll(from);
    if (action == 'save') consent.update(details.choices || {}, from);
    if (action == 'do-not-sell') {
      // One action opts out of every category that counts as selling or sharing.
      const choices: Record<string, boolean> = {};
      for (const category of internalsOf(consent).categories) if (category.sale) choices[category.name] = false;
      consent.update(choices, from);
    }
    update(action == 'close' ? { preferences: undefined } : { preferences: undefined, banner: false });
  }

  const off = consent.on('change', () => update({ banner: consent.needsPrompt }));
  // Elements on the page marked as preferences openers; focus goes back to the one clicked.
  const stopOpeners = onPreferencesOpeners(doc, open);
  loadTexts(consent, options).then((texts) => update({ texts }));

  return {
    show: () => update({ banner: true }),
    showPreferences: () => open(),
    hide: () => update({ banner: false, preferences: undefined }),
    destroy() {
      render(null, shadow);
      state = { ...state, destroyed: true };
      off();
      stopOpeners();
      if (removeReopen) removeReopen();
      if (!options.root) host.remove();
    },
  };
}
