// The checks: what each phase saw, turned into findings with an id, a severity and evidence.
// Anchors: the EDPB cookie banner taskforce report (17 January 2023) for the banner (a reject
// control on the first layer, not a link in the text; no pre-ticked boxes; no deceptive colours
// or contrast; an easy way to withdraw); the CNIL's guidelines and recommendation of
// 17 September 2020 (refusing as easy as accepting; 13 months for the choice and for audience
// measurement cookies) and its 2025 sanctions (tracking before a choice and despite a refusal);
// EDPB Guidelines 2/2023 on Art. 5(3) ePrivacy (requests count, not only cookies); GPC
// (https://privacycg.github.io/gpc-spec/) as CCPA regulations 11 CCR §7025 require it honoured.
import type { ConsentConfig } from '../../core/types';
import { isEssential, isUnclassified } from './classify';
import type {
  Classification,
  Evidence,
  Finding,
  PhaseName,
  PhaseRecord,
  SeenCookie,
  SeenRequest,
  SeenStorage,
  Severity,
} from './types';

/** Every check the audit runs: its id, default severity and what it asks. */
export const CHECKS = {
  'pre-consent-request': { severity: 'error', title: 'No non-essential request before a choice' },
  'pre-consent-cookie': { severity: 'error', title: 'No non-essential cookie before a choice' },
  'pre-consent-storage': { severity: 'error', title: 'No non-essential storage write before a choice' },
  'cookieless-ping': { severity: 'warn', title: "Google Consent Mode's cookieless pings before a choice" },
  'after-reject': { severity: 'error', title: 'Nothing new after reject, a reload and the other pages' },
  'withdrawal-requests': { severity: 'error', title: 'Withdrawal stops the vendors' },
  'withdrawal-cookies': { severity: 'error', title: "Withdrawal clears the vendors' cookies" },
  'undeclared-vendor': { severity: 'error', title: 'Every vendor seen is declared in the config' },
  'declared-not-seen': { severity: 'info', title: 'Every declared vendor is seen (stale config)' },
  unclassified: { severity: 'warn', title: 'Every request, cookie and storage key is classified' },
  'reject-first-layer': { severity: 'error', title: 'Reject on the first layer, as a button' },
  'reject-clicks': { severity: 'error', title: 'Rejecting takes no more clicks than accepting' },
  'pre-ticked': { severity: 'error', title: 'No pre-ticked non-essential switches' },
  'equal-weight': { severity: 'warn', title: 'Reject and accept of equal visual weight' },
  'reopen-control': { severity: 'error', title: 'A control to reopen the choices after the choice' },
  'consent-cookie-lifetime': { severity: 'error', title: 'The consent cookie lives at most 13 months' },
  'cookie-lifetime': { severity: 'warn', title: 'Non-essential cookies live at most 13 months' },
  gpc: { severity: 'error', title: 'Global Privacy Control keeps sale categories denied' },
  'could-not-audit': { severity: 'error', title: 'Every phase could be audited' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type CheckId = keyof typeof CHECKS;

/** A finding of one run, before runs are compared. */
export type RunFinding = Omit<Finding, 'flaky' | 'accepted' | 'runs'>;

export interface CheckOptions {
  config: ConsentConfig | undefined;
  /** Severity of Consent Mode's cookieless pings before a choice; `off` drops them. */
  cookielessPings: Severity | 'off';
  /** The mode the page runs in: in opt-out mode tracking before a choice is allowed (info only). */
  mode: 'opt-in' | 'opt-out';
  /** Seconds since the epoch, for cookie lifetimes. */
  now: number;
}

/** 13 months, in days: the CNIL's limit for the choice and for audience-measurement cookies. */
const THIRTEEN_MONTHS_DAYS = 396;

const path = (url: string) => {
  const parsed = new URL(url);
  return parsed.host + parsed.pathname;
};

function requestEvidence(request: SeenRequest): Evidence {
  return {
    url: request.url,
    initiator: request.initiator,
    at: request.at,
    classifiedBy: request.classification.by,
    page: request.page,
    category: request.classification.category,
    vendor: request.classification.vendor,
  };
}

function cookieEvidence(cookie: SeenCookie): Evidence {
  return {
    url: cookie.page,
    initiator: cookie.setBy,
    at: cookie.at,
    classifiedBy: cookie.classification.by,
    cookie: cookie.name,
    domain: cookie.domain,
    expires: cookie.expires < 0 ? 'session' : new Date(cookie.expires * 1000).toISOString(),
    category: cookie.classification.category,
    vendor: cookie.classification.vendor,
  };
}

function storageEvidence(item: SeenStorage): Evidence {
  return {
    url: item.page,
    initiator: item.setBy,
    at: item.at,
    classifiedBy: item.classification.by,
    storage: item.kind,
    key: item.key,
    origin: item.origin,
    category: item.classification.category,
    vendor: item.classification.vendor,
  };
}

const what = (c: Classification) => `${c.vendor}, ${c.category}`;
const daysLeft = (cookie: SeenCookie, now: number) => (cookie.expires < 0 ? 0 : (cookie.expires - now) / 86_400);

/** Google Consent Mode's `gcs` parameter with ad and analytics storage both denied (`G100`): a cookieless ping. */
export function isCookielessPing(url: string): boolean {
  const gcs = new URL(url).searchParams.get('gcs');
  return !!gcs && /^G1[0-][0-]$/.test(gcs);
}

/** Requests that matter: third-party ones, and first-party ones a config or preset rule names (a self-hosted tag). */
const counted = (request: SeenRequest) => request.thirdParty || request.classification.source != 'none';

class Collector {
  readonly findings: RunFinding[] = [];
  private readonly keys = new Set<string>();
  constructor(private readonly phase: PhaseName) {}

  add(
    check: CheckId,
    subject: string,
    message: string,
    evidence: Evidence,
    severity: Severity = CHECKS[check].severity,
  ) {
    const key = `${check}|${subject}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.findings.push({ check, severity, phase: this.phase, subject, message, evidence });
  }
}

/** Non-essential items of a phase, and the unclassified ones apart. */
function nonEssential(record: PhaseRecord, collect: Collector, select: (item: { afterChoice: boolean }) => boolean) {
  const requests = record.requests.filter((r) => counted(r) && select(r) && !isEssential(r.classification));
  const cookies = record.cookies.filter((c) => select(c) && !isEssential(c.classification));
  const storage = record.storage.filter((s) => select(s) && !isEssential(s.classification));
  for (const request of requests.filter((r) => isUnclassified(r.classification)))
    collect.add(
      'unclassified',
      `request ${request.host}`,
      `Unclassified request to ${request.host}: no source knows it`,
      requestEvidence(request),
    );
  for (const cookie of cookies.filter((c) => isUnclassified(c.classification)))
    collect.add(
      'unclassified',
      `cookie ${cookie.name}`,
      `Unclassified cookie ${cookie.name} on ${cookie.domain}`,
      cookieEvidence(cookie),
    );
  for (const item of storage.filter((s) => isUnclassified(s.classification)))
    collect.add(
      'unclassified',
      `${item.kind} ${item.key}`,
      `Unclassified ${item.kind} key ${item.key}`,
      storageEvidence(item),
    );
  const known = <T extends { classification: Classification }>(list: T[]) =>
    list.filter((item) => !isUnclassified(item.classification));
  return { requests: known(requests), cookies: known(cookies), storage: known(storage) };
}

function beforeChecks(record: PhaseRecord, options: CheckOptions, collect: Collector): void {
  const { requests, cookies, storage } = nonEssential(record, collect, () => true);
  const optOut = options.mode == 'opt-out';
  const severityOf = (c: Classification): Severity => (optOut ? 'info' : c.category == 'functional' ? 'warn' : 'error');
  const note = optOut ? ' (allowed in opt-out mode until the visitor opts out)' : '';
  const advanced = (options.config?.googleConsentMode as { mode?: string } | undefined)?.mode == 'advanced';
  for (const request of requests) {
    const google =
      /(^|\.)(google-analytics\.com|googletagmanager\.com|doubleclick\.net|googleadservices\.com|google\.com)$/.test(
        request.host,
      );
    if (isCookielessPing(request.url) || (advanced && google)) {
      if (options.cookielessPings != 'off')
        collect.add(
          'cookieless-ping',
          `request ${request.host}`,
          `Google Consent Mode request before a choice (cookieless ping or tag in advanced mode): ${path(request.url)}`,
          requestEvidence(request),
          options.cookielessPings,
        );
      continue;
    }
    collect.add(
      'pre-consent-request',
      `request ${request.host}`,
      `${what(request.classification)} requested before any choice: ${path(request.url)}${note}`,
      requestEvidence(request),
      severityOf(request.classification),
    );
  }
  for (const cookie of cookies)
    collect.add(
      'pre-consent-cookie',
      `cookie ${cookie.name}`,
      `Cookie ${cookie.name} (${what(cookie.classification)}) set before any choice${note}`,
      cookieEvidence(cookie),
      severityOf(cookie.classification),
    );
  for (const item of storage)
    collect.add(
      'pre-consent-storage',
      `${item.kind} ${item.key}`,
      `${item.kind} key ${item.key} (${what(item.classification)}) written before any choice${note}`,
      storageEvidence(item),
      severityOf(item.classification),
    );
  bannerChecks(record, collect);
}

function bannerChecks(record: PhaseRecord, collect: Collector): void {
  const banner = record.banner;
  if (!banner || banner.driver != 'consentry hooks') return;
  const evidence: Evidence = {
    url: record.pages[0] ?? '',
    initiator: 'the banner',
    at: 0,
    classifiedBy: 'consentry hooks',
  };
  const { accept, reject } = banner;
  if (!reject)
    collect.add(
      'reject-first-layer',
      'banner reject',
      banner.rejectClicks
        ? `No reject control on the first layer: rejecting needs the preferences (${banner.rejectClicks} clicks)`
        : 'No reject control found, on the first layer or in the preferences',
      evidence,
    );
  else if (reject.inText || (reject.tag == 'a' && reject.role != 'button'))
    collect.add(
      'reject-first-layer',
      'banner reject',
      `Reject is a link inside the text ("${reject.text}"), not a button like accept`,
      { ...evidence, control: reject },
    );
  if (!banner.rejectClicks || banner.rejectClicks > (banner.acceptClicks || 1))
    collect.add(
      'reject-clicks',
      'banner clicks',
      `Rejecting takes ${banner.rejectClicks || 'more than 2'} clicks, accepting ${banner.acceptClicks}`,
      { ...evidence, rejectClicks: banner.rejectClicks, acceptClicks: banner.acceptClicks },
    );
  const ticked = (banner.switches ?? []).filter((s) => s.checked).map((s) => s.category);
  if (ticked.length)
    collect.add('pre-ticked', 'preferences switches', `Switched on before any choice: ${ticked.join(', ')}`, {
      ...evidence,
      initiator: 'the preferences dialog',
      switches: ticked,
    });
  if (accept && reject) {
    const reasons: string[] = [];
    const ratio = (a: number, b: number) => (b ? a / b : 1);
    if (ratio(reject.width * reject.height, accept.width * accept.height) < 0.8)
      reasons.push(`reject is ${reject.width}×${reject.height} px, accept ${accept.width}×${accept.height} px`);
    if (ratio(reject.fontSize, accept.fontSize) < 0.9)
      reasons.push(`reject's text is ${reject.fontSize} px, accept's ${accept.fontSize} px`);
    if (reject.fontWeight + 200 <= accept.fontWeight)
      reasons.push(`reject's text weighs ${reject.fontWeight}, accept's ${accept.fontWeight}`);
    if (reject.textContrast < 4.5 && accept.textContrast >= 4.5)
      reasons.push(`reject's text contrast is ${reject.textContrast}:1, accept's ${accept.textContrast}:1`);
    if (accept.fillContrast >= 1.5 && reject.fillContrast < 1.2)
      reasons.push(
        `accept stands out from the banner (${accept.fillContrast}:1), reject does not (${reject.fillContrast}:1)`,
      );
    if (reasons.length)
      collect.add('equal-weight', 'banner weight', `Reject looks weaker than accept: ${reasons.join('; ')}`, {
        ...evidence,
        accept,
        reject,
      });
  }
}

function afterChoiceChecks(
  record: PhaseRecord,
  check: 'after-reject' | 'withdrawal-requests',
  collect: Collector,
): void {
  const { requests, cookies, storage } = nonEssential(record, collect, (item) => item.afterChoice);
  const when = check == 'after-reject' ? 'after reject' : 'after withdrawal';
  for (const request of requests)
    collect.add(
      check,
      `request ${request.host}`,
      `${what(request.classification)} requested ${when}: ${path(request.url)}`,
      requestEvidence(request),
    );
  for (const cookie of cookies)
    collect.add(
      check == 'after-reject' ? 'after-reject' : 'withdrawal-cookies',
      `cookie ${cookie.name}`,
      `Cookie ${cookie.name} (${what(cookie.classification)}) set ${when}`,
      cookieEvidence(cookie),
    );
  for (const item of storage)
    collect.add(
      check,
      `${item.kind} ${item.key}`,
      `${item.kind} key ${item.key} (${what(item.classification)}) written ${when}`,
      storageEvidence(item),
    );
}

function rejectChecks(record: PhaseRecord, options: CheckOptions, collect: Collector): void {
  afterChoiceChecks(record, 'after-reject', collect);
  const cookie = record.consentCookie;
  if (cookie && daysLeft(cookie, options.now) > THIRTEEN_MONTHS_DAYS)
    collect.add(
      'consent-cookie-lifetime',
      `cookie ${cookie.name}`,
      `The consent cookie ${cookie.name} lives ${Math.round(daysLeft(cookie, options.now))} days, more than 13 months`,
      cookieEvidence(cookie),
    );
  if (record.reopenControl === false)
    collect.add(
      'reopen-control',
      'reopen control',
      'After the choice, no control reopens the preferences (a reopen button or an element marked data-consentry-action="preferences")',
      {
        url: record.pages[0] ?? '',
        initiator: 'the page after reject and reload',
        at: 0,
        classifiedBy: 'consentry hooks',
      },
    );
}

function acceptChecks(record: PhaseRecord, options: CheckOptions, collect: Collector): void {
  const { requests, cookies, storage } = nonEssential(record, collect, () => true);
  if (options.config) {
    const undeclared = (c: Classification) => c.source == 'preset' || c.source == 'open-cookie-database';
    for (const request of requests.filter((r) => undeclared(r.classification)))
      collect.add(
        'undeclared-vendor',
        `vendor ${request.classification.vendor}`,
        `${request.classification.vendor} (${request.classification.category}) seen but not declared in the config: ${path(request.url)}`,
        requestEvidence(request),
      );
    for (const cookie of cookies.filter((c) => undeclared(c.classification)))
      collect.add(
        'undeclared-vendor',
        `vendor ${cookie.classification.vendor}`,
        `${cookie.classification.vendor} (${cookie.classification.category}) seen but not declared in the config: cookie ${cookie.name}`,
        cookieEvidence(cookie),
      );
    for (const item of storage.filter((s) => undeclared(s.classification)))
      collect.add(
        'undeclared-vendor',
        `vendor ${item.classification.vendor}`,
        `${item.classification.vendor} (${item.classification.category}) seen but not declared in the config: ${item.kind} ${item.key}`,
        storageEvidence(item),
      );
    const seen = new Set(
      [...record.requests, ...record.cookies, ...record.storage]
        .map((item) => item.classification)
        .filter((c) => c.source == 'config' && c.preset)
        .map((c) => c.preset),
    );
    for (const entry of (options.config.presets ?? []) as Array<{ name: string }>)
      if (!seen.has(entry.name))
        collect.add(
          'declared-not-seen',
          `vendor ${entry.name}`,
          `Preset ${entry.name} is declared, but none of its requests or cookies was seen after accept all (stale config?)`,
          { url: record.pages[0] ?? '', initiator: 'the config', at: 0, classifiedBy: 'config' },
        );
  }
  for (const cookie of cookies)
    if (daysLeft(cookie, options.now) > THIRTEEN_MONTHS_DAYS)
      collect.add(
        'cookie-lifetime',
        `cookie ${cookie.name}`,
        `Cookie ${cookie.name} (${what(cookie.classification)}) lives ${Math.round(daysLeft(cookie, options.now))} days, more than 13 months`,
        cookieEvidence(cookie),
      );
}

function withdrawChecks(record: PhaseRecord, collect: Collector): void {
  afterChoiceChecks(record, 'withdrawal-requests', collect);
  // Cookies the site can delete (its own domain) that a withdrawal left behind.
  for (const cookie of record.cookies)
    if (
      !cookie.afterChoice &&
      !cookie.thirdParty &&
      !isEssential(cookie.classification) &&
      !isUnclassified(cookie.classification)
    )
      collect.add(
        'withdrawal-cookies',
        `cookie ${cookie.name}`,
        `Cookie ${cookie.name} (${what(cookie.classification)}) still set after withdrawal`,
        cookieEvidence(cookie),
      );
}

/** Categories that Global Privacy Control denies: `sale: true` ones (advertising by default). */
function saleCategories(config: ConsentConfig | undefined): Set<string> {
  const sale = new Set<string>(['advertising']);
  for (const [name, category] of Object.entries(config?.categories ?? {})) {
    if (category?.sale === true) sale.add(name);
    if (category?.sale === false) sale.delete(name);
  }
  return sale;
}

function gpcChecks(record: PhaseRecord, options: CheckOptions, collect: Collector): void {
  const policy = options.config?.signals?.gpc;
  if (policy == 'ignore') {
    collect.add(
      'gpc',
      'gpc policy',
      'The config ignores Global Privacy Control (signals.gpc: "ignore")',
      {
        url: record.pages[0] ?? '',
        initiator: 'the config',
        at: 0,
        classifiedBy: 'config',
      },
      'info',
    );
    return;
  }
  const denied =
    policy == 'deny-all'
      ? (c: Classification) => !isEssential(c)
      : (c: Classification) => saleCategories(options.config).has(c.category);
  const { requests, cookies, storage } = nonEssential(record, collect, () => true);
  for (const request of requests.filter((r) => denied(r.classification)))
    collect.add(
      'gpc',
      `request ${request.host}`,
      `${what(request.classification)} requested with GPC on: ${path(request.url)}`,
      requestEvidence(request),
    );
  for (const cookie of cookies.filter((c) => denied(c.classification)))
    collect.add(
      'gpc',
      `cookie ${cookie.name}`,
      `Cookie ${cookie.name} (${what(cookie.classification)}) set with GPC on`,
      cookieEvidence(cookie),
    );
  for (const item of storage.filter((s) => denied(s.classification)))
    collect.add(
      'gpc',
      `${item.kind} ${item.key}`,
      `${item.kind} key ${item.key} (${what(item.classification)}) written with GPC on`,
      storageEvidence(item),
    );
}

/** The findings of one phase of one run. */
export function checkPhase(record: PhaseRecord, options: CheckOptions): RunFinding[] {
  const collect = new Collector(record.phase);
  if (record.status == 'could-not-audit') {
    collect.add(
      'could-not-audit',
      `phase ${record.phase}`,
      `Could not audit the ${record.phase} phase: ${record.reason}`,
      {
        url: record.pages[0] ?? '',
        initiator: 'the audit',
        at: 0,
        classifiedBy: '',
      },
    );
    return collect.findings;
  }
  if (record.status == 'skipped') return [];
  if (record.phase == 'before') beforeChecks(record, options, collect);
  if (record.phase == 'reject') rejectChecks(record, options, collect);
  if (record.phase == 'accept') acceptChecks(record, options, collect);
  if (record.phase == 'withdraw') withdrawChecks(record, collect);
  if (record.phase == 'gpc') gpcChecks(record, options, collect);
  return collect.findings;
}

/**
 * Findings of every run, compared: one seen in every run keeps its severity; one seen in only
 * some is flaky. "Could not audit" is never flaky: a phase missing from one run is missing.
 * Unclassified items are reported once, in the first phase that saw them.
 */
export function mergeRuns(runs: RunFinding[][]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const findings of runs) {
    const once = new Set<string>();
    for (const finding of findings) {
      const key = `${finding.check}|${finding.phase}|${finding.subject}`;
      if (once.has(key)) continue;
      once.add(key);
      const known = merged.get(key);
      if (known) known.runs++;
      else merged.set(key, { ...finding, flaky: false, accepted: false, runs: 1 });
    }
  }
  const unclassifiedSeen = new Set<string>();
  const result: Finding[] = [];
  for (const finding of merged.values()) {
    if (finding.check == 'unclassified') {
      if (unclassifiedSeen.has(finding.subject)) continue;
      unclassifiedSeen.add(finding.subject);
    }
    finding.flaky = finding.check != 'could-not-audit' && finding.runs < runs.length;
    result.push(finding);
  }
  const order = ['error', 'warn', 'info'];
  return result.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

/** Whether a finding fails the audit: at or above `--fail-on`, not accepted, and not flaky unless `--strict`. */
export const fails = (finding: Finding, failOn: Severity, strict: boolean): boolean =>
  finding.check != 'could-not-audit' &&
  !finding.accepted &&
  (!finding.flaky || strict) &&
  SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[failOn];
