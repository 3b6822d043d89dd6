// The floating reopen button: plain DOM in its own shadow root, one at a time.
import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { mountReopenButton } from '../../../ui/index';
import { action, reopenButton, setup } from './setup';

const buttons = () =>
  [...document.querySelectorAll('consentry-reopen')].map((host) => host.shadowRoot!.querySelector('button')!);

describe('mountReopenButton', () => {
  it('shows one button with an accessible name that calls onClick', () => {
    const onClick = vi.fn();
    const remove = mountReopenButton({ label: 'Privacy settings', onClick });
    const [button] = buttons();
    const host = document.querySelector('consentry-reopen')!;
    expect(within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Privacy settings' })).toBe(
      button,
    );
    expect(button!.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    button!.click();
    expect(onClick).toHaveBeenCalledTimes(1);
    remove();
    expect(buttons()).toHaveLength(0);
  });

  it('lives in an open shadow root, so site CSS cannot restyle it', () => {
    mountReopenButton({ label: 'x', onClick() {} })();
    const remove = mountReopenButton({ label: 'Privacy settings', onClick() {} });
    const host = document.querySelector('consentry-reopen')!;
    expect(host.shadowRoot!.mode).toBe('open');
    expect(host.children).toHaveLength(0);
    remove();
  });

  it('replaces a button mounted earlier, so the page never shows two', () => {
    const first = vi.fn();
    const second = vi.fn();
    mountReopenButton({ label: 'first', onClick: first });
    const remove = mountReopenButton({ label: 'second', onClick: second });
    expect(buttons().map((b) => b.title)).toEqual(['second']);
    buttons()[0]!.click();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
    remove();
  });

  it('treats the label as text', () => {
    const remove = mountReopenButton({ label: '<img src=x onerror=alert(1)>', onClick() {} });
    expect(buttons()[0]!.querySelector('img')).toBeNull();
    expect(buttons()[0]!.title).toBe('<img src=x onerror=alert(1)>');
    remove();
  });

  it('works before <body> exists (the script tag runs in <head>)', () => {
    const body = document.body;
    body.remove();
    try {
      const remove = mountReopenButton({ label: 'Privacy settings', onClick() {} });
      expect(document.documentElement.querySelector('consentry-reopen')).not.toBeNull();
      remove();
    } finally {
      document.documentElement.appendChild(body);
    }
  });
});

describe('the reopen button in mountUI', () => {
  it('is on by default: it shows once the visitor has decided', async () => {
    await setup();
    fireEvent.click(action('reject-all'));
    expect(reopenButton()!.title).toBe('Privacy settings');
  });

  it('can be switched off for a site with its own link', async () => {
    await setup({}, { reopenButton: false });
    fireEvent.click(action('reject-all'));
    expect(reopenButton()).toBeNull();
  });
});
