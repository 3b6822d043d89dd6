// The files a script-tag file fetches from its own folder, in one list: `consentry copy` puts
// them next to the generic files and `consentry build` next to a site's own file, so a page
// never asks its folder for a file that is not there. A part that becomes a file of its own is
// added here, and both commands ship it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files, relative to dist/, that `consentry.js` (or a built file) may fetch from its folder. */
export const COMPANION_FILES: readonly string[] = [
  // The banner and the preferences dialog, when one must show.
  'consentry-ui.js',
  // The config validator, when a site's own file is given a config by the page.
  'consentry-check.js',
  // `Consentry.debug()`'s report, on its first call.
  'consentry-debug.js',
  // The look for vendor scripts left outside gating, when the page is idle on a page view that
  // shows the banner, and for `Consentry.debug()`.
  'consentry-leftovers.js',
  // The embed placeholders, when the page holds an iframe.
  'consentry-embeds.js',
  // The withdrawal clean-up, when a visitor withdraws consent.
  'consentry-cleanup.js',
  // The proof-of-consent log, when the page's config has `log`.
  'consentry-log.js',
  // The IAB GPP add-on, which a page whose config has `gpp` adds before `consentry.js`.
  'gpp.js',
];

/** Folders of dist/ whose every `.js` file the page may fetch or add next to the script tag. */
export const COMPANION_FOLDERS: readonly string[] = [
  // One translation per language, fetched on a page in that language.
  'i18n',
  // The add-on presets, which a page adds with `<script src=".../presets/<name>.js">`.
  'presets',
];

/**
 * Every companion file in `distDir`, relative to it (`consentry-ui.js`, `i18n/de.js`,
 * `presets/hotjar.js`, …), in a stable order. Throws an Error naming the first one missing:
 * a partial copy would fail on the page, later and less clearly.
 * ```ts
 * for (const file of companionFiles(dist)) copyFileSync(join(dist, file), join(out, file))
 * ```
 */
export function companionFiles(distDir: string): string[] {
  const files = [...COMPANION_FILES];
  for (const folder of COMPANION_FOLDERS) {
    const path = join(distDir, folder);
    if (!existsSync(path)) throw new Error(`${path} is missing`);
    for (const name of readdirSync(path).sort()) if (name.endsWith('.js')) files.push(`${folder}/${name}`);
  }
  const missing = files.find((file) => !existsSync(join(distDir, file)));
  if (missing) throw new Error(`${join(distDir, missing)} is missing`);
  return files;
}
