// The runtime exports of each package entry, as built, against the committed snapshot in
// api/runtime-exports.json. An export added, renamed or removed by accident fails here; a
// deliberate change is accepted with `npx vitest run -u test/unit/api` (commit the file).
// The type side of the same surface is guarded by api/*.api.md (`node scripts/extract-api.mjs`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/root';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

/** Package entries whose default condition is a JavaScript module; a pattern entry (`./i18n/*`) as its `de` file. */
const entries = Object.entries<string | { default?: string }>(pkg.exports)
  .map(([entry, target]) => ({ entry, file: typeof target === 'string' ? target : target.default }))
  .filter((item): item is { entry: string; file: string } => !!item.file && /\.m?js$/.test(item.file))
  .map(({ entry, file }) => ({ entry: entry.replace('*', 'de'), file: file.replace('*', 'de') }));

describe('runtime exports of each entry', () => {
  it('match api/runtime-exports.json', async () => {
    const surface: Record<string, string[]> = {};
    for (const { entry, file } of entries) {
      const module = await import(/* @vite-ignore */ `${ROOT}${file.replace(/^\.\//, '')}`);
      surface[entry] = Object.keys(module).sort();
    }
    await expect(JSON.stringify(surface, null, 2) + '\n').toMatchFileSnapshot('../../api/runtime-exports.json');
  });
});
