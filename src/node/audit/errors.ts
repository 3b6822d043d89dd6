/**
 * An audit that cannot go on, with the exit code it ends with: 2 for a wrong command line,
 * config or setup (no browser, no playwright-core), 3 when the site could not be audited.
 * Its message is printed as it is, without a stack trace.
 */
export class AuditStop extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3,
  ) {
    super(message);
    this.name = 'AuditStop';
  }
}
