// The second layer: a native modal <dialog> opened with showModal(), so the browser makes the
// page behind it inert, keeps focus inside and closes it on Esc (HTML Standard, "The dialog
// element"). A header and a footer with the choices stay in view while the list scrolls.
import { h } from 'preact';
import { CategoryItem } from './category-item';
import { ChoiceButton } from './choice-button';
import type { ViewProps } from './types';
import { internalsOf } from 'consentry';

const CloseIcon = () => (
  <svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
    <path d="M5 5l10 10M15 5L5 15" />
  </svg>
);

/**
 * Opens the dialog as a modal when it is first rendered (a ref callback runs when the element
 * is attached). Browsers without <dialog> (before 2022) show it as a plain box.
 */
function showAsModal(element: HTMLDialogElement | null): void {
  if (!element || element.open) return;
  if (element.showModal) element.showModal();
  else element.setAttribute('open', '');
  element.focus();
}

/** `draft`: the switch positions, read by "Save choices" and saved by nothing else. */
export function Preferences({ view, draft }: { view: ViewProps; draft: Record<string, boolean> }) {
  const { strings } = view.texts;
  const { consent } = view;
  const save = () => ({ choices: draft });

  return (
    <dialog
      ref={showAsModal}
      class="card dialog"
      part="dialog"
      aria-labelledby="consentry-preferences-title"
      aria-describedby="consentry-preferences-text"
      tabIndex={-1}
      data-consentry-preferences=""
      // Esc closes a modal <dialog> natively; keep the state in step.
      onClose={() => view.onAction('close')}
    >
      <div class="dialog-header">
        <h2 class="title" id="consentry-preferences-title" part="title">
          {strings.prefsTitle}
        </h2>
        <button
          class="icon-button"
          part="close"
          type="button"
          aria-label={strings.close}
          onClick={() => view.onAction('close')}
        >
          <CloseIcon />
        </button>
      </div>
      <div class="dialog-body">
        <p class="body" id="consentry-preferences-text" part="body">
          {strings.prefsText}
        </p>
        <ul class="categories">
          {internalsOf(consent).categories.map((category, index) => (
            <CategoryItem view={view} category={category} index={index} draft={draft} />
          ))}
        </ul>
      </div>
      <div class="dialog-footer">
        <div class="actions" part="actions">
          <ChoiceButton view={view} action="save" label={strings.save} details={save} />
          <ChoiceButton view={view} action="accept-all" label={strings.acceptAll} />
          <ChoiceButton view={view} action="reject-all" label={strings.rejectAll} />
          {consent.mode == 'opt-out' && <ChoiceButton view={view} action="do-not-sell" label={strings.doNotSell} />}
        </div>
      </div>
    </dialog>
  );
}
