// The GPP sections Consentry writes: the MSPA US National section (usnat, id 7, version 2 of
// October 2024) and the US state sections 8–23, each as its specification lists its core
// sub-section (IAB Tech Lab, Global Privacy Platform, "Sections/US-National" and
// "Sections/US-States/<state>", and "Section Information" for the ids and prefixes). Every core
// field is Int(2) or a list of Int(2) ("N-Bitfield(2, n)") after a 6-bit Version, so a section is
// its field names in encoding order plus the length of each list.
// Sections 24–27 (Maryland, Indiana, Kentucky, Rhode Island) use another layout (the MSPA fields
// first, sensitive data in a sub-section of its own) and are not written.

export interface SectionDefinition {
  /** Section id, written in the header. */
  id: number;
  /** Client-side API prefix: `usnat`, `usca`, … */
  prefix: string;
  /** Version of the section's specification this layout follows. */
  version: number;
  /** Core fields after `Version`, in encoding order (UpperCamelCase, as the API shows them). */
  fields: readonly string[];
  /** The N-Bitfield fields and their number of entries; every other field is one Int(2). */
  lists: Readonly<Record<string, number>>;
  /** Has the optional GPC sub-section (SubsectionType 1, one Gpc bit). */
  gpc: boolean;
}

const MSPA = ['MspaCoveredTransaction', 'MspaOptOutOptionMode', 'MspaServiceProviderMode'];
const SENSITIVE = 'SensitiveDataProcessing';
const CHILD = 'KnownChildSensitiveDataConsents';
const SALE_AND_TARGETING = ['SaleOptOutNotice', 'TargetedAdvertisingOptOutNotice'];
const OPT_OUTS = ['SaleOptOut', 'TargetedAdvertisingOptOut', SENSITIVE, CHILD];

/** Virginia's layout, shared by Colorado and Connecticut. */
const VIRGINIA_LIKE = ['SharingNotice', ...SALE_AND_TARGETING, ...OPT_OUTS, ...MSPA];
/** The layout of the states added in 2024 (a processing notice, an additional-consent field). */
const PROCESSING_LIKE = [
  'ProcessingNotice',
  ...SALE_AND_TARGETING,
  ...OPT_OUTS,
  'AdditionalDataProcessingConsent',
  ...MSPA,
];

const state = (
  id: number,
  prefix: string,
  fields: readonly string[],
  sensitive: number,
  child: number,
  gpc: boolean,
): SectionDefinition => ({
  id,
  prefix,
  version: 1,
  fields,
  // A state whose child consent is a single Int(2) has no list for it.
  lists: child > 1 ? { [SENSITIVE]: sensitive, [CHILD]: child } : { [SENSITIVE]: sensitive },
  gpc,
});

export const SECTIONS: readonly SectionDefinition[] = [
  {
    id: 7,
    prefix: 'usnat',
    version: 2,
    fields: [
      'SharingNotice',
      'SaleOptOutNotice',
      'SharingOptOutNotice',
      'TargetedAdvertisingOptOutNotice',
      'SensitiveDataProcessingOptOutNotice',
      'SensitiveDataLimitUseNotice',
      'SaleOptOut',
      'SharingOptOut',
      'TargetedAdvertisingOptOut',
      SENSITIVE,
      CHILD,
      'PersonalDataConsents',
      ...MSPA,
    ],
    lists: { [SENSITIVE]: 16, [CHILD]: 3 },
    gpc: true,
  },
  {
    id: 8,
    prefix: 'usca',
    version: 1,
    fields: [
      'SaleOptOutNotice',
      'SharingOptOutNotice',
      'SensitiveDataLimitUseNotice',
      'SaleOptOut',
      'SharingOptOut',
      SENSITIVE,
      CHILD,
      'PersonalDataConsents',
      ...MSPA,
    ],
    lists: { [SENSITIVE]: 9, [CHILD]: 2 },
    gpc: true,
  },
  state(9, 'usva', VIRGINIA_LIKE, 8, 1, false),
  state(10, 'usco', VIRGINIA_LIKE, 7, 1, true),
  state(
    11,
    'usut',
    ['SharingNotice', ...SALE_AND_TARGETING, 'SensitiveDataProcessingOptOutNotice', ...OPT_OUTS, ...MSPA],
    8,
    1,
    false,
  ),
  state(12, 'usct', VIRGINIA_LIKE, 8, 3, true),
  state(13, 'usfl', PROCESSING_LIKE, 8, 3, false),
  state(14, 'usmt', ['SharingNotice', ...PROCESSING_LIKE.slice(1)], 8, 3, true),
  state(15, 'usor', PROCESSING_LIKE, 11, 3, true),
  state(16, 'ustx', PROCESSING_LIKE, 8, 1, true),
  state(17, 'usde', PROCESSING_LIKE, 9, 5, true),
  state(
    18,
    'usia',
    ['ProcessingNotice', ...SALE_AND_TARGETING, 'SensitiveDataOptOutNotice', ...OPT_OUTS, ...MSPA],
    8,
    1,
    true,
  ),
  state(19, 'usne', PROCESSING_LIKE, 8, 1, true),
  state(20, 'usnh', PROCESSING_LIKE, 8, 3, true),
  state(21, 'usnj', PROCESSING_LIKE, 10, 5, true),
  state(22, 'ustn', PROCESSING_LIKE, 8, 1, true),
  state(23, 'usmn', PROCESSING_LIKE, 8, 1, true),
];

/** Every prefix Consentry writes, in id order. */
export const SECTION_PREFIXES: readonly string[] = SECTIONS.map((section) => section.prefix);

export const sectionNamed = (prefix: string): SectionDefinition | undefined =>
  SECTIONS.find((section) => section.prefix == prefix);
