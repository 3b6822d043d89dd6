/** @jsxRuntime classic */
/** @jsx h */
// One category in the dialog: its switch (essential shown on and locked; nothing on that the
// visitor did not choose — CJEU Planet49, C-673/17), its description, the signal note, and
// the services configured under it with the cookies each writes.
import { h } from 'preact';
import type { CategoryInfo } from '../src/index';
import type { View } from './types';
import { internalsOf } from '../src/index';

/** `analyticsLabel`: the site's `ui.texts` win, then the config's own text, then the translation. */
const textOf = (v: View, category: CategoryInfo, field: 'label' | 'description', suffix: string) =>
  v.own[category.name + suffix] || category[field] || (v.t as Record<string, string>)[category.name + suffix];

export function categoryView(v: View, category: CategoryInfo, index: number) {
  const { t, consent } = v;
  const { name, locked } = category;
  const id = 'c' + index;
  const services = internalsOf(consent).presets.filter((preset) => preset.category == name);
  return (
    <li class="c">
      <div class="r">
        <label for={id}>{textOf(v, category, 'label', 'Label') || name}</label>
        <input
          id={id}
          type="checkbox"
          role="switch"
          data-consentry-category={name}
          checked={locked || v.draft[name]}
          disabled={locked}
          aria-describedby={id + 'd'}
          onChange={(event) => (v.draft[name] = event.currentTarget.checked)}
          // Enter toggles too, as on a button-based switch (WAI-ARIA APG switch pattern); Space is native.
          onKeyDown={(event) => event.key == 'Enter' && event.currentTarget.click()}
        />
      </div>
      {locked && <p>{t.alwaysOn}</p>}
      {consent.signalDenied.includes(name) && !consent.granted(name) && <p>{t.signal}</p>}
      <p id={id + 'd'}>{textOf(v, category, 'description', 'Description')}</p>
      {services[0] && (
        <details>
          <summary>{t.services}</summary>
          <ul>
            {services.map(({ definition }) => (
              <li>
                <b>{definition.label}</b>
                <ul>
                  {definition.cookies.map((cookie) => (
                    <li>
                      <code>{cookie.name}</code> {cookie.purpose} <small>({cookie.lifetime})</small>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
