// One category in the dialog: its label and switch (essential shown on and locked, with an
// "Always on" badge; nothing on that the visitor did not choose — CJEU Planet49, C-673/17),
// its description, the signal note, the site's links for it and the services under it.
import { h } from 'preact';
import type { CategoryInfo } from 'consentry';
import { LinkList } from './link-list';
import { ServicesTable } from './services-table';
import type { ViewProps } from './types';
import { internalsOf } from 'consentry';
import { categoryLinks } from './industry-links';

interface CategoryProps {
  view: ViewProps;
  category: CategoryInfo;
  index: number;
  /** The switch positions, saved only by "Save choices". */
  draft: Record<string, boolean>;
}

/** `analyticsLabel`: the site's `ui.texts` win, then the config's own text, then the translation. */
function textOf(view: ViewProps, category: CategoryInfo, field: 'label' | 'description', suffix: string) {
  const key = category.name + suffix;
  const { own, strings } = view.texts;
  // Custom categories' keys (`functionalLabel`) are not among the built-in ones: read as any key.
  return own[key] || category[field] || (strings as unknown as Record<string, string>)[key];
}

export function CategoryItem({ view, category, index, draft }: CategoryProps) {
  const { strings } = view.texts;
  const { consent } = view;
  const { name, locked } = category;
  // Ids are unique in the page too: with `shadow: false` the dialog is in the page's DOM.
  const id = 'consentry-category-' + index;
  const services = internalsOf(consent).presets.filter((preset) => preset.category == name);
  const signalled = consent.signalDenied.includes(name) && !consent.granted(name);
  const described = [locked && id + '-badge', signalled && id + '-signal', id + '-description'];
  return (
    <li class="category" part="category">
      <div class="category-head">
        <label class="category-label" for={id}>
          {textOf(view, category, 'label', 'Label') || name}
        </label>
        {locked && (
          <span class="badge" part="badge" id={id + '-badge'}>
            {strings.alwaysOn}
          </span>
        )}
        <input
          class="switch"
          part="switch"
          id={id}
          type="checkbox"
          role="switch"
          data-consentry-category={name}
          checked={locked || draft[name]}
          disabled={locked}
          aria-describedby={described.filter(Boolean).join(' ')}
          onChange={(event) => {
            draft[name] = event.currentTarget.checked;
          }}
          // Enter toggles too, as on a button-based switch (WAI-ARIA APG switch pattern); Space is native.
          onKeyDown={(event) => {
            if (event.key == 'Enter') event.currentTarget.click();
          }}
        />
      </div>
      <p class="category-description" id={id + '-description'}>
        {textOf(view, category, 'description', 'Description')}
      </p>
      {signalled && (
        <p class="note" id={id + '-signal'}>
          {strings.signal}
        </p>
      )}
      <LinkList links={categoryLinks(category.name, category.links)} />
      {services[0] && <ServicesTable view={view} services={services} />}
    </li>
  );
}
