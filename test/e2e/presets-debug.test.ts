// `Consentry.debug()` in real Chromium: the report's chunk (consentry-debug.js) is fetched only
// when called, once, and prints what a site owner checks: mode, categories, presets, held
// markup and the Consent Mode commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptTagPage, useChromium } from './support/harness';
import { ROOT } from '../support/root';

const CONFIG = { mode: 'opt-in', presets: [{ name: 'google-analytics', id: 'G-ABC123' }] };

const s = useChromium();
beforeAll(() => {
  s.server.set('/started.js', {
    // The instance is there at once with the generic file, with consentry:ready with a built one.
    body: 'if (window.Consentry) window.started = true; else addEventListener("consentry:ready", function () { window.started = true; });',
    type: 'text/javascript',
  });
  s.server.set(
    '/debug.html',
    scriptTagPage(CONFIG, {
      body: `<script type="text/plain" data-consent="analytics" src="/app-analytics.js"></script>
<script src="/started.js"></script>`,
    }),
  );
});

const debugRequests = () => s.server.requests.filter((path) => path.includes('consentry-debug.js'));

describe('the debug report', () => {
  it('is not in consentry.js and not fetched until called', async () => {
    expect(readFileSync(join(ROOT, 'dist/consentry.js'), 'utf8')).not.toContain('debug report');
    await s.page.goto(s.server.origin + '/debug.html');
    await s.page.waitForFunction(() => (window as any).started);
    expect(debugRequests()).toEqual([]);
  });

  it('fetches its chunk once and prints mode, categories, presets, held markup and Consent Mode', async () => {
    await s.page.goto(s.server.origin + '/debug.html');
    await s.page.waitForFunction(() => (window as any).started);
    const printed: string[] = [];
    s.page.on('console', (message) => void printed.push(`${message.type()}: ${message.text()}`));
    await s.page.evaluate(() => (window as any).Consentry.update({ analytics: true }, 'preferences'));
    await s.page.evaluate(() => (window as any).Consentry.debug());
    await s.page.evaluate(() => (window as any).Consentry.debug());
    expect(debugRequests()).toEqual(['/dist/consentry-debug.js']);
    const report = printed.join('\n');
    expect(report).toContain('mode: opt-in ("mode": "opt-in" in the config)');
    // console.table's rows reach the console as the table's objects.
    expect(printed.filter((line) => line.startsWith('table:'))).toHaveLength(10);
    const tables = await s.page.evaluate(async () => {
      const rows: unknown[] = [];
      const table = console.table;
      console.table = (data: unknown) => void rows.push(data);
      await (window as any).Consentry.debug();
      console.table = table;
      return rows;
    });
    expect(tables[1]).toEqual([
      { category: 'essential', state: 'granted', source: 'always on' },
      { category: 'analytics', state: 'granted', source: 'visitor (preferences)' },
      { category: 'advertising', state: 'denied', source: 'visitor (preferences)' },
    ]);
    // The stub answered gtag.js, so Resource Timing has the request: loaded.
    expect(tables[2]).toEqual([{ preset: 'google-analytics', category: 'analytics', status: 'loaded' }]);
    expect((tables[4] as any).update.analytics_storage).toBe('granted');
  });
});
