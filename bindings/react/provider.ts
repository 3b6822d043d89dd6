// <ConsentProvider>: one consent instance for the components below it, given or created from a
// config; in the browser it may also start gate() and the lazy consent UI.
import { createElement, useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import {
  createConsent,
  type Consent,
  type ConsentConfig,
  type ConsentSnapshot,
  type CreateConsentOptions,
} from 'consentry';
import { holdPageRuntime, type PageRuntime, type PageRuntimeOptions } from '../shared/page-runtime';
import type { PlaceholderTextsOption } from '../shared/placeholder-texts';
import { ConsentContext, createBinding } from './context';

/** What `<ConsentProvider>` takes besides the instance or its config. */
export interface ConsentProviderOptions extends PageRuntimeOptions {
  /**
   * The state the server rendered with (`decisionFromCookie()` in the `consentry` entry): the first
   * render in the browser uses it too, so hydration matches, then the instance's own state.
   */
  initial?: ConsentSnapshot;
  /** Placeholder texts and category labels, e.g. a language from `consentry/i18n/<lang>`. */
  texts?: PlaceholderTextsOption;
  /** The app, or the part of it that reads consent. */
  children?: ReactNode;
}

/** The props of `<ConsentProvider>`: an instance, or a config to create one from, and the options. */
export type ConsentProviderProps = ConsentProviderOptions &
  (
    | { /** An instance from `createConsent()`. */ consent: Consent; config?: undefined; options?: undefined }
    | {
        consent?: undefined;
        /** A config to create the instance from (once, on the first render). */
        config: ConsentConfig;
        /** `createConsent`'s options, such as the preset `registry` for a JSON config. */
        options?: CreateConsentOptions;
      }
  );

/**
 * Makes a consent instance available to `useConsent()`, `useGranted()` and `<Consent>` below it.
 * ```tsx
 * <ConsentProvider config={config} gate ui initial={initialFromServer}>
 *   <App />
 * </ConsentProvider>
 * ```
 * `gate` and `ui` act only in the browser, after the first render; the UI's code is fetched only
 * when the banner or the dialog must show.
 */
export function ConsentProvider(props: ConsentProviderProps): ReactElement {
  const [created] = useState(() => (props.consent ? undefined : createConsent(props.config!, props.options)));
  const consent = props.consent ?? created!;
  const runtime = useRef<PageRuntime | undefined>(undefined);
  // The server's state counts for the first render only (hydration); later props change nothing.
  const [initial] = useState(props.initial);
  const binding = useMemo(
    () =>
      createBinding(
        consent,
        initial,
        () =>
          runtime.current
            ? runtime.current.showPreferences()
            : console.error('consentry: showPreferences() runs in the browser, once the provider has mounted'),
        props.texts,
      ),
    [consent, initial, props.texts],
  );
  // Read when the runtime starts; changing them later does not restart it.
  const options = useRef<PageRuntimeOptions>({ gate: props.gate, ui: props.ui });
  useEffect(() => {
    const held = holdPageRuntime(consent, options.current);
    runtime.current = held;
    return () => {
      held.release();
      if (runtime.current == held) runtime.current = undefined;
    };
  }, [consent]);
  return createElement(ConsentContext.Provider, { value: binding }, props.children);
}
