// The browser: playwright-core (an optional peer dependency, loaded only here) driving a Chromium
// found on the machine. The audit never downloads a browser.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AuditStop } from './errors';

type Playwright = typeof import('playwright-core');

const INSTALL = 'npm i -D playwright-core (it downloads no browser)';

/** playwright-core, or a stop saying how to add it: sites that install consentry never need it. */
export async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    throw new AuditStop(`consentry audit needs playwright-core: ${INSTALL}.`, 2);
  }
}

/**
 * The Chromium to run, in this order: `--chromium`, `CHROMIUM_PATH`, Debian's and Ubuntu's
 * package, then a browser Playwright installed (`npx playwright install chromium`).
 */
export function findChromium(option: string | undefined, env: NodeJS.ProcessEnv, playwright: Playwright): string {
  if (option) {
    if (!existsSync(option)) throw new AuditStop(`--chromium ${option}: no such file.`, 2);
    return option;
  }
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new AuditStop(`CHROMIUM_PATH=${env.CHROMIUM_PATH}: no such file.`, 2);
    return env.CHROMIUM_PATH;
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(playwright.chromium.executablePath());
  } catch {
    // No browser installed by Playwright.
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new AuditStop(
      "consentry audit found no Chromium: pass --chromium PATH, set CHROMIUM_PATH, install Debian's " +
        '`chromium` package, or run `npx playwright install chromium`.',
      2,
    );
  return found;
}

export async function launch(playwright: Playwright, executablePath: string, extraArgs: string[]): Promise<Browser> {
  try {
    return await playwright.chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        // Chromium's own third-party-cookie blocking would hide what most visitors' browsers
        // still accept (the blocking Blacklight switches off for the same reason).
        '--disable-features=TrackingProtection3pcd,ThirdPartyCookieDeprecationTrial',
        ...extraArgs,
      ],
    });
  } catch (error) {
    throw new AuditStop(`could not start Chromium at ${executablePath}: ${firstLine(error)}`, 2);
  }
}

export const firstLine = (error: unknown): string =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .replace(/^\w+\.\w+: /, '');
