// `consentry audit <url>`: checks a live site against its consent config in real Chromium.
// Loads the start page once to learn the site (its pages, its config, its mode), then runs the
// phases `runs` times, compares the runs, applies the baseline and writes the reports.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import type { ConsentConfig, PresetRegistry } from '../../core/types';
import { loadAutoconsent } from './autoconsent-driver';
import { findChromium, firstLine, launch, loadPlaywright } from './browser';
import { checkPhase, fails, mergeRuns, type RunFinding } from './checks';
import { Classifier } from './classify';
import { AuditStop } from './errors';
import { openCookieDatabase, databaseVersion } from './open-cookie-database';
import * as phases from './phases';
import { findBanner } from './consentry-driver';
import { siteOf } from './site';
import type { AuditReport, PhaseName, PhaseRecord, Severity } from './types';

export interface AuditOptions {
  url: URL;
  /** The config from `--config`, already validated; undefined: read it from the page. */
  config?: ConsentConfig;
  pages: number;
  runs: number;
  phases: PhaseName[];
  failOn: Severity;
  strict: boolean;
  /** Findings accepted by the baseline file, as `check|subject` keys. */
  baseline: Set<string>;
  cookielessPings: Severity | 'off';
  chromium?: string;
}

export interface AuditEnvironment {
  registry: PresetRegistry;
  env: NodeJS.ProcessEnv;
  progress(line: string): void;
  /** Called with each new browser context before any page opens (tests serve vendor hosts here). */
  prepareContext?: (context: BrowserContext) => Promise<void>;
  /** Extra Chromium arguments (tests map their host names to the local server). */
  chromiumArgs?: string[];
  /** Quiet time that counts as "the network settled", in milliseconds. */
  quietMs?: number;
  /** Phases run at once, each in its own context (default 3). */
  concurrency?: number;
}

const emptyRecord = (phase: PhaseName, run: number): PhaseRecord => ({
  phase,
  run,
  status: 'audited',
  pages: [],
  requests: [],
  cookies: [],
  storage: [],
});

/** Runs `tasks`, at most `size` at a time; rejects with the first failure once all have ended. */
async function inPool(tasks: Array<() => Promise<void>>, size: number): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task().catch((error) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  if (failures.length) throw failures[0];
}

/** The package's version, for the presets' provenance in evidence. */
export function packageVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      if (manifest.name == 'consentry') return String(manifest.version);
    }
    folder = dirname(folder);
  }
  return 'unknown';
}

const findingKey = (finding: { check: string; subject: string }) => `${finding.check}|${finding.subject}`;

interface Probe {
  config?: ConsentConfig;
  mode: 'opt-in' | 'opt-out';
  /** A banner marked with Consentry's hooks showed. */
  banner: boolean;
}

/** The start page once: does it load as HTML, and what does its Consentry instance say. */
async function probe(setup: phases.AuditSetup): Promise<Probe> {
  const context = await setup.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  try {
    await setup.prepareContext?.(context);
    const page = await context.newPage();
    let response;
    try {
      response = await page.goto(setup.start.href, { waitUntil: 'load', timeout: 30_000 });
    } catch (error) {
      throw new AuditStop(`could not load ${setup.start.href}: ${firstLine(error)}`, 3);
    }
    const status = response?.status() ?? 200;
    if (status >= 400) {
      const wall = [401, 403, 429, 503].includes(status) ? ' (a bot wall or access control?)' : '';
      throw new AuditStop(`${setup.start.href} answered HTTP ${status}${wall}`, 3);
    }
    const type = (response?.headers()['content-type'] ?? 'text/html').split(';')[0]!.trim().toLowerCase();
    if (type != 'text/html' && type != 'application/xhtml+xml')
      throw new AuditStop(`${setup.start.href} answered ${type}, not an HTML page`, 3);
    // Consentry's script tag keeps the validated config on its instance; a page without one has none.
    const found = await page
      .waitForFunction(() => (globalThis as any).Consentry, undefined, { timeout: 2000 })
      .then(() =>
        page.evaluate(() => {
          const consent = (globalThis as any).Consentry;
          const internals = consent?.[Symbol.for('consentry.internals')];
          return {
            config: internals?.config && !consent.error ? JSON.parse(JSON.stringify(internals.config)) : undefined,
            mode: consent?.mode == 'opt-out' ? 'opt-out' : 'opt-in',
          };
        }),
      )
      .catch(() => ({ config: undefined, mode: 'opt-in' }));
    return { ...(found as Omit<Probe, 'banner'>), banner: await findBanner(page) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

export interface AuditResult {
  report: AuditReport;
  /** What the first run saw per phase (the cookie table, the timeline, the screenshots). */
  firstRun: PhaseRecord[];
}

/** Runs the audit; throws `AuditStop` when it cannot start or the site cannot be loaded at all. */
export async function audit(options: AuditOptions, environment: AuditEnvironment): Promise<AuditResult> {
  const started = Date.now();
  const playwright = await loadPlaywright();
  const executable = findChromium(options.chromium, environment.env, playwright);
  const autoconsent = await loadAutoconsent();
  const browser = await launch(playwright, executable, environment.chromiumArgs ?? []);
  const presetsVersion = packageVersion();
  try {
    const site = siteOf(options.url);
    const classifierFor = (config: ConsentConfig | undefined) =>
      new Classifier({ config, registry: environment.registry, database: openCookieDatabase, presetsVersion });
    const setup: phases.AuditSetup = {
      browser,
      start: options.url,
      site,
      classifier: classifierFor(options.config),
      config: options.config,
      pagesLimit: options.pages,
      runs: options.runs,
      quietMs: environment.quietMs ?? 500,
      settleMaxMs: 5000,
      autoconsent,
      hooksBanner: false,
      prepareContext: environment.prepareContext,
      progress: environment.progress,
    };
    const probed = await probe(setup);
    const config = options.config ?? probed.config;
    const configSource = options.config ? 'option' : probed.config ? 'page' : 'none';
    setup.config = config;
    setup.classifier = classifierFor(config);
    setup.hooksBanner = probed.banner;

    // Run 1's first phase finds the pages and the banner; then every other phase of every run
    // runs in a pool, a few contexts at a time: each is a fresh context, so they cannot mix.
    let discovery: phases.Discovery;
    const recordsByRun: PhaseRecord[][] = Array.from({ length: options.runs }, () => []);
    try {
      const first = await phases.beforeChoice(setup, 1);
      discovery = first.discovery;
      if (options.phases.includes('before')) recordsByRun[0]!.push(first.record);
    } catch (error) {
      if (error instanceof phases.LoadError) throw new AuditStop(error.message, 3);
      throw error;
    }
    const found = discovery;
    environment.progress(
      `${found.pages.length} page${found.pages.length == 1 ? '' : 's'}: ${found.pages.join(', ')}; ` +
        `banner: ${found.driver == 'consentry' ? 'Consentry hooks' : found.driver == 'autoconsent' ? `autoconsent (${found.cmp})` : 'none found'}; ` +
        `config: ${configSource == 'option' ? '--config' : configSource == 'page' ? 'read from the page' : 'none'}`,
    );
    const steps: Record<PhaseName, (run: number) => Promise<PhaseRecord>> = {
      before: async (run) => {
        try {
          return (await phases.beforeChoice(setup, run, found)).record;
        } catch (error) {
          if (error instanceof phases.LoadError)
            return { ...emptyRecord('before', run), status: 'could-not-audit', reason: error.message };
          throw error;
        }
      },
      reject: (run) => phases.afterReject(setup, found, run),
      accept: (run) => phases.afterAccept(setup, found, run),
      withdraw: (run) => phases.afterWithdrawal(setup, found, run),
      gpc: (run) => phases.withGpc(setup, found, run),
    };
    const tasks: Array<() => Promise<void>> = [];
    for (let run = 1; run <= options.runs; run++)
      for (const phase of options.phases) {
        if (run == 1 && phase == 'before') continue;
        tasks.push(async () => {
          const record = await steps[phase](run);
          recordsByRun[run - 1]!.push(record);
          environment.progress(
            `run ${run}/${options.runs} · ${phase}: ${record.status == 'audited' ? `${record.pages.length} page${record.pages.length == 1 ? '' : 's'}, ${record.requests.length} requests, ${record.cookies.length} cookies` : `${record.status}${record.reason ? ` (${record.reason})` : ''}`}`,
          );
        });
      }
    await inPool(tasks, environment.concurrency ?? 3);

    const now = Date.now() / 1000;
    const order = (a: PhaseRecord, b: PhaseRecord) => options.phases.indexOf(a.phase) - options.phases.indexOf(b.phase);
    const runFindings: RunFinding[][] = recordsByRun.map((records) =>
      records
        .sort(order)
        .flatMap((record) =>
          checkPhase(record, { config, cookielessPings: options.cookielessPings, mode: probed.mode, now }),
        ),
    );
    const firstRun = recordsByRun[0]!;
    const findings = mergeRuns(runFindings);
    for (const finding of findings) if (options.baseline.has(findingKey(finding))) finding.accepted = true;
    const failing = findings.filter((f) => fails(f, options.failOn, options.strict));
    const blocked = findings.filter((f) => f.check == 'could-not-audit');
    const exitCode = failing.length ? 1 : blocked.length ? 3 : 0;
    const phaseStatus = new Map<PhaseName, { phase: PhaseName; status: PhaseRecord['status']; reason?: string }>();
    for (const record of firstRun)
      phaseStatus.set(record.phase, { phase: record.phase, status: record.status, reason: record.reason });
    for (const finding of blocked)
      phaseStatus.set(finding.phase, { phase: finding.phase, status: 'could-not-audit', reason: finding.message });
    const before = firstRun.find((r) => r.phase == 'before');
    const report: AuditReport = {
      url: options.url.href,
      passed: exitCode == 0,
      error: blocked.length ? blocked.map((f) => f.message).join('; ') : undefined,
      exitCode,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      runs: options.runs,
      failOn: options.failOn,
      pages: discovery.pages,
      config: {
        source: configSource,
        presets: ((config?.presets ?? []) as Array<{ name: string }>).map((p) => p.name),
      },
      phases: [...phaseStatus.values()],
      findings,
      cookies: firstRun.flatMap((r) => r.cookies.map((c) => ({ ...c, phase: r.phase }))),
      requests: firstRun.flatMap((r) =>
        r.requests
          .filter((q) => q.thirdParty || q.classification.source != 'none')
          .map((q) => ({ ...q, phase: r.phase })),
      ),
      sources: [
        {
          name: 'site config',
          version: configSource == 'none' ? 'none' : configSource == 'option' ? '--config' : 'read from the page',
        },
        { name: 'Consentry presets', version: presetsVersion, licence: 'MIT' },
        {
          name: 'Open Cookie Database',
          version: databaseVersion(openCookieDatabase),
          licence: openCookieDatabase.licence,
        },
        ...(autoconsent ? [{ name: '@duckduckgo/autoconsent', version: autoconsent.version, licence: 'MPL-2.0' }] : []),
      ],
      screenshots: before?.screenshots ?? {},
    };
    return { report, firstRun };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
