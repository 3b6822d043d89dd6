// What a provider (React) or plugin (Vue) may start in the page for its instance: the browser
// runtime (`gate()`) and the consent UI, loaded lazily. Once per instance however many providers
// hold it, and stopped a microtask after the last lets go: React's development mode unmounts and
// mounts every effect once more at start, and stopping in between would run the presets twice.
import { gate, internalsOf, onPreferencesOpeners, type Consent, type GateOptions } from 'consentry';
import type { MountOptions, UIHandle } from 'consentry/ui';

/** What a provider or plugin may start in the browser for its instance. */
export interface PageRuntimeOptions {
  /** Start the browser runtime for the instance: `true`, or `gate()`'s options. Leave it out when you call `gate()` yourself. */
  gate?: boolean | GateOptions;
  /**
   * Show the consent UI: `true` (the config's `ui` options), or `mountUI()`'s options. Its code and
   * the page's translation are fetched only when the banner or the dialog must show.
   */
  ui?: boolean | MountOptions;
}

/** A hold on an instance's page runtime. */
export interface PageRuntime {
  /** Opens the preferences dialog, loading the UI first (with `ui` only). */
  showPreferences(): void;
  /** Lets go; the last holder's release stops the runtime and removes the UI. */
  release(): void;
}

interface Attached {
  holders: number;
  showPreferences(): void;
  stop(): void;
}

const attached = new WeakMap<Consent, Attached>();

/** Holds the page runtime of `consent`, starting it on the first hold. Browser only. */
export function holdPageRuntime(consent: Consent, options: PageRuntimeOptions): PageRuntime {
  const runtime = attached.get(consent) ?? start(consent, options);
  attached.set(consent, runtime);
  runtime.holders++;
  let held = true;
  return {
    showPreferences: () => runtime.showPreferences(),
    release() {
      if (!held) return;
      held = false;
      runtime.holders--;
      queueMicrotask(() => {
        if (runtime.holders > 0 || attached.get(consent) != runtime) return;
        attached.delete(consent);
        runtime.stop();
      });
    },
  };
}

function start(consent: Consent, options: PageRuntimeOptions): Attached {
  const running = options.gate ? gate(consent, options.gate === true ? {} : options.gate) : undefined;
  const ui = options.ui ? lazyUI(consent, options.ui === true ? {} : options.ui) : undefined;
  if (ui && consent.needsPrompt) ui.show();
  // Until the UI has loaded, a "Cookie settings" link loads it; then the UI answers such links itself.
  const stopOpeners = ui
    ? onPreferencesOpeners(document, () => {
        if (!ui.loaded) ui.showPreferences();
      })
    : undefined;
  return {
    holders: 0,
    showPreferences() {
      if (ui) ui.showPreferences();
      else console.error('consentry: showPreferences() needs the consent UI: pass `ui` to the provider or plugin');
    },
    stop() {
      stopOpeners?.();
      ui?.destroy();
      running?.stop();
    },
  };
}

interface LazyUI {
  /** Loads the UI, which shows the banner by itself when the visitor has to choose. */
  show(): void;
  showPreferences(): void;
  destroy(): void;
  readonly loaded: boolean;
}

/**
 * The UI and the translations as chunks of their own (two dynamic imports the app's bundler
 * splits out), fetched on first use.
 */
function lazyUI(consent: Consent, options: MountOptions): LazyUI {
  let loading: Promise<UIHandle> | undefined;
  let loaded = false;
  let destroyed = false;
  const load = (): Promise<UIHandle> =>
    (loading ??= Promise.all([import('consentry/ui'), import('consentry/i18n')]).then(
      ([{ mountUI }, { loadLanguage }]) => {
        loaded = true;
        // Destroyed while loading: a handle that does nothing, nothing mounted.
        const nothing = (): void => {};
        if (destroyed) return { show: nothing, showPreferences: nothing, hide: nothing, destroy: nothing };
        return mountUI(consent, { loadLanguage, ...internalsOf(consent)?.config.ui, ...options });
      },
    ));
  /** Runs `then` with the UI once loaded; a chunk that did not arrive (offline, a new deploy) is logged and tried again next time. */
  const withUI = (then: (handle: UIHandle) => void): void => {
    load().then(then, (error) => {
      loading = undefined;
      console.error('consentry: could not load the consent UI', error);
    });
  };
  return {
    show: () => withUI(() => {}),
    showPreferences: () => withUI((handle) => handle.showPreferences()),
    destroy() {
      destroyed = true;
      loading?.then(
        (handle) => handle.destroy(),
        () => {},
      );
    },
    get loaded() {
      return loaded;
    },
  };
}
