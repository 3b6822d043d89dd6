// Rolls the declarations `tsc` wrote to dist/types up into one public `.d.ts` per package
// entry (dist/consentry.d.ts, dist/presets.d.ts, dist/ui.d.ts), leaving out everything marked
// `@internal`, and compares each entry's API with its committed report (api/*.api.md).
//
//   node scripts/extract-api.mjs          fails when an entry's public API differs from its report
//   node scripts/extract-api.mjs --update accepts the change: rewrites the reports (commit them)
//
// ui/ and presets/ reach the core through `../src/index`; their declarations import it from
// the `consentry` package instead, so the core's types are declared once, in consentry.d.ts.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = join(ROOT, 'dist/types');
const update = process.argv.includes('--update');

/** Entry name, its declaration file under dist/types, and the rolled-up file it becomes. */
const ENTRIES = [
  { name: 'consentry', input: 'src/index.d.ts', output: 'dist/consentry.d.ts' },
  { name: 'consentry-presets', input: 'presets/index.d.ts', output: 'dist/presets.d.ts' },
  { name: 'consentry-ui', input: 'ui/index.d.ts', output: 'dist/ui.d.ts' },
  { name: 'consentry-i18n', input: 'ui/i18n/index.d.ts', output: 'dist/i18n/index.d.ts' },
  { name: 'consentry-build', input: 'src/build.d.ts', output: 'dist/build.d.ts' },
  { name: 'consentry-debug', input: 'src/debug.d.ts', output: 'dist/debug.d.ts' },
  { name: 'consentry-server', input: 'src/server.d.ts', output: 'dist/server.d.ts' },
  { name: 'consentry-gpp', input: 'src/gpp.d.ts', output: 'dist/gpp.d.ts' },
  { name: 'consentry-react', input: 'bindings/react/index.d.ts', output: 'dist/react.d.ts' },
  { name: 'consentry-vue', input: 'bindings/vue/index.d.ts', output: 'dist/vue.d.ts' },
];

/**
 * consentry/build, consentry/debug, consentry/gpp and consentry/server are entries of their own:
 * what their declarations take from the core (`./core/…`, `../core/…`) is the `consentry`
 * package's. (ui/ and presets/ import it by that name already.)
 */
function importCoreByName() {
  const core = {
    'src/build.d.ts': /(['"])\.\/core\/[^'"]*\1/g,
    'src/server.d.ts': /(['"])\.\/core\/[^'"]*\1/g,
    'src/node/records': /(['"])(\.\.\/)+core\/[^'"]*\1/g,
    'src/debug.d.ts': /(['"])\.\/core\/[^'"]*\1/g,
    'src/node/build': /(['"])(\.\.\/)+core\/[^'"]*\1/g,
    'src/browser/debug-report.d.ts': /(['"])\.\.\/core\/[^'"]*\1/g,
    'src/gpp.d.ts': /(['"])\.\/core\/[^'"]*\1/g,
  };
  for (const [place, pattern] of Object.entries(core)) {
    const at = join(TYPES, place);
    const files = place.endsWith('.d.ts')
      ? [at]
      : readdirSync(at, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.d.ts'))
          .map((file) => join(at, file));
    for (const path of files) {
      const code = readFileSync(path, 'utf8');
      const fixed = code.replace(pattern, "'consentry'");
      if (fixed !== code) writeFileSync(path, fixed);
    }
  }
}

function extract({ name, input, output }) {
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(ROOT, 'api/api-extractor.json'),
    packageJsonFullPath: join(ROOT, 'package.json'),
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: join(TYPES, input),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2020',
            lib: ['es2020', 'dom', 'dom.iterable'],
            module: 'esnext',
            // Classic Node lookup: no self-reference through package.json "exports", which would
            // resolve `consentry` to this project's own files and copy the core's types.
            moduleResolution: 'node10',
            strict: true,
            skipLibCheck: true,
            types: [],
          },
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: join(ROOT, 'api'),
        reportTempFolder: join(ROOT, 'dist/api-temp'),
      },
      dtsRollup: { enabled: true, publicTrimmedFilePath: join(ROOT, output), untrimmedFilePath: '' },
      docModel: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-internal-missing-underscore': { logLevel: 'none' },
          'ae-undocumented': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update)
    console.error(
      `api: the public API of ${name} changed (see dist/api-temp/${name}.api.md against api/${name}.api.md).\n` +
        'If the change is intended, run `npm run api:update` and commit the report.',
    );
  return result.succeeded;
}

/**
 * The core's rolled-up declarations as an installed `consentry` package beside the other
 * entries' declarations, so the roll-ups of ui/, presets/ and the bindings import its types
 * instead of copying them; `consentry/ui`'s too, for the bindings' `ui` option.
 */
function installForOtherEntries(file, output) {
  const dir = join(TYPES, 'node_modules/consentry');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consentry', types: 'index.d.ts' }));
  copyFileSync(join(ROOT, output), join(dir, file));
}

/**
 * `consentry/i18n/<lang>`: each language module's declaration, its texts, typed by the
 * `LanguageTexts` that `consentry/i18n` exports.
 */
function declareLanguages() {
  const dir = join(ROOT, 'dist/i18n');
  for (const file of readdirSync(dir)) {
    const lang = /^([a-z]{2,3})\.mjs$/.exec(file)?.[1];
    if (!lang) continue;
    writeFileSync(
      join(dir, `${lang}.d.ts`),
      "import type { LanguageTexts } from './index.js';\n\ndeclare const texts: LanguageTexts;\nexport default texts;\n",
    );
  }
}

importCoreByName();
let ok = true;
for (const entry of ENTRIES) {
  ok = extract(entry) && ok;
  if (entry.name === 'consentry') installForOtherEntries('index.d.ts', entry.output);
  if (entry.name === 'consentry-ui') installForOtherEntries('ui.d.ts', entry.output);
}
declareLanguages();
if (!ok) process.exit(1);
