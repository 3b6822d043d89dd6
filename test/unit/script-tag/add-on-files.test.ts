// What the config error says about an add-on preset nobody registered: the file to add when the
// page has no `<script>` for it, else what became of that file (the status comes from Resource
// Timing, faked here; Chromium's real one is in test/e2e/presets-addons.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainAddOnFiles } from '../../../src/script-tag/add-on-files';
import { validateConfig } from '../../../src/core/config/validate';

const CONFIG = {
  presets: [
    { name: 'google-analytics', id: 'G-ABC123' },
    { name: 'hotjar', id: '1234567' },
  ],
};
const URL_ = 'https://www.shop.test/consentry/presets/hotjar.js';

afterEach(() => {
  vi.restoreAllMocks();
  document.head.innerHTML = '';
});

/** The page has a `<script>` for the add-on, whose Resource Timing entry is `timing` (none when undefined). */
function addOnTag(timing?: { responseStatus?: number }): void {
  const script = document.createElement('script');
  script.setAttribute('src', URL_);
  document.head.append(script);
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name) =>
    name == URL_ && timing ? [timing as PerformanceEntry] : [],
  );
}
const messages = () => explainAddOnFiles(validateConfig(CONFIG, {}), CONFIG).map((issue) => issue.message);

describe('explainAddOnFiles', () => {
  it('keeps the checker’s "add <script …>" when the page has no tag for the file', () => {
    expect(messages()).toContainEqual(expect.stringContaining('add <script src=".../presets/hotjar.js"></script>'));
  });

  it.each([
    [{ responseStatus: 404 }, `its file ${URL_} failed to load (HTTP 404)`],
    [undefined, `its file ${URL_} did not load (blocked, or still loading: add it before consentry.js, without async)`],
    [{ responseStatus: 200 }, 'loaded (HTTP 200) but registered no preset: serve the file of this consentry release'],
    [{ responseStatus: 0 }, 'failed to load or registered no preset'],
  ])('with the tag, says what became of the file (%j)', (timing, message) => {
    addOnTag(timing);
    const hotjar = messages().filter((text) => text.includes('hotjar'));
    expect(hotjar).toEqual([expect.stringContaining(message)]);
    expect(hotjar[0]).toMatch(/^preset "hotjar" is not loaded: /);
    expect(hotjar[0]).not.toContain('<script');
  });

  it('leaves every other issue as it is', () => {
    addOnTag({ responseStatus: 404 });
    const config = { presets: [{ name: 'hotjar' }], mode: 'sometimes' };
    const issues = validateConfig(config, {});
    const explained = explainAddOnFiles(issues, config);
    expect(explained.map((issue) => issue.path)).toEqual(issues.map((issue) => issue.path));
    expect(explained[1]).toBe(issues[1]);
  });
});
