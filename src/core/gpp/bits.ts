// The bit-level encodings of the IAB GPP Consent String Specification (IAB Tech Lab, Global
// Privacy Platform, "Consent String Specification"): fixed-width integers, Fibonacci-coded
// integers and ranges, and the URL-safe "base64-like" text form. Bits are kept as strings of
// '0' and '1': a GPP string of the sections Consentry writes is under 200 bits, and the text
// form reads like the tables of the specification.

/** `value` in `width` bits, most significant first ("Int(n)" in the specification). */
export const fixedInt = (value: number, width: number): string => value.toString(2).padStart(width, '0').slice(-width);

/**
 * Fibonacci coding of a positive integer ("Integer (Fibonacci)"): one bit per Fibonacci number
 * 1, 2, 3, 5, 8, … (the smallest first) for the Zeckendorf sum, then a closing 1, so every
 * code word ends in "11".
 */
export function fibonacci(value: number): string {
  const numbers: number[] = [];
  for (let current = 1, next = 2; current <= value; ) {
    numbers.push(current);
    const sum = current + next;
    current = next;
    next = sum;
  }
  const bits: string[] = [];
  let rest = value;
  for (let index = numbers.length - 1; index >= 0; index--) {
    const used = numbers[index]! <= rest;
    if (used) rest -= numbers[index]!;
    bits[index] = used ? '1' : '0';
  }
  return bits.join('') + '1';
}

/**
 * A list of ids as "Range (Fibonacci)": the number of groups in 12 bits, then per group a bit
 * (0 a single id, 1 a run of consecutive ids) and Fibonacci-coded offsets from the last id
 * written. Ids are sorted and runs grouped, as the IAB's reference library (iabgpp-es) writes
 * them, so both produce the same strings.
 */
export function fibonacciRange(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: Array<{ first: number; last: number }> = [];
  for (const id of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.last + 1 == id) run.last = id;
    else runs.push({ first: id, last: id });
  }
  let bits = fixedInt(runs.length, 12);
  let offset = 0;
  for (const { first, last } of runs) {
    bits += first == last ? '0' + fibonacci(first - offset) : '1' + fibonacci(first - offset) + fibonacci(last - first);
    offset = last;
  }
  return bits;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Bits as text: padded with zeros to whole bytes and then to whole 6-bit groups (the padding
 * iabgpp-es applies, e.g. `DBABLA` rather than the specification's minimal `DBABL`; decoders
 * ignore trailing zeros), each group one character of the URL-safe base64 alphabet.
 */
export function toText(bits: string): string {
  let padded = bits;
  while (padded.length % 8) padded += '0';
  while (padded.length % 6) padded += '0';
  let text = '';
  for (let at = 0; at < padded.length; at += 6) text += ALPHABET[parseInt(padded.slice(at, at + 6), 2)];
  return text;
}
