// A page of a site that copied the built files with `npx consentry copy public/consentry/` and
// pasted one of the README's blocks into its <head>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeBlock } from '../../../scripts/doc-blocks.mjs';
import { ROOT } from '../../support/root';
import type { TestServer } from './harness';

/**
 * Serves `dist/<file>` at `/consentry/<file>` for each of `files`, where the copy puts them, and
 * at `path` a shop page with the README block `block` in its head.
 */
export function serveCopiedSite(server: TestServer, path: string, block: string, files: string[]): void {
  for (const file of files)
    server.set(`/consentry/${file}`, {
      body: readFileSync(join(ROOT, 'dist', file), 'utf8'),
      type: 'text/javascript',
    });
  server.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
${readmeBlock(block)}</head><body><main><h1>Coffee</h1></main></body></html>`,
  );
}
