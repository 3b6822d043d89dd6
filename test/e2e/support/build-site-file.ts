// Global setup of the `e2e-built` project: a site's own script-tag file, made by
// `consentry build` from a config that uses every feature, which the harness then serves as
// `/dist/consentry.js`. Each test still passes its own config (`data-config`), which such a
// file checks with `consentry-check.js` and follows, exactly as the generic file does.
import { buildScriptTag } from '../../../src/node/build/build-script-tag';
import { presetRegistry } from '../../../presets/registry';
import type { ConsentConfig } from '../../../src/core/types';
import { BUILT_FILE_PATH } from './built-file-path';
import { ROOT } from '../../support/root';

/** Every preset and every runtime part: the file must carry all the code the suite exercises. */
export const EVERY_FEATURE: ConsentConfig = {
  categories: { functional: { label: 'Functional', google: ['functionality_storage'] } },
  presets: [
    { name: 'google-analytics', id: 'G-ABC123' },
    { name: 'google-tag-manager', id: 'GTM-ABC123' },
    { name: 'google-ads', id: 'AW-123456789' },
    { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' },
    { name: 'meta-pixel', id: '1234567890123456' },
    { name: 'linkedin-insight', id: '123456' },
    { name: 'microsoft-uet', id: '12345678' },
    { name: 'tiktok-pixel', id: 'C4ABCDEFGH1234567890' },
  ],
  autoBlock: true,
  blockList: [{ host: 'tracker.example', category: 'advertising' }],
  googleConsentMode: { mode: 'basic', waitForUpdate: 500 },
  log: { endpoint: '/consent-log' },
  gpp: { sections: 'auto' },
  ui: { reopenButton: true },
};

export default async function setup(): Promise<void> {
  await buildScriptTag(EVERY_FEATURE, {
    registry: presetRegistry,
    distDir: `${ROOT}/dist`,
    outFile: `${ROOT}/${BUILT_FILE_PATH}`,
  });
}
