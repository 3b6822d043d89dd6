// When cookies cannot be read or written, the state lives in memory for the page and the
// whole API keeps working: a throwing `document.cookie`, a jar that drops every write.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { encodeRecord } from '../../../src/core/store/record-codec';
import { clearCookies, stub, stubThrowing } from '../helpers';

afterEach(() => clearCookies());

/** The same walk through the API for every broken jar. */
function worksInMemory(): void {
  stub(navigator, 'sendBeacon', () => true);
  const consent = createConsent({ mode: 'opt-in', log: { endpoint: '/log' } });
  const listener = vi.fn();
  consent.on('change', listener);
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([false, true, false]);
  const ran = vi.fn();
  consent.whenGranted('analytics', ran);
  consent.acceptAll('banner');
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics'), consent.record.source]).toEqual([
    true,
    false,
    true,
    'banner',
  ]);
  expect(ran).toHaveBeenCalledOnce();
  consent.update({ advertising: false }, 'preferences');
  expect(consent.state).toEqual({ essential: true, analytics: true, advertising: false });
  consent.reset();
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([false, true, false]);
  expect(listener).toHaveBeenCalledTimes(3);
  consent.refresh();
  expect(consent.decided).toBe(false);
}

describe('cookies unavailable', () => {
  it('document.cookie throws on read and write', () => {
    stubThrowing(document, 'cookie');
    expect(worksInMemory).not.toThrow();
  });

  it('the jar silently drops every write (cookies disabled)', () => {
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => {} });
    try {
      expect(worksInMemory).not.toThrow();
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
  });

  it('a read-only jar holding an old decision: the new one wins for the page', () => {
    const old = encodeRecord({
      id: 'abcdefgh12345678',
      revision: 0,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      choices: { analytics: true, advertising: true },
      source: 'banner',
    });
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => `consentry=${old}`,
      set: () => {
        throw new Error('read-only');
      },
    });
    try {
      const consent = createConsent({});
      expect(consent.granted('advertising')).toBe(true);
      consent.rejectAll();
      expect(consent.granted('advertising')).toBe(false);
      consent.refresh();
      expect(consent.granted('advertising')).toBe(false);
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
  });
});
