// What every benchmark shares: the median, file names for pages, and writing its own section of RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('RESULTS.md', import.meta.url));

/** A page's name as a file name: `Consentry, defer` → `consentry-defer`. */
export const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` (appends it the first time). */
export function writeSection(name, markdown) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${markdown}\n${end}`;
  let text = existsSync(RESULTS)
    ? readFileSync(RESULTS, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench` (scripts/bench/). Each benchmark replaces only its own section.\n';
  text = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, text);
}
