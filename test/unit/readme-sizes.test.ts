// @vitest-environment node
// README size claims come from scripts/size-budgets.json, the same file `npm test`'s size
// step enforces, so the README cannot promise less than the build delivers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const { budgets } = JSON.parse(readFileSync(new URL('scripts/size-budgets.json', root), 'utf8')) as {
  budgets: Array<{ id: string; file: string; kb: number; goal?: number }>;
};
const START = '<!-- size-table';
const END = '<!-- /size-table -->';
const KB = /(\d+(?:\.\d+)?)\s?KB/gi;

/** The rows of the marked size table, as [what, claim] cell pairs. */
function tableRows(): string[][] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return [];
  return readme
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

describe('README size table', () => {
  const rows = tableRows();

  it('is present between the size-table markers', () => {
    expect(rows.length, `README.md needs a table between "${START} -->" and "${END}"`).toBe(budgets.length);
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

  it('claims no other size for a budgeted file anywhere else in the README', () => {
    const outside = readme.slice(0, readme.indexOf(START)) + readme.slice(readme.indexOf(END));
    const named: Array<[RegExp, number]> = [
      [/\bconsentry\.js\b/, budgets.find((b) => b.id === 'script-tag')!.kb],
      [/\bconsentry-ui\.js\b/, budgets.find((b) => b.id === 'ui')!.kb],
    ];
    for (const line of outside.split('\n')) {
      const hits = named.filter(([re]) => re.test(line));
      if (hits.length !== 1) continue;
      for (const m of line.matchAll(KB)) expect(Number(m[1]), line).toBe(hits[0]![1]);
    }
  });
});
