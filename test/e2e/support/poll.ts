import { expect } from 'vitest';

/**
 * `expect.poll` with room to wait: a busy machine may be slow, so the browser gets time, never a
 * deadline the test relies on. `message` names what was awaited when it never came.
 */
export const poll = <T>(check: () => T | Promise<T>, message?: string) =>
  expect.poll(check, { timeout: 10_000, message });
