// @vitest-environment node
// Every relative link and image in README.md, CONTRIBUTING.md and docs/**/*.md reaches a file that
// exists, and, where it names one, a heading of that file (anchors as GitHub makes them), so moving
// a page or renaming a heading cannot leave a dead link behind.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFiles } from '../../scripts/doc-blocks.mjs';
import { ROOT } from '../support/root';

const FILES = [...new Set([...docFiles(), 'CONTRIBUTING.md'])];

/** The text without fenced code blocks and inline code spans, where a `](…)` is not a link. */
function withoutCode(text: string): string {
  return text.replace(/^( *)(`{3,})[^]*?^\1\2`*$/gm, '').replace(/(`+)[^`\n]+?\1/g, '');
}

/** The anchors GitHub gives the headings of a markdown file (github-slugger, with -1, -2 for repeats). */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^( *)(`{3,})[^]*?^\1\2`*$/gm, '');
  const anchors = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const words = heading!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    let anchor = words;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${words}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The relative link targets of a markdown file: `[text](target)` and `![alt](target)`. */
function linksOf(file: string): string[] {
  const text = withoutCode(readFileSync(join(ROOT, file), 'utf8'));
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map(([, target]) => target!)
    .filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target));
}

describe.each(FILES)('links in %s', (file) => {
  const links = linksOf(file);

  it.each(links.length ? links : ['(none)'])('%s exists', (link) => {
    if (link === '(none)') return;
    const [path, anchor] = link.split('#') as [string, string | undefined];
    const target = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file;
    expect(target.startsWith('..'), `${file}: ${link} leaves the repository`).toBe(false);
    expect(existsSync(join(ROOT, target)), `${file}: ${link} points to ${target}, which does not exist`).toBe(true);
    if (anchor === undefined) return;
    expect(
      statSync(join(ROOT, target)).isFile() && target.endsWith('.md'),
      `${file}: ${link}: an anchor needs a page`,
    ).toBe(true);
    expect([...anchorsOf(target)], `${file}: ${link}: ${target} has no heading #${anchor}`).toContain(anchor);
  });
});

describe('the link check itself', () => {
  it('finds links and anchors as GitHub makes them', () => {
    const anchors = anchorsOf('docs/guide/script-tag.md');
    expect(anchors).toContain('smallest-possible-script-consentry-build');
    expect(anchors).toContain('consentryjs-or-consentryfulljs');
    expect(linksOf('README.md')).toContain('docs/size.md');
  });
});
