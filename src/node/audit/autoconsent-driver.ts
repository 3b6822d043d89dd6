// Banners of other consent managers, driven by the rules of @duckduckgo/autoconsent (MPL-2.0, an
// optional peer dependency, used unmodified): its content script runs in every frame and asks
// this side for its rules; it opts out or in when a phase says so and reports the result. Its
// cosmetic rules (hiding a banner without answering it) and heuristics stay off: only a real
// choice through a known CMP's own controls counts.
// Protocol: the package's docs/puppeteer.md and dist/types/messages.d.ts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';

export type AutoAction = 'optOut' | 'optIn' | null;

export interface Autoconsent {
  script: string;
  rules: unknown;
  version: string;
}

/** The package, or undefined when it is not installed (sites with another CMP then report "could not audit"). */
export async function loadAutoconsent(): Promise<Autoconsent | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('@duckduckgo/autoconsent');
    const root = dirname(dirname(main));
    const [script, rules, manifest] = await Promise.all([
      readFile(join(root, 'dist/autoconsent.playwright.js'), 'utf8'),
      readFile(require.resolve('@duckduckgo/autoconsent/rules/rules.json'), 'utf8'),
      readFile(join(root, 'package.json'), 'utf8'),
    ]);
    return { script, rules: JSON.parse(rules), version: JSON.parse(manifest).version };
  } catch {
    return undefined;
  }
}

export interface AutoconsentEvents {
  /** A known CMP's popup shows: its name. */
  popup(cmp: string): void;
  /** The opt-out or opt-in ran: whether it succeeded. */
  result(cmp: string, ok: boolean): void;
}

const configFor = (autoAction: AutoAction) => ({
  enabled: true,
  autoAction,
  disabledCmps: [],
  enablePrehide: false,
  enableCosmeticRules: false,
  enableGeneratedRules: true,
  detectRetries: 20,
  isMainWorld: false,
  prehideTimeout: 2000,
  enableHeuristicDetection: false,
  enablePopupMutationObserver: false,
  visualTest: false,
  logs: {
    lifecycle: false,
    rulesteps: false,
    detectionsteps: false,
    evals: false,
    errors: false,
    messages: false,
    waits: false,
  },
  performanceLoggingEnabled: false,
  heuristicPopupSearchTimeout: 0,
  heuristicMode: 'off',
});

const reply = (frame: Frame, message: unknown) =>
  frame.evaluate((answer) => (globalThis as any).autoconsentReceiveMessage?.(answer), message).catch(() => undefined);

/** Runs autoconsent in every page of `context` with `autoAction`. */
export async function driveWithAutoconsent(
  context: BrowserContext,
  autoconsent: Autoconsent,
  autoAction: AutoAction,
  events: AutoconsentEvents,
): Promise<void> {
  await context.exposeBinding('autoconsentSendMessage', async ({ frame }, message: any) => {
    if (!message || typeof message != 'object') return;
    switch (message.type) {
      case 'init':
        return reply(frame, { type: 'initResp', config: configFor(autoAction), rules: autoconsent.rules });
      case 'eval': {
        // A rule's check that needs the page's own world (a CMP's JavaScript API), as the
        // package's Playwright runner answers it.
        const result = await frame.evaluate(String(message.code)).catch(() => false);
        return reply(frame, { type: 'evalResp', id: message.id, result });
      }
      case 'popupFound':
        return events.popup(String(message.cmp));
      case 'optOutResult':
      case 'optInResult':
        return events.result(String(message.cmp), !!message.result);
    }
  });
  await context.addInitScript({ content: autoconsent.script });
}
