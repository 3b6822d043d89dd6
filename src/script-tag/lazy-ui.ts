// Fetches the UI (`consentry-ui.js`, next to the script tag's own file) only when the banner
// or the dialog must be shown, so a returning visitor downloads the core alone.
import type { Consent, UIHandle } from '../core/types';
import { internalsOf } from '../core/internals';
import { registered, type MountReopenButton, type MountUI } from './chunk-registry';
import { insertChunk, loadTranslation, type ChunkFolder } from './load-chunk';

/**
 * `mountUI`: the UI bundled into the file (`consentry.full.js`), else `consentry-ui.js` is
 * fetched and shows the reopen button this file carries.
 */
export function lazyUI(
  consent: Consent,
  folder: ChunkFolder,
  parts: { mountUI?: MountUI; mountReopenButton: MountReopenButton },
): { load(): Promise<UIHandle | void>; show(): void; showPreferences(): void; onMounted(run: () => void): void } {
  let loading: Promise<UIHandle | void> | undefined;
  const mounted: Array<() => void> = [];
  const fetchMountUI = async (): Promise<MountUI | undefined> => {
    if (parts.mountUI) return parts.mountUI;
    await insertChunk(folder, 'consentry-ui.js', internalsOf(consent).nonce);
    return registered('createMountUI')?.(parts.mountReopenButton);
  };
  // A chunk that did not register its mountUI fails here too: logged, and retried next time.
  const mount = (mountWith?: MountUI): UIHandle => {
    const { nonce } = internalsOf(consent);
    const handle = mountWith!(consent, {
      ...internalsOf(consent).config.ui,
      // Without a known folder (see own-script.ts), no translation file is fetched either.
      loadLanguage: folder.url ? (language) => loadTranslation(folder, language, nonce) : undefined,
      nonce,
    });
    for (const run of mounted.splice(0)) run();
    return handle;
  };
  const load = (): Promise<UIHandle | void> => {
    loading ??= fetchMountUI()
      .then(mount)
      .catch((error) => {
        loading = undefined; // allow a later retry, e.g. from the reopen button
        console.error('consentry: could not load the UI', error);
      });
    return loading;
  };
  return {
    load,
    show: () => void load().then((ui) => ui?.show()),
    showPreferences: () => void load().then((ui) => ui?.showPreferences()),
    /** Runs `run` once the UI is mounted. */
    onMounted: (run) => void mounted.push(run),
  };
}
