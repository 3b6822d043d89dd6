// `npm test` needs Debian's Chromium for the end-to-end tests: stop early with a hint
// instead of failing deep inside the suite. In CI this is a failure, never a skip.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `consentry tests need Chromium at ${path}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}
