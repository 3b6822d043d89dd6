// The second layer: the modal dialog with one switch per category, its services and cookies.
import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { nextTask, stub } from '../helpers';
import { action, banner, dialog, host, personClick, reopenButton, setup, ui } from './setup';

const switchFor = (category: string) =>
  dialog()!.querySelector<HTMLInputElement>(`input[data-consentry-category="${category}"]`)!;
/** What has focus, looking into shadow roots. */
const focused = (): Element | null => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
};

describe('preferences dialog', () => {
  it('is a modal dialog, labelled and described by its texts, and takes focus', async () => {
    await setup();
    fireEvent.click(action('preferences'));
    const box = dialog()!;
    expect(box.tagName).toBe('DIALOG');
    expect(box.open).toBe(true);
    expect(ui().getByRole('dialog', { name: 'Privacy preferences' })).toBe(box);
    expect(
      box.shadowRoot ?? host().shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!.textContent,
    ).toMatch(/Essential ones are always on/);
    expect(focused()).toBe(box);
  });

  it('has one switch per category; essential is on and locked, nothing else is pre-ticked', async () => {
    await setup({ categories: { functional: { label: 'Functional' } } });
    fireEvent.click(action('preferences'));
    const switches = ui().getAllByRole('switch') as HTMLInputElement[];
    expect(switches.map((s) => [s.dataset.consentryCategory, s.checked, s.disabled])).toEqual([
      ['essential', true, true],
      ['analytics', false, false],
      ['advertising', false, false],
      ['functional', false, false],
    ]);
    expect(ui().getByRole('switch', { name: 'Analytics' })).toBe(switchFor('analytics'));
    expect(ui().getByRole('switch', { name: 'Functional' })).toBe(switchFor('functional'));
    expect(ui().getByText('Always on')).toBeTruthy();
  });

  it('describes each switch with its category text', async () => {
    await setup({ categories: { analytics: { description: 'Counts visits.' } } });
    fireEvent.click(action('preferences'));
    const described = host().shadowRoot!.getElementById(switchFor('analytics').getAttribute('aria-describedby')!)!;
    expect(described.textContent).toBe('Counts visits.');
  });

  it('shows the current state in opt-out mode (on by default)', async () => {
    await setup({ mode: 'opt-out' });
    fireEvent.click(action('preferences'));
    expect(switchFor('analytics').checked).toBe(true);
    expect(switchFor('advertising').checked).toBe(true);
  });

  it('Save choices stores exactly the switches, as an explicit preferences decision', async () => {
    const { consent } = await setup();
    fireEvent.click(action('preferences'));
    fireEvent.click(switchFor('analytics'));
    personClick(action('save', dialog()!));
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: false });
    expect(consent.record.source).toBe('preferences');
    expect(dialog()).toBeNull();
    expect(banner()).toBeNull();
  });

  it('Enter toggles a switch like Space does', async () => {
    await setup();
    fireEvent.click(action('preferences'));
    fireEvent.keyDown(switchFor('advertising'), { key: 'Enter' });
    expect(switchFor('advertising').checked).toBe(true);
    fireEvent.keyDown(switchFor('advertising'), { key: 'Enter' });
    expect(switchFor('advertising').checked).toBe(false);
  });

  it.each([
    ['accept-all', { essential: true, analytics: true, advertising: true }],
    ['reject-all', { essential: true, analytics: false, advertising: false }],
  ])('%s in the dialog decides for every category', async (name, state) => {
    const { consent } = await setup();
    fireEvent.click(action('preferences'));
    personClick(action(name, dialog()!));
    expect(consent.state).toEqual(state);
    expect(consent.record.source).toBe('preferences');
  });

  it('lists the services under their category with the cookies each writes', async () => {
    await setup();
    fireEvent.click(action('preferences'));
    const analytics = switchFor('analytics').closest('li')!;
    const advertising = switchFor('advertising').closest('li')!;
    expect(analytics.querySelector('summary')!.textContent).toBe('Services and cookies');
    expect(analytics.textContent).toContain('Google Analytics');
    // A table: one section per service, a row per cookie with its purpose and lifetime.
    const table = analytics.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Cookie',
      'Purpose',
      'Lifetime',
    ]);
    // The service's heading: its name, its vendor and the vendor's privacy and opt-out links.
    const service = table.querySelector('tbody th[scope=rowgroup]')!;
    expect(service.textContent).toMatch(/^Google Analytics · Google/);
    expect([...service.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://policies.google.com/privacy',
      'https://tools.google.com/dlpage/gaoptout',
    ]);
    const firstCookie = [...table.querySelector('tbody tr + tr')!.children].map((cell) => cell.textContent);
    expect(firstCookie[0]).toBe('_ga');
    expect(firstCookie[1]).toMatch(/\w/);
    expect(firstCookie[2]).toMatch(/^\d+ (years?|months?|days?)$/);
    expect(analytics.textContent).not.toContain('Meta');
    expect(advertising.textContent).toContain('Meta Pixel');
    expect(advertising.textContent).toContain('_fbp');
    expect(switchFor('essential').closest('li')!.querySelector('details')).toBeNull();
  });

  it('says "Opt-out preference signal honoured" next to the categories GPC denied, and only there', async () => {
    stub(navigator, 'globalPrivacyControl', true);
    await setup();
    fireEvent.click(action('preferences'));
    const note = 'Opt-out preference signal honoured';
    expect(switchFor('advertising').closest('li')!.textContent).toContain(note);
    expect(switchFor('analytics').closest('li')!.textContent).not.toContain(note);
  });

  it('lets the visitor switch a GPC-denied category on explicitly, and drops the note then', async () => {
    stub(navigator, 'globalPrivacyControl', true);
    const { consent, handle } = await setup();
    handle.showPreferences();
    fireEvent.click(switchFor('advertising'));
    fireEvent.click(action('save', dialog()!));
    expect(consent.state.advertising).toBe(true);
    handle.showPreferences();
    expect(switchFor('advertising').closest('li')!.textContent).not.toContain('signal honoured');
  });

  it('closing without saving keeps the previous decision and returns focus to the opener', async () => {
    const { consent } = await setup();
    const customize = action('preferences');
    customize.focus();
    fireEvent.click(customize);
    fireEvent.click(switchFor('analytics'));
    fireEvent.click(ui().getByRole('button', { name: 'Close' }));
    expect(dialog()).toBeNull();
    expect(consent.decided).toBe(false);
    expect(focused()).toBe(customize);
    // Reopened, the switches show the stored state again, not the abandoned draft.
    fireEvent.click(customize);
    expect(switchFor('analytics').checked).toBe(false);
  });

  it("closes on the dialog's close event (what Esc does in a browser) and gives focus back", async () => {
    document.body.innerHTML = '<button id="opener">Cookie settings</button>';
    const { handle } = await setup();
    const opener = document.getElementById('opener')!;
    opener.focus();
    handle.showPreferences();
    fireEvent(dialog()!, new Event('close'));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(banner()).not.toBeNull();
  });

  it('opens from any page element marked data-consentry-action="preferences"', async () => {
    document.body.innerHTML =
      '<footer><a href="#privacy" data-consentry-action="preferences"><span>Cookie settings</span></a></footer>';
    await setup();
    const link = document.querySelector('a')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.querySelector('span')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(dialog()).not.toBeNull();
    fireEvent.click(ui().getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(link);
  });

  it('opens from the reopen button', async () => {
    // Focus going back to it (through its host's delegatesFocus) is checked in Chromium.
    const { consent } = await setup({}, { reopenButton: true });
    consent.rejectAll();
    reopenButton()!.click();
    expect(dialog()).not.toBeNull();
  });

  it('showPreferences() before the texts have loaded opens the dialog once they have', async () => {
    const { createConsent } = await import('../../../src/index');
    const { mountUI } = await import('../../../ui/index');
    const handle = mountUI(createConsent({}));
    handle.showPreferences();
    handle.showPreferences();
    await nextTask();
    expect(host().shadowRoot!.querySelectorAll('dialog')).toHaveLength(1);
    handle.destroy();
  });
});
