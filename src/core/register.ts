// Typed category names for the framework bindings, from the app's own config. An app declares
// its config once (TypeScript declaration merging, as React Router and TanStack do it):
//
//   declare module 'consentry' { interface Register { config: typeof config } }
//
// and `useGranted('analytcs')` or `update({ analytcs: true })` become compile errors. Without the
// declaration, or with a config typed as plain `ConsentConfig`, every name is a string.
import type { CategoryName } from './types';

/** Declare `config: typeof yourConfig` here to type category names in `consentry/react` and `consentry/vue`. */
export interface Register {}

/**
 * A category name of the registered config: `essential`, `analytics`, `advertising` and the ones its
 * `categories` declares (any string for a config typed as plain `ConsentConfig`); any string when no
 * config is registered.
 */
export type RegisteredCategory = Register extends { config: infer Config }
  ?
      | 'essential'
      | 'analytics'
      | 'advertising'
      | (Config extends { categories: infer Declared } ? keyof Declared & string : never)
  : CategoryName;
