// The five phases, each in a fresh browser context: before any choice, reject all (then a reload
// and the other pages), accept all, withdraw (accept, reopen, switch everything off), and GPC.
// Each returns what it saw; checks.ts turns that into findings.
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import type { ConsentConfig } from '../../core/types';
import { driveWithAutoconsent, type AutoAction, type Autoconsent } from './autoconsent-driver';
import type { Classifier } from './classify';
import * as hooks from './consentry-driver';
import { firstLine } from './browser';
import { Recorder } from './recorder';
import type { Site } from './site';
import type { PhaseName, PhaseRecord } from './types';

export interface AuditSetup {
  browser: Browser;
  start: URL;
  site: Site;
  classifier: Classifier;
  config: ConsentConfig | undefined;
  /** At most this many pages per phase, the start URL included. */
  pagesLimit: number;
  /** How many runs there are, for the progress lines. */
  runs: number;
  /** The network is taken as settled after this long without a request in flight (capped at `settleMaxMs`). */
  quietMs: number;
  settleMaxMs: number;
  autoconsent?: Autoconsent;
  /** The start page showed a banner with Consentry's hooks: autoconsent is not needed. */
  hooksBanner: boolean;
  /** Called with each new context before any page opens (the tests serve vendor hosts locally here). */
  prepareContext?: (context: BrowserContext) => Promise<void>;
  progress(line: string): void;
}

/** What the first phase learned, shared by the others: the pages, and how to drive the banner. */
export interface Discovery {
  pages: string[];
  driver: 'consentry' | 'autoconsent' | 'none';
  cmp?: string;
}

/** A page that did not load: the audit of the phase (or the whole site, for the start page) stops. */
export class LoadError extends Error {}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until the context has had no request in flight for `quietMs` (at most `maxMs`). */
function networkQuiet(context: BrowserContext): (quietMs: number, maxMs: number) => Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  context.on('request', () => {
    inFlight++;
    last = Date.now();
  });
  const finished = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  context.on('requestfinished', finished);
  context.on('requestfailed', finished);
  return async (quietMs, maxMs) => {
    const started = Date.now();
    await sleep(Math.min(quietMs, 100));
    while (Date.now() - started < maxMs) {
      if (inFlight == 0 && Date.now() - last >= quietMs) return;
      await sleep(50);
    }
  };
}

function checkResponse(url: string, response: Response | null): void {
  if (!response) return;
  const status = response.status();
  if (status >= 400) {
    const wall = [401, 403, 429, 503].includes(status) ? ' (a bot wall or access control?)' : '';
    throw new LoadError(`${url} answered HTTP ${status}${wall}`);
  }
  const type = (response.headers()['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && type != 'text/html' && type != 'application/xhtml+xml')
    throw new LoadError(`${url} answered ${type}, not an HTML page`);
}

/** One phase's browser context, recorder and page. */
class Visit {
  readonly page: Page;
  private constructor(
    private readonly setup: AuditSetup,
    /** `run 1/3 · reject`, for the progress lines. */
    private readonly label: string,
    readonly context: BrowserContext,
    readonly recorder: Recorder,
    private readonly quiet: ReturnType<typeof networkQuiet>,
    page: Page,
  ) {
    this.page = page;
  }

  static async open(
    setup: AuditSetup,
    label: string,
    options: {
      gpc?: boolean;
      autoAction?: AutoAction;
      onPopup?: (cmp: string) => void;
      onResult?: (ok: boolean) => void;
    } = {},
  ): Promise<Visit> {
    const context = await setup.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      // A visitor in the EU, where consent is asked first: `mode: "auto"` decides by time zone.
      timezoneId: 'Europe/Paris',
      extraHTTPHeaders: options.gpc ? { 'Sec-GPC': '1' } : undefined,
    });
    await setup.prepareContext?.(context);
    if (options.gpc)
      await context.addInitScript(() =>
        Object.defineProperty(Object.getPrototypeOf((globalThis as any).navigator), 'globalPrivacyControl', {
          configurable: true,
          get: () => true,
        }),
      );
    const logEndpoint = setup.config?.log?.endpoint;
    const recorder = await Recorder.attach(context, setup.site, setup.classifier, logEndpoint);
    if (setup.autoconsent && options.autoAction !== undefined)
      await driveWithAutoconsent(context, setup.autoconsent, options.autoAction, {
        popup: (cmp) => options.onPopup?.(cmp),
        result: (_cmp, ok) => options.onResult?.(ok),
      });
    const quiet = networkQuiet(context);
    const page = await context.newPage();
    await recorder.watch(page);
    return new Visit(setup, label, context, recorder, quiet, page);
  }

  async settle(): Promise<void> {
    await this.quiet(this.setup.quietMs, this.setup.settleMaxMs);
    await this.page.waitForLoadState('load', { timeout: this.setup.settleMaxMs }).catch(() => undefined);
    await this.recorder.settled(this.page);
  }

  async load(url: string): Promise<void> {
    this.recorder.navigating(url);
    let response: Response | null;
    try {
      response = await this.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch (error) {
      throw new LoadError(`could not load ${url}: ${firstLine(error)}`);
    }
    checkResponse(url, response);
    await this.settle();
    this.setup.progress(`${this.label} · ${url}`);
  }

  async reload(): Promise<void> {
    this.recorder.navigating(this.page.url());
    await this.page.reload({ waitUntil: 'load', timeout: 30_000 }).catch((error) => {
      throw new LoadError(`could not reload ${this.page.url()}: ${firstLine(error)}`);
    });
    await this.settle();
  }

  /** After a click that may navigate (a withdrawal reloads the page): wait for what follows. */
  async afterClick(): Promise<void> {
    this.recorder.navigating(this.page.url());
    await this.settle();
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

/** Same-origin links of the page in document order, without fragments, files or the page itself. */
async function linksOf(page: Page, start: URL): Promise<string[]> {
  const hrefs: string[] = await page
    .locator('a[href]')
    .evaluateAll((links: any[]) => links.map((link) => String(link.href)))
    .catch(() => []);
  const seen = new Set<string>([start.href.replace(/#.*$/, '')]);
  const pages: string[] = [];
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    url.hash = '';
    if (url.origin != start.origin || seen.has(url.href)) continue;
    if (/\.(pdf|zip|png|jpe?g|gif|svg|webp|mp4|mp3|docx?|xlsx?|pptx?)$/i.test(url.pathname)) continue;
    if (/log-?out|sign-?out/i.test(url.pathname)) continue;
    seen.add(url.href);
    pages.push(url.href);
  }
  return pages;
}

async function screenshotOf(target: Locator): Promise<string | undefined> {
  try {
    const image = await target.screenshot({ type: 'jpeg', quality: 70, timeout: 5000, animations: 'disabled' });
    return `data:image/jpeg;base64,${image.toString('base64')}`;
  } catch {
    return undefined;
  }
}

const labelOf = (setup: AuditSetup, phase: PhaseName, run: number) => `run ${run}/${setup.runs} · ${phase}`;

function record(phase: PhaseName, run: number, status: PhaseRecord['status'], reason?: string): PhaseRecord {
  return { phase, run, status, reason, pages: [], requests: [], cookies: [], storage: [] };
}

async function finish(visit: Visit, result: PhaseRecord): Promise<PhaseRecord> {
  const seen = await visit.recorder.results();
  await visit.close();
  return { ...result, ...seen };
}

/** The site's other pages after the start page (already shown). */
async function visitOthers(visit: Visit, discovery: Discovery, result: PhaseRecord): Promise<void> {
  for (const url of discovery.pages.slice(1)) {
    try {
      await visit.load(url);
      result.pages.push(url);
    } catch (error) {
      // A later page that fails is reported; the start page's failure stops the phase.
      result.reason = (result.reason ? result.reason + '; ' : '') + (error as Error).message;
    }
  }
}

/**
 * Before any choice. In the first run it also finds the pages (the start URL and its first
 * same-origin links) and how to drive the banner.
 */
export async function beforeChoice(
  setup: AuditSetup,
  run: number,
  discovery?: Discovery,
): Promise<{
  record: PhaseRecord;
  discovery: Discovery;
}> {
  let cmp: string | undefined;
  const visit = await Visit.open(setup, labelOf(setup, 'before', run), {
    // Detect only: autoconsent names the CMP without clicking.
    autoAction: setup.autoconsent && !setup.hooksBanner ? null : undefined,
    onPopup: (name) => (cmp = name),
  });
  const result = record('before', run, 'audited');
  try {
    await visit.load(setup.start.href);
  } catch (error) {
    await visit.close();
    throw error;
  }
  result.pages.push(setup.start.href);
  const found: Discovery = discovery ?? {
    pages: [setup.start.href, ...(await linksOf(visit.page, setup.start)).slice(0, setup.pagesLimit - 1)],
    driver: 'none',
  };
  if (setup.hooksBanner && (await hooks.findBanner(visit.page))) {
    found.driver = 'consentry';
    const inspected = await hooks.inspectBanner(visit.page, run == 1 ? screenshotOf : async () => undefined);
    result.banner = inspected.look;
    result.screenshots = { banner: inspected.banner, dialog: inspected.dialog };
  } else {
    if (cmp) {
      found.driver = 'autoconsent';
      found.cmp = cmp;
      result.banner = { driver: `autoconsent (${cmp})`, rejectClicks: 0, acceptClicks: 0 };
    }
    if (run == 1) result.screenshots = { banner: await screenshotOf(visit.page.locator('html')) };
  }
  await visitOthers(visit, found, result);
  return { record: await finish(visit, result), discovery: found };
}

type Choice = 'reject' | 'accept';

/**
 * Opens the start page and makes a choice through the driver found; returns the visit, or a
 * could-not-audit record.
 */
async function choose(
  setup: AuditSetup,
  discovery: Discovery,
  phase: PhaseName,
  run: number,
  choice: Choice,
  options: { gpc?: boolean } = {},
): Promise<{ visit: Visit; result: PhaseRecord; clicks: number } | { failed: PhaseRecord }> {
  const start = setup.start.href;
  if (discovery.driver == 'autoconsent') {
    let resolveResult: (ok: boolean) => void = () => undefined;
    const outcome = new Promise<boolean>((done) => (resolveResult = done));
    let marking: Promise<void> | undefined;
    const visit: Visit = await Visit.open(setup, labelOf(setup, phase, run), {
      ...options,
      autoAction: choice == 'reject' ? 'optOut' : 'optIn',
      onPopup: () => (marking = visit.recorder.choosing()),
      onResult: (ok) => resolveResult(ok),
    });
    const result = record(phase, run, 'audited');
    try {
      await visit.load(start);
    } catch (error) {
      await visit.close();
      return { failed: record(phase, run, 'could-not-audit', (error as Error).message) };
    }
    result.pages.push(start);
    const ok = await Promise.race([outcome, sleep(15_000).then(() => false)]);
    await marking;
    if (!ok) {
      await visit.close();
      const action = choice == 'reject' ? 'opt out' : 'opt in';
      return { failed: record(phase, run, 'could-not-audit', `autoconsent could not ${action} of ${discovery.cmp}`) };
    }
    await visit.afterClick();
    return { visit, result, clicks: 0 };
  }

  const visit = await Visit.open(setup, labelOf(setup, phase, run), options);
  const result = record(phase, run, 'audited');
  try {
    await visit.load(start);
  } catch (error) {
    await visit.close();
    return { failed: record(phase, run, 'could-not-audit', (error as Error).message) };
  }
  result.pages.push(start);
  if (discovery.driver != 'consentry' || !(await hooks.findBanner(visit.page))) {
    await visit.close();
    return { failed: record(phase, run, 'could-not-audit', 'no consent banner found on the start page') };
  }
  await visit.recorder.choosing();
  const done = choice == 'reject' ? await hooks.rejectAll(visit.page) : await hooks.acceptAll(visit.page);
  if (!done.done) {
    await visit.close();
    return { failed: record(phase, run, 'could-not-audit', done.reason) };
  }
  await visit.afterClick();
  return { visit, result, clicks: done.clicks };
}

/** Reject all, then reload and the other pages: nothing new that is not essential. */
export async function afterReject(setup: AuditSetup, discovery: Discovery, run: number): Promise<PhaseRecord> {
  const chosen = await choose(setup, discovery, 'reject', run, 'reject');
  if ('failed' in chosen) return chosen.failed;
  const { visit, result } = chosen;
  try {
    await visit.reload();
    if (discovery.driver == 'consentry') result.reopenControl = await hooks.hasReopenControl(visit.page);
    await visitOthers(visit, discovery, result);
  } catch (error) {
    result.reason = (error as Error).message;
  }
  const finished = await finish(visit, result);
  finished.consentCookie = finished.cookies.find((cookie) => cookie.name == setup.classifier.consentCookie);
  return finished;
}

/** Accept all, then the other pages: which vendors appear. */
export async function afterAccept(setup: AuditSetup, discovery: Discovery, run: number): Promise<PhaseRecord> {
  const chosen = await choose(setup, discovery, 'accept', run, 'accept');
  if ('failed' in chosen) return chosen.failed;
  await visitOthers(chosen.visit, discovery, chosen.result);
  return finish(chosen.visit, chosen.result);
}

/** Accept, reopen the preferences, switch everything off: vendor requests stop, their cookies go. */
export async function afterWithdrawal(setup: AuditSetup, discovery: Discovery, run: number): Promise<PhaseRecord> {
  if (discovery.driver == 'autoconsent')
    return record(
      'withdraw',
      run,
      'could-not-audit',
      `withdrawal is driven on Consentry's hooks only (${discovery.cmp})`,
    );
  if (discovery.driver != 'consentry')
    return record('withdraw', run, 'could-not-audit', 'no consent banner found on the start page');
  const visit = await Visit.open(setup, labelOf(setup, 'withdraw', run));
  const result = record('withdraw', run, 'audited');
  try {
    await visit.load(setup.start.href);
    result.pages.push(setup.start.href);
    if (!(await hooks.findBanner(visit.page))) throw new LoadError('no consent banner found on the start page');
    const accepted = await hooks.acceptAll(visit.page);
    if (!accepted.done) throw new LoadError(accepted.reason);
    await visit.afterClick();
    await visit.recorder.choosing();
    const withdrawn = await hooks.withdraw(visit.page);
    if (!withdrawn.done) throw new LoadError(withdrawn.reason);
    await visit.afterClick();
    await visit.load(setup.start.href);
    await visitOthers(visit, discovery, result);
  } catch (error) {
    await visit.close();
    return record('withdraw', run, 'could-not-audit', (error as Error).message);
  }
  return finish(visit, result);
}

/** With Global Privacy Control: `Sec-GPC: 1` and `navigator.globalPrivacyControl`; accept all where a banner asks. */
export async function withGpc(setup: AuditSetup, discovery: Discovery, run: number): Promise<PhaseRecord> {
  const chosen =
    discovery.driver == 'none'
      ? { failed: record('gpc', run, 'skipped') }
      : await choose(setup, discovery, 'gpc', run, 'accept', { gpc: true });
  if ('failed' in chosen) {
    // No banner to accept: GPC must hold on the pages as they load.
    const visit = await Visit.open(setup, labelOf(setup, 'gpc', run), { gpc: true });
    const result = record('gpc', run, 'audited');
    try {
      await visit.load(setup.start.href);
      result.pages.push(setup.start.href);
      await visitOthers(visit, discovery, result);
    } catch (error) {
      await visit.close();
      return record('gpc', run, 'could-not-audit', (error as Error).message);
    }
    return finish(visit, result);
  }
  await visitOthers(chosen.visit, discovery, chosen.result);
  return finish(chosen.visit, chosen.result);
}
