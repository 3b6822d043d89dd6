// The `consentry` command line: `check` a config file, `init` a starter one.
import { readFileSync } from 'node:fs';
import type { PresetRegistry } from '../types';
import { checkFile } from './check';
import { initFile } from './init';

export interface CliDeps {
  registry: PresetRegistry;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  cwd?: string;
  /** The config JSON Schema, for suggestions; read from `schema.json` next to the CLI by default. */
  schema?: Record<string, unknown>;
}

const HELP = `Usage: consentry <command>

  check <file>              Check a config file (e.g. consent.json). Prints every problem with
                            its path, line and a suggestion; exits 1 when there are any.
  init [preset …] [--force] Write a starter consent.json for the named presets.
                            Presets: %PRESETS%
  --help                    Show this help.

Editors complete and check the config with the JSON Schema shipped as consentry/schema.json.`;

function bundledSchema(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(new URL('./schema.json', import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code.
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { registry: presetRegistry })
 * ```
 */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const out = (line: string) => (deps.stdout ?? ((s) => process.stdout.write(s)))(line + '\n');
  const err = (line: string) => (deps.stderr ?? ((s) => process.stderr.write(s)))(line + '\n');
  const cwd = deps.cwd ?? process.cwd();
  const [command, ...rest] = argv;
  const help = HELP.replace('%PRESETS%', Object.keys(deps.registry).join(', '));
  if (!command || command == '--help' || command == '-h' || command == 'help') {
    (command ? out : err)(help);
    return command ? 0 : 2;
  }
  if (command == 'check' && rest.length == 1 && !rest[0]!.startsWith('-'))
    return checkFile(rest[0]!, { registry: deps.registry, schema: deps.schema ?? bundledSchema(), cwd, out, err });
  if (command == 'init' && rest.every((arg) => !arg.startsWith('-') || arg == '--force'))
    return initFile(
      rest.filter((arg) => arg != '--force'),
      rest.includes('--force'),
      { registry: deps.registry, cwd, out, err },
    );
  err(command == 'check' ? 'usage: consentry check <file>' : `unknown command or option: ${argv.join(' ')}`);
  err(help);
  return 2;
}
