// The package as npm publishes it: what `files` and `exports` in package.json let through.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './root';

/** `npm pack` of the repository into `folder` (no lifecycle scripts); returns the tarball's path. */
export function packInto(folder: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return join(folder, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
}
