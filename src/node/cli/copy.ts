// `consentry copy public/consentry/`: puts the files a script-tag site serves into one folder
// and prints the tag to paste, with the `src` that folder has on the site, and the config from
// the site's `consent.json` when it has one, else inline.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { companionFiles } from '../companion-files';

export interface CopyDeps {
  /** The package's built files (`node_modules/consentry/dist`). */
  dist: string;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** The tag's files: `consentry.js`, and `consentry.full.js`, the one-file alternative. */
const SCRIPT_TAG_FILES = ['consentry.js', 'consentry.full.js'];
/** Folders that sites and static-site tools serve as the site's root (`public/x` is served as `/x`). */
const WEB_ROOTS = ['public', 'static', 'www', 'htdocs', 'dist', 'build', '_site', 'out'];

/**
 * Where `folder` is in the site: the URL path it has there, and the local folder served as `/`,
 * guessed from the usual web-root folder names. Undefined outside the project.
 */
function placeInSite(cwd: string, folder: string): { url: string; root: string } | undefined {
  const inProject = relative(cwd, resolve(cwd, folder));
  // Outside the project (or, on Windows, on another drive): nothing to guess from.
  if (inProject.split(sep)[0] == '..' || isAbsolute(inProject)) return undefined;
  const path = inProject.split(sep).filter(Boolean);
  const root = WEB_ROOTS.includes(path[0]!) ? path.shift()! : '';
  return { url: '/' + path.map((part) => part + '/').join(''), root };
}

/**
 * Copies the script-tag files and every file they may fetch from their folder (companion-files.ts)
 * into `folder`, then prints the `<script>` tag: with `data-config-url="/consent.json"` when the
 * site's root has that file, else with the config inline. `base` is the folder's URL when it
 * cannot be guessed. Exit code 0 when copied, 1 when the built files are missing or the folder
 * cannot be written.
 */
export async function copyFiles(folder: string, base: string | undefined, deps: CopyDeps): Promise<number> {
  let files: string[];
  try {
    files = [...SCRIPT_TAG_FILES, ...companionFiles(deps.dist)];
  } catch (error) {
    deps.err(`cannot find the built files (${(error as Error).message}); reinstall consentry`);
    return 1;
  }
  const target = resolve(deps.cwd, folder);
  try {
    for (const file of files) {
      await mkdir(dirname(join(target, file)), { recursive: true });
      await copyFile(join(deps.dist, file), join(target, file));
    }
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    deps.err(`cannot copy into ${folder} (${code ?? error}${path ? ` ${path}` : ''})`);
    return 1;
  }
  deps.out(`copied ${files.length} files to ${folder}`);
  const place = placeInSite(deps.cwd, folder);
  const url = base ? base.replace(/\/?$/, '/') : place?.url;
  if (!url) {
    deps.out(`pass --base <URL of ${folder} on your site> to print the tag`);
    return 0;
  }
  deps.out(
    'paste this in <head> (the other files are fetched from the same folder when needed; with autoBlock, drop defer and put it first):',
  );
  // The tag names /consent.json only when the site's root holds one: a tag pointing at a file
  // that does not exist fails closed on every page, with nothing shown.
  const rootFolder = place?.root ?? '';
  const configFile = join(rootFolder, 'consent.json');
  if (place && existsSync(resolve(deps.cwd, configFile))) {
    deps.out(`<script defer src="${url}consentry.js" data-config-url="/consent.json"></script>`);
    deps.out(`(its config is ${configFile}, served as /consent.json; check it with npx consentry check ${configFile})`);
    return 0;
  }
  deps.out(`<script defer src="${url}consentry.js" data-config='{ "presets": [] }'></script>`);
  deps.out(
    `(no ${configFile} yet, so the config is inline: name your presets there, or write the file with ` +
      `npx consentry init <preset …> --out ${configFile} and use data-config-url="/consent.json" instead)`,
  );
  return 0;
}
