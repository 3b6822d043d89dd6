// The `consentry audit` command line: reads and checks the options, runs the audit (or the
// proposal), prints the summary and writes the reports. Exit codes (DESIGN.md, "Site audit"):
// 0 passed, 1 findings at or above --fail-on, 2 usage or config error, 3 could not audit.
// Loaded by the CLI only for `audit`, with playwright-core and the cookie database behind it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { formatIssue } from '../../core/config/errors';
import { validateConfig } from '../../core/config/validate';
import type { ConsentConfig, PresetRegistry } from '../../core/types';
import { audit, type AuditOptions } from './audit';
import { AuditStop } from './errors';
import { htmlReport } from './report-html';
import { junitXml } from './report-junit';
import { paintFor, summaryLines } from './report-terminal';
import { proposeConfig } from './propose';
import { PHASES, type AuditReport, type PhaseName, type Severity } from './types';

export interface AuditCommandDeps {
  registry: PresetRegistry;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Colour in the summary only on a terminal. */
  isTTY: boolean;
  /** For the tests: prepare each browser context, extra Chromium arguments, a shorter settle time. */
  prepareContext?: (context: BrowserContext) => Promise<void>;
  chromiumArgs?: string[];
  quietMs?: number;
}

export const AUDIT_USAGE = `usage: consentry audit <url> [--config consent.json] [--pages 3] [--runs 3]
         [--json out.json] [--junit out.xml] [--html report.html] [--baseline accepted.json]
         [--fail-on error|warn] [--strict] [--phases before,reject,accept,withdraw,gpc]
         [--cookieless-pings warn|error|info|off] [--chromium PATH]
       consentry audit <url> --propose consent.json [--config consent.json] [--chromium PATH]`;

const OPTIONS = {
  config: { type: 'string' },
  pages: { type: 'string' },
  runs: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  strict: { type: 'boolean' },
  phases: { type: 'string' },
  'cookieless-pings': { type: 'string' },
  chromium: { type: 'string' },
  propose: { type: 'string' },
} as const;

class Usage extends Error {}

function integer(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new Usage(`--${name} ${value}: a whole number from 1 to ${max}`);
  return Number(value);
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new Usage(`--${name} ${value}: one of ${allowed.join(', ')}`);
  return value as T;
}

function startUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Usage(`${text}: not a URL (give the full address, e.g. https://www.example.com/)`);
  }
  if (url.protocol != 'http:' && url.protocol != 'https:')
    throw new Usage(`${text}: only http and https URLs can be audited`);
  return url;
}

/** `--config`: read, parsed and checked like `consentry check`; any problem is a config error (exit 2). */
function readConfig(file: string, deps: AuditCommandDeps): ConsentConfig {
  let text: string;
  try {
    text = readFileSync(resolve(deps.cwd, file), 'utf8');
  } catch (error) {
    throw new AuditStop(
      `--config ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      2,
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AuditStop(`--config ${file}: not valid JSON (${(error as Error).message})`, 2);
  }
  const issues = validateConfig(config, deps.registry);
  if (issues.length)
    throw new AuditStop(
      `--config ${file}: ${issues.length} problem${issues.length == 1 ? '' : 's'}\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join('\n') +
        `\n(consentry check ${file} shows where each one is, with hints)`,
      2,
    );
  return config as ConsentConfig;
}

/** `--baseline`: a previous JSON report (or any file with `findings: [{ check, subject }]`); its findings are accepted. */
function readBaseline(file: string, deps: AuditCommandDeps): Set<string> {
  let data: any;
  try {
    data = JSON.parse(readFileSync(resolve(deps.cwd, file), 'utf8'));
  } catch (error) {
    throw new AuditStop(
      `--baseline ${file}: cannot read it as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      2,
    );
  }
  if (!data || !Array.isArray(data.findings))
    throw new AuditStop(
      `--baseline ${file}: expected a report of consentry audit --json (an object with "findings")`,
      2,
    );
  return new Set(
    data.findings
      .filter((f: any) => f && typeof f.check == 'string' && typeof f.subject == 'string')
      .map((f: any) => `${f.check}|${f.subject}`),
  );
}

function write(file: string, text: string, deps: AuditCommandDeps): void {
  const path = resolve(deps.cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new AuditStop(
      `${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      2,
    );
  }
}

/** The JSON report of an audit that stopped before it could check anything. */
const stoppedReport = (url: string, error: string, exitCode: number): Partial<AuditReport> => ({
  url,
  passed: false,
  error,
  exitCode,
  findings: [],
});

export async function auditCommand(argv: string[], deps: AuditCommandDeps): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    deps.err(`consentry audit: ${(error as Error).message}`);
    deps.err(AUDIT_USAGE);
    return 2;
  }
  const values = args.values;
  const json = values.json;
  const fail = (message: string, code: number): number => {
    deps.err(`consentry audit: ${message}`);
    if (code == 2 && !(message.startsWith('--config') || message.startsWith('--baseline'))) deps.err(AUDIT_USAGE);
    if (json) {
      try {
        write(json, JSON.stringify(stoppedReport(args.positionals[0] ?? '', message, code), null, 2) + '\n', deps);
      } catch {
        // Already failing: the message above says why.
      }
    }
    return code;
  };

  let options: AuditOptions;
  try {
    if (args.positionals.length != 1) throw new Usage(args.positionals.length ? 'one URL at a time' : 'which URL?');
    const phases = values.phases === undefined ? [...PHASES] : values.phases.split(',').map((p) => p.trim());
    for (const phase of phases)
      if (!PHASES.includes(phase as PhaseName))
        throw new Usage(`--phases ${values.phases}: phases are ${PHASES.join(', ')}`);
    options = {
      url: startUrl(args.positionals[0]!),
      pages: integer(values.pages, 'pages', 3, 50),
      runs: integer(values.runs, 'runs', values.propose ? 1 : 3, 20),
      phases: values.propose ? ['before', 'accept'] : (phases as PhaseName[]),
      failOn: oneOf<Severity>(values['fail-on'], 'fail-on', ['error', 'warn'], 'error'),
      strict: !!values.strict,
      cookielessPings: oneOf(values['cookieless-pings'], 'cookieless-pings', ['error', 'warn', 'info', 'off'], 'warn'),
      chromium: values.chromium,
      baseline: new Set(),
    };
    if (values.config) options.config = readConfig(values.config, deps);
    if (values.baseline) options.baseline = readBaseline(values.baseline, deps);
  } catch (error) {
    if (error instanceof Usage) return fail(error.message, 2);
    if (error instanceof AuditStop) return fail(error.message, error.exitCode);
    throw error;
  }

  const started = Date.now();
  let result;
  try {
    result = await audit(options, {
      registry: deps.registry,
      env: deps.env,
      progress: (line) => deps.err(line),
      prepareContext: deps.prepareContext,
      chromiumArgs: deps.chromiumArgs,
      quietMs: deps.quietMs,
    });
  } catch (error) {
    if (error instanceof AuditStop) return fail(error.message, error.exitCode);
    // Anything else is a fault of the audit itself: say so in one line, not with a stack.
    return fail(`the audit failed: ${(error as Error)?.message ?? error}`, 3);
  }
  const { report, firstRun } = result;

  try {
    if (values.propose) {
      if (report.findings.some((f) => f.check == 'could-not-audit' && f.phase == 'before'))
        return fail(report.error ?? 'could not load the site', 3);
      const proposal = proposeConfig(firstRun, deps.registry);
      const issues = validateConfig(proposal.config, deps.registry);
      if (issues.length)
        return fail(`the proposed config does not pass the check: ${issues.map(formatIssue).join('; ')}`, 3);
      write(values.propose, JSON.stringify(proposal.config, null, 2) + '\n', deps);
      for (const note of proposal.notes) deps.out(`  ${note}`);
      deps.out(
        `${values.propose}: proposed config written (${proposal.config.presets?.length ?? 0} presets) in ${((Date.now() - started) / 1000).toFixed(1)} s; check it with consentry check ${values.propose}`,
      );
      return 0;
    }
    if (json) write(json, JSON.stringify(report, null, 2) + '\n', deps);
    if (values.junit) write(values.junit, junitXml(report, options.strict), deps);
    if (values.html) write(values.html, htmlReport(report, options.strict), deps);
  } catch (error) {
    if (error instanceof AuditStop) return fail(error.message, error.exitCode);
    throw error;
  }
  for (const line of summaryLines(report, options.strict, paintFor(deps.isTTY, deps.env))) deps.out(line);
  return report.exitCode;
}
