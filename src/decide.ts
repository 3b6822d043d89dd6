// The pure rules that turn signals, mode and the stored record into an effective state.
import type { CategoryInfo, ConsentRecord, ConsentState, Mode, SignalPolicy, Signals } from './types';

export interface Policy {
  mode: Mode;
  signals: Signals;
  gpc: SignalPolicy;
  dnt: SignalPolicy;
  categories: CategoryInfo[];
}

const applies = (active: boolean, policy: SignalPolicy, category: CategoryInfo): boolean =>
  active && (policy === 'deny-all' || (policy === 'deny-sale' && category.sale));

/** True when GPC or DNT, under their policies, deny this category. */
export const signalDenies = (category: CategoryInfo, p: Policy): boolean =>
  !category.locked && (applies(p.signals.gpc, p.gpc, category) || applies(p.signals.dnt, p.dnt, category));

/**
 * A signal made the decision for the visitor, so the banner is not forced on them: a signal
 * under `deny-all`, or any honoured signal in opt-out mode (California requires processing GPC
 * without a pop-up, REFERENCE.md §1.3).
 */
export const signalDecides = (p: Policy): boolean =>
  (p.signals.gpc && p.gpc !== 'ignore' && (p.gpc === 'deny-all' || p.mode === 'opt-out')) ||
  (p.signals.dnt && p.dnt !== 'ignore' && (p.dnt === 'deny-all' || p.mode === 'opt-out'));

/** Choices made in preferences or through `update()` are explicit and may grant what a signal denied. */
export const isExplicit = (record: ConsentRecord): boolean => record.source === 'preferences' || record.source === 'api';

export function effectiveState(p: Policy, record: ConsentRecord | null): ConsentState {
  const state: ConsentState = {};
  for (const category of p.categories) {
    const choice = record?.choices[category.name];
    state[category.name] =
      category.locked ||
      (choice === undefined
        ? p.mode === 'opt-out' && !signalDenies(category, p)
        : choice && (isExplicit(record!) || !signalDenies(category, p)));
  }
  return state;
}

/** "Accept all": everything a signal does not deny. */
export const acceptAllChoices = (p: Policy): Record<string, boolean> =>
  choicesOf(p.categories, (category) => !signalDenies(category, p));

export const choicesOf = (categories: CategoryInfo[], choose: (category: CategoryInfo) => boolean): Record<string, boolean> => {
  const choices: Record<string, boolean> = {};
  for (const category of categories) if (!category.locked) choices[category.name] = choose(category);
  return choices;
};
