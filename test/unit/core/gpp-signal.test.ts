// The GPP encoder and the field mapping, against strings published or cross-checked with the
// IAB's reference library, and every string Consentry produces decoded by that library
// (`@iabgpp/cmpapi`'s GppModel, a test dependency only) to the fields the mapping promises.
import { GppModel } from '@iabgpp/cmpapi';
import { describe, expect, it } from 'vitest';
import { resolveCategories } from '../../../src/core/config/resolve';
import { fibonacci, fibonacciRange, toText } from '../../../src/core/gpp/bits';
import { encodeGpp } from '../../../src/core/gpp/encode';
import { SECTIONS, sectionNamed } from '../../../src/core/gpp/sections';
import { gppSignal, type GppInputs } from '../../../src/core/gpp/signal';
import type { ConsentConfig, ConsentState } from '../../../src/core/types';

const usnat = sectionNamed('usnat')!;

/** The decoded sections of `gpp`, as the IAB library reads them. */
const decoded = (gpp: string): Record<string, Record<string, unknown>> =>
  new GppModel(gpp).toObject() as Record<string, Record<string, unknown>>;

describe('the bit encodings (Consent String Specification)', () => {
  it('codes integers in Fibonacci as the specification table does', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map(fibonacci)).toEqual([
      '11',
      '011',
      '0011',
      '1011',
      '00011',
      '10011',
      '01011',
      '000011',
      '101011',
    ]);
  });

  it('writes the specification example range [3, 5, 6, 7, 8] with a run', () => {
    expect(fibonacciRange([3, 5, 6, 7, 8])).toBe('000000000010' + '0' + '0011' + '1' + '011' + '0011');
  });

  it('writes the headers of the specification examples (padded to whole bytes as iabgpp-es does)', () => {
    const header = (ids: number[]) => toText('000011000001' + fibonacciRange(ids));
    expect(header([2])).toBe('DBABMA');
    expect(header([2, 6])).toBe('DBACNYA');
    expect(encodeGpp([])).toBe('DBAA');
  });

  it('writes the same header as iabgpp-es for single sections, runs and gaps', () => {
    const prefixOf = new Map(SECTIONS.map((section) => [section.id, section.prefix]));
    for (const ids of [[7], [8], [23], [7, 8], [7, 21], [8, 9, 10], [7, 9, 10, 11, 20]]) {
      const model = new GppModel();
      for (const id of ids) model.setFieldValue(prefixOf.get(id)!, 'MspaCoveredTransaction', 2);
      expect(header(ids), ids.join()).toBe(model.encode().split('~')[0]);
    }
  });
});

const header = (ids: number[]) => toText('000011000001' + fibonacciRange(ids));

describe('the encoder against published and cross-checked strings', () => {
  it('DBABLA~CVQVAAAAAACA.YA: notices given, sale, sharing and targeted advertising opted out, not MSPA-covered, GPC on', () => {
    const fields = {
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      MspaCoveredTransaction: 2,
    };
    expect(encodeGpp([{ section: usnat, fields, gpc: true }])).toBe('DBABLA~CVQVAAAAAACA.YA');
  });

  it('DBABLA~CAAAAAAAAACA: everything not applicable, not MSPA-covered, no GPC sub-section', () => {
    expect(encodeGpp([{ section: usnat, fields: { MspaCoveredTransaction: 2 } }])).toBe('DBABLA~CAAAAAAAAACA');
  });

  it('DBABLA~CVVVkkkkkpFY.YA: every usnat field set (fixture decoded by iabgpp-es)', () => {
    const fields = {
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: [2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2],
      KnownChildSensitiveDataConsents: [2, 1, 0],
      PersonalDataConsents: 1,
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 1,
      MspaServiceProviderMode: 2,
    };
    expect(encodeGpp([{ section: usnat, fields, gpc: true }])).toBe('DBABLA~CVVVkkkkkpFY.YA');
  });

  it('every state section decodes field by field as its values were set', () => {
    for (const section of SECTIONS) {
      // A distinct value per field (1, 2, 1, …) so that a field out of place shows.
      const fields: Record<string, number | number[]> = {};
      section.fields.forEach((name, index) => {
        const length = section.lists[name];
        const value = (index % 2) + 1;
        fields[name] =
          length === undefined ? value : Array.from({ length }, (_, entry) => ((index + entry) % 3) as number);
      });
      fields.MspaCoveredTransaction = 1;
      const gpp = encodeGpp([{ section, fields, gpc: section.gpc ? true : undefined }]);
      const fromLibrary = decoded(gpp)[section.prefix]!;
      expect(fromLibrary, section.prefix).toBeDefined();
      expect(fromLibrary.Version, section.prefix).toBe(section.version);
      for (const name of section.fields) expect(fromLibrary[name], `${section.prefix}.${name}`).toEqual(fields[name]);
      if (section.gpc) expect(fromLibrary.Gpc, section.prefix).toBe(true);
      // Every field of the library's section is one the table writes (no field missing from the table).
      const written = new Set(['Version', ...section.fields, 'Gpc', 'GpcSegmentType', 'GpcSegmentIncluded']);
      expect(
        Object.keys(fromLibrary).filter((name) => !written.has(name)),
        section.prefix,
      ).toEqual([]);
    }
  });

  it('writes two sections in id order with the header listing both', () => {
    const gpp = encodeGpp([
      { section: sectionNamed('usca')!, fields: { SaleOptOut: 1, MspaCoveredTransaction: 2 }, gpc: false },
      { section: usnat, fields: { SaleOptOut: 1, MspaCoveredTransaction: 2 }, gpc: false },
    ]);
    const model = new GppModel(gpp);
    expect(model.getSectionIds()).toEqual([7, 8]);
    expect(model.getFieldValue('usca', 'SaleOptOut')).toBe(1);
    expect(model.getFieldValue('usnat', 'SaleOptOut')).toBe(1);
  });
});

/** The inputs for a config and state, in a US region unless given. */
function inputs(
  config: ConsentConfig,
  state: ConsentState,
  { gpc = false, region = 'US' }: { gpc?: boolean; region?: string } = {},
): GppInputs {
  return { config: config.gpp ?? {}, categories: resolveCategories(config), state, gpc, region };
}

const ALL_GRANTED = { essential: true, analytics: true, advertising: true };

describe('what Consentry signals, decoded by GppModel', () => {
  it('opt-out default: notices given, nothing opted out, not MSPA-covered, GPC off', () => {
    const signal = gppSignal(inputs({ gpp: { sections: 'auto' } }, ALL_GRANTED));
    expect(signal.applicableSections).toEqual([7]);
    expect(signal.sectionList).toEqual([7]);
    expect(decoded(signal.gppString).usnat).toMatchObject({
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: Array(16).fill(0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      MspaCoveredTransaction: 2,
      MspaOptOutOptionMode: 0,
      MspaServiceProviderMode: 0,
      Gpc: false,
    });
  });

  it('"Do Not Sell" clicked (advertising denied): sale, sharing and targeted advertising opted out', () => {
    const signal = gppSignal(inputs({ gpp: {} }, { ...ALL_GRANTED, advertising: false }));
    expect(decoded(signal.gppString).usnat).toMatchObject({
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      Gpc: false,
    });
  });

  it('GPC on: opted out and the GPC sub-section true, the string of the cross-checked fixture', () => {
    const signal = gppSignal(inputs({ gpp: {} }, { ...ALL_GRANTED, advertising: false }, { gpc: true }));
    expect(signal.gppString).toBe('DBABLA~CVQVAAAAAACA.YA');
    expect(decoded(signal.gppString).usnat).toMatchObject({ SaleOptOut: 1, Gpc: true });
    expect(signal.parsedSections.usnat![1]).toEqual({ SubsectionType: 1, Gpc: true });
  });

  it('a California region with ["usnat", "usca"]: both sections apply, each from the same state', () => {
    const config: ConsentConfig = { gpp: { sections: ['usnat', 'usca'] } };
    const signal = gppSignal(inputs(config, { ...ALL_GRANTED, advertising: false }, { region: 'US-CA' }));
    expect(signal.applicableSections).toEqual([7, 8]);
    const sections = decoded(signal.gppString);
    expect(sections.usca).toMatchObject({
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 1,
      SharingOptOut: 1,
      MspaCoveredTransaction: 2,
      Gpc: false,
    });
    expect(sections.usnat).toMatchObject({ SaleOptOut: 1, TargetedAdvertisingOptOut: 1 });
    // Outside California only usnat applies; with only "usca" listed, nothing does.
    expect(gppSignal(inputs(config, ALL_GRANTED, { region: 'US-NY' })).applicableSections).toEqual([7]);
    expect(
      gppSignal(inputs({ gpp: { sections: ['usca'] } }, ALL_GRANTED, { region: 'US-NY' })).applicableSections,
    ).toEqual([-1]);
  });

  it('a non-US region: no section applies ([-1]) and the string is the header alone', () => {
    for (const region of ['DE', 'GB', 'CA-QC', 'BR']) {
      const signal = gppSignal(inputs({ gpp: { sections: ['usnat', 'usca'] } }, ALL_GRANTED, { region }));
      expect(signal.applicableSections).toEqual([-1]);
      expect(signal.sectionList).toEqual([]);
      expect(signal.gppString).toBe('DBAA');
      expect(new GppModel(signal.gppString).getSectionIds()).toEqual([]);
    }
  });

  it('without a region hint, the time zone tells a US visitor', () => {
    const base = { config: {}, categories: resolveCategories({}), state: ALL_GRANTED, gpc: false };
    expect(gppSignal({ ...base, timeZone: 'America/Chicago' }).applicableSections).toEqual([7]);
    expect(gppSignal({ ...base, timeZone: 'Europe/Berlin' }).applicableSections).toEqual([-1]);
  });

  it('an MSPA signatory: covered, in the mode it declares', () => {
    const optOut = gppSignal(
      inputs({ gpp: { mspa: { coveredTransaction: true, mode: 'opt-out-option' } } }, ALL_GRANTED),
    );
    expect(decoded(optOut.gppString).usnat).toMatchObject({
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 1,
      MspaServiceProviderMode: 2,
    });
    const provider = gppSignal(
      inputs({ gpp: { mspa: { coveredTransaction: true, mode: 'service-provider' } } }, ALL_GRANTED),
    );
    expect(decoded(provider.gppString).usnat).toMatchObject({
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 2,
      MspaServiceProviderMode: 1,
    });
  });

  it('notices as the site states them; an opt-out without its notice given is 0', () => {
    const config: ConsentConfig = {
      gpp: { notices: { saleOptOut: 'not-given', sharingOptOut: 'not-applicable', sensitiveDataLimitUse: 'given' } },
    };
    expect(decoded(gppSignal(inputs(config, { ...ALL_GRANTED, advertising: false })).gppString).usnat).toMatchObject({
      SaleOptOutNotice: 2,
      SharingOptOutNotice: 0,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 0,
      SharingOptOut: 0,
      TargetedAdvertisingOptOut: 1,
    });
  });

  it('a site that sells nothing (no sale category): the sale notices and opt-outs are not applicable', () => {
    const config: ConsentConfig = { categories: { advertising: { sale: false } }, gpp: {} };
    expect(decoded(gppSignal(inputs(config, ALL_GRANTED)).gppString).usnat).toMatchObject({
      SharingNotice: 1,
      SaleOptOutNotice: 0,
      SaleOptOut: 0,
      TargetedAdvertisingOptOut: 0,
    });
  });

  it('sensitive data, child data and personal data consents from the categories the site names', () => {
    const config: ConsentConfig = {
      categories: { health: {}, location: {}, kids: {} },
      gpp: {
        sensitiveData: { health: 'health', preciseGeolocation: 'location' },
        knownChildSensitiveData: { under13: 'kids' },
        personalData: 'analytics',
      },
    };
    const state = { ...ALL_GRANTED, health: true, location: false, kids: false, analytics: false };
    const usnatDecoded = decoded(gppSignal(inputs(config, state)).gppString).usnat!;
    const expected = Array(16).fill(0);
    expected[2] = 2; // health: consent
    expected[7] = 1; // precise geolocation: no consent
    expect(usnatDecoded.SensitiveDataProcessing).toEqual(expected);
    expect(usnatDecoded.KnownChildSensitiveDataConsents).toEqual([0, 1, 0]);
    expect(usnatDecoded.PersonalDataConsents).toBe(1);
  });

  it('parsedSections mirror the string, sub-sections as the CMP API lists them', () => {
    const signal = gppSignal(inputs({ gpp: { sections: ['usnat', 'usca'] } }, ALL_GRANTED, { region: 'US-CA' }));
    const fromLibrary = decoded(signal.gppString);
    for (const prefix of ['usnat', 'usca']) {
      const [core, gpc] = signal.parsedSections[prefix]!;
      for (const [field, value] of Object.entries(core!)) expect(fromLibrary[prefix]![field], field).toEqual(value);
      expect(gpc).toEqual({ SubsectionType: 1, Gpc: false });
    }
  });
});
