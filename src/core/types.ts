/**
 * Public types of Consentry: the configuration, the consent instance and presets, as the README
 * documents them. One file over 200 lines on purpose: the whole public surface reads in one
 * place, and each field carries the doc comment that editors show on hover.
 */
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
  /**
   * Links shown with the category in the preferences dialog, e.g. industry opt-out pages.
   * `advertising` shows the industry opt-outs (NAI, DAA WebChoices, YourOnlineChoices) without one;
   * a site's own list replaces them, `[]` shows none.
   */
  links?: CategoryLink[];
}

/** A link shown with a category: `{ "label": "NAI opt-out", "url": "https://thenai.org/opt-out/" }`. */
export interface CategoryLink {
  label: string;
  url: string;
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
  /**
   * `false` renders the banner and the dialog in the page's own DOM, styled by a scoped sheet,
   * instead of a shadow root: compliance scanners that do not enter shadow roots then find its
   * text, buttons and privacy link. The page's CSS can then reach it. @default true
   */
  shadow?: boolean;
  /** Per language, any text key of the UI. */
  texts?: Record<string, Record<string, string>>;
}

export interface GoogleConsentModeOptions {
  /** `basic` (default): no Google request before consent; `advanced`: Google tags load at once, denied. */
  mode?: 'basic' | 'advanced';
  /** `wait_for_update` in milliseconds. @default 500 */
  waitForUpdate?: number;
  /**
   * Sends `gtag('set', 'url_passthrough', true)` before any update: while `ad_storage` or
   * `analytics_storage` is denied, Google tags pass ad-click ids (`gclid`, `dclid`, `wbraid`)
   * in the URLs of links to the same site instead of storing them in cookies.
   */
  urlPassthrough?: boolean;
  /**
   * `ads_data_redaction` override. By default it is set to true while `ad_storage` is denied
   * and false once granted (ad-click ids are then kept out of Google ad requests and cookieless
   * pings go to a cookieless domain). `true` redacts always, `false` never sets it.
   */
  adsDataRedaction?: boolean;
}

/** The notices a GPP section can say were given (see `GppConfig.notices`). */
export type GppNoticeName =
  | 'sharing'
  | 'processing'
  | 'saleOptOut'
  | 'sharingOptOut'
  | 'targetedAdvertisingOptOut'
  | 'sensitiveDataOptOut'
  | 'sensitiveDataLimitUse';

/** The sixteen categories of sensitive data of the usnat section, in its order. */
export type GppSensitiveData =
  | 'racialOrEthnicOrigin'
  | 'religiousOrPhilosophicalBeliefs'
  | 'health'
  | 'sexLifeOrSexualOrientation'
  | 'citizenshipOrImmigrationStatus'
  | 'geneticData'
  | 'biometricData'
  | 'preciseGeolocation'
  | 'governmentId'
  | 'financialAccount'
  | 'unionMembership'
  | 'communicationsContents'
  | 'consumerHealthData'
  | 'crimeVictimStatus'
  | 'nationalOrigin'
  | 'transgenderOrNonbinaryStatus';

/** The age groups of the usnat section's known-child consents. */
export type GppKnownChildData = 'age13to16' | 'under13' | 'age16to17';

/** What a site states about a notice: `given` (1), `not-given` (2), `not-applicable` (0: it does not do what the notice is about). */
export type GppNotice = 'given' | 'not-given' | 'not-applicable';

/** The IAB Global Privacy Platform (`window.__gpp`) for US state privacy laws. */
export interface GppConfig {
  /**
   * Which sections apply. `auto`: the US National section (`usnat`) for visitors in the US, none
   * elsewhere. A list of one or two prefixes (`["usnat", "usca"]`): `usnat` for visitors in the
   * US, each state section for visitors of that state (known from a `region` like `US-CA`).
   * @default 'auto'
   */
  sections?: 'auto' | string[];
  /**
   * The site is a signatory of the IAB Multi-State Privacy Agreement and declares its ad
   * transactions covered, in one of the agreement's two modes. @default not covered
   */
  mspa?: { coveredTransaction: boolean; mode?: 'opt-out-option' | 'service-provider' };
  /**
   * The notices the site gives. By default the privacy, sale, sharing and targeted-advertising
   * opt-out notices are `given` (the banner and the "Do Not Sell or Share" control are the
   * notice; `not-applicable` when no category has `sale`), the sensitive-data notices `not-applicable`.
   */
  notices?: Partial<Record<GppNoticeName, GppNotice>>;
  /** Sensitive data the site processes, each with the category whose grant is the visitor's consent (usnat only). */
  sensitiveData?: Partial<Record<GppSensitiveData, CategoryName>>;
  /** Data of known children the site processes, by age group, each with its consent category (usnat only). */
  knownChildSensitiveData?: Partial<Record<GppKnownChildData, CategoryName>>;
  /** The category whose grant is consent to uses unrelated to the purpose of collection (usnat `PersonalDataConsents`). */
  personalData?: CategoryName;
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
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  autoBlock?: boolean;
  blockList?: BlockRule[];
  reloadOnRevoke?: boolean;
  nonce?: string;
  /** Proof of consent: each decision is sent to `endpoint` (a `consentry serve` receiver's `/v1/records`). */
  log?: {
    endpoint: string;
    /** Also count each banner shown (no id), at the endpoint's sibling `impressions`. */
    impressions?: boolean;
  };
  /** IAB GPP for US visitors: `window.__gpp`, the usnat and state sections (needs the GPP add-on). */
  gpp?: GppConfig;
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
  /** The IAB GPP string in force when the decision was made (sites with `gpp`). */
  gpp?: string;
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
  /**
   * Set by the vendor on its own site (`youtube.com`), not on this one: listed in the dialog,
   * but only the vendor's site can delete it.
   */
  thirdParty?: boolean;
}

/** Who runs a preset's service, for the preferences dialog's services table. */
export interface VendorInfo {
  /** The company: `Google`, `Meta Platforms`. */
  name: string;
  /** Its privacy policy. */
  privacyPolicy: string;
  /** Where a visitor opts out at the vendor (browser add-on, ad settings), when it offers one. */
  optOut?: string;
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
  /** The vendor's name and privacy links, shown in the dialog's services table. */
  vendor?: VendorInfo;
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

/**
 * A resolved category as the UI and gating see it.
 * @internal
 */
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
  /** The category's links as configured; the UI shows the industry opt-outs for `advertising` without them. */
  links?: CategoryLink[];
}

/**
 * A configured preset resolved against its definition.
 * @internal
 */
export interface ResolvedPreset {
  entry: PresetEntry;
  definition: PresetDefinition;
  category: CategoryName;
}

export interface Consent {
  /** The effective decision for `category` now: `essential` always, others as decided or by default. */
  granted(category: CategoryName): boolean;
  /** Every category's effective decision: `{ essential: true, analytics: false, … }` (a copy). */
  readonly state: ConsentState;
  /** A valid choice is stored for this revision. */
  readonly decided: boolean;
  /** The banner should be shown: nothing decided yet, and no signal decided for the visitor. */
  readonly needsPrompt: boolean;
  /** The browser's privacy signals as read at start: Global Privacy Control and Do Not Track. */
  readonly signals: Signals;
  /** The resolved mode (`"auto"` already turned into one of the two by region). */
  readonly mode: Mode;
  /** The stored decision, or (before one exists) what applies now, with source `signal` or `default`. */
  readonly record: ConsentRecord;
  /** Categories that a signal denied (shown as "Opt-out preference signal honoured"). */
  readonly signalDenied: CategoryName[];
  /** Set when the config was invalid: everything non-essential stays denied. */
  readonly error: Error | null;
  /** Grants every category a signal does not deny. */
  acceptAll(source?: DecisionSource): void;
  /** Denies every non-essential category. */
  rejectAll(source?: DecisionSource): void;
  /** An explicit choice per category (others keep their state); it may grant what a signal denied. */
  update(choices: Record<CategoryName, boolean>, source?: DecisionSource): void;
  /** Forgets the stored decision: the visitor is asked again. */
  reset(): void;
  /** Reads the stored decision again (another tab or the server may have changed it); fires `change` if it differs. */
  refresh(): void;
  /** Calls `listener(state, previous)` after every decision; returns the function that unsubscribes. */
  on(event: 'change', listener: ChangeListener): () => void;
  /** Runs `run` now if `category` is granted, else once it is; returns a cancel function. */
  whenGranted(category: CategoryName, run: () => void): () => void;
  /** Inserts a script once `category` is granted (needs the browser runtime, `gate()`); resolves on load, rejects on failure. */
  loadScript(category: CategoryName, src: string, attrs?: Record<string, string>): Promise<void>;
}

/** What `mountUI` returns, and what the script tag's `Consentry.show()` and `showPreferences()` call. */
export interface UIHandle {
  /** Shows the banner (also to a visitor who has decided). */
  show(): void;
  /** Opens the preferences dialog. */
  showPreferences(): void;
  /** Hides the banner and the dialog. */
  hide(): void;
  /** Removes everything the UI added to the page. */
  destroy(): void;
}
