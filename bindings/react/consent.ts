// <Consent category fallback>: its children only once the category is granted; and
// <ConsentPlaceholder>, the built-in placeholder a fallback may use.
import { createContext, createElement, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { RegisteredCategory } from 'consentry';
import { placeholderTexts, type PlaceholderTextsOption } from '../shared/placeholder-texts';
import { useBinding } from './context';
import { useGranted } from './hooks';

interface Held {
  category: string;
  /** Shows the children of this <Consent> for this page view without a decision ("Load this once"). */
  loadOnce(): void;
}

const HeldContext = /* @__PURE__ */ createContext<Held | null>(null);

/** The props of `<Consent>`. */
export interface ConsentProps {
  /** The category that must be granted. */
  category: RegisteredCategory;
  /** Rendered until then (and on the server for a visitor who has not agreed). @default nothing */
  fallback?: ReactNode;
  /** What needs the category: an embed, a widget, a vendor's component. */
  children?: ReactNode;
}

/**
 * Renders `children` only while `category` is granted (or after "Load this once"), else `fallback`:
 * an embed inside is not in the page, so not requested, before consent, and leaves it on withdrawal.
 * ```tsx
 * <Consent category="advertising" fallback={<ConsentPlaceholder title="Video" />}>
 *   <iframe src="https://www.youtube-nocookie.com/embed/…" title="Video" />
 * </Consent>
 * ```
 */
export function Consent({ category, fallback = null, children }: ConsentProps): ReactElement {
  const granted = useGranted(category);
  const [once, setOnce] = useState(false);
  const held = useMemo<Held>(() => ({ category, loadOnce: () => setOnce(true) }), [category]);
  return createElement(HeldContext.Provider, { value: held }, granted || once ? children : fallback);
}

/** The props of `<ConsentPlaceholder>`. */
export interface ConsentPlaceholderProps {
  /** @default the category of the enclosing `<Consent>` */
  category?: RegisteredCategory;
  /** What the placeholder stands for ("YouTube video"), its accessible name. */
  title?: string;
  /** Overrides the provider's texts. */
  texts?: PlaceholderTextsOption;
  /** A class for the box, for the site's own styles (it also carries `data-consentry-placeholder`). */
  className?: string;
}

/**
 * The placeholder `gate()` shows for a held iframe, as a component: what is blocked and why, a
 * button that allows the category (an explicit choice, recorded as made in preferences) and,
 * inside a `<Consent>`, one that loads its content once. Styled by `[data-consentry-placeholder]`.
 */
export function ConsentPlaceholder(props: ConsentPlaceholderProps): ReactElement {
  const binding = useBinding('<ConsentPlaceholder>');
  const held = useContext(HeldContext);
  const category = props.category ?? held?.category;
  if (!category) throw new Error('consentry/react: <ConsentPlaceholder> needs a category, or a <Consent> around it');
  const texts = placeholderTexts(binding.actions.consent, category, [binding.texts, props.texts]);
  const button = (text: string, onClick: () => void) => createElement('button', { type: 'button', onClick }, text);
  return createElement(
    'div',
    { 'data-consentry-placeholder': category, role: 'group', 'aria-label': props.title, className: props.className },
    createElement('p', null, texts.embedBlocked),
    button(texts.embedAllow, () => binding.actions.update({ [category]: true }, 'preferences')),
    held?.category == category ? button(texts.embedOnce, held.loadOnce) : null,
  );
}
