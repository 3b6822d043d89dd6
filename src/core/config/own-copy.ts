// Prototype pollution elsewhere in the page (`Object.prototype.mode = 'opt-out'`, or
// `Object.prototype.analytics = true` from a vulnerable merge in some other library) must never
// be read as configuration or as consent. The config is therefore copied into objects without a
// prototype, own properties only, before anything reads it: a key the site did not write reads
// as undefined, whatever Object.prototype holds.

/** An object literal or `JSON.parse` result: not an element, collection, window or class instance. */
export const isPlainObject = (value: unknown): value is Record<PropertyKey, unknown> => {
  if (typeof value != 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** An empty record without a prototype, for defaults read like a config object. */
export const noOptions = (): Record<string, any> => Object.create(null);

/**
 * `value` with every plain object (deeply) replaced by a prototype-less copy of its own
 * enumerable string keys; arrays are copied the same way. Values under symbol keys (a preset
 * factory's definition) and anything that is not a plain object or array stay as they are.
 * ```ts
 * ownCopy({ ui: { layout: 'bar' } }).ui.toString // undefined
 * ```
 */
export function ownCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(ownCopy) as T;
  if (!isPlainObject(value)) return value;
  const copy = noOptions();
  for (const key of Object.keys(value)) copy[key] = ownCopy(value[key]);
  for (const key of Object.getOwnPropertySymbols(value)) copy[key as never] = value[key];
  return copy as T;
}
