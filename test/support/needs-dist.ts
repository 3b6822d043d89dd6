// Global setup of the projects that test the built package (test/package, test/docs, e2e): they
// fail at once, never skip, when `npm run build` has not run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root';

const BUILT = [
  'dist/consentry.js',
  'dist/consentry-ui.js',
  'dist/consentry.mjs',
  'dist/cli.mjs',
  'dist/build/runtime.mjs',
];

export default function needsDist(): void {
  const missing = BUILT.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length)
    throw new Error(`these tests need the built package: run \`npm run build\` first (missing ${missing.join(', ')})`);
}
