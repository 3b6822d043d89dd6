// Browser privacy signals, normalised across every variant browsers have shipped (REFERENCE.md §1–2).
import type { Signals } from './types';

type Env = { navigator?: Record<string, unknown>; doNotTrack?: unknown } | undefined;

const on = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true' || value === 'yes';

/** GPC: `navigator.globalPrivacyControl`, a boolean by spec; early builds and docs used strings. */
export const readGpc = (env: Env): boolean => on(env?.navigator?.globalPrivacyControl);

/** DNT: `navigator.doNotTrack`, `window.doNotTrack` (IE 11, old Safari), `navigator.msDoNotTrack` (IE 9–10). */
export const readDnt = (env: Env): boolean =>
  on(env?.navigator?.doNotTrack) || on(env?.doNotTrack) || on(env?.navigator?.msDoNotTrack);

/** Both signals from `globalThis` (nothing set outside a browser). */
export function readSignals(env: Env = globalThis as unknown as Env): Signals {
  try {
    return { gpc: readGpc(env), dnt: readDnt(env) };
  } catch {
    // A hostile getter must not break start-up; fail closed on neither signal is still opt-in safe.
    return { gpc: false, dnt: false };
  }
}
