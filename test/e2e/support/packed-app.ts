// A fresh app project that depends on the packed package and on the frameworks it is used with,
// installed as a user installs it: `npm pack`, then `npm ci` offline, from the npm cache that
// installing the repository filled, at the versions the repository's lock file pins.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packInto } from '../../support/pack';
import { ROOT } from '../../support/root';

interface Locked {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

/**
 * The lock entries of `names` and everything they need, as the repository's lock file has them
 * (nested copies included: `node_modules/a/node_modules/b` where a needs another b).
 */
function lockedClosure(names: string[]): Record<string, Locked> {
  const repoLock: Record<string, Locked> = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const closure: Record<string, Locked> = {};
  /** Where Node finds `name` from the package at `from`: its own node_modules, then each parent's. */
  const locate = (name: string, from: string): string => {
    for (let at = from; at; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/'))))
      if (repoLock[`${at}/node_modules/${name}`]) return `${at}/node_modules/${name}`;
    if (repoLock[`node_modules/${name}`]) return `node_modules/${name}`;
    throw new Error(
      `${name} (needed by ${from || 'the app'}) is not in package-lock.json: npm install it in the repository`,
    );
  };
  const add = (name: string, from: string): void => {
    const key = locate(name, from);
    if (closure[key]) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repoLock[key]!;
    // The repository's lock may leave the registry URL out; npm ci needs it to find the tarball in its cache.
    const packageName = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    entry.resolved ??= `https://registry.npmjs.org/${packageName}/-/${packageName.split('/').pop()}-${entry.version}.tgz`;
    closure[key] = entry;
    const required = Object.keys(entry.peerDependencies ?? {}).filter(
      (peer) => !entry.peerDependenciesMeta?.[peer]?.optional,
    );
    for (const dependency of [...Object.keys(entry.dependencies ?? {}), ...required]) add(dependency, key);
  };
  for (const name of names) add(name, '');
  return closure;
}

/**
 * Installs, in `dir`, an app that depends on the packed `consentry` and on `frameworks` (package
 * names the repository has installed, such as `react`, `react-dom` or `vue`).
 */
export function installPackedApp(dir: string, frameworks: string[]): void {
  const tarball = basename(packInto(dir));
  const { dependencies, version, bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const integrity =
    'sha512-' +
    createHash('sha512')
      .update(readFileSync(join(dir, tarball)))
      .digest('base64');
  const packages = lockedClosure([...Object.keys(dependencies), ...frameworks]);
  const appDependencies = {
    consentry: `file:${tarball}`,
    ...Object.fromEntries(frameworks.map((name) => [name, packages[`node_modules/${name}`]!.version])),
  };
  const project = { name: 'app', private: true, type: 'module', dependencies: appDependencies };
  const lock = {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', dependencies: appDependencies },
      'node_modules/consentry': { version, resolved: `file:${tarball}`, integrity, dependencies, bin },
      ...packages,
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(project, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
  try {
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: dir,
      stdio: 'pipe',
    });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr);
    throw new Error(`npm ci --offline failed in a fresh project (run npm install in the repository first):\n${output}`);
  }
}
