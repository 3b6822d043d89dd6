// Checks a config's `gpp` with the usual paths (`gpp.sections[1]`, `gpp.mspa.mode`). Kept out of
// the core validator, which only asks for an object there: the GPP add-on, `consentry build`,
// the CLI and `startGpp` bring this check, so sites without GPP do not carry it.
import { bool, fail, join, oneOf, shape, type Check } from '../config/checks';
import { isObject } from '../config/is-object';
import type { ConfigIssue } from '../types';
import { SECTION_PREFIXES } from './sections';
import { KNOWN_CHILD_DATA, NOTICE_NAMES, NOTICE_VALUES, SENSITIVE_DATA } from './vocabulary';

/** The CMP API allows at most two applicable sections (CMP API Specification, `PingReturn`). */
const MAX_SECTIONS = 2;

const sections: Check = (value, at, issues) => {
  if (value === 'auto') return;
  const expected = `"auto" or a list of one or two of "${SECTION_PREFIXES.join('", "')}"`;
  if (!Array.isArray(value) || !value.length || value.length > MAX_SECTIONS) return fail(issues, at, expected, value);
  value.forEach((prefix, index) => {
    if (!SECTION_PREFIXES.includes(prefix as string)) fail(issues, `${at}[${index}]`, expected, prefix);
    else if (value.indexOf(prefix) != index)
      issues.push({ path: `${at}[${index}]`, message: `"${prefix}" is listed twice` });
  });
};

const byName = (names: readonly string[], check: Check): Check =>
  shape(Object.fromEntries(names.map((name) => [name, check])));

/**
 * Every problem in `gpp`, each with its path; `categories` are the config's category names.
 * Never throws.
 */
export function checkGpp(value: unknown, categories: readonly string[], at = 'gpp'): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const category: Check = (name, path, found) =>
    categories.includes(name as string) ||
    fail(
      found,
      path,
      `one of "${categories.join('", "')}"`,
      name,
      typeof name == 'string' ? ': declare it under "categories"' : '',
    );
  shape({
    sections,
    mspa: shape({ coveredTransaction: bool, mode: oneOf('opt-out-option', 'service-provider') }, [
      'coveredTransaction',
    ]),
    notices: byName(NOTICE_NAMES, oneOf(...Object.keys(NOTICE_VALUES))),
    sensitiveData: byName(SENSITIVE_DATA, category),
    knownChildSensitiveData: byName(KNOWN_CHILD_DATA, category),
    personalData: category,
  })(value, at, issues);
  if (!isObject(value)) return issues;

  // Under the MSPA a covered transaction runs in exactly one of its two modes.
  const mspa = isObject(value.mspa) ? value.mspa : {};
  if (mspa.coveredTransaction === true && mspa.mode === undefined)
    issues.push({
      path: join(at, 'mspa.mode'),
      message: 'is required when coveredTransaction is true: "opt-out-option" or "service-provider"',
    });
  if (mspa.coveredTransaction === false && mspa.mode !== undefined)
    issues.push({ path: join(at, 'mspa.mode'), message: 'applies only when coveredTransaction is true' });

  // The consent fields exist with these meanings in usnat only (see signal.ts).
  const states = Array.isArray(value.sections) ? value.sections.filter((prefix) => prefix != 'usnat') : [];
  if (states.length)
    for (const key of ['sensitiveData', 'knownChildSensitiveData', 'personalData'])
      if (value[key] !== undefined)
        issues.push({
          path: join(at, key),
          message: `is signalled in the usnat section only, and "${states[0]}" would report it as not applicable: list only "usnat"`,
        });
  return issues;
}
