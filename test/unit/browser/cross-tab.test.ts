// A decision in one tab reaches the site's other tabs without a reload and fires their change
// listeners. Two instances in one jsdom window stand for two tabs: they share the cookie jar
// and BroadcastChannel (Node's, which delivers between channels of the same name).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type ConsentConfig } from '../../../src/index';
import { syncAcrossTabs } from '../../../src/browser/cross-tab';
import { clearCookies, stub } from '../helpers';

const stops: Array<() => void> = [];
/** A "tab": an instance kept in sync, with a spy on its change listener. */
function tab(config: ConsentConfig = {}) {
  const consent = createConsent(config);
  const changed = vi.fn();
  consent.on('change', changed);
  stops.push(syncAcrossTabs(consent));
  return { consent, changed, stop: stops.at(-1)! };
}
/** Lets every pending channel message arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => clearCookies());
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.unstubAllGlobals();
  clearCookies();
});

describe('with BroadcastChannel', () => {
  it('a decision in one tab updates the other and fires its listeners, once, without echo', async () => {
    const a = tab();
    const b = tab();
    a.consent.acceptAll('banner');
    await vi.waitFor(() => expect(b.changed).toHaveBeenCalledOnce());
    expect(b.changed).toHaveBeenCalledWith(
      { essential: true, analytics: true, advertising: true },
      { essential: true, analytics: false, advertising: false },
    );
    expect([b.consent.decided, b.consent.needsPrompt, b.consent.record.source]).toEqual([true, false, 'banner']);
    await settle();
    expect([a.changed.mock.calls.length, b.changed.mock.calls.length]).toEqual([1, 1]);
  });

  it('carries withdrawals and resets too', async () => {
    const a = tab();
    const b = tab();
    a.consent.acceptAll();
    await vi.waitFor(() => expect(b.consent.granted('analytics')).toBe(true));
    b.consent.update({ analytics: false }, 'preferences');
    await vi.waitFor(() => expect(a.consent.granted('analytics')).toBe(false));
    a.consent.reset();
    await vi.waitFor(() => expect(b.consent.needsPrompt).toBe(true));
  });

  it('leaves a site with another cookie name alone, and stops when asked', async () => {
    const a = tab();
    const other = tab({ cookie: { name: 'other_consent' } });
    const b = tab();
    b.stop();
    a.consent.acceptAll();
    await settle();
    expect([other.changed.mock.calls.length, b.changed.mock.calls.length, b.consent.granted('analytics')]).toEqual([
      0,
      0,
      false,
    ]);
  });
});

describe('without BroadcastChannel', () => {
  beforeEach(() => vi.stubGlobal('BroadcastChannel', undefined));

  it('a tab reads the cookie again when it becomes visible', () => {
    const a = tab();
    const b = tab();
    a.consent.acceptAll();
    expect(b.consent.granted('analytics')).toBe(false);
    stub(document, 'visibilityState', 'hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(b.changed).not.toHaveBeenCalled();
    stub(document, 'visibilityState', 'visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(b.changed).toHaveBeenCalledOnce();
    expect(b.consent.granted('analytics')).toBe(true);
    // Nothing changed since: no second event.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(b.changed).toHaveBeenCalledOnce();
  });
});

it('refresh() fires change only when the stored decision differs', () => {
  const a = createConsent({});
  const b = createConsent({});
  const changed = vi.fn();
  b.on('change', changed);
  b.refresh();
  expect(changed).not.toHaveBeenCalled();
  a.update({ advertising: true });
  b.refresh();
  b.refresh();
  expect(changed).toHaveBeenCalledOnce();
  expect(b.granted('advertising')).toBe(true);
});
