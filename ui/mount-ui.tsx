/** @jsxRuntime classic */
/** @jsx h */
// Mounts the banner and the preferences dialog for a consent instance, in an open shadow
// root so site CSS cannot break them. State lives in this closure and every change redraws
// (no hooks: they would cost 1 KB of the 8 KB budget). Uses only the public Consent API.
import { h, render } from 'preact';
import type { Consent } from '../src/index';
import { adoptStyles } from './adopt-styles';
import { Banner } from './banner';
import { en } from './i18n/en';
import { isRtl } from './i18n/languages';
import { loadTexts, type LoadedTexts } from './i18n/load-texts';
import { Preferences } from './preferences';
import { mountReopenButton, REOPEN_TAG } from './reopen-button';
import { CSS } from './styles';
import type { Action, Layer, MountOptions, UIHandle, View } from './types';

const OPENER = '[data-consentry-action="preferences"]';

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
    return mount(consent, options || consent.config.ui || {});
  } catch (error) {
    console.error('consentry: could not mount the UI', error);
    const nothing = (): void => {};
    return { show: nothing, showPreferences: nothing, hide: nothing, destroy: nothing };
  }
}

function mount(consent: Consent, options: MountOptions): UIHandle {
  const doc = document;
  const host = options.root || doc.body.appendChild(doc.createElement('consentry-ui'));
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  let texts: LoadedTexts | undefined;
  let dead: boolean | undefined;
  let banner = consent.needsPrompt;
  let prefs: boolean | undefined;
  let announced: unknown;
  let status = '';
  let draft: Record<string, boolean> = {};
  let opener: HTMLElement | null = null;
  let removeReopen: (() => void) | void;
  adoptStyles(shadow, CSS);

  const dialog = () => shadow.querySelector('dialog');

  const draw = (): void => {
    if (!texts || dead) return;
    const { lang, t } = texts;
    const view: View = { ...texts, consent, draft, options, act, toggle };
    // lang and dir here reach the dialog too: it sits in the top layer, but inherits from the DOM.
    render(
      <div lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'}>
        {banner && <Banner v={view} />}
        {prefs && <Preferences v={view} />}
        <div class="s" role="status">
          {status}
        </div>
      </div>,
      shadow,
    );
    const reopen = options.reopenButton && !banner;
    if (reopen && !removeReopen) removeReopen = mountReopenButton({ label: t.reopen, onClick: () => showPreferences(), nonce: options.nonce });
    if (!reopen && removeReopen) removeReopen = removeReopen();
    // A modal: the browser makes everything else inert, the reopen button included.
    const box = dialog();
    if (box && !box.open) {
      // Browsers without <dialog> support (before 2022) still show it, as a plain box.
      box.showModal ? box.showModal() : box.setAttribute('open', '');
      box.focus();
    }
    // Screen readers hear the banner once: a polite live region, filled after it exists.
    if (banner && !announced) announced = setTimeout(() => banner && ((status = consent.mode == 'opt-out' ? t.noticeTitle : t.title), draw()), 150);
  };

  const showPreferences = (from?: HTMLElement | null): void => {
    if (prefs || dead) return;
    // The reopen button's host delegates focus, so focusing it later focuses the button.
    opener = from || (doc.activeElement as HTMLElement | null);
    draft = consent.state;
    prefs = true;
    draw();
  };

  const close = (): void => {
    prefs = false;
    draw();
    // Focus returns to what opened the dialog, or to the reopen button if that is gone.
    const target = opener && opener.isConnected ? opener : doc.querySelector<HTMLElement>(REOPEN_TAG);
    opener = null;
    if (target) target.focus();
  };

  function act(action: Action, from: Layer, element?: HTMLElement): void {
    if (action == 'preferences') return showPreferences(element);
    status = '';
    if (action == 'accept-all') consent.acceptAll(from);
    if (action == 'reject-all') consent.rejectAll(from);
    if (action == 'save') consent.update(draft, from);
    if (action == 'do-not-sell') {
      // One action opts out of every category that counts as selling or sharing.
      const choices: Record<string, boolean> = {};
      for (const category of consent.categories) if (category.sale) choices[category.name] = false;
      consent.update(choices, from);
      status = texts!.t.optedOut;
    }
    // "close" only closes; any decision also hides the banner.
    if (action != 'close') banner = false;
    prefs ? close() : draw();
  }

  function toggle(category: string, on: boolean): void {
    draft[category] = on;
    draw();
  }

  const onClick = (event: Event): void => {
    const target = event.target as Element;
    const element = target.closest && (target.closest(OPENER) as HTMLElement | null);
    if (element) event.preventDefault(), showPreferences(element);
  };

  const off = consent.on('change', () => {
    banner = consent.needsPrompt;
    draw();
  });
  doc.addEventListener('click', onClick);
  loadTexts(options)
    .catch(() => ({ lang: 'en', t: en, own: {} }))
    .then((loaded) => {
      texts = loaded;
      draw();
    });

  return {
    show() {
      banner = true;
      draw();
    },
    showPreferences: () => showPreferences(),
    hide() {
      banner = false;
      prefs ? close() : draw();
    },
    destroy() {
      if (dead) return;
      render(null, shadow);
      dead = true;
      off();
      doc.removeEventListener('click', onClick);
      if (removeReopen) removeReopen();
      if (!options.root) host.remove();
    },
  };
}
