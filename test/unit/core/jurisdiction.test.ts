// `mode: "auto"`: opt-in for the EEA, the UK and Switzerland, opt-out for the US, opt-in for
// anything else (fail safe). The region hint comes first, then the browser's time zone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { OPT_IN_COUNTRIES, resolveMode } from '../../../src/core/jurisdiction';
import { clearCookies } from '../helpers';

afterEach(() => {
  vi.restoreAllMocks();
  clearCookies();
});

// EU 27 (europa.eu/principles-countries-history/eu-countries) + Iceland, Liechtenstein, Norway.
const EEA = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' ');
const OPT_IN = [...EEA, 'GB', 'UK', 'CH'];

// The time zones of the 50 states (tz database zone1970.tab, country code US), with the older
// names ICU still reports as canonical (America/Indianapolis, America/Louisville).
const US_ZONES = [
  'America/New_York',
  'America/Detroit',
  'America/Kentucky/Louisville',
  'America/Louisville',
  'America/Kentucky/Monticello',
  'America/Indiana/Indianapolis',
  'America/Indianapolis',
  'America/Indiana/Vincennes',
  'America/Indiana/Winamac',
  'America/Indiana/Marengo',
  'America/Indiana/Petersburg',
  'America/Indiana/Vevay',
  'America/Chicago',
  'America/Indiana/Tell_City',
  'America/Indiana/Knox',
  'America/Menominee',
  'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem',
  'America/North_Dakota/Beulah',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'Pacific/Honolulu',
];
const ZONES: string[] = (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');

/** Makes the browser report `zone` as its time zone. */
const inZone = (zone: string | Error) =>
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    if (zone instanceof Error) throw zone;
    return {
      locale: 'en-US',
      calendar: 'gregory',
      numberingSystem: 'latn',
      timeZone: zone,
    } as Intl.ResolvedDateTimeFormatOptions;
  });

describe('region hints', () => {
  it('lists every EEA country, the UK and Switzerland as opt-in', () => {
    expect([...OPT_IN_COUNTRIES].sort()).toEqual([...OPT_IN].sort());
  });

  it.each(OPT_IN)('%s opts in, also with a subdivision and in lower case', (country) => {
    inZone('America/New_York');
    for (const region of [country, `${country}-BY`, country.toLowerCase()])
      expect(createConsent({ mode: 'auto', region }).mode, region).toBe('opt-in');
  });

  it.each(['US', 'US-CA', 'us-ny', 'US-TX'])('%s opts out, whatever the time zone', (region) => {
    inZone('Europe/Berlin');
    expect(createConsent({ mode: 'auto', region }).mode).toBe('opt-out');
  });

  it.each(['BR', 'CA', 'JP', 'IN', 'AU', 'ZA', 'CN', 'XK'])('%s (elsewhere) opts in', (region) => {
    inZone('America/Los_Angeles');
    expect(createConsent({ mode: 'auto', region }).mode).toBe('opt-in');
  });

  it('is ignored unless the mode is auto', () => {
    expect(createConsent({ mode: 'opt-out', region: 'DE' }).mode).toBe('opt-out');
    expect(createConsent({ mode: 'opt-in', region: 'US' }).mode).toBe('opt-in');
    expect(createConsent({ region: 'US' }).mode).toBe('opt-in');
  });
});

describe('time zones', () => {
  it('knows enough zones for the checks below to mean something', () => {
    expect(ZONES.filter((zone) => zone.startsWith('Europe/')).length).toBeGreaterThan(50);
    expect(ZONES.filter((zone) => US_ZONES.includes(zone)).length).toBeGreaterThan(25);
  });

  it('opts in for every European zone, the Atlantic islands of EEA countries included', () => {
    const european = ZONES.filter((z) => /^(Europe|Arctic)\//.test(z));
    for (const zone of [
      ...european,
      'Atlantic/Canary',
      'Atlantic/Madeira',
      'Atlantic/Azores',
      'Atlantic/Reykjavik',
      'Atlantic/Faroe',
    ])
      expect(resolveMode('auto', undefined, zone), zone).toBe('opt-in');
  });

  it('maps every US state zone to the US (opt-out)', () => {
    for (const zone of US_ZONES) expect(resolveMode('auto', undefined, zone), zone).toBe('opt-out');
  });

  it('opts in for every other zone the runtime knows, US territories included', () => {
    for (const zone of ZONES.filter((z) => !US_ZONES.includes(z)))
      expect(resolveMode('auto', undefined, zone), zone).toBe('opt-in');
    for (const zone of [
      'America/Puerto_Rico',
      'Pacific/Guam',
      'America/Toronto',
      'America/Mexico_City',
      'UTC',
      'Etc/GMT+5',
      'Nowhere/Else',
      '',
    ])
      expect(resolveMode('auto', undefined, zone), zone).toBe('opt-in');
  });

  it.each([
    ['America/Chicago', 'opt-out'],
    ['Europe/Paris', 'opt-in'],
    ['Asia/Tokyo', 'opt-in'],
  ])('reads the browser time zone (%s → %s) when there is no region hint', (zone, mode) => {
    inZone(zone);
    expect(createConsent({ mode: 'auto' }).mode).toBe(mode);
  });

  it('opts in when the time zone cannot be read', () => {
    inZone(new Error('no Intl'));
    expect(createConsent({ mode: 'auto' }).mode).toBe('opt-in');
    vi.restoreAllMocks();
    inZone(undefined as unknown as string);
    expect(createConsent({ mode: 'auto' }).mode).toBe('opt-in');
  });
});

describe('what the mode means', () => {
  it('opt-out grants everything by default and still shows the notice on a first visit', () => {
    const consent = createConsent({ mode: 'opt-out' });
    expect([
      consent.granted('analytics'),
      consent.granted('advertising'),
      consent.decided,
      consent.needsPrompt,
    ]).toEqual([true, true, false, true]);
  });

  it('opt-in grants nothing non-essential before consent', () => {
    const consent = createConsent({ mode: 'auto', region: 'FR' });
    expect([
      consent.granted('analytics'),
      consent.granted('advertising'),
      consent.granted('essential'),
      consent.needsPrompt,
    ]).toEqual([false, false, true, true]);
  });
});
