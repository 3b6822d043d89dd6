// `consentry cdn`: the script tag for loading the installed version from a public CDN, pinned to
// that exact version and with its Subresource Integrity hash (https://www.w3.org/TR/SRI/), so
// the browser refuses any other file. The installed file is byte for byte the published one.
import { readFile } from 'node:fs/promises';
import { integrityOf } from '../integrity';
import { join } from 'node:path';

export interface CdnDeps {
  /** The package's built files (`node_modules/consentry/dist`); its package.json is one folder up. */
  dist: string;
  out(line: string): void;
  err(line: string): void;
}

/** jsDelivr serves every file of every published npm version at this pattern. */
export const CDN = 'https://cdn.jsdelivr.net/npm/';

/**
 * Prints the pinned CDN tag for `consentry.js` (or, with `full`, `consentry.full.js`).
 * Exit code 0, or 1 when the installed files cannot be read.
 */
export async function printCdnTag(full: boolean, deps: CdnDeps): Promise<number> {
  const file = full ? 'consentry.full.js' : 'consentry.js';
  let version: string;
  let bytes: Uint8Array;
  try {
    version = JSON.parse(await readFile(join(deps.dist, '..', 'package.json'), 'utf8')).version;
    bytes = await readFile(join(deps.dist, file));
  } catch {
    deps.err(`cannot read the installed ${file} in ${deps.dist}; reinstall consentry (npm i consentry)`);
    return 1;
  }
  const src = `${CDN}consentry@${version}/dist/${file}`;
  deps.out(
    `paste this in <head> (consentry ${version}, pinned, with its integrity hash; with autoBlock, drop defer and put it first):`,
  );
  deps.out(
    `<script defer src="${src}" integrity="${integrityOf(bytes)}" crossorigin="anonymous" data-config-url="/consent.json"></script>`,
  );
  deps.out(
    `${full ? 'The translation files load' : 'consentry-ui.js and the translation files load'} from the same CDN folder ` +
      'without a hash; allow https://cdn.jsdelivr.net in your Content-Security-Policy script-src.',
  );
  return 0;
}
