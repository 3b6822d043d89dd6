// The pure rules that turn signals, mode and the stored record into an effective state.
import { hasOwn } from './has-own';
import type { CategoryInfo, ConsentRecord, ConsentState, Mode, SignalPolicy, Signals } from './types';

/** A signal that is on denies under `deny-all`, and under `deny-sale` where `sale` holds. */
const denies = (on: boolean, policy: SignalPolicy, sale: boolean): boolean =>
  on && (policy == 'deny-all' || (policy == 'deny-sale' && sale));

/** Names of the categories GPC or DNT deny under their policies (never `essential`). */
export const signalDenied = (
  categories: CategoryInfo[],
  signals: Signals,
  gpc: SignalPolicy,
  dnt: SignalPolicy,
): string[] =>
  categories
    .filter(
      (category) =>
        !category.locked && (denies(signals.gpc, gpc, category.sale) || denies(signals.dnt, dnt, category.sale)),
    )
    .map((category) => category.name);

/**
 * A signal made the decision for the visitor, so the banner is not forced on them: a signal
 * under `deny-all`, or any honoured signal in opt-out mode (California requires processing GPC
 * without a pop-up: Cal. Code Regs. tit. 11, § 7025).
 */
export const signalDecides = (signals: Signals, gpc: SignalPolicy, dnt: SignalPolicy, mode: Mode): boolean =>
  denies(signals.gpc, gpc, mode == 'opt-out') || denies(signals.dnt, dnt, mode == 'opt-out');

/**
 * Each category's effective decision. Without a choice: granted only in opt-out mode and when
 * no signal denies it. A choice made in preferences or through `update()` is explicit and may
 * grant what a signal denied; any other choice (banner, accept all) cannot.
 */
export function effectiveState(
  categories: CategoryInfo[],
  mode: Mode,
  denied: string[],
  record: ConsentRecord | null,
): ConsentState {
  const state: ConsentState = {};
  const explicit = record?.source == 'preferences' || record?.source == 'api';
  for (const { name, locked } of categories) {
    // Own properties only: a category the record does not name has no choice, whatever
    // Object.prototype holds (`analytics: true` from polluting code) or is (`constructor`).
    const choice = record && hasOwn(record.choices, name) ? record.choices[name] : undefined;
    const allowed = explicit || !denied.includes(name);
    state[name] = locked || (typeof choice == 'boolean' ? choice && allowed : mode == 'opt-out' && allowed);
  }
  return state;
}
