// `consentry init google-analytics pendo …`: writes a starter consent.json for those presets.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatIssue } from '../config/errors';
import { didYouMean } from '../config/suggest';
import { validateConfig } from '../config/validate';
import type { PresetRegistry } from '../types';

export interface InitDeps {
  registry: PresetRegistry;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/**
 * Writes `consent.json` (never over an existing one unless `force`). Ids are placeholders that
 * the checker rejects, so a starter cannot go live with made-up ids; the next steps are printed.
 */
export async function initFile(
  names: string[],
  force: boolean,
  deps: InitDeps,
  file = 'consent.json',
): Promise<number> {
  const known = Object.keys(deps.registry);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) {
    for (const name of unknown) deps.err(`unknown preset "${name}"${didYouMean(name, known)}`);
    deps.err(`available presets: ${known.join(', ')}`);
    return 1;
  }
  const presets = names.map((name) => {
    const option = deps.registry[name]!.options[0];
    return option ? { name, [option]: `<your ${name} ${option}>` } : { name };
  });
  // `$schema` lets editors complete and check the file (JSON Schema draft 2020-12).
  const config = {
    $schema: './node_modules/consentry/dist/schema.json',
    mode: 'opt-in',
    presets,
    ui: { reopenButton: true },
  };
  try {
    await writeFile(resolve(deps.cwd, file), JSON.stringify(config, null, 2) + '\n', { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    deps.err(
      code == 'EEXIST'
        ? `${file} already exists; use --force to overwrite it`
        : `${file}: cannot write (${code ?? error})`,
    );
    return 1;
  }
  deps.out(`wrote ${file} with ${names.length} preset${names.length == 1 ? '' : 's'}`);
  const todo = validateConfig(config, deps.registry);
  if (todo.length) {
    deps.out('fill in:');
    for (const issue of todo) deps.out(`  ${formatIssue(issue)}`);
  }
  deps.out(`then run: npx consentry check ${file}`);
  return 0;
}
