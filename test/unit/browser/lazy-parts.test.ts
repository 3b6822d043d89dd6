// The stand-ins through which the script tag fetches the embed placeholders and the withdrawal
// clean-up when first needed: what waits is handed over once the part arrives, nothing is let
// through meanwhile, and a part that cannot be loaded is logged and tried again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { embedHolder, type EmbedHolderFactory } from '../../../src/browser/embed-holder';
import { lazyClearCategory, lazyEmbedHolder } from '../../../src/browser/lazy-parts';
import { createPageState } from '../../../src/browser/page-state';
import type { ClearCategory } from '../../../src/browser/withdrawal';
import { clearCookies, nextTask } from '../helpers';

afterEach(() => {
  document.body.innerHTML = '';
  clearCookies();
  vi.restoreAllMocks();
});

/** A promise settled from outside, standing in for the part file on its way. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const iframes = (count: number) => {
  document.body.innerHTML = Array.from(
    { length: count },
    (_, index) =>
      `<iframe data-consent="advertising" data-src="https://video.test/${index}" title="Video ${index}"></iframe>`,
  ).join('');
  return [...document.querySelectorAll('iframe')];
};
const placeholders = () =>
  [...document.querySelectorAll('[data-consentry-placeholder]')].map((box) => box.getAttribute('aria-label'));

describe('lazyEmbedHolder', () => {
  it('fetches the holder on the first iframe to hold, once, then hands it the iframes still held', async () => {
    const part = deferred<EmbedHolderFactory>();
    const load = vi.fn(() => part.promise);
    const holder = lazyEmbedHolder(load)(createConsent({}), createPageState(), { embedOnce: 'Einmal laden' });
    const [first, second, removed, unheld] = iframes(4);
    expect(holder.holding).toBe(false);
    for (const iframe of [first, second, removed, unheld]) holder.hold(iframe!);
    holder.unhold(unheld!);
    removed!.remove();
    holder.prune();
    expect(load).toHaveBeenCalledOnce();
    // On its way: held (no src), no placeholder yet.
    expect(holder.holding).toBe(true);
    expect(placeholders()).toEqual([]);
    expect(document.querySelectorAll('iframe[src]')).toHaveLength(0);

    holder.retext({ embedAllow: 'Erlauben' });
    part.resolve(embedHolder);
    await nextTask();
    expect(placeholders()).toEqual(['Video 0', 'Video 1']);
    expect([first!.hidden, second!.hidden, unheld!.hidden]).toEqual([true, true, false]);
    // The texts given at the start and those set while it loaded.
    expect([...document.querySelectorAll('[data-consentry-placeholder] button')].map((b) => b.textContent)).toEqual([
      'Erlauben',
      'Einmal laden',
      'Erlauben',
      'Einmal laden',
    ]);
    // From now on the real holder answers directly.
    holder.unhold(first!);
    expect(placeholders()).toEqual(['Video 1']);
    expect(load).toHaveBeenCalledOnce();
  });

  it('logs a holder that cannot be loaded, keeps the iframe held, and tries again on the next one', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<EmbedHolderFactory>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(embedHolder);
    const holder = lazyEmbedHolder(load)(createConsent({}), createPageState());
    const [first, second] = iframes(2);
    holder.hold(first!);
    await nextTask();
    expect(error).toHaveBeenCalledWith('consentry: could not load the embed placeholders', expect.any(Error));
    expect(placeholders()).toEqual([]);
    expect(first!.hasAttribute('src')).toBe(false);
    holder.hold(second!);
    await nextTask();
    expect(load).toHaveBeenCalledTimes(2);
    expect(placeholders()).toEqual(['Video 0', 'Video 1']);
  });
});

describe('lazyClearCategory', () => {
  it('runs the loaded clean-up with the same arguments, and resolves once it has run', async () => {
    const clear = vi.fn<ClearCategory>();
    const consent = createConsent({});
    await lazyClearCategory(() => Promise.resolve(clear))(consent, 'analytics', window);
    expect(clear).toHaveBeenCalledWith(consent, 'analytics', window);
  });

  it('logs a clean-up that cannot be loaded or fails, and never rejects', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = createConsent({});
    await expect(lazyClearCategory(() => Promise.reject(new Error('404')))(consent, 'analytics', window)).resolves.toBe(
      undefined,
    );
    const throwing: ClearCategory = () => {
      throw new Error('storage blocked');
    };
    await lazyClearCategory(() => Promise.resolve(throwing))(consent, 'advertising', window);
    expect(error.mock.calls.map((call) => call[0])).toEqual([
      'consentry: could not delete what "analytics" left behind',
      'consentry: could not delete what "advertising" left behind',
    ]);
  });
});
