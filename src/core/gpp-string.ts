// How the GPP part (src/browser/gpp) puts its string into every stored decision without the
// core importing it: while it runs, the part attaches a function to the instance that encodes
// the GPP string for a consent state, and the engine stores that string with each decision
// (in the cookie, where a server can forward it in ad requests, and in the consent log).
import type { InternalConsent } from './internals';
import type { ConsentState } from './types';

/**
 * The key under which a running GPP part attaches its encoder to the instance. `Symbol.for`: the
 * script tag's GPP part comes in its own file (gpp.js), which must find the engine's key.
 */
export const GPP_STRING: unique symbol = Symbol.for('consentry.gppString') as never;

/** The instance as the GPP part sees it: a slot for the encoder of its string. */
export type GppConsent = InternalConsent & { [GPP_STRING]?: (state: ConsentState) => string };
