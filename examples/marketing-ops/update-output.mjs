// Refreshes the checker output shown on index.html from the built CLI (run `npm run build`
// first): `node examples/marketing-ops/update-output.mjs`. test/e2e/demo-site.test.ts fails
// when the page and the real output differ.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const check = (file) => {
  const run = spawnSync(process.execPath, ['../../dist/cli.mjs', 'check', file], { cwd: here, encoding: 'utf8' });
  return (run.stdout + run.stderr).trim();
};

let page = readFileSync(here + 'index.html', 'utf8');
for (const [id, file] of [
  ['check-ok', 'consent.json'],
  ['check-broken', 'broken.json'],
]) {
  const block = new RegExp(
    `(<pre id="${id}"><code>\\$ npx consentry check ${file.replace('.', '\\.')}\\n)[\\s\\S]*?(</code></pre>)`,
  );
  page = page.replace(block, (_, open, close) => open + escape(check(file)) + close);
}
writeFileSync(here + 'index.html', page);
