// dist/consentry-ui.js: the banner and the dialog, fetched by the script tag when one must show.
// It shows the reopen button consentry.js already carries (passed in by the script tag).
import { register } from '../src/script-tag/chunk-registry';
import { createMountUI } from '../ui/mount-ui';

register('createMountUI', createMountUI);
