// The Vue plugin: one consent instance for the app, given or created from a config, provided to
// the composables and components; in the browser it may also start gate() and the lazy UI.
import { shallowRef, type App, type InjectionKey, type ShallowRef } from 'vue';
import {
  createConsent,
  type Consent,
  type ConsentConfig,
  type ConsentSnapshot,
  type CreateConsentOptions,
} from 'consentry';
import { actionsOf, type ConsentActions } from '../shared/actions';
import { holdPageRuntime, type PageRuntimeOptions } from '../shared/page-runtime';
import type { PlaceholderTextsOption } from '../shared/placeholder-texts';
import { sameSnapshot, snapshotOf, undecidedSnapshot } from '../shared/snapshot';

export interface ConsentPluginOptions extends PageRuntimeOptions {
  /** An instance from `createConsent()`; or give `config`. */
  consent?: Consent;
  /** A config to create the instance from. */
  config?: ConsentConfig;
  /** `createConsent`'s options, such as the preset `registry` for a JSON config. */
  options?: CreateConsentOptions;
  /**
   * The state the server rendered with (`decisionFromCookie()` in the `consentry` entry). Give it
   * on both sides of a server-rendered app: the browser hydrates with it, then takes the
   * instance's own state once mounted.
   */
  initial?: ConsentSnapshot;
  /** Placeholder texts and category labels, e.g. a language from `consentry/i18n/<lang>`. */
  texts?: PlaceholderTextsOption;
}

/** What the plugin provides to the composables and components. */
export interface VueBinding {
  snapshot: Readonly<ShallowRef<ConsentSnapshot>>;
  /** From the server's state to the instance's own, once the app has mounted (hydration matched). */
  goLive(): void;
  actions: ConsentActions;
  texts: PlaceholderTextsOption | undefined;
}

export const BINDING: InjectionKey<VueBinding> = Symbol('consentry');

/**
 * The consent plugin for a Vue app.
 * ```ts
 * createApp(App).use(createConsentPlugin({ config, gate: true, ui: true })).mount('#app')
 * ```
 * `gate` and `ui` act only in the browser; the UI's code is fetched only when the banner or the
 * dialog must show.
 */
export function createConsentPlugin(options: ConsentPluginOptions): { install(app: App): void } {
  return {
    install(app) {
      const consent = options.consent ?? createConsent(options.config!, options.options);
      const inBrowser = typeof document != 'undefined';
      // In the browser without a server's state (a single-page app), the instance's state at once.
      let live = inBrowser && !options.initial;
      const snapshot = shallowRef(live ? snapshotOf(consent) : (options.initial ?? undecidedSnapshot(consent)));
      const follow = (): void => {
        const next = snapshotOf(consent);
        if (!sameSnapshot(next, snapshot.value)) snapshot.value = next;
      };
      let showPreferences = (): void =>
        console.error('consentry: showPreferences() runs in the browser, once the app has mounted');
      if (inBrowser) {
        const stopFollowing = consent.on('change', () => live && follow());
        const runtime = holdPageRuntime(consent, { gate: options.gate, ui: options.ui });
        showPreferences = runtime.showPreferences;
        // Vue 3.5 and later: the app's unmount stops the runtime (before, it lives as long as the page).
        (app as App & { onUnmount?(cleanup: () => void): void }).onUnmount?.(() => {
          stopFollowing();
          runtime.release();
        });
      }
      app.provide(BINDING, {
        snapshot,
        goLive() {
          if (live || !inBrowser) return;
          live = true;
          follow();
        },
        actions: actionsOf(consent, () => showPreferences()),
        texts: options.texts,
      });
    },
  };
}
