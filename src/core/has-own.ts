/**
 * Whether `object` has `key` as its own property: what a lookup by a name from outside (a
 * category, a preset, a language) must ask, so that `constructor`, `toString` or `__proto__` are
 * never found on Object.prototype. The target is ES2020, which has no `Object.hasOwn`.
 */
export const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);
