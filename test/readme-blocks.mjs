// The README's runnable code blocks, so tests and the size step use exactly what a reader
// copies. A block is marked by `<!-- readme-block: <name> -->` on the line before its fence.
import { readFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);
// The block may sit indented in a list item: its fence has the marker's indentation.
const MARKED = /^( *)<!-- readme-block: ([\w-]+) -->\n+\1```(\w*)\n([^]*?)\n\1```/gm;

/** Every marked block of README.md by name: `{ lang, code }`. */
export function readmeBlocks(text = readFileSync(README, 'utf8')) {
  const blocks = new Map();
  for (const [, indent, name, lang, code] of text.matchAll(MARKED)) {
    if (blocks.has(name)) throw new Error(`README.md: two blocks named ${name}`);
    const lines = code.split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    blocks.set(name, { lang, code: lines.join('\n') + '\n' });
  }
  return blocks;
}

/** The code of one marked block; throws when README.md has no block of that name. */
export function readmeBlock(name) {
  const block = readmeBlocks().get(name);
  if (!block) throw new Error(`README.md has no block marked <!-- readme-block: ${name} -->`);
  return block.code;
}
