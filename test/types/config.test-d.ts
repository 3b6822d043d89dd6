// Type tests, checked by `npm run typecheck` (tsc): a change to the public types that breaks
// how configs and presets are written fails the type check. `@ts-expect-error` lines must
// stay errors; `expectTypeOf` pins the shapes users rely on.
import { expectTypeOf } from 'vitest';
import { createConsent, type Consent, type ConsentConfig, type ConsentState, type PresetRef } from '../../src/index';
import { googleAnalytics, metaPixel, pendo, presetRegistry } from '../../presets/index';

// A config of presets alone, as the README's quick start writes it.
const minimal: ConsentConfig = { presets: [googleAnalytics({ id: 'G-ABC123' })] };
expectTypeOf(createConsent(minimal)).toEqualTypeOf<Consent>();

// JSON entries by name are plain records, read through the registry.
const fromJson: ConsentConfig = { presets: [{ name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' }] };
createConsent(fromJson, { registry: presetRegistry });

// Every documented key, with its literal types.
const full: ConsentConfig = {
  categories: {
    functional: { label: 'Functional', sale: false, cookies: ['lang'], google: ['functionality_storage'] },
  },
  mode: 'auto',
  region: 'US-CA',
  signals: { gpc: 'deny-sale', dnt: 'ignore' },
  revision: 2,
  cookie: { name: 'consentry', domain: '.example.com', path: '/', days: 182 },
  googleConsentMode: { mode: 'basic', waitForUpdate: 500 },
  autoBlock: true,
  blockList: [{ host: 'tracker.example', path: '/t', category: 'advertising' }],
  reloadOnRevoke: true,
  nonce: 'abc123',
  log: { endpoint: '/consent-log' },
  ui: { lang: 'auto', privacyPolicyUrl: '/privacy', reopenButton: true },
};
void full;

// @ts-expect-error: mode is one of three words
const badMode: ConsentConfig = { mode: 'opt_in' };
// @ts-expect-error: a signal policy is one of three words
const badSignal: ConsentConfig = { signals: { gpc: 'deny' } };
// @ts-expect-error: the cookie lifetime is a number of days
const badDays: ConsentConfig = { cookie: { days: '182' } };
// @ts-expect-error: a block rule needs its category
const badRule: ConsentConfig = { blockList: [{ host: 'tracker.example' }] };
void [badMode, badSignal, badDays, badRule];

// Preset factories: their options are typed, and they build preset entries.
expectTypeOf(googleAnalytics).parameter(0).toHaveProperty('id').toEqualTypeOf<string>();
expectTypeOf(googleAnalytics({ id: 'G-ABC123', category: 'marketing', src: '/gtag.js' })).toEqualTypeOf<PresetRef>();
expectTypeOf(metaPixel).parameter(0).toHaveProperty('limitedDataUse').toEqualTypeOf<boolean | undefined>();
expectTypeOf(pendo).parameter(0).toHaveProperty('apiKey').toEqualTypeOf<string>();
// @ts-expect-error: GA takes `id`, not `measurementId`
googleAnalytics({ measurementId: 'G-ABC123' });
// @ts-expect-error: Pendo takes `apiKey`, not `id`
pendo({ id: '0a1b2c3d-1111-4222-8333-444455556666' });
// @ts-expect-error: the id is required
metaPixel({});

// The instance: state is a record of booleans, listeners get the state before and after.
declare const consent: Consent;
expectTypeOf(consent.state).toEqualTypeOf<ConsentState>();
expectTypeOf(consent.granted).returns.toEqualTypeOf<boolean>();
expectTypeOf(consent.on).parameter(1).parameters.toEqualTypeOf<[ConsentState, ConsentState]>();
expectTypeOf(consent.whenGranted('analytics', () => {})).toEqualTypeOf<() => void>();
expectTypeOf(consent.loadScript('analytics', '/a.js')).toEqualTypeOf<Promise<void>>();
// @ts-expect-error: acceptAll's source is one of the recorded sources
consent.acceptAll('footer');
