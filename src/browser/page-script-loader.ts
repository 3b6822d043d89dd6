import type { PageState } from './page-state';
import type { ScriptLoader } from '../core/script-loader';
import { insertScript } from './insert-script';

/**
 * The runtime's script loader, behind both `consent.loadScript` and a preset's
 * `ctx.loadScript`: inserts the script with the nonce (`insertScript`: resolves on load, rejects
 * on failure) and remembers that its category ran, since a script cannot be unloaded and a
 * later withdrawal must reload the page.
 */
export function pageScriptLoader(pageState: PageState, nonce?: string, doc: Document = document): ScriptLoader {
  return (category, src, attrs) => {
    pageState.ranCategories.add(category);
    return insertScript(src, attrs, nonce, doc, pageState.runtimeScripts);
  };
}
