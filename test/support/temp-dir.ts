// A fresh empty folder for each test, removed after it: where a test writes the files a user
// would (consent.json, a project) and runs the CLI.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Registers the hooks that make a folder (`prefix` plus random characters, in the system's temp
 * folder) before each test and remove it after. Returns its live holder: read `tmp.path` while a
 * test runs.
 */
export function useTempDir(prefix: string): { readonly path: string } {
  const tmp = { path: '' };
  beforeEach(async () => {
    tmp.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(tmp.path, { recursive: true, force: true });
  });
  return tmp;
}
