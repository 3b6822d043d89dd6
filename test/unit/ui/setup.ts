// Shared by the UI's component tests: a real consent instance (createConsent with the real
// preset registry), the UI mounted on it, and queries that look inside its shadow root.
import { within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { createConsent } from '../../../src/index';
import type { ConsentConfig } from '../../../src/index';
import { presetRegistry } from '../../../presets/registry';
import { mountUI } from '../../../ui/index';
import type { MountOptions, UIHandle } from '../../../ui/index';

const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';
const mounted: UIHandle[] = [];
const stubbed: Array<[object, string]> = [];

export const GA = { name: 'google-analytics', id: 'G-TEST1234' };
export const META = { name: 'meta-pixel', id: '1234567890123456' };

/** Sets `navigator.x` / `window.x` for this test only. */
export function stub(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  stubbed.push([target, key]);
}

afterEach(() => {
  for (const ui of mounted.splice(0)) ui.destroy();
  for (const [target, key] of stubbed.splice(0)) delete (target as Record<string, unknown>)[key];
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; expires=${EPOCH}; path=/`;
  }
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  delete (window as any).ConsentryParts;
});

/** Lets the UI finish loading its texts (a promise) and render. */
export const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

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
  await settle();
  return { consent, handle };
}
