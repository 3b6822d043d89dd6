// What one running instance learns about the page it runs in. It lives as long as the page:
// a reload starts afresh, which is what withdrawal relies on.

/** A vendor script a preset loaded: its absolute URL, and its loading (resolves on `load`, rejects on failure). */
export interface PresetScript {
  url: URL;
  loaded: Promise<void>;
}

export interface PageState {
  /**
   * Categories whose scripts ran on this page, or whose auto-blocked iframes loaded (the page's
   * own, so they cannot be unloaded in place): withdrawing one of them reloads the page.
   */
  readonly ranCategories: Set<string>;
  /** Elements the visitor chose to "load this once": auto-blocking lets their URL through. */
  readonly loadedOnce: WeakSet<Element>;
  /**
   * The vendor scripts the presets loaded, so auto-blocking never runs a second copy (and gives a
   * dropped copy `load` or `error` when the preset's has loaded or failed).
   */
  readonly presetScripts: PresetScript[];
  /** Scripts the runtime itself inserted (vendor tags of presets, `consent.loadScript`): never copies. */
  readonly runtimeScripts: WeakSet<Element>;
}

export function createPageState(): PageState {
  return { ranCategories: new Set(), loadedOnce: new WeakSet(), presetScripts: [], runtimeScripts: new WeakSet() };
}
