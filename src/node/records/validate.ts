// Checks a beacon body against the record contract before anything is stored. Strict: an unknown
// field, a wrong type or a string with control characters is a 400 with the reason, and nothing
// of the record is kept. Never throws.
import { LOG_SCHEMA, type ImpressionEvent, type LogAction, type LogRecord } from '../../core/log/record';

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const VERSION = /^[0-9A-Za-z.+-]{1,32}$/;
const REGION = /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/;
/** As the config allows category names; `__proto__` and friends cannot match (no underscore first). */
const CATEGORY = /^[a-z][a-z0-9_-]{0,31}$/i;
const ACTIONS: LogAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw', 'signal', 'default'];
/** At most this many categories in one record (a config has a handful). */
export const MAX_CATEGORIES = 64;
export const MAX_URL = 2048;
/**
 * A GPP string as the page's encoder writes it (IAB Tech Lab, Global Privacy Platform, "Consent
 * String Specification"): the header, whose first six bits (Type 3) make it start with "D", then
 * sections joined by "~", each a core sub-section and optionally "." and its GPC sub-section, in
 * the URL-safe base64 alphabet. Every US section the page can write, all at once, stays well under
 * the bound; it stops a record from carrying kilobytes under that name.
 */
const GPP = /^D[A-Za-z0-9_-]+(?:[~.][A-Za-z0-9_-]+)*$/;
export const MAX_GPP = 1024;
const RECORD_FIELDS = [
  'recordId',
  'consentId',
  'schema',
  'revision',
  'configHash',
  'language',
  'version',
  'action',
  'choices',
  'signals',
  'mode',
  'region',
  'url',
  'createdAt',
];
/** Fields a record may leave out: `gpp` only exists on sites with GPP. */
const OPTIONAL_RECORD_FIELDS = ['gpp'];
const IMPRESSION_FIELDS = ['schema', 'configHash', 'language', 'mode', 'region'];

export type Checked<T> = { value: T } | { error: string };

class Invalid extends Error {}
const fail = (message: string): never => {
  throw new Invalid(message);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value == 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function fieldsOf(body: unknown, required: string[], what: string, optional: string[] = []): Record<string, unknown> {
  if (!isPlainObject(body)) fail(`${what} must be a JSON object`);
  const object = body as Record<string, unknown>;
  for (const key of Object.keys(object))
    if (!required.includes(key) && !optional.includes(key)) fail(`unknown field "${printable(key)}"`);
  for (const key of required) if (!Object.prototype.hasOwnProperty.call(object, key)) fail(`${key} is missing`);
  return object;
}

/** A key or value shown back in an error: short, without control characters. */
const printable = (text: string): string => text.slice(0, 40).replace(/\p{Cc}/gu, '?');

const matching = (value: unknown, pattern: RegExp, field: string, expected: string): string =>
  typeof value == 'string' && pattern.test(value) ? value : fail(`${field}: expected ${expected}`);

const integer = (value: unknown, field: string, max: number): number =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max
    ? (value as number)
    : fail(`${field}: expected an integer from 0 to ${max}`);

const mode = (value: unknown): 'opt-in' | 'opt-out' =>
  value === 'opt-in' || value === 'opt-out' ? value : fail('mode: expected "opt-in" or "opt-out"');

const region = (value: unknown): string | null =>
  value === null ? null : matching(value, REGION, 'region', 'null or a region like "DE" or "US-CA"').toUpperCase();

/** An http(s) URL of at most 2,048 characters, reduced to its origin and path. */
function pageUrl(value: unknown): string {
  if (typeof value != 'string' || value.length > MAX_URL || /[\p{Cc}\s]/u.test(value))
    fail(`url: expected an http(s) URL of at most ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return fail('url: expected an http(s) URL');
  }
  if (url.protocol != 'http:' && url.protocol != 'https:') fail('url: expected an http(s) URL');
  if (url.username || url.password) fail('url: must not carry a user name or password');
  // Stored without query or fragment, whatever a sender put there: they may carry personal data.
  return url.origin + url.pathname;
}

/** The GPP string, when the record has one. */
function gpp(value: unknown): { gpp?: string } {
  if (value === undefined) return {};
  if (typeof value != 'string' || value.length > MAX_GPP || !GPP.test(value))
    fail(`gpp: expected a GPP string (D…, sections joined by "~") of at most ${MAX_GPP} characters`);
  return { gpp: value as string };
}

function choices(value: unknown): Record<string, boolean> {
  if (!isPlainObject(value)) return fail('choices: expected an object of category names to true or false');
  const names = Object.keys(value);
  if (names.length > MAX_CATEGORIES) fail(`choices: at most ${MAX_CATEGORIES} categories`);
  const result: Record<string, boolean> = Object.create(null);
  for (const name of names) {
    if (!CATEGORY.test(name)) fail(`choices: "${printable(name)}" is not a category name`);
    if (typeof value[name] != 'boolean') fail(`choices.${name}: expected true or false`);
    result[name] = value[name] as boolean;
  }
  if (result.essential !== true) fail('choices.essential: expected true');
  return { ...result };
}

function signals(value: unknown): { gpc: boolean; dnt: boolean } {
  const object = fieldsOf(value, ['gpc', 'dnt'], 'signals');
  if (typeof object.gpc != 'boolean' || typeof object.dnt != 'boolean') fail('signals: expected { gpc, dnt } booleans');
  return { gpc: object.gpc as boolean, dnt: object.dnt as boolean };
}

function guarded<T>(check: () => T): Checked<T> {
  try {
    return { value: check() };
  } catch (error) {
    if (error instanceof Invalid) return { error: error.message };
    return { error: 'invalid record' };
  }
}

/** The record in a parsed beacon body, or the reason it is refused. */
export function checkRecord(body: unknown): Checked<LogRecord> {
  return guarded(() => {
    const object = fieldsOf(body, RECORD_FIELDS, 'a record', OPTIONAL_RECORD_FIELDS);
    if (object.schema !== LOG_SCHEMA) fail(`schema: this receiver stores schema ${LOG_SCHEMA}`);
    const action = ACTIONS.includes(object.action as LogAction)
      ? (object.action as LogAction)
      : fail(`action: expected one of ${ACTIONS.join(', ')}`);
    return {
      recordId: matching(object.recordId, ID, 'recordId', '8 to 64 of A-Z a-z 0-9 _ -'),
      consentId: matching(object.consentId, ID, 'consentId', '8 to 64 of A-Z a-z 0-9 _ -'),
      schema: LOG_SCHEMA,
      revision: integer(object.revision, 'revision', 2 ** 31 - 1),
      configHash: matching(object.configHash, ID, 'configHash', '8 to 64 of A-Z a-z 0-9 _ -'),
      language: matching(object.language, LANGUAGE, 'language', 'a language tag like "en" or "de-AT"').toLowerCase(),
      version: matching(object.version, VERSION, 'version', 'a version like "1.2.0"'),
      action,
      choices: choices(object.choices),
      signals: signals(object.signals),
      mode: mode(object.mode),
      region: region(object.region),
      url: pageUrl(object.url),
      // Epoch milliseconds up to the year 9999; the client's clock, kept as sent beside the receipt time.
      createdAt: integer(object.createdAt, 'createdAt', 253402300799999),
      ...gpp(object.gpp),
    };
  });
}

/** The count-only event in a parsed body, or the reason it is refused. */
export function checkImpression(body: unknown): Checked<ImpressionEvent> {
  return guarded(() => {
    const object = fieldsOf(body, IMPRESSION_FIELDS, 'an impression');
    if (object.schema !== LOG_SCHEMA) fail(`schema: this receiver stores schema ${LOG_SCHEMA}`);
    return {
      schema: LOG_SCHEMA,
      configHash: matching(object.configHash, ID, 'configHash', '8 to 64 of A-Z a-z 0-9 _ -'),
      language: matching(object.language, LANGUAGE, 'language', 'a language tag like "en" or "de-AT"').toLowerCase(),
      mode: mode(object.mode),
      region: region(object.region),
    };
  });
}
