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
 * True when `object` lacks `key` but has an unknown key that is a typo of it (`apikey` for
 * `apiKey`): that typo is already reported with its fix, so the missing key is not a second problem.
 */
export const misspelt = (object: Record<string, unknown>, key: string, known: readonly string[]): boolean =>
  object[key] === undefined &&
  Object.keys(object).some((other) => !known.includes(other) && closest(other, known) == key);
