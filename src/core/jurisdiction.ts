// Picks opt-in or opt-out: EEA, UK and Switzerland opt in, the US opts out, anything unknown
// opts in (fail safe). The region comes from a server hint, else from the browser's time zone.
import type { Mode } from './types';

/**
 * Countries that require opt-in: EU 27 + Iceland, Liechtenstein, Norway (EEA), the United
 * Kingdom (GB, also written UK) and Switzerland. Everything outside the US opts in (fail
 * safe), so `resolveMode` needs only the US rule; this list documents the rule and is what
 * the tests check every country against. For the same reason European time zones need no
 * table: the tests check that every `Europe/` zone the runtime knows opts in.
 */
export const OPT_IN_COUNTRIES: readonly string[] = [
  ...['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT'],
  ...['LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'GB', 'UK', 'CH'],
];

/** US zones: the contiguous states, Alaska and Hawaii (territories such as Puerto Rico opt in). */
const US_ZONE =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Juneau|Menominee|Metlakatla|Nome|Sitka|Yakutat|Indianapolis|Louisville|(Indiana|Kentucky|North_Dakota)\/\w+)|Pacific\/Honolulu|US\/\w+)$/;

/**
 * `opt-in` or `opt-out` for a configured mode and region hint (`DE`, `US-CA`); without a hint,
 * the time zone decides (read only then: Intl's first use costs milliseconds on a page load).
 * Where Intl is missing or throws, the answer is opt-in.
 */
export function resolveMode(mode: Mode | 'auto' = 'opt-in', region?: string, timeZone?: string): Mode {
  if (mode != 'auto') return mode;
  return inUnitedStates(region, timeZone) ? 'opt-out' : 'opt-in';
}

/**
 * Whether the visitor is in the US: from the region hint (`US`, `US-CA`), else the time zone
 * (read only then). False where Intl is missing or throws.
 */
export function inUnitedStates(region?: string, timeZone?: string): boolean {
  try {
    return region
      ? /^us(-|$)/i.test(region)
      : US_ZONE.test(timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return false;
  }
}
