/** @jsxRuntime classic */
/** @jsx h */
// Mounts the banner and the preferences dialog for a consent instance, in an open shadow
// root so site CSS cannot break them. State lives in this closure and every change redraws
// (no hooks: they would cost 1 KB of the 8 KB budget). Uses only the public Consent API.
import { h, render } from 'preact';
import type { Consent } from '../src/index';
import { adoptStyles } from './adopt-styles';
import { bannerView } from './banner';
import { isRtl } from './i18n/languages';
import { loadTexts, type LoadedTexts } from './i18n/load-texts';
import { preferencesView } from './preferences';
import { mountReopenButton, REOPEN_TAG } from './reopen-button';
import { CSS } from './styles';
import type { Action, MountOptions, UIHandle } from './types';
import { internalsOf } from '../src/index';

/**
 * Renders the consent UI; shows the banner by itself when `consent.needsPrompt`.
 * ```ts
 * const ui = mountUI(consent, { privacyPolicyUrl: '/privacy', reopenButton: true })
 * footerLink.onclick = () => ui.showPreferences()
 * ```
 * Never throws into the page: if it cannot mount, it logs and returns a handle that does nothing.
 */
export function mountUI(consent: Consent, options?: MountOptions): UIHandle {
  try {
    return mount(consent, options || internalsOf(consent).config.ui || {});
  } catch (error) {
    console.error('consentry: could not mount the UI', error);
    const nothing = (): void => {};
    return { show: nothing, showPreferences: nothing, hide: nothing, destroy: nothing };
  }
}

function mount(consent: Consent, options: MountOptions): UIHandle {
  const doc = document;
  // First in <body>, so keyboard users reach the banner before the page; before <body>
  // exists (the script tag runs in <head>) on <html>, which puts it before <body> too.
  const host = options.root || doc.createElement('consentry-ui');
  if (!options.root) doc.body ? doc.body.prepend(host) : doc.documentElement.appendChild(host);
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  let texts: LoadedTexts | undefined;
  let dead: boolean | undefined;
  let banner = consent.needsPrompt;
  let prefs: boolean | undefined;
  let draft: Record<string, boolean> = {};
  let opener: Element | null = null;
  let removeReopen: (() => void) | void;
  adoptStyles(shadow, CSS);

  const draw = (): void => {
    if (!texts || dead) return;
    const { lang, t } = texts;
    const view = { ...texts, consent, draft, options, act };
    // lang and dir here reach the dialog too: it sits in the top layer but inherits from the DOM.
    render(
      <div lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'}>
        {banner && bannerView(view)}
        {prefs && preferencesView(view)}
      </div>,
      shadow,
    );
    const reopen = options.reopenButton && !banner;
    if (reopen && !removeReopen)
      removeReopen = mountReopenButton({ label: t.reopen, onClick: () => open(), nonce: options.nonce });
    if (!reopen && removeReopen) removeReopen = removeReopen();
    // A modal: the browser makes the rest of the page inert (the reopen button too) and keeps
    // focus inside; browsers without <dialog> (before 2022) show it as a plain box.
    const dialog = shadow.querySelector('dialog');
    if (dialog && !dialog.open) {
      dialog.showModal ? dialog.showModal() : dialog.setAttribute('open', '');
      dialog.focus();
    }
  };

  /**
   * Opens the dialog, remembering what had focus to give it back on close. For the reopen
   * button that is its host, which delegates focus to the button.
   */
  const open = (from?: Element | null): void => {
    if (prefs) return;
    opener = from || doc.activeElement;
    draft = consent.state;
    prefs = true;
    draw();
  };

  const close = (): void => {
    if (!prefs) return draw();
    prefs = false;
    draw();
    // Back to the opener, else (it is gone, or nothing had focus) to the reopen button.
    const target = opener && opener != doc.body && opener.isConnected ? opener : doc.querySelector(REOPEN_TAG);
    if (target) (target as HTMLElement).focus();
  };

  function act(action: Action, element?: Element): void {
    // While the dialog is open the banner behind it is inert: the choice comes from the dialog.
    const from = prefs ? 'preferences' : 'banner';
    if (action == 'preferences') return open(element);
    if (action != 'close') {
      banner = false;
      if (action == 'accept-all') consent.acceptAll(from);
      if (action == 'reject-all') consent.rejectAll(from);
      if (action == 'save') consent.update(draft, from);
      if (action == 'do-not-sell') {
        // One action opts out of every category that counts as selling or sharing.
        const choices: Record<string, boolean> = {};
        for (const category of internalsOf(consent).categories) if (category.sale) choices[category.name] = false;
        consent.update(choices, from);
      }
    }
    close();
  }

  const onClick = (event: Event): void => {
    const target = event.target as Element;
    const element = target.closest && target.closest('[data-consentry-action="preferences"]');
    if (element) (event.preventDefault(), open(element));
  };

  const off = consent.on('change', () => {
    banner = consent.needsPrompt;
    draw();
  });
  doc.addEventListener('click', onClick);
  loadTexts(consent, options).then((loaded) => {
    texts = loaded;
    draw();
  });

  return {
    show() {
      banner = true;
      draw();
    },
    showPreferences: () => open(),
    hide() {
      banner = false;
      close();
    },
    destroy() {
      render(null, shadow);
      dead = true;
      off();
      doc.removeEventListener('click', onClick);
      if (removeReopen) removeReopen();
      options.root || host.remove();
    },
  };
}
