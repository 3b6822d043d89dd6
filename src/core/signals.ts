// Browser privacy signals, normalised across every variant browsers have shipped: Global Privacy
// Control (w3c.github.io/gpc, `navigator.globalPrivacyControl`) and Do Not Track
// (w3.org/TR/tracking-dnt; browser-compat-data lists the prefixed and `window` variants).
import type { SignalPolicy, Signals } from './types';

/** What the signals do when the config does not say: GPC opts out of sale, DNT denies everything. */
export const DEFAULT_SIGNALS: { gpc: SignalPolicy; dnt: SignalPolicy } = { gpc: 'deny-sale', dnt: 'deny-all' };

type Env = { navigator?: Record<string, unknown>; doNotTrack?: unknown };

/** GPC is a boolean by spec; early builds and docs used strings, DNT uses "1"/"yes". */
const on = (value: unknown): boolean => [true, 1, '1', 'true', 'yes'].includes(value as never);

/**
 * GPC from `navigator.globalPrivacyControl`; DNT from `navigator.doNotTrack`,
 * `window.doNotTrack` (IE 11, old Safari) or `navigator.msDoNotTrack` (IE 9–10).
 * Nothing is set outside a browser.
 */
export function readSignals(env: Env = globalThis as unknown as Env): Signals {
  try {
    const nav = env.navigator ?? {};
    return { gpc: on(nav.globalPrivacyControl), dnt: [nav.doNotTrack, env.doNotTrack, nav.msDoNotTrack].some(on) };
  } catch {
    // A hostile getter must not break start-up: read as no signal at all (an empty environment
    // cannot throw), which still means nothing runs before consent in opt-in.
    return readSignals({});
  }
}
