// Picks opt-in or opt-out: EEA, UK and Switzerland opt in, the US opts out, anything unknown
// opts in (fail safe). The region comes from a server hint, else from the browser's time zone.
import type { Mode } from './types';

/**
 * Countries that require opt-in: EU 27 + Iceland, Liechtenstein, Norway (EEA), the United
 * Kingdom (GB, also written UK) and Switzerland. Unknown regions opt in as well (fail safe),
 * so in `resolveMode` only the US changes the outcome; the list documents the rule and is
 * what the tests check every country against.
 */
export const OPT_IN_COUNTRIES: readonly string[] = /* @__PURE__ */ 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB UK CH'.split(' ');

/** US zones: the contiguous states, Alaska and Hawaii. */
const US_ZONE =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Juneau|Menominee|Metlakatla|Nome|Sitka|Yakutat|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+|Indianapolis|Louisville)|Pacific\/Honolulu|US\/\w+)$/;

/**
 * Every European zone: all of Europe/ (today's and future tz database names alike) and the
 * Atlantic and Arctic islands of EEA countries (Canary, Madeira, Azores, Reykjavik, Faroe,
 * Longyearbyen). Several are outside the EEA (Moscow, Istanbul, Kyiv); they opt in all the same.
 */
const EUROPE_ZONE = /^(Europe\/|Atlantic\/(Canary|Madeira|Azores|Reykjavik|Faroe)$|Arctic\/)/;

/** What a time zone tells about the visitor's jurisdiction: `US`, `EU` (Europe, opt-in) or undefined. */
export function regionFromTimeZone(zone: string | undefined): 'US' | 'EU' | undefined {
  return !zone ? undefined : US_ZONE.test(zone) ? 'US' : EUROPE_ZONE.test(zone) ? 'EU' : undefined;
}

/** The browser's time zone, or undefined where Intl is missing or throws. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `opt-in` or `opt-out` for a configured mode, region hint (`DE`, `US-CA`) and time zone. */
export function resolveMode(mode: Mode | 'auto' = 'opt-in', region?: string, timeZone?: string): Mode {
  if (mode !== 'auto') return mode;
  const country = region ? region.split('-')[0]!.toUpperCase() : regionFromTimeZone(timeZone);
  // EEA, UK, CH and European zones must opt in; the US opts out; anything unknown opts in to fail safe.
  return country === 'US' ? 'opt-out' : 'opt-in';
}
