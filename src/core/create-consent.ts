// `createConsent`: the config validated, then the engine (consent-engine.ts) started with it.
import { ConsentConfigError } from './config/errors';
import { validateConfig } from './config/validate';
import { createValidatedConsent, type CreateConsentOptions } from './consent-engine';
import type { Consent, ConsentConfig } from './types';

export type { CreateConsentOptions } from './consent-engine';

/**
 * Validates `config` and returns the consent instance.
 * ```ts
 * const consent = createConsent({ categories: { analytics: {} }, mode: 'auto' })
 * consent.whenGranted('analytics', () => startAnalytics())
 * ```
 * @throws ConsentConfigError listing every problem, each with its path.
 */
export function createConsent(config: ConsentConfig, options: CreateConsentOptions = {}): Consent {
  const issues = validateConfig(config, options.registry);
  if (issues.length) throw new ConsentConfigError(issues);
  return createValidatedConsent(config, options);
}
