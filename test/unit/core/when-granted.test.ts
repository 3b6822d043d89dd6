// One `whenGranted` serves the instance, the runtime's scoped views and the fail-closed instance:
// it runs now or once granted, once, and a callback that throws breaks nothing else.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scopeConsent } from '../../../src/browser/scoped-consent';
import { createConsent } from '../../../src/index';
import { deniedConsent } from '../../../src/script-tag/denied-consent';
import { clearCookies } from '../helpers';

afterEach(() => {
  vi.restoreAllMocks();
  clearCookies();
});

describe('whenGranted', () => {
  it.each([
    ['the instance', (consent: ReturnType<typeof createConsent>) => consent],
    ['a scoped view of it', (consent: ReturnType<typeof createConsent>) => scopeConsent(consent).consent],
  ])('on %s: runs once when granted; a throwing callback is logged and the next still runs', (_, view) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = createConsent({ mode: 'opt-in' });
    const ran: string[] = [];
    view(consent).whenGranted('analytics', () => {
      throw new Error('site bug');
    });
    view(consent).whenGranted('analytics', () => ran.push('second'));
    expect(ran).toEqual([]);
    consent.acceptAll();
    consent.update({ analytics: false });
    consent.update({ analytics: true });
    expect(ran).toEqual(['second']);
    expect(error).toHaveBeenCalledWith('consentry: a callback threw', expect.any(Error));
  });

  it('ends with the scope: after dispose() a later grant runs nothing', () => {
    const consent = createConsent({ mode: 'opt-in' });
    const scope = scopeConsent(consent);
    const run = vi.fn();
    scope.consent.whenGranted('analytics', run);
    scope.dispose();
    consent.acceptAll();
    expect(run).not.toHaveBeenCalled();
  });

  it('on the fail-closed instance: essential at once, nothing else ever', () => {
    const consent = deniedConsent(new Error('bad config'));
    const ran: string[] = [];
    consent.whenGranted('essential', () => ran.push('essential'));
    consent.whenGranted('analytics', () => ran.push('analytics'));
    consent.acceptAll();
    expect(ran).toEqual(['essential']);
  });
});
