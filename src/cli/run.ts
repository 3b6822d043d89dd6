// The `consentry` command line: `check` a config file, `init` a starter one, `build` a site's
// own script-tag file from it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PresetRegistry } from '../types';
import { buildFile } from './build';
import { checkFile } from './check';
import { initFile } from './init';

export interface CliDeps {
  registry: PresetRegistry;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  cwd?: string;
  /** The config JSON Schema, for suggestions; read from `schema.json` next to the CLI by default. */
  schema?: Record<string, unknown>;
  /** The package's dist/ folder, for `build`; default: the CLI's own folder. */
  distDir?: string;
}

const HELP = `Usage: consentry <command>

  check <file>              Check a config file (e.g. consent.json). Prints every problem with
                            its path, line and a suggestion; exits 1 when there are any.
  init [preset …] [--force] Write a starter consent.json for the named presets.
                            Presets: %PRESETS%
  build <file> -o <out> [--src <url>]
                            Check the config, then write a script-tag file with only the
                            presets and features it uses and the config built in (needs
                            esbuild: npm i -D esbuild). Prints the tag to paste, with its
                            integrity hash; --src sets the URL the tag loads it from.
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
  if (command == 'build') {
    const flags = buildFlags(rest);
    if (flags)
      return buildFile(flags.file, flags.out, flags.src, {
        registry: deps.registry,
        schema: deps.schema ?? bundledSchema(),
        distDir: deps.distDir ?? fileURLToPath(new URL('.', import.meta.url)),
        cwd,
        out,
        err,
      });
    err('usage: consentry build <file> -o <out> [--src <url>]');
    return 2;
  }
  err(command == 'check' ? 'usage: consentry check <file>' : `unknown command or option: ${argv.join(' ')}`);
  err(help);
  return 2;
}

/** `build`'s arguments: one config file, `-o`/`--out` and an optional `--src`; null when they do not fit. */
function buildFlags(args: string[]): { file: string; out: string; src?: string } | null {
  const found: { file?: string; out?: string; src?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if ((arg == '-o' || arg == '--out' || arg == '--src') && value && !value.startsWith('-')) {
      if (arg == '--src') found.src = value;
      else found.out = value;
      i++;
    } else if (!arg.startsWith('-') && !found.file) found.file = arg;
    else return null;
  }
  return found.file && found.out ? { file: found.file, out: found.out, src: found.src } : null;
}
