// `consentry init google-analytics pendo …`: writes a starter consent.json for those presets.
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { formatIssue } from '../../core/config/errors';
import { didYouMean } from '../../core/config/suggest';
import { validateConfig } from '../../core/config/validate';
import type { PresetRegistry } from '../../core/types';

export interface InitDeps {
  registry: PresetRegistry;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/**
 * `$schema` lets editors complete and check the file (JSON Schema draft 2020-12). It is resolved
 * from the file's own folder, so a `public/consent.json` gets `../node_modules/…`.
 */
function schemaReference(cwd: string, file: string): string {
  const schema = relative(dirname(file), resolve(cwd, 'node_modules/consentry/dist/schema.json')).split(sep).join('/');
  return schema.startsWith('.') ? schema : './' + schema;
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
  const path = resolve(deps.cwd, file);
  const config = {
    $schema: schemaReference(deps.cwd, path),
    mode: 'opt-in',
    presets,
    // A placeholder the checker rejects: the banner must link a real privacy policy.
    ui: { privacyPolicyUrl: '<your privacy policy URL, e.g. /privacy>', reopenButton: true },
  };
  try {
    await writeFile(path, JSON.stringify(config, null, 2) + '\n', { flag: force ? 'w' : 'wx' });
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
  if (!names.length) {
    // Someone trying the command bare learns what it takes instead of getting an empty list.
    const out = file == 'consent.json' ? '' : ` --out ${file}`;
    deps.out(`no presets named: to start with some, run npx consentry init <preset …>${out} --force`);
    deps.out(`available presets: ${known.join(', ')}`);
  }
  const todo = validateConfig(config, deps.registry);
  if (todo.length) {
    deps.out('fill in:');
    for (const issue of todo) deps.out(`  ${formatIssue(issue)}`);
  }
  deps.out(`then run: npx consentry check ${file}`);
  return 0;
}
