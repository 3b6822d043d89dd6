// Shared by the UI's component tests: a real consent instance (createConsent with the real
// preset registry), the UI mounted on it, and queries that look inside its shadow root.
import { fireEvent, within } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach } from 'vitest';
import { createConsent } from '../../../src/index';
import type { ConsentConfig } from '../../../src/index';
import { presetRegistry } from '../../../presets/registry';
import { mountUI } from '../../../ui/index';
import type { MountOptions, UIHandle } from '../../../ui/index';
import { clearCookies, nextTask } from '../helpers';

const mounted: UIHandle[] = [];

export const GA = { name: 'google-analytics', id: 'G-TEST1234' };
export const META = { name: 'meta-pixel', id: '1234567890123456' };

afterEach(() => {
  for (const ui of mounted.splice(0)) ui.destroy();
  clearCookies();
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  delete (window as any).ConsentryParts;
});

export function host(): HTMLElement {
  return document.querySelector('consentry-ui') as HTMLElement;
}

/** Testing Library queries scoped to the UI's shadow root. */
export function ui() {
  return within(host().shadowRoot!.firstElementChild as HTMLElement);
}

export const banner = () => host().shadowRoot!.querySelector<HTMLElement>('[data-consentry-banner]');
export const dialog = () => host().shadowRoot!.querySelector<HTMLDialogElement>('[data-consentry-preferences]');
export const action = (name: string, root: ParentNode = host().shadowRoot!) =>
  root.querySelector<HTMLButtonElement>(`[data-consentry-action="${name}"]`)!;
export const reopenButton = () =>
  document.querySelector('consentry-reopen')?.shadowRoot?.querySelector('button') ?? null;

/** A consent instance from `config` and the UI on it; resolves once the UI has rendered. */
export async function setup(config: ConsentConfig = {}, options?: MountOptions) {
  const consent = createConsent({ presets: [GA, META], ...config }, { registry: presetRegistry });
  const handle = mountUI(consent, options);
  mounted.push(handle);
  // The UI loads its texts (a promise), then renders.
  await nextTask();
  return { consent, handle };
}

/**
 * Clicks `element` as a person would. jsdom marks every event a script dispatches as untrusted
 * (`isTrusted` false), which the UI records as the page's own code deciding (`api`); so this
 * click reaches the UI's handlers through Preact's `options.event` hook with `isTrusted` true.
 * Real clicks in a real browser: test/e2e/security-page-data.test.ts.
 */
export function personClick(element: Element): void {
  const previous = options.event;
  options.event = (event: Event) =>
    new Proxy(event, {
      get(target, key) {
        if (key === 'isTrusted') return true;
        const value = Reflect.get(target, key, target);
        return typeof value == 'function' ? value.bind(target) : value;
      },
    });
  try {
    fireEvent.click(element);
  } finally {
    options.event = previous;
  }
}
