// The debug report's tables, the category links config and the add-on hint of the validator.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetRegistry } from '../../../presets/registry';
import { builtInPresets } from '../../../presets/built-in';
import { categoryLinks, INDUSTRY_OPT_OUTS } from '../../../ui/industry-links';
import { debugReport } from '../../../src/browser/debug-report';
import { startGoogleConsentMode } from '../../../src/browser/google-consent-mode';
import { createConsent, validateConfig } from '../../../src/index';
import { clearCookies } from '../helpers';

describe('debugReport', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (window as { dataLayer?: unknown }).dataLayer;
    delete (window as { gtag?: unknown }).gtag;
    document.body.innerHTML = '';
    clearCookies();
  });

  it('prints mode and why, signals, categories with source, presets, held markup and Consent Mode', () => {
    const tables: unknown[] = [];
    const logs: string[] = [];
    vi.spyOn(console, 'table').mockImplementation((data) => void tables.push(data));
    vi.spyOn(console, 'log').mockImplementation((line) => void logs.push(String(line)));
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics"></script>
      <iframe data-consent="advertising" data-src="https://www.youtube.com/embed/x"></iframe>
      <iframe data-consent="advertising" data-src="https://www.youtube.com/embed/y"></iframe>`;
    const consent = createConsent(
      {
        mode: 'opt-in',
        presets: [
          { name: 'google-analytics', id: 'G-ABC123' },
          { name: 'hotjar', id: '1234567' },
        ],
      },
      { registry: presetRegistry },
    );
    startGoogleConsentMode(consent);
    consent.update({ analytics: true }, 'preferences');
    debugReport(consent);
    expect(logs[0]).toBe('mode: opt-in ("mode": "opt-in" in the config)');
    const [signals, categories, presets, held, consentMode] = tables as any[];
    // The policies the engine applies when the config names none (the report once printed DNT as "ignore").
    expect(signals).toEqual({ gpc: { on: false, policy: 'deny-sale' }, dnt: { on: false, policy: 'deny-all' } });
    expect(categories).toEqual([
      { category: 'essential', state: 'granted', source: 'always on' },
      { category: 'analytics', state: 'granted', source: 'visitor (preferences)' },
      { category: 'advertising', state: 'denied', source: 'visitor (preferences)' },
    ]);
    // jsdom requested nothing: a granted preset without requests is flagged, not "loaded".
    expect(presets[0]).toEqual({
      preset: 'google-analytics',
      category: 'analytics',
      status: expect.stringMatching(/^granted, but no request/),
    });
    expect(held).toEqual([
      { category: 'analytics', 'held elements': 1 },
      { category: 'advertising', 'held elements': 2 },
    ]);
    expect(consentMode.default.ad_storage).toBe('denied');
    expect(consentMode.update.analytics_storage).toBe('granted');
  });

  it('never throws into the page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'group').mockImplementation(() => {});
    expect(() => debugReport({} as never)).not.toThrow();
    expect(error).toHaveBeenCalled();
  });
});

describe('category links', () => {
  it('advertising defaults to the industry opt-outs; a configured list replaces them', () => {
    expect(categoryLinks('advertising').map((link) => link.url)).toEqual([
      'https://thenai.org/opt-out/',
      'https://optout.aboutads.info/',
      'https://www.youronlinechoices.eu/',
    ]);
    expect(categoryLinks('analytics')).toEqual([]);
    expect(categoryLinks('advertising', [])).toEqual([]);
    expect(INDUSTRY_OPT_OUTS).toHaveLength(3);
  });

  it('are validated like every URL', () => {
    const links = (value: unknown) =>
      validateConfig({ categories: { advertising: { links: value } } }).map((issue) => issue.path);
    expect(links([{ label: 'Partners', url: 'https://example.com/partners' }])).toEqual([]);
    expect(links([{ label: 'x', url: 'javascript:alert(1)' }])).toEqual(['categories.advertising.links[0].url']);
    expect(links([{ url: '/p' }])).toEqual(['categories.advertising.links[0].label']);
    expect(links('https://x')).toEqual(['categories.advertising.links']);
  });
});

describe('an add-on preset that is not loaded', () => {
  it('names the file to add, and the npm way', () => {
    const issues = validateConfig({ presets: [{ name: 'hotjar', id: '1234567' }] }, builtInPresets);
    expect(issues).toEqual([
      {
        path: 'presets[0].name',
        message: expect.stringContaining('<script src=".../presets/hotjar.js"></script>'),
      },
    ]);
    expect(issues[0]!.message).toContain('presetRegistry');
    expect(validateConfig({ presets: [{ name: 'hotjar', id: '1234567' }] }, presetRegistry)).toEqual([]);
  });

  it('other unknown names still get a suggestion', () => {
    expect(validateConfig({ presets: [{ name: 'pendoo' }] }, builtInPresets)[0]!.message).toBe(
      'unknown preset "pendoo" (did you mean "pendo"?)',
    );
  });
});
