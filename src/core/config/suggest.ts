import { hasOwn } from '../has-own';

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 0; i < a.length; ) {
    const next = [++i];
    for (let j = 0; j < b.length; j++)
      next[j + 1] = Math.min(row[j + 1]! + 1, next[j]! + 1, row[j]! + (a[i - 1] == b[j] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The option closest to `word` when `word` is a likely typo of it (case aside), else undefined. */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const option of options) {
    const d = distance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` naming the closest of `options` when `word` is a likely typo, or nothing. */
export const didYouMean = (word: string, options: readonly string[]): string => {
  const best = closest(word, options);
  return best ? ` (did you mean "${best}"?)` : '';
};

/**
 * Keys written for another one that no typo distance finds: Pendo and PostHog take an `apiKey`
 * where most presets take an `id`.
 */
const INSTEAD: Record<string, string> = { id: 'apiKey' };

/** The known key an unknown `key` stands for: a typo of it, or a key written in its place. */
function meant(key: string, known: readonly string[]): string | undefined {
  const instead = hasOwn(INSTEAD, key) ? INSTEAD[key] : undefined;
  return closest(key, known) ?? (instead && known.includes(instead) ? instead : undefined);
}

/**
 * What to say after "unknown key": ` (did you mean "apiKey"?)` for a typo, `: use "apiKey"` for a
 * key written in its place, or nothing.
 */
export function keyAdvice(key: string, known: readonly string[]): string {
  const fix = meant(key, known);
  if (!fix) return '';
  return closest(key, known) ? ` (did you mean "${fix}"?)` : `: use "${fix}"`;
}

/**
 * True when `object` lacks `key` but has an unknown key that stands for it (`apikey` or `id` for
 * `apiKey`): that key is already reported with its fix, so the missing one is not a second problem.
 */
export const misspelt = (object: Record<string, unknown>, key: string, known: readonly string[]): boolean =>
  object[key] === undefined &&
  Object.keys(object).some((other) => !known.includes(other) && meant(other, known) == key);
