// `consentry copy public/consentry/`: puts the files a script-tag site serves into one folder
// and prints the tag to paste, with the `src` that folder has on the site.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface CopyDeps {
  /** The package's built files (`node_modules/consentry/dist`). */
  dist: string;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** The files `consentry.js` needs next to it; `consentry.full.js` is the one-file alternative. */
const SCRIPT_TAG_FILES = [
  'consentry.js',
  'consentry-ui.js',
  'consentry.full.js',
  'consentry-embeds.js',
  'consentry-cleanup.js',
];
/** Folders that sites and static-site tools serve as the site's root (`public/x` is served as `/x`). */
const WEB_ROOTS = ['public', 'static', 'www', 'htdocs', 'dist', 'build', '_site', 'out'];

/** The URL path `folder` has on the site, guessed from the usual web-root folder names. */
function folderUrl(cwd: string, folder: string): string | undefined {
  const inProject = relative(cwd, resolve(cwd, folder));
  // Outside the project (or, on Windows, on another drive): nothing to guess from.
  if (inProject.split(sep)[0] == '..' || isAbsolute(inProject)) return undefined;
  const path = inProject.split(sep).filter(Boolean);
  if (WEB_ROOTS.includes(path[0]!)) path.shift();
  return '/' + path.map((part) => part + '/').join('');
}

/**
 * Copies the script-tag files and the translation files (`i18n/*.js`, fetched on demand) into
 * `folder`, then prints the `<script>` tag. `base` is the folder's URL when it cannot be guessed.
 * Exit code 0 when copied, 1 when the built files are missing or the folder cannot be written.
 */
export async function copyFiles(folder: string, base: string | undefined, deps: CopyDeps): Promise<number> {
  let languages: string[];
  try {
    languages = (await readdir(join(deps.dist, 'i18n'))).filter((name) => name.endsWith('.js')).sort();
  } catch {
    deps.err(`cannot find the built files in ${deps.dist}; reinstall consentry (npm i consentry)`);
    return 1;
  }
  const files = [...SCRIPT_TAG_FILES, ...languages.map((name) => `i18n/${name}`)];
  const target = resolve(deps.cwd, folder);
  try {
    await mkdir(join(target, 'i18n'), { recursive: true });
    for (const file of files) await copyFile(join(deps.dist, file), join(target, file));
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    deps.err(`cannot copy into ${folder} (${code ?? error}${path ? ` ${path}` : ''})`);
    return 1;
  }
  deps.out(`copied ${files.length} files to ${folder}`);
  const url = base ? base.replace(/\/?$/, '/') : folderUrl(deps.cwd, folder);
  if (!url) {
    deps.out(`pass --base <URL of ${folder} on your site> to print the tag`);
    return 0;
  }
  deps.out(
    'paste this in <head> (consentry-ui.js and i18n/ are fetched from the same folder; with autoBlock, drop defer and put it first):',
  );
  deps.out(`<script defer src="${url}consentry.js" data-config-url="/consent.json"></script>`);
  deps.out(
    '(or put the config inline: data-config=\'{ "presets": [ … ] }\'; npx consentry init writes a consent.json)',
  );
  return 0;
}
