// @vitest-environment node
// Server-side rendering: `createConsent` works without a DOM, `gate()` cannot, and says so
// clearly instead of "document is not defined" from deep inside.
import { describe, expect, it } from 'vitest';
import { createConsent, gate } from '../../../src/index';

describe('gate() on the server', () => {
  it('throws one clear error, and leaves the instance working', () => {
    expect(typeof document).toBe('undefined');
    const consent = createConsent({ mode: 'opt-in' });
    expect(() => gate(consent)).toThrow(new Error('consentry: gate() needs a browser'));
    consent.acceptAll();
    expect(consent.granted('analytics')).toBe(true);
  });
});
