// The `consentry` command line: `check` a config file, `init` a starter one, `build` a site's
// own script-tag file from it, `copy` the script-tag files into a site, print the pinned `cdn`
// tag, `audit` a live site. Exit codes: 0 done, 1 the file has problems or an input or
// output failed, 2 the command line itself is wrong (usage printed); `audit` adds 3, could not audit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PresetRegistry } from '../../core/types';
import type { AuditCommandDeps } from '../audit/command';
import { buildFile } from './build';
import { printCdnTag } from './cdn';
import { checkFile } from './check';
import { copyFiles } from './copy';
import { initFile } from './init';
import { serve, type ServeArgs } from './serve';
import { hasOwn } from '../../core/has-own';

export interface CliDeps {
  registry: PresetRegistry;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  cwd?: string;
  /** The config JSON Schema, for suggestions; read from `schema.json` next to the CLI by default. */
  schema?: Record<string, unknown>;
  /** The folder of the built files that `copy` copies; by default the CLI's own folder (`dist/`). */
  dist?: string;
  /** `audit`: the environment (default `process.env`), whether stdout is a terminal, and the tests' hooks. */
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
  audit?: Pick<AuditCommandDeps, 'prepareContext' | 'chromiumArgs' | 'quietMs'>;
}

const HELP = `Usage: consentry <command>

  check <file>                    Check a config file (e.g. consent.json). Prints every problem with
                                  its line, path and a suggestion, in file order.
  init [preset …] [--out <file>]  Write a starter config (default consent.json; never over an
       [--force]                  existing file unless --force) for the named presets.
                                  Presets: %PRESETS%
  build <file> -o <out>           Check the config, then write a script-tag file with only the
        [--src <url>]             presets and features it uses and the config built in (needs
                                  esbuild: npm i -D esbuild); print the tag to paste, with its
                                  integrity hash. --src: the URL the tag loads it from.
  copy <folder> [--base <url>]    Copy consentry.js, the files it fetches, consentry.full.js and
                                  i18n/ into a folder of your site, and print the <script> tag.
  cdn [--full]                    Print the <script> tag that loads this version from jsDelivr,
                                  pinned, with its integrity hash (--full: consentry.full.js).
  serve [--port 8787] [--host H]  Receive and keep consent records (the \`log\` beacon), with a
        [--data DIR] [--origin U]  dashboard at /. Embedded database in --data (default
        [--retain-days 730]       ./consentry-data), PostgreSQL with DATABASE_URL. The read key:
        [--rate-limit 600]        CONSENTRY_API_KEY or --api-key-file. --config registers the
        [--api-key-file F]        current consent.json. Needs hono, @hono/node-server, kysely and
        [--config F]              better-sqlite3@12 (or pg).
  audit <url> [--config <file>]   Check a live site against its consent config in real Chromium
        [--pages 3] [--runs 3]    (before any choice, reject, accept, withdraw, GPC); reports
        [--json|--junit|--html F] with --json, --junit, --html; --baseline F accepts known
        [--fail-on error|warn]    findings; --propose F writes a config for what it saw. Needs
        [--propose F] …           playwright-core and a Chromium (never downloads one).
                                  Exit 3: could not audit. consentry audit --help for all options.
  --help                          Show this help.

Exit codes: 0 done, 1 problems found (or a file could not be read or written), 2 wrong usage,
3 (audit) the site could not be audited.
Editors complete and check the config with the JSON Schema shipped as consentry/schema.json.`;

function bundledSchema(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(new URL('./schema.json', import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The command's options and positionals, or undefined when it has an unknown option. */
function parse(
  args: string[],
  options: Record<string, 'string' | 'boolean' | 'strings'>,
  short: Record<string, string> = {},
) {
  try {
    // 'strings': an option given any number of times (`--origin A --origin B`).
    const config = Object.fromEntries(
      Object.entries(options).map(([name, kind]) => {
        const type = kind == 'strings' ? 'string' : kind;
        const option = { type, multiple: kind == 'strings' };
        return [name, short[name] ? { ...option, short: short[name] } : option];
      }),
    );
    return parseArgs({ args, options: config, allowPositionals: true, strict: true });
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
  if (command == 'check') {
    const args = parse(rest, {});
    if (args?.positionals.length == 1)
      return checkFile(args.positionals[0]!, {
        registry: deps.registry,
        schema: deps.schema ?? bundledSchema(),
        cwd,
        out,
        err,
      });
  }
  if (command == 'init') {
    const args = parse(rest, { out: 'string', force: 'boolean' });
    if (args)
      return initFile(
        args.positionals,
        !!args.values.force,
        { registry: deps.registry, cwd, out, err },
        (args.values.out as string | undefined) ?? 'consent.json',
      );
  }
  const dist = deps.dist ?? fileURLToPath(new URL('.', import.meta.url));
  if (command == 'build') {
    const args = parse(rest, { out: 'string', src: 'string' }, { out: 'o' });
    const outFile = args?.values.out as string | undefined;
    if (args?.positionals.length == 1 && outFile)
      return buildFile(args.positionals[0]!, outFile, args.values.src as string | undefined, {
        registry: deps.registry,
        schema: deps.schema ?? bundledSchema(),
        distDir: dist,
        cwd,
        out,
        err,
      });
  }
  if (command == 'copy') {
    const args = parse(rest, { base: 'string' });
    if (args?.positionals.length == 1)
      return copyFiles(args.positionals[0]!, args.values.base as string | undefined, { dist, cwd, out, err });
  }
  if (command == 'serve') {
    const args = parse(rest, {
      port: 'string',
      host: 'string',
      data: 'string',
      origin: 'strings',
      'api-key-file': 'string',
      'retain-days': 'string',
      'rate-limit': 'string',
      config: 'string',
      'trust-proxy': 'boolean',
      'country-header': 'string',
    });
    if (args?.positionals.length == 0)
      return serve(args.values as ServeArgs, { registry: deps.registry, cwd, env: process.env, out, err });
  }
  if (command == 'audit') {
    if (rest.includes('--help') || rest.includes('-h')) {
      const { AUDIT_USAGE } = await import('../audit/command');
      out(AUDIT_USAGE);
      return 0;
    }
    // Loaded on use: the audit's code, its cookie database and playwright-core stay out of the other commands.
    const { auditCommand } = await import('../audit/command');
    return auditCommand(rest, {
      registry: deps.registry,
      cwd,
      out,
      err,
      env: deps.env ?? process.env,
      isTTY: deps.isTTY ?? (!deps.stdout && !!process.stdout.isTTY),
      ...deps.audit,
    });
  }
  if (command == 'cdn') {
    const args = parse(rest, { full: 'boolean' });
    if (args?.positionals.length == 0) return printCdnTag(!!args.values.full, { dist, out, err });
  }
  const usage: Record<string, string> = {
    check: 'usage: consentry check <file>',
    init: 'usage: consentry init [preset …] [--out <file>] [--force]',
    build: 'usage: consentry build <file> -o <out> [--src <url>]',
    copy: 'usage: consentry copy <folder> [--base <url>]',
    cdn: 'usage: consentry cdn [--full]',
    serve:
      'usage: consentry serve [--port 8787] [--host 127.0.0.1] [--data DIR] [--origin URL …] [--retain-days 730] [--rate-limit 600] [--api-key-file F] [--config consent.json]',
  };
  err(hasOwn(usage, command) ? usage[command]! : `unknown command or option: ${argv.join(' ')}`);
  err(help);
  return 2;
}
