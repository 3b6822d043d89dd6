// <Consent category>: its default slot only once the category is granted, else its `fallback`
// slot; and <ConsentPlaceholder>, the built-in placeholder a fallback may use.
import {
  defineComponent,
  h,
  inject,
  provide,
  ref,
  type InjectionKey,
  type PropType,
  type SlotsType,
  type VNodeChild,
} from 'vue';
import type { RegisteredCategory } from 'consentry';
import { placeholderTexts, type PlaceholderTextsOption } from '../shared/placeholder-texts';
import { useBinding, useGranted } from './composables';

interface Held {
  category(): string;
  /** Shows this <Consent>'s content for this page view without a decision ("Load this once"). */
  loadOnce(): void;
}

const HELD: InjectionKey<Held> = Symbol('consentry-held');

/**
 * Renders its default slot only while `category` is granted (or after "Load this once"), else its
 * `fallback` slot: an embed inside is not in the page, so not requested, before consent, and
 * leaves it on withdrawal.
 * ```vue
 * <Consent category="advertising">
 *   <iframe src="https://www.youtube-nocookie.com/embed/…" title="Video" />
 *   <template #fallback><ConsentPlaceholder title="Video" /></template>
 * </Consent>
 * ```
 */
export const Consent = /* @__PURE__ */ defineComponent({
  name: 'Consent',
  props: {
    /** The category that must be granted. */
    category: { type: String as PropType<RegisteredCategory>, required: true },
  },
  slots: Object as SlotsType<{ default?: () => VNodeChild; fallback?: () => VNodeChild }>,
  setup(props, { slots }) {
    const granted = useGranted(() => props.category);
    const once = ref(false);
    provide(HELD, { category: () => props.category, loadOnce: () => void (once.value = true) });
    return () => (granted.value || once.value ? slots.default?.() : slots.fallback?.());
  },
});

/**
 * The placeholder `gate()` shows for a held iframe, as a component: what is blocked and why, a
 * button that allows the category (an explicit choice, recorded as made in preferences) and,
 * inside a `<Consent>`, one that loads its content once. Styled by `[data-consentry-placeholder]`.
 */
export const ConsentPlaceholder = /* @__PURE__ */ defineComponent({
  name: 'ConsentPlaceholder',
  props: {
    /** @default the category of the enclosing `<Consent>` */
    category: { type: String as PropType<RegisteredCategory>, default: undefined },
    /** What the placeholder stands for ("YouTube video"), its accessible name. */
    title: { type: String, default: undefined },
    /** Overrides the plugin's texts. */
    texts: { type: Object as PropType<PlaceholderTextsOption>, default: undefined },
  },
  setup(props) {
    const binding = useBinding('<ConsentPlaceholder>');
    const held = inject(HELD, null);
    return () => {
      const category = props.category ?? held?.category();
      if (!category) throw new Error('consentry/vue: <ConsentPlaceholder> needs a category, or a <Consent> around it');
      const texts = placeholderTexts(binding.actions.consent, category, [binding.texts, props.texts]);
      const button = (text: string, onClick: () => void) => h('button', { type: 'button', onClick }, text);
      return h('div', { 'data-consentry-placeholder': category, role: 'group', 'aria-label': props.title }, [
        h('p', texts.embedBlocked),
        button(texts.embedAllow, () => binding.actions.update({ [category]: true }, 'preferences')),
        held?.category() == category ? button(texts.embedOnce, held.loadOnce) : null,
      ]);
    };
  },
});
