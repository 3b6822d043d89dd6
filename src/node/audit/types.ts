// What the audit observes and reports. The JSON report (`--json`) is these shapes, documented in
// docs/guide/audit.md; `AuditReport` is its top level.

export type Severity = 'error' | 'warn' | 'info';

/** The phases, each in a fresh browser context, in the order they run. */
export const PHASES = ['before', 'reject', 'accept', 'withdraw', 'gpc'] as const;
export type PhaseName = (typeof PHASES)[number];

/** What a request, cookie or storage key is, and who said so. */
export interface Classification {
  /** `essential`, `analytics`, `advertising`, `functional`, a site's own category, or `unclassified`. */
  category: string;
  /** The service: `Google Analytics`, a platform of the Open Cookie Database, or the host. */
  vendor: string;
  /** Where the answer came from, in the order asked: the site's config, the presets, the Open Cookie Database. */
  source: 'config' | 'preset' | 'open-cookie-database' | 'consent-manager' | 'none';
  /** The preset (by JSON name) that recognised it. */
  preset?: string;
  /** The same for a person: `config presets[0] (google-analytics)`, `Open Cookie Database 0ee5a17 (2026-01-21): Hotjar`. */
  by: string;
}

export interface SeenRequest {
  url: string;
  host: string;
  /** `script`, `image`, `xhr`, `fetch`, `document`, … (Chromium's resource type). */
  type: string;
  /** The page that was shown when it was made. */
  page: string;
  /** Milliseconds since that page's navigation started. */
  at: number;
  /** What made it: `https://site/page.html:12 (HTML)`, the script URL and line, or the frame. */
  initiator: string;
  thirdParty: boolean;
  /** Made after the phase's choice (reject, accept, withdrawal). */
  afterChoice: boolean;
  classification: Classification;
}

export interface SeenCookie {
  name: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  /** The script that set it (`document.cookie`), or `Set-Cookie from <url>`, or `unknown`. */
  setBy: string;
  /** The page shown when it was first seen, and milliseconds since its navigation. */
  page: string;
  at: number;
  thirdParty: boolean;
  /** First seen after the phase's choice. */
  afterChoice: boolean;
  classification: Classification;
}

export interface SeenStorage {
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB';
  key: string;
  origin: string;
  setBy: string;
  page: string;
  at: number;
  afterChoice: boolean;
  classification: Classification;
}

/** A control of the banner as rendered: what the first-layer and equal-weight checks read. */
export interface ControlLook {
  text: string;
  /** `button`, `a`, `input`, … */
  tag: string;
  role: string | null;
  /** A link or inline element inside running text, rather than a control of its own. */
  inText: boolean;
  width: number;
  height: number;
  fontSize: number;
  fontWeight: number;
  /** WCAG contrast of the label against the control's own background. */
  textContrast: number;
  /** WCAG contrast of the control's background against the banner's. */
  fillContrast: number;
}

export interface BannerLook {
  driver: string;
  accept?: ControlLook;
  reject?: ControlLook;
  /** Clicks from the first layer to a refusal, and to an acceptance (0: not found). */
  rejectClicks: number;
  acceptClicks: number;
  /** Non-essential switches of the second layer: checked before the visitor touched them. */
  switches?: Array<{ category: string; checked: boolean }>;
}

/** One phase of one run. */
export interface PhaseRecord {
  phase: PhaseName;
  run: number;
  /** `could-not-audit` with a reason when a page did not load or a needed control was not found. */
  status: 'audited' | 'could-not-audit' | 'skipped';
  reason?: string;
  pages: string[];
  requests: SeenRequest[];
  cookies: SeenCookie[];
  storage: SeenStorage[];
  /** The banner and dialog, read in the phase before any choice. */
  banner?: BannerLook;
  /** After reject and reload: the consent cookie, and whether a control to reopen the choices shows. */
  consentCookie?: SeenCookie;
  reopenControl?: boolean;
  screenshots?: { banner?: string; dialog?: string };
}

export interface Evidence {
  url: string;
  initiator: string;
  /** Milliseconds since the page's navigation. */
  at: number;
  classifiedBy: string;
  [detail: string]: unknown;
}

export interface Finding {
  check: string;
  severity: Severity;
  /** Seen in only some of the runs: fails the audit only with `--strict`. */
  flaky: boolean;
  /** Listed in the `--baseline` file: reported, never failing. */
  accepted: boolean;
  phase: PhaseName;
  /** What the finding is about, stable across runs: `request www.googletagmanager.com/gtag/js`, `cookie _ga`. */
  subject: string;
  message: string;
  evidence: Evidence;
  /** In how many of the runs it was seen. */
  runs: number;
}

export interface AuditReport {
  url: string;
  passed: boolean;
  /** Why the audit could not run or finish: a page that did not load, a control not found. */
  error?: string;
  exitCode: number;
  startedAt: string;
  durationMs: number;
  runs: number;
  failOn: Severity;
  pages: string[];
  /** The config the checks read: from `--config`, from the page, or none. */
  config: { source: 'option' | 'page' | 'none'; presets: string[] };
  phases: Array<{ phase: PhaseName; status: PhaseRecord['status']; reason?: string }>;
  findings: Finding[];
  /** Every cookie seen, with its classification, by phase (first run). */
  cookies: Array<SeenCookie & { phase: PhaseName }>;
  /** Every third-party request of the first run, by phase: the timeline. */
  requests: Array<SeenRequest & { phase: PhaseName }>;
  /** The sources of the classifications, with their versions. */
  sources: Array<{ name: string; version: string; licence?: string }>;
  screenshots: { banner?: string; dialog?: string };
}
