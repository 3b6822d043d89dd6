// DuckDuckGo's autoconsent, unmodified from npm, driven the way its own Playwright runner drives
// it: its content script (dist/autoconsent.playwright.js) runs in every frame, asks this side for
// its configuration and rules through `autoconsentSendMessage`, and reports what it detected and
// did; answers go back through `autoconsentReceiveMessage`.
// Protocol: the package's docs/puppeteer.md and lib/messages.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../support/root';

const require = createRequire(import.meta.url);
// The package's main file is dist/autoconsent.cjs.js; the content script sits beside it.
const DIST = dirname(require.resolve('@duckduckgo/autoconsent'));
const CONTENT_SCRIPT = readFileSync(join(DIST, 'autoconsent.playwright.js'), 'utf8');
const PACKAGE_RULES = JSON.parse(readFileSync(require.resolve('@duckduckgo/autoconsent/rules/rules.json'), 'utf8')) as {
  autoconsent: unknown[];
};

/** The rule this repository proposes for Consentry. */
export const CONSENTRY_RULE = JSON.parse(readFileSync(join(ROOT, 'integrations/autoconsent/consentry.json'), 'utf8'));

/** Every rule the package ships, and Consentry's: what a DuckDuckGo browser would run with it upstream. */
export const RULES_WITH_CONSENTRY = { ...PACKAGE_RULES, autoconsent: [...PACKAGE_RULES.autoconsent, CONSENTRY_RULE] };

export interface AutoconsentLog {
  /** CMPs whose detectCmp matched, by rule name. */
  detected: string[];
  /** CMPs whose popup showed, by rule name. */
  popups: string[];
  /** The opt-out or opt-in that ran and whether it succeeded. */
  results: Array<{ cmp: string; action: 'optOut' | 'optIn'; ok: boolean }>;
  /** Set once the content script says it has finished with the page. */
  done: boolean;
  /** The rule's self-test result, once `selfTest` was asked for. */
  selfTest: boolean | undefined;
}

/**
 * From now on every page of `context` runs autoconsent with `rules` and answers pop-ups with
 * `action`, as a DuckDuckGo browser does with "Let DuckDuckGo manage cookie pop-ups" on. No
 * cosmetic hiding and no heuristics: only a rule's own clicks count.
 */
export async function runAutoconsent(
  context: BrowserContext,
  action: 'optOut' | 'optIn',
  rules: unknown = RULES_WITH_CONSENTRY,
): Promise<AutoconsentLog> {
  const log: AutoconsentLog = { detected: [], popups: [], results: [], done: false, selfTest: undefined };
  const config = {
    enabled: true,
    autoAction: action,
    disabledCmps: [],
    enablePrehide: true,
    enableCosmeticRules: false,
    enableGeneratedRules: false,
    enableHeuristicDetection: false,
    detectRetries: 20,
    isMainWorld: false,
    prehideTimeout: 2000,
    logs: {
      lifecycle: false,
      rulesteps: false,
      detectionsteps: false,
      evals: false,
      errors: true,
      messages: false,
      waits: false,
    },
  };
  await context.exposeBinding('autoconsentSendMessage', async ({ frame }, message: any) => {
    const reply = (answer: unknown) =>
      frame.evaluate((sent) => (window as any).autoconsentReceiveMessage?.(sent), answer).catch(() => undefined);
    switch (message?.type) {
      case 'init':
        return reply({ type: 'initResp', config, rules });
      case 'eval':
        return reply({
          type: 'evalResp',
          id: message.id,
          result: await frame.evaluate(String(message.code)).catch(() => false),
        });
      case 'cmpDetected':
        return log.detected.push(String(message.cmp));
      case 'popupFound':
        return log.popups.push(String(message.cmp));
      case 'optOutResult':
      case 'optInResult':
        return log.results.push({
          cmp: String(message.cmp),
          action: message.type == 'optOutResult' ? 'optOut' : 'optIn',
          ok: !!message.result,
        });
      case 'autoconsentDone':
        log.done = true;
        return;
      case 'selfTestResult':
        log.selfTest = !!message.result;
        return;
    }
  });
  await context.addInitScript({ content: CONTENT_SCRIPT });
  return log;
}

/** Asks the content script of `page`'s main frame to run the detected rule's self-test. */
export async function askSelfTest(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).autoconsentReceiveMessage({ type: 'selfTest' }));
}
