// @vitest-environment node
// Size claims come from scripts/size-budgets.json, the same file `npm test`'s size step enforces, so
// the docs cannot promise less than the build delivers: the table in docs/size.md, the README's one
// size line, and any other mention of the script tag's or the UI chunk's size in README.md or docs/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFiles } from '../../scripts/doc-blocks.mjs';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const sizePage = read('docs/size.md');
const readme = read('README.md');
const { budgets } = JSON.parse(read('scripts/size-budgets.json')) as {
  budgets: Array<{ id: string; file: string; kb: number; goal?: number }>;
};
const START = '<!-- size-table';
const END = '<!-- /size-table -->';
const KB = /(\d+(?:\.\d+)?)\s?KB/gi;
const STATES_SIZE = /\d\s?KB/i;
const kbOf = (id: string) => budgets.find((b) => b.id === id)!.kb;
/** How prose names a budgeted file, and its budget. */
const NAMED: Array<[RegExp, number]> = [
  [/\bconsentry\.js\b/, kbOf('script-tag')],
  [/\bconsentry-ui\.js\b/, kbOf('ui')],
];

/** The rows of the marked size table, as [what, claim, goal] cell lists. */
function tableRows(): string[][] {
  const start = sizePage.indexOf(START);
  const end = sizePage.indexOf(END);
  if (start < 0 || end < start) return [];
  return sizePage
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** The lines of a markdown text outside fenced code blocks (command output may print sizes of its own). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && !/^\s*```/.test(line);
  });
}

describe('docs/size.md size table', () => {
  const rows = tableRows();

  it('is present between the size-table markers', () => {
    expect(rows.length, `docs/size.md needs a table between "${START} -->" and "${END}"`).toBe(budgets.length);
  });

  it.each(budgets)('states the budget for $file', ({ file, kb }) => {
    const row = rows.find(([what]) => what!.includes(file));
    expect(row, `no size-table row names ${file}`).toBeDefined();
    expect([...row![1]!.matchAll(KB)].map((m) => Number(m[1]))).toEqual([kb]);
  });

  // A budget above its goal only stops growth: the goal column must say how far is left to go,
  // and may say "met" only where the budget is the goal (the size step enforces the budget).
  it.each(budgets)('states the goal for $file, if the table has a goal column', ({ file, kb, goal }) => {
    const row = rows.find(([what]) => what!.includes(file));
    if (!row || row.length < 3) return;
    const claimed = [...row[2]!.matchAll(KB)].map((m) => Number(m[1]));
    if (goal !== undefined && goal < kb) expect(claimed, row[2]).toEqual([goal]);
    else expect(claimed.length ? claimed : [kb], row[2]).toEqual([kb]);
  });
});

describe("the README's size line", () => {
  const lines = proseLines(readme).filter((line) => STATES_SIZE.test(line));

  it('is the only line of the README that states a size, and links to docs/size.md', () => {
    expect(lines, 'README.md states sizes on one line only').toHaveLength(1);
    expect(lines[0]).toContain('](docs/size.md)');
  });

  it('states the budget of each file it names', () => {
    const line = lines[0] ?? '';
    const figures = [...line.matchAll(KB)];
    expect(figures.length, line).toBeGreaterThan(0);
    for (const figure of figures) {
      // The figure belongs to the budgeted file named last before it.
      const before = line.slice(0, figure.index);
      let owner: { at: number; kb: number } | undefined;
      for (const [re, kb] of NAMED)
        for (const name of before.matchAll(new RegExp(re.source, 'g')))
          if (!owner || name.index > owner.at) owner = { at: name.index, kb };
      expect(owner, `${figure[0]} follows no budgeted file name: ${line}`).toBeDefined();
      expect(Number(figure[1]), line).toBe(owner!.kb);
    }
  });
});

describe('other size claims', () => {
  it.each(docFiles())('%s claims no other size for the script tag or the UI chunk', (file) => {
    let text = read(file);
    if (file === 'docs/size.md') text = text.slice(0, text.indexOf(START)) + text.slice(text.indexOf(END));
    for (const line of proseLines(text)) {
      const hits = NAMED.filter(([re]) => re.test(line));
      if (hits.length !== 1) continue;
      for (const m of line.matchAll(KB)) expect(Number(m[1]), `${file}: ${line}`).toBe(hits[0]![1]);
    }
  });
});
