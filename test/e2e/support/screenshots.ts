// Screenshots compared pixel by pixel (pixelmatch) with a committed reference. A failure writes
// the actual image and a diff next to each other in test-results/screenshots/;
// UPDATE_SCREENSHOTS=1 (`npm run test:update-screenshots`) rewrites the references on purpose:
// review them like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { ROOT } from '../../support/root';

const FAILURES = join(ROOT, 'test-results/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS == '1';
/**
 * Per-pixel colour distance pixelmatch ignores (anti-aliasing noise), and the share of pixels
 * that may differ beyond it: a moved button or a changed colour is far more.
 */
const THRESHOLD = 0.1;
export const MAX_DIFF_RATIO = 0.001;

/**
 * The share of pixels of `screenshot` (a PNG) that differ from the reference PNG at `reference`;
 * with UPDATE_SCREENSHOTS=1 it writes the reference instead and returns 0.
 */
export function compareWithReference(screenshot: Buffer, reference: string): number {
  const actual = PNG.sync.read(screenshot);
  if (UPDATE) {
    mkdirSync(dirname(reference), { recursive: true });
    writeFileSync(reference, PNG.sync.write(actual));
    return 0;
  }
  expect(existsSync(reference), `${reference} is missing: run npm run test:update-screenshots`).toBe(true);
  const expected = PNG.sync.read(readFileSync(reference));
  const name = basename(reference, '.png');
  expect([actual.width, actual.height], `${name}: size`).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {
    threshold: THRESHOLD,
  });
  const ratio = differing / (actual.width * actual.height);
  if (ratio > MAX_DIFF_RATIO) {
    mkdirSync(FAILURES, { recursive: true });
    writeFileSync(join(FAILURES, name + '.actual.png'), PNG.sync.write(actual));
    writeFileSync(join(FAILURES, name + '.diff.png'), PNG.sync.write(diff));
  }
  return ratio;
}
