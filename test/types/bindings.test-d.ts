// Type tests of consentry/react, consentry/vue and decisionFromCookie, checked by `npm run
// typecheck`. No config is registered here (declaration merging is program-wide), so category
// names are plain strings; the registered case, where a misspelt category name is a compile
// error, is checked against the published types in test/e2e/framework-bindings.test.ts.
import type { ReactElement } from 'react';
import type { ComputedRef } from 'vue';
import { expectTypeOf } from 'vitest';
import {
  decisionFromCookie,
  type Consent,
  type ConsentConfig,
  type ConsentSnapshot,
  type ConsentState,
} from '../../src/index';
import * as react from '../../bindings/react/index';
import * as vue from '../../bindings/vue/index';

const config: ConsentConfig = { mode: 'opt-in' };

// The server's state: from a Cookie header (or the cookie's value) and the request's headers.
expectTypeOf(decisionFromCookie('consentry=1|analytics=1', config)).toEqualTypeOf<ConsentSnapshot>();
expectTypeOf(decisionFromCookie(undefined, config, { gpc: '1' })).toEqualTypeOf<ConsentSnapshot>();
expectTypeOf<ConsentSnapshot['decided']>().toEqualTypeOf<boolean>();
expectTypeOf<ConsentSnapshot['needsPrompt']>().toEqualTypeOf<boolean>();
// @ts-expect-error: the config is required (the defaults depend on its mode and categories)
decisionFromCookie('consentry=1|analytics=1');

// React: the hooks return booleans and the actions; the provider takes an instance or a config.
declare const consent: Consent;
const view = react.useConsent();
expectTypeOf(react.useGranted('analytics')).toEqualTypeOf<boolean>();
expectTypeOf(view.state).toMatchTypeOf<ConsentState>();
expectTypeOf(view.decided).toEqualTypeOf<boolean>();
expectTypeOf(view.consent).toEqualTypeOf<Consent>();
view.acceptAll('banner');
view.update({ analytics: true }, 'preferences');
// @ts-expect-error: a decision's source is one of the recorded sources
view.acceptAll('footer');
// @ts-expect-error: a choice is a boolean
view.update({ analytics: 'yes' });
// @ts-expect-error: update takes one choice per category, not a list
view.update(['analytics']);
// @ts-expect-error: showPreferences takes no category
view.showPreferences('analytics');
const byInstance: react.ConsentProviderProps = { consent, initial: decisionFromCookie('', config) };
const byConfig: react.ConsentProviderProps = { config, gate: true, ui: true };
expectTypeOf(react.ConsentProvider).returns.toEqualTypeOf<ReactElement>();
expectTypeOf<react.ConsentProviderProps>().toMatchTypeOf<{ initial?: ConsentSnapshot }>();
// @ts-expect-error: an instance or a config, not both
const both: react.ConsentProviderProps = { consent, config };
// @ts-expect-error: one of them is required
const neither: react.ConsentProviderProps = {};
// @ts-expect-error: <Consent> needs its category
const noCategory: react.ConsentProps = { fallback: null };
void [byInstance, byConfig, both, neither, noCategory];

// Vue: the same meaning as computed refs.
const refs = vue.useConsent();
expectTypeOf(vue.useGranted('analytics')).toEqualTypeOf<ComputedRef<boolean>>();
expectTypeOf(refs.decided).toEqualTypeOf<ComputedRef<boolean>>();
expectTypeOf(refs.needsPrompt).toEqualTypeOf<ComputedRef<boolean>>();
refs.rejectAll('banner');
// @ts-expect-error: a decision's source is one of the recorded sources
refs.rejectAll('footer');
// @ts-expect-error: a choice is a boolean
refs.update({ advertising: 1 });
expectTypeOf(vue.createConsentPlugin({ config })).toHaveProperty('install');
