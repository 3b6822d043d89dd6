// The GPP part of the browser runtime: one start function, instance in, stop out. It ends the
// `__gpp` stub, computes the signal from the instance's config, consent
// state and signals, updates it on every decision, reports whether the UI is shown, and lets
// the engine store the GPP string with each decision.
import { checkGpp } from '../../core/gpp/check';
import { gppSignal, type GppSignal } from '../../core/gpp/signal';
import { GPP_STRING, type GppConsent } from '../../core/gpp-string';
import { ConsentConfigError } from '../../core/config/errors';
import { categoryNames } from '../../core/config/resolve';
import { internalsOf } from '../../core/internals';
import type { Consent, ConsentState } from '../../core/types';
import { installGpp, type GppApi, type GppWindow } from './api';
import { watchDisplay } from './display-status';

export interface StartGppOptions {
  /** `__gpp` installed earlier (the script tag's, as its file ran); else it is installed now. */
  api?: GppApi;
  /** The window whose `__gpp` is served; default `window`. */
  window?: GppWindow;
}

/** What `startGpp` returns: the API it serves, and the function that stops following the instance. */
export interface GppHandle {
  api: GppApi;
  stop(): void;
}

/**
 * Serves `window.__gpp` for `consent`: the sections its `gpp` config asks for, from its consent
 * state and Global Privacy Control, updated on every decision, and stored with each decision.
 * The script tag's stand-in for an invalid config gets the API in its error state; an instance
 * whose config has no `gpp` gets no API (`__gpp` is removed again, with a warning).
 * ```ts
 * const consent = createConsent(config)
 * gate(consent)
 * const gpp = startGpp(consent)   // `config.gpp` checked here: throws ConsentConfigError
 * ```
 */
export function startGpp(consent: Consent, options: StartGppOptions = {}): GppHandle {
  const win = options.window || window;
  const api = options.api || installGpp(win);
  const { config, categories } = internalsOf(consent);
  const nothing = (): void => {};
  // The script tag has said why: everything stays denied, and ad tech learns that the CMP failed.
  if (consent.error) {
    api.load(new Error('consentry: the config is invalid'));
    return { api, stop: nothing };
  }
  // GPP was brought in (gpp.js, or a build for another config) for a config that does not use it.
  if (config.gpp === undefined) {
    console.warn('consentry: GPP is loaded, but the config has no "gpp": window.__gpp is removed');
    api.remove();
    return { api, stop: nothing };
  }
  const issues = checkGpp(config.gpp, categoryNames(config));
  if (issues.length) throw new ConsentConfigError(issues);

  const signalFor = (state: ConsentState): GppSignal =>
    gppSignal({ config: config.gpp!, categories, state, gpc: consent.signals.gpc, region: config.region });
  // Before the load, so that the first ping already says it. Null while the only UI is the
  // reopen link: no banner to show (decided before, or a signal applied silently) and none shown
  // yet on this page (CMP API v1.1, PingReturn: null when the only UI is a link like "Do Not Sell").
  let shownOnce = false;
  const stopWatching = watchDisplay(win.document, (visible) => {
    shownOnce ||= visible;
    api.setDisplayStatus(visible ? 'visible' : shownOnce || consent.needsPrompt ? 'hidden' : null);
  });
  api.load(signalFor(consent.state));
  const gppConsent = consent as GppConsent;
  const encode = (state: ConsentState): string => signalFor(state).gppString;
  gppConsent[GPP_STRING] = encode;
  const unsubscribe = consent.on('change', (state) => api.update(signalFor(state)));
  return {
    api,
    stop() {
      unsubscribe();
      stopWatching();
      if (gppConsent[GPP_STRING] == encode) delete gppConsent[GPP_STRING];
    },
  };
}
