import type { Consent } from './types';

/** Runs a site's callback; one that throws must not break the others or the caller. */
export const safely = (run: () => void): void => {
  try {
    run();
  } catch (error) {
    console.error('consentry: a callback threw', error);
  }
};

/**
 * `whenGranted` for any instance or view of one: runs `run` now if `category` is granted, else
 * once it is (through `on`, so a scoped view's subscription ends with its scope). Unsubscribes
 * before running, so a callback that decides again cannot run it twice. Returns the cancel.
 */
export function whenGranted(consent: Pick<Consent, 'granted' | 'on'>, category: string, run: () => void): () => void {
  let subscription: (() => void) | undefined;
  const runIfGranted = (): void => {
    if (!consent.granted(category)) return;
    subscription?.();
    subscription = undefined;
    safely(run);
  };
  runIfGranted();
  if (consent.granted(category)) return () => {};
  subscription = consent.on('change', runIfGranted);
  return () => subscription?.();
}
