// What share of its file a returning visit runs. The benchmark site's `consentry build` file is
// bundled again from the sources without minifying (each module keeps esbuild's `// path`
// comment), loaded by a returning visitor who accepted everything and by one who rejected
// everything, and V8's precise coverage (function level, CDP `Profiler.takePreciseCoverage`) says
// which functions ran by the time the network was idle. Each character of the file counts as run
// when the innermost function around it ran; the top-level code of every module runs. Prints, per
// module, the characters each visit did not run: the code a returning page view downloads for
// what it might do (the API's decisions, withdrawal, an invalid config, the fetches of the other
// files). Writes its section of RESULTS.md.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, interceptThirdParty } from '../../test/e2e/support/harness.ts';
import { FROM_SOURCES, siteBuildEntry } from '../site-build-entry.mjs';
import { writeSection } from './results.mjs';
import { buildSiteFile, page, startBenchServer } from './vs-cookieconsent.bench.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The site's file as `consentry build` bundles it, not minified, so that each module keeps its name. */
async function readableSiteBuild() {
  const { outputFiles } = await build({
    stdin: { contents: await siteBuildEntry(), resolveDir: ROOT, loader: 'ts', sourcefile: 'site-build' },
    ...FROM_SOURCES,
    format: 'iife',
    target: 'es2020',
  });
  return outputFiles[0].text;
}

/** The cookies of a first visit to `url` that chose `action` in the banner. */
async function decide(browser, url, action) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await interceptThirdParty(tab);
    await tab.goto(url);
    await tab.locator(`[data-consentry-action="${action}"]`).click();
    await tab.waitForFunction(() => document.cookie.includes('consentry'));
    return await context.cookies();
  } finally {
    await context.close();
  }
}

/** Per character of `code`: whether its innermost function ran on a returning visit to `url`. */
async function ranOnReturn(browser, url, file, cookies, length) {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies);
    const tab = await context.newPage();
    await interceptThirdParty(tab);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle', { timeout: 10000 });
    if (await tab.locator('[data-consentry-banner]').count()) throw new Error('the returning visitor saw the banner');
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    const script = result.find((entry) => entry.url.endsWith(file));
    if (!script) throw new Error(`no coverage for ${file}`);
    // Ranges come outer first: an inner function's range overrides its parent's.
    const ran = new Uint8Array(length);
    for (const fn of script.functions)
      for (const range of fn.ranges) ran.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
    return ran;
  } finally {
    await context.close();
  }
}

/** The modules of the bundle, by esbuild's `// path` comments: [name, start, end]. */
function modulesOf(code) {
  const starts = [...code.matchAll(/^\s*\/\/ (\S+\.[cm]?[jt]sx?)$/gm)].map((match) => [match[1], match.index]);
  return starts.map(([name, start], i) => [name, start, i + 1 < starts.length ? starts[i + 1][1] : code.length]);
}

const notRun = (ran, start, end) => {
  let count = 0;
  for (let i = start; i < end; i++) count += 1 - ran[i];
  return count;
};
const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)} %`;

export default async function returningCoverage() {
  const code = await readableSiteBuild();
  // The real file makes the decision (its UI chunk shows the banner); the readable one is measured.
  const siteDir = await buildSiteFile();
  const { server, origin } = await startBenchServer(siteDir, {
    '/readable.html': page('<script defer src="/readable/consentry.js"></script>'),
    '/readable/consentry.js': code,
  });
  const browser = await launchChromium();
  const visits = {};
  try {
    for (const [name, action] of [
      ['accepted everything', 'accept-all'],
      ['rejected everything', 'reject-all'],
    ]) {
      const cookies = await decide(browser, origin + '/site.html', action);
      visits[name] = await ranOnReturn(
        browser,
        origin + '/readable.html',
        '/readable/consentry.js',
        cookies,
        code.length,
      );
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
  const names = Object.keys(visits);
  const modules = modulesOf(code);
  const total = modules.reduce((sum, [, start, end]) => sum + end - start, 0);
  const rows = modules
    .map(([name, start, end]) => [name, end - start, ...names.map((visit) => notRun(visits[visit], start, end))])
    .filter((row) => row.slice(2).some((count) => count > 0))
    .sort((a, b) => b[2] - a[2]);
  const totals = names.map((visit) =>
    modules.reduce((sum, [, start, end]) => sum + notRun(visits[visit], start, end), 0),
  );
  const markdown = [
    "## What a returning visit runs of the site's file",
    '',
    `The benchmark site's \`consentry build\` file bundled again without minifying (${total} characters of modules), ` +
      'loaded by a returning visitor; V8 precise coverage at function level until the network is idle. ' +
      `Not run: ${names.map((visit, i) => `${totals[i]} characters (${percent(totals[i], total)}) after the visitor ${visit}`).join(', ')}. ` +
      'Modules whose every function ran are left out.',
    '',
    `| Module | characters | ${names.map((visit) => `not run, ${visit}`).join(' | ')} |`,
    `|---|---|${names.map(() => '---|').join('')}`,
    ...rows.map(
      ([name, size, ...counts]) =>
        `| \`${name}\` | ${size} | ${counts.map((count) => `${count} (${percent(count, size)})`).join(' | ')} |`,
    ),
  ].join('\n');
  console.log(markdown);
  writeSection('returning-coverage', markdown);
}
