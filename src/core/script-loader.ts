// How the pure core reaches the browser runtime for `consent.loadScript` without importing any
// DOM code: the runtime (`gate()`) puts its script loader on the instance while it runs.
import type { InternalConsent } from './internals';
import type { CategoryName } from './types';

/** Loads a script of `category` once: resolves when it has loaded, rejects when it fails. */
export type ScriptLoader = (category: CategoryName, src: string, attrs?: Record<string, string>) => Promise<void>;

/** The key under which a running runtime attaches its loader to the instance. */
export const SCRIPT_LOADER: unique symbol = Symbol('consentry.scriptLoader');

/** The instance as the runtime sees it: its internals, and a slot for its loader. */
export type RuntimeConsent = InternalConsent & { [SCRIPT_LOADER]?: ScriptLoader };
