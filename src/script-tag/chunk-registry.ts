// The script tag's files are separate scripts: `consentry.js` fetches `consentry-ui.js`,
// `consentry-check.js`, `consentry-embeds.js`, `consentry-cleanup.js`, `consentry-log.js`, `consentry-debug.js`,
// `consentry-leftovers.js` and `i18n/<lang>.js` from its own folder, and a site adds `presets/<name>.js` and `gpp.js` before
// it. They find each other only through globals on `window`;
// every read and write of those globals goes through this module.
import type { EmbedHolderFactory } from '../browser/embed-holder';
import type { ClearCategory } from '../browser/withdrawal';
import type { startConsentLog } from '../browser/consent-log/start-consent-log';
import type { checkPageConfig } from './check-page-config';
import type { Consent, PresetDefinition, UIConfig, UIHandle } from '../core/types';
import type { DebugPage } from '../browser/debug-report';
import type { leftoverScripts, leftoverWarning } from '../browser/leftover-scripts';
import type { GppPart } from './gpp-part';

/**
 * The options the script tag mounts the UI with: the config's `ui`, plus how its translation
 * files are loaded (from its folder, with their integrity: load-chunk.ts).
 */
export type ScriptTagMountOptions = UIConfig & {
  loadLanguage?: (language: string) => Promise<Record<string, string> | undefined>;
  nonce?: string;
};
export type MountUI = (consent: Consent, options: ScriptTagMountOptions) => UIHandle;
export type MountReopenButton = (options: { label: string; onClick(): void; nonce?: string }) => () => void;

/** What each lazily fetched file registers once it has run. */
export interface ChunkParts {
  /** `consentry-ui.js`: the UI, showing the reopen button `consentry.js` already carries. */
  createMountUI: (mountReopenButton: MountReopenButton) => MountUI;
  /** `consentry-check.js`: the config check, for files made by `consentry build`. */
  checkPageConfig: typeof checkPageConfig;
  /** `consentry-embeds.js`: placeholders for held iframes, fetched once the page holds one. */
  embedHolder: EmbedHolderFactory;
  /** `consentry-cleanup.js`: deletes a withdrawn category's cookies and storage keys, fetched on the first withdrawal. */
  clearCategory: ClearCategory;
  /** `consentry-log.js`: the proof-of-consent log, fetched for a config with `log`. */
  consentLog: typeof startConsentLog;
  /** `consentry-debug.js`: `Consentry.debug()`'s report. */
  debugReport: (consent: Consent, page?: DebugPage) => void;
  /** `consentry-leftovers.js`: finds vendor scripts left outside gating, and the warning that names them. */
  leftovers: { find: typeof leftoverScripts; warning: typeof leftoverWarning };
  /** `i18n/<lang>.js`: one language's texts each. */
  i18n: Record<string, Record<string, string>>;
  /** `gpp.js` (an add-on loaded before consentry.js): the `__gpp` API for configs with `gpp`. */
  gpp: GppPart;
}

type PartsWindow = Window & {
  ConsentryParts?: Partial<ChunkParts>;
  /** Public: sites register their own presets here too (`window.consentryPresets = [...]`). */
  consentryPresets?: unknown;
};

const parts = (): Partial<ChunkParts> => ((window as PartsWindow).ConsentryParts ??= {});

export function register<Part extends keyof ChunkParts>(part: Part, value: ChunkParts[Part]): void {
  parts()[part] = value;
}

export const registered = <Part extends keyof ChunkParts>(part: Part): ChunkParts[Part] | undefined => parts()[part];

/** Called by `i18n/<lang>.js`. */
export function registerTexts(language: string, texts: Record<string, string>): void {
  (parts().i18n ??= {})[language] = texts;
}

/** Called by an add-on preset file (`presets/<name>.js`), before `consentry.js` runs. */
export function registerPreset(definition: PresetDefinition): void {
  const win = window as PartsWindow;
  win.consentryPresets = ([] as unknown[]).concat(win.consentryPresets ?? [], definition);
}

/** The add-on presets' and the site's own preset definitions, unchecked. */
export const registeredPresets = (): unknown[] =>
  ([] as unknown[]).concat((window as PartsWindow).consentryPresets ?? []);
