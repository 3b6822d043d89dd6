// Prototype pollution elsewhere in the page (`Object.prototype.analytics = true`, from a
// vulnerable deep merge in some other library) is never read as configuration or as consent:
// the config is copied to prototype-less objects, and choices and states are read as own
// properties. Each test pollutes, reads what it needs, and cleans up before asserting.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsent, validateConfig } from '../../../src/index';
import { encodeRecord } from '../../../src/core/store/record-codec';
import { internalsOf } from '../../../src/core/internals';
import { clearCookies, stub } from '../helpers';

const polluted: string[] = [];
/** Sets `Object.prototype[key]` as a polluting merge would (enumerable), until the test ends. */
function pollute(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    (Object.prototype as Record<string, unknown>)[key] = value;
    polluted.push(key);
  }
}
function clean(): void {
  for (const key of polluted.splice(0)) delete (Object.prototype as Record<string, unknown>)[key];
}
afterEach(() => {
  clean();
  clearCookies();
});

describe('pollution before the config is read', () => {
  it('is no key of the config: the config stays valid and means what it says', () => {
    pollute({ analytics: true, mode: 'opt-out', gpc: 'ignore', endpoint: 'https://evil.example/log' });
    const issues = validateConfig({ presets: [], log: {} });
    const consent = createConsent({ mode: 'opt-in' });
    const seen = {
      mode: consent.mode,
      granted: consent.granted('analytics'),
      needsPrompt: consent.needsPrompt,
      log: internalsOf(consent).config.log,
    };
    clean();
    // `log.endpoint` is still required: the polluted one does not count.
    expect(issues).toEqual([{ path: 'log.endpoint', message: 'is required' }]);
    expect(seen).toEqual({ mode: 'opt-in', granted: false, needsPrompt: true, log: undefined });
  });

  it('does not switch the mode, the signal policies or what counts as a sale', () => {
    stub(navigator, 'globalPrivacyControl', true);
    pollute({ mode: 'opt-out', gpc: 'ignore', sale: false, googleConsentMode: { mode: 'advanced' } });
    const consent = createConsent({ region: 'DE' });
    consent.acceptAll('banner');
    const seen = { mode: consent.mode, advertising: consent.granted('advertising'), denied: consent.signalDenied };
    clean();
    expect(seen).toEqual({ mode: 'opt-in', advertising: false, denied: ['advertising'] });
  });
});

describe('pollution after the instance exists', () => {
  it('grants no category the config does not have', () => {
    const consent = createConsent({});
    consent.acceptAll();
    pollute({ functional: true, marketing: true });
    const seen = [consent.granted('functional'), consent.granted('marketing'), consent.granted('toString')];
    clean();
    expect(seen).toEqual([false, false, false]);
  });

  it('is no choice in update(): categories it does not name keep their state', () => {
    const consent = createConsent({});
    consent.rejectAll();
    pollute({ analytics: true });
    consent.update({ advertising: false });
    const seen = consent.granted('analytics');
    clean();
    expect(seen).toBe(false);
  });

  it('is no choice in a stored record that does not name the category', () => {
    const now = Date.now();
    const choices = { analytics: false, advertising: false };
    document.cookie = `consentry=${encodeRecord({ id: 'visitor00001', revision: 0, createdAt: now, updatedAt: now, choices, source: 'banner' })}`;
    pollute({ functional: true });
    const consent = createConsent({ categories: { functional: {} } });
    const seen = [consent.decided, consent.granted('functional'), consent.record.choices.functional];
    clean();
    expect(seen).toEqual([true, false, undefined]);
  });
});
