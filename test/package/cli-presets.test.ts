// `consentry check` knows all twenty presets: a config naming each with valid options passes,
// and each add-on preset's own option rules report at the right path.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../presets/registry';
import schema from '../../src/core/config/schema.json';
import { captureCli, runBuiltCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('consentry-presets-');

/** Every preset once, with the example entry the schema gives for it. */
const EVERY_PRESET = Object.keys(presetRegistry).map(
  (name) => (schema.$defs as unknown as Record<string, { examples: unknown[] }>)[`preset-${name}`]!.examples[0],
);

async function check(config: unknown) {
  await writeFile(join(tmp.path, 'consent.json'), JSON.stringify(config, null, 2));
  const { code, stdout, stderr } = await captureCli(['check', 'consent.json'], { schema, cwd: tmp.path });
  return { code, out: stdout + stderr };
}

describe('consentry check with all twenty presets', () => {
  it('accepts a config naming every preset', async () => {
    expect(EVERY_PRESET).toHaveLength(20);
    expect(await check({ presets: EVERY_PRESET })).toMatchObject({ code: 0 });
  });

  it('reports an add-on preset’s bad option with its path', async () => {
    const { code, out } = await check({ presets: [{ name: 'posthog', apiKey: 'phx_123' }] });
    expect(code).toBe(1);
    expect(out).toContain('presets[0].apiKey');
    expect(out).toContain('a PostHog project API key');
  });

  it('the built CLI knows them too', async () => {
    await writeFile(join(tmp.path, 'consent.json'), JSON.stringify({ presets: EVERY_PRESET }));
    expect((await runBuiltCli(['check', 'consent.json'], tmp.path)).code).toBe(0);
  });
});
