/** A plain object as JSON gives it: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value == 'object' && !Array.isArray(value);
