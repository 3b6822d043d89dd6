// Which folder may import which is one table in .oxlintrc.json (`npm run lint` fails on a
// forbidden import). This proves the consequence users rely on: the core entry runs and ships
// without Preact.
import { expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';

vi.mock('preact', () => {
  throw new Error('the core must not import preact');
});

it('the core entry works with Preact unavailable', () => {
  const consent = createConsent({});
  consent.acceptAll();
  expect(consent.granted('analytics')).toBe(true);
});
