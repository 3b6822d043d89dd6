// The runnable code blocks of README.md and the pages under docs/, so tests and the size step use
// exactly what a reader copies. A block is marked by `<!-- readme-block: <name> -->` on the line
// before its fence; names are unique across all the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The block may sit indented in a list item: its fence has the marker's indentation.
const MARKED = /^( *)<!-- readme-block: ([\w-]+) -->\n+\1```(\w*)\n([^]*?)\n\1```/gm;

/** README.md, then every `.md` file under docs/, as paths relative to the repository root. */
export function docFiles() {
  const files = ['README.md'];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files;
}

/** The marked blocks of one text, as [name, { lang, code }] pairs in the order they appear. */
function blocksOf(text) {
  return [...text.matchAll(MARKED)].map(([, indent, name, lang, code]) => {
    const lines = code.split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    return [name, { lang, code: lines.join('\n') + '\n' }];
  });
}

/**
 * Every marked block by name: `{ lang, code, file }`. Without `text`, of README.md and every page
 * under docs/; with it, of that text alone (`file` is then `"text"`).
 */
export function readmeBlocks(text) {
  const sources =
    text === undefined ? docFiles().map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]) : [['text', text]];
  const blocks = new Map();
  for (const [file, content] of sources)
    for (const [name, block] of blocksOf(content)) {
      const other = blocks.get(name);
      if (other) throw new Error(`${file}: a second block named ${name} (the first is in ${other.file})`);
      blocks.set(name, { ...block, file });
    }
  return blocks;
}

/** The code of one marked block; throws when neither README.md nor docs/ has a block of that name. */
export function readmeBlock(name) {
  const block = readmeBlocks().get(name);
  if (!block) throw new Error(`no block marked <!-- readme-block: ${name} --> in ${docFiles().join(', ')}`);
  return block.code;
}
