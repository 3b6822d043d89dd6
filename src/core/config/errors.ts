import type { ConfigIssue } from '../types';

/** Thrown by `createConsent` for an invalid config; `errors` lists every problem found. */
export class ConsentConfigError extends Error {
  readonly errors: ConfigIssue[];
  constructor(errors: ConfigIssue[]) {
    super(`Invalid consentry config:\n${errors.map(formatIssue).join('\n')}`);
    this.name = 'ConsentConfigError';
    this.errors = errors;
  }
}

/** `presets[1].id: expected ...`; the root itself is written `config`. */
export const formatIssue = (issue: ConfigIssue): string => `${issue.path || 'config'}: ${issue.message}`;
