/** @jsxRuntime classic */
/** @jsx h */
// The second layer: a native modal <dialog> (mount-ui.tsx opens it with showModal()), so the
// browser makes the page behind it inert, keeps focus inside and closes it on Esc (HTML
// Standard, "dialog"; DESIGN.md allows it). Labelled and described by its texts.
import { h } from 'preact';
import { choice } from './banner';
import { categoryView } from './category-item';
import type { View } from './types';
import { internalsOf } from '../src/index';

export function preferencesView(v: View) {
  const { t } = v;
  return (
    <dialog
      class="d"
      aria-labelledby="pt"
      aria-describedby="pd"
      tabIndex={-1}
      data-consentry-preferences=""
      // Esc closes a modal <dialog> natively; keep the state in step.
      onClose={() => v.act('close')}
    >
      <div class="h">
        <h2 id="pt">{t.prefsTitle}</h2>
        <button class="x" aria-label={t.close} onClick={() => v.act('close')}>
          ×
        </button>
      </div>
      <p id="pd">{t.prefsText}</p>
      <ul>{internalsOf(v.consent).categories.map((category, index) => categoryView(v, category, index))}</ul>
      <div class="a">
        {choice(v, 'save', t.save)}
        {choice(v, 'accept-all', t.acceptAll)}
        {choice(v, 'reject-all', t.rejectAll)}
        {v.consent.mode == 'opt-out' && choice(v, 'do-not-sell', t.doNotSell)}
      </div>
    </dialog>
  );
}
