/** Public types of Consentry. Everything here is part of the contract in DESIGN.md. */
import { PRESET } from './define-preset';

/** A category's name: `essential`, `analytics`, `advertising` or a custom one. */
export type CategoryName = string;

/** Google Consent Mode types a custom category may map to. */
export type GoogleStorageType = 'functionality_storage' | 'personalization_storage';

export interface CategoryConfig {
  /** Shown in the preferences dialog. */
  label?: string;
  description?: string;
  /**
   * Counts as selling or sharing personal information: Global Privacy Control denies it.
   * @default true for `advertising`, false otherwise
   */
  sale?: boolean;
  /** Extra cookies to delete on withdrawal: exact names or `prefix*` patterns. */
  cookies?: string[];
  /** Google Consent Mode types this custom category grants. */
  google?: GoogleStorageType[];
}

/** A preset as written in config: `{ "name": "google-analytics", "id": "G-ABC123" }`. */
export interface PresetEntry {
  name: string;
  /** Overrides the preset's default category. */
  category?: CategoryName;
  /** Overrides the vendor script URL (self-hosted agent, first-party tagging domain). */
  src?: string;
  [option: string]: unknown;
}

export type SignalPolicy = 'deny-sale' | 'deny-all' | 'ignore';
export type Mode = 'opt-in' | 'opt-out';

export interface BlockRule {
  /** Host suffix: `tracker.example` also matches `cdn.tracker.example`. */
  host: string;
  /** Optional path prefix: `/t` matches `/t` and `/t/pixel.gif`. */
  path?: string;
  category: CategoryName;
}

export interface UIConfig {
  lang?: string;
  privacyPolicyUrl?: string;
  /** A floating button that reopens the preferences; off only for a site with its own link. @default true */
  reopenButton?: boolean;
  /** `box`: corner card; `bar`/`bar-top`: full width; `modal`: centred, non-blocking. Phones get a bottom sheet. @default 'box' */
  layout?: 'box' | 'bar' | 'bar-top' | 'modal';
  /** `auto` follows the page's declared `color-scheme`, then the visitor's preference. @default 'light' */
  theme?: 'light' | 'dark' | 'auto';
  /** Per language, any text key of the UI. */
  texts?: Record<string, Record<string, string>>;
}

export interface ConsentConfig {
  /** The JSON Schema this file follows, for editors; ignored at run time. */
  $schema?: string;
  categories?: Record<CategoryName, CategoryConfig>;
  presets?: Array<PresetEntry | PresetRef>;
  mode?: Mode | 'auto';
  /** ISO 3166-1 country or 3166-2 subdivision (`US-CA`), e.g. from a CDN geo header. */
  region?: string;
  signals?: { gpc?: SignalPolicy; dnt?: SignalPolicy };
  /** Bump to ask everyone again. */
  revision?: number;
  cookie?: { name?: string; domain?: string; path?: string; days?: number };
  googleConsentMode?: boolean | { mode?: 'basic' | 'advanced'; waitForUpdate?: number };
  autoBlock?: boolean;
  blockList?: BlockRule[];
  reloadOnRevoke?: boolean;
  nonce?: string;
  log?: { endpoint: string };
  ui?: UIConfig;
}

/** Effective decision per category; `essential` is always true. */
export type ConsentState = Record<CategoryName, boolean>;

export type DecisionSource = 'banner' | 'preferences' | 'api' | 'signal' | 'default';

/** What is stored in the consent cookie and sent to the log endpoint. */
export interface ConsentRecord {
  /** Random consent id (proof of consent). */
  id: string;
  revision: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** The visitor's choices per category (essential excluded). */
  choices: Record<CategoryName, boolean>;
  source: DecisionSource;
}

export interface Signals {
  gpc: boolean;
  dnt: boolean;
}

export interface ConfigIssue {
  /** `presets[0].id`, `cookie.days`, `categories.analytics.label` */
  path: string;
  message: string;
}

/** A cookie or storage key a vendor writes, for withdrawal and for the preferences dialog. */
export interface CookieDeclaration {
  /** Exact name or `prefix*` pattern. */
  name: string;
  purpose: string;
  /** Human-readable lifetime: `2 years`, `session`. */
  lifetime: string;
  /** @default 'cookie' */
  storage?: 'cookie' | 'localStorage' | 'sessionStorage';
}

/** What a preset's functions receive. */
export interface PresetContext {
  /** The entry as configured (with `name`, `id`/`apiKey`, options). */
  entry: PresetEntry;
  /** The category this preset belongs to (default or overridden). */
  category: CategoryName;
  consent: Consent;
  /** Current effective state and, in `onChange`, the one before. */
  state: ConsentState;
  previous?: ConsentState;
  /** Whether this preset's category is granted now (`state[category]`). */
  granted: boolean;
  /** `entry.src` when given, else the preset's default URL passed in. */
  src(defaultUrl: string): string;
  /** Inserts a script carrying the configured nonce; resolves on load. */
  loadScript(src: string, attrs?: Record<string, string>): Promise<void>;
  window: Window & Record<string, any>;
}

export interface PresetDefinition {
  /** Registry name used in JSON config: `google-analytics`. */
  name: string;
  /** Human-readable vendor name for the preferences dialog. */
  label: string;
  /** Default category. */
  category: CategoryName;
  /** Hosts (suffix match) and `host/path` prefixes it loads from; feeds auto-blocking. */
  hosts: string[];
  cookies: CookieDeclaration[];
  /** Option keys it accepts besides `name`, `category` and `src`. */
  options: string[];
  /** Checks the entry's options; paths relative to the entry (`id`). */
  validate(entry: PresetEntry): ConfigIssue[];
  /** True for Google tags: enables Google Consent Mode. */
  google?: boolean;
  /** Runs once at start, before any vendor script can load (consent defaults, stubs). */
  setup?(ctx: PresetContext): void;
  /** Injects the vendor tag; called once, when its category is first granted. */
  load(ctx: PresetContext): void;
  /**
   * Forwards a grant or withdrawal to the vendor's own API; called each time the decision for
   * its category changes (changes to other categories do not call it).
   */
  onChange?(ctx: PresetContext): void;
}

/** A preset entry built by a typed factory: carries its definition with it. */
export interface PresetRef extends PresetEntry {
  readonly [PRESET]: PresetDefinition;
}

export type PresetRegistry = Record<string, PresetDefinition>;

export type ChangeListener = (state: ConsentState, previous: ConsentState) => void;

/** A resolved category as the UI and gating see it. */
export interface CategoryInfo {
  name: CategoryName;
  /** As configured; undefined means "use the UI's translated default". */
  label: string | undefined;
  description: string | undefined;
  sale: boolean;
  /** `essential`: shown on and locked. */
  locked: boolean;
  cookies: string[];
  google: GoogleStorageType[];
}

/** A configured preset resolved against its definition. */
export interface ResolvedPreset {
  entry: PresetEntry;
  definition: PresetDefinition;
  category: CategoryName;
}

export interface Consent {
  granted(category: CategoryName): boolean;
  readonly state: ConsentState;
  readonly decided: boolean;
  readonly needsPrompt: boolean;
  readonly signals: Signals;
  readonly mode: Mode;
  /** The stored decision, or (before one exists) what applies now, with source `signal` or `default`. */
  readonly record: ConsentRecord;
  /** Nonce put on every element the library inserts. */
  readonly nonce: string | undefined;
  /** Categories that a signal denied (shown as "Opt-out preference signal honoured"). */
  readonly signalDenied: CategoryName[];
  /** Set when the config was invalid: everything non-essential stays denied. */
  readonly error: Error | null;
  /** Normalised configuration (categories resolved, presets resolved). */
  readonly categories: CategoryInfo[];
  readonly presets: ResolvedPreset[];
  readonly config: ConsentConfig;
  acceptAll(source?: DecisionSource): void;
  rejectAll(source?: DecisionSource): void;
  update(choices: Record<CategoryName, boolean>, source?: DecisionSource): void;
  reset(): void;
  /** Reads the stored decision again (another tab or the server may have changed it); fires `change` if it differs. */
  refresh(): void;
  on(event: 'change', listener: ChangeListener): () => void;
  whenGranted(category: CategoryName, run: () => void): () => void;
  loadScript(category: CategoryName, src: string, attrs?: Record<string, string>): Promise<void>;
}
