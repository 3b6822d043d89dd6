// What Consentry signals through GPP for one visitor: which sections apply, and each field's
// value from the site's `gpp` config and the visitor's consent state and signals. The mapping
// follows the section specifications' value tables (IAB Tech Lab, Global Privacy Platform,
// "Sections/US-National" and "Sections/US-States"); where they leave a choice, the comment says
// which way Consentry goes and why.
import { inUnitedStates } from '../jurisdiction';
import type { CategoryInfo, ConsentState, GppConfig } from '../types';
import { encodeGpp, fieldEntries, type SectionValues } from './encode';
import { sectionNamed, type SectionDefinition } from './sections';
import {
  KNOWN_CHILD_DATA,
  NOTICE_FIELDS,
  NOTICE_NAMES,
  NOTICE_VALUES,
  OPT_OUT_NOTICES,
  SENSITIVE_DATA,
} from './vocabulary';

/** What the signal is computed from. */
export interface GppInputs {
  /** The site's `gpp` config, validated. */
  config: GppConfig;
  categories: readonly CategoryInfo[];
  /** The effective consent state now. */
  state: ConsentState;
  /** Global Privacy Control as the browser sends it. */
  gpc: boolean;
  /** The config's `region` hint (`US-CA`); without it the time zone tells the US, not the state. */
  region?: string;
  /** For tests: the time zone otherwise read from Intl. */
  timeZone?: string;
}

/** A section as the API shows it: its sub-sections, each an object of UpperCamelCase fields. */
export type ParsedSection = Array<Record<string, number | boolean | number[]>>;

/** The signal for one visitor, in the shapes of the CMP API's `PingReturn`. */
export interface GppSignal {
  /** Section ids in force, or `[-1]` when none applies. */
  applicableSections: number[];
  /** The ids of the sections in the string. */
  sectionList: number[];
  gppString: string;
  parsedSections: Record<string, ParsedSection>;
}

/**
 * The sections that apply: with `auto`, usnat for US visitors; with a list, usnat for US
 * visitors when listed, and a state section for visitors of its state (`US-CA` → `usca`).
 */
export function applicableSections(inputs: Pick<GppInputs, 'config' | 'region' | 'timeZone'>): SectionDefinition[] {
  const listed =
    inputs.config.sections == undefined || inputs.config.sections == 'auto' ? ['usnat'] : inputs.config.sections;
  if (!inUnitedStates(inputs.region, inputs.timeZone)) return [];
  const state = /^us-([a-z]{2})$/i.exec(inputs.region ?? '')?.[1]?.toLowerCase();
  return listed
    .filter((prefix) => prefix == 'usnat' || prefix == 'us' + state)
    .map((prefix) => sectionNamed(prefix)!)
    .filter(Boolean);
}

/** 2 when the category is granted (consent), 1 when denied (no consent), 0 when none is named (not applicable). */
const consentValue = (state: ConsentState, category: string | undefined): number =>
  category === undefined ? 0 : state[category] ? 2 : 1;

/**
 * Each notice's value. Unless the config says otherwise, the privacy notices and the sale,
 * sharing and targeted-advertising opt-out notices are given (the banner and the "Do Not Sell
 * or Share" control are that notice), or not applicable when no category counts as a sale; the
 * sensitive-data notices are not applicable, since Consentry shows no such notice of its own.
 */
function noticeValues(config: GppConfig, sells: boolean): Record<string, number> {
  const defaults: Record<string, keyof typeof NOTICE_VALUES> = {
    sharing: 'given',
    processing: 'given',
    saleOptOut: sells ? 'given' : 'not-applicable',
    sharingOptOut: sells ? 'given' : 'not-applicable',
    targetedAdvertisingOptOut: sells ? 'given' : 'not-applicable',
    sensitiveDataOptOut: 'not-applicable',
    sensitiveDataLimitUse: 'not-applicable',
  };
  const values: Record<string, number> = {};
  for (const name of NOTICE_NAMES)
    for (const field of NOTICE_FIELDS[name]) values[field] = NOTICE_VALUES[config.notices?.[name] ?? defaults[name]!];
  return values;
}

/** The field values of one section for these inputs. */
export function sectionValues(section: SectionDefinition, inputs: GppInputs): SectionValues {
  const { config, state } = inputs;
  const saleCategories = inputs.categories.filter((category) => category.sale);
  // Opted out as soon as any category that counts as a sale is denied: downstream parties
  // cannot tell which of the site's sale categories their processing falls under.
  const optedOut = saleCategories.some((category) => !state[category.name]);
  const fields: Record<string, number | number[]> = noticeValues(config, saleCategories.length > 0);
  // 1 opted out, 2 did not opt out; 0 where the opt-out's notice was not given or does not apply.
  for (const [field, notice] of Object.entries(OPT_OUT_NOTICES))
    fields[field] = fields[NOTICE_FIELDS[notice][0]] == 1 ? (optedOut ? 1 : 2) : 0;
  // Consents are the usnat section's: each state lists other categories in another order, so
  // the config check allows them only with usnat (a state section reads 0, not applicable).
  if (section.prefix == 'usnat') {
    fields.SensitiveDataProcessing = SENSITIVE_DATA.map((name) => consentValue(state, config.sensitiveData?.[name]));
    fields.KnownChildSensitiveDataConsents = KNOWN_CHILD_DATA.map((name) =>
      consentValue(state, config.knownChildSensitiveData?.[name]),
    );
    fields.PersonalDataConsents = consentValue(state, config.personalData);
  }
  // Not covered is 2, and then the two modes are not applicable (0). The IAB library's default
  // is 1 (covered): a site that has not signed the MSPA must not inherit it.
  const covered = config.mspa?.coveredTransaction === true;
  fields.MspaCoveredTransaction = covered ? 1 : 2;
  fields.MspaOptOutOptionMode = covered ? (config.mspa?.mode == 'opt-out-option' ? 1 : 2) : 0;
  fields.MspaServiceProviderMode = covered ? (config.mspa?.mode == 'service-provider' ? 1 : 2) : 0;
  return { section, fields, gpc: section.gpc ? inputs.gpc : undefined };
}

/** A section's sub-sections as the CMP API's `getSection` returns them. */
export function parsedSection({ section, fields, gpc }: SectionValues): ParsedSection {
  const core: Record<string, number | number[]> = { Version: section.version };
  for (const name of section.fields) {
    const entries = fieldEntries(section, name, fields[name]);
    core[name] = section.lists[name] === undefined ? entries[0]! : entries;
  }
  return gpc === undefined ? [core] : [core, { SubsectionType: 1, Gpc: gpc }];
}

/**
 * The GPP signal for one visitor: the applicable sections, each encoded from the consent state.
 * ```ts
 * gppSignal({ config: { sections: 'auto' }, categories, state: consent.state, gpc: consent.signals.gpc, region: 'US-CA' })
 * // { applicableSections: [7], sectionList: [7], gppString: 'DBABLA~CVVVVVVVVACA.QA', … }
 * ```
 */
export function gppSignal(inputs: GppInputs): GppSignal {
  const sections = applicableSections(inputs).map((section) => sectionValues(section, inputs));
  const parsedSections: Record<string, ParsedSection> = {};
  for (const values of sections) parsedSections[values.section.prefix] = parsedSection(values);
  const ids = sections.map((values) => values.section.id).sort((a, b) => a - b);
  return {
    applicableSections: ids.length ? ids : [-1],
    sectionList: ids,
    gppString: encodeGpp(sections),
    parsedSections,
  };
}
