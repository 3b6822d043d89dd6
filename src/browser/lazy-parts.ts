// Stand-ins for the parts of the runtime that most page views never run, for a runtime that
// fetches them when first needed (the script tag): embed placeholders, needed only once the page
// holds an embed, and the withdrawal clean-up, needed only once a category is withdrawn. Held
// markup stays held while a part is on its way, so fetching it late never lets anything through.
import type { EmbedHolder, EmbedHolderFactory } from './embed-holder';
import type { PlaceholderTexts } from './placeholder';
import type { ClearCategory } from './withdrawal';

/**
 * An `EmbedHolderFactory` whose holders fetch the real one (`load`) on the first iframe to hold,
 * then hand it every iframe still held. Until then the iframes wait with neither `src` nor
 * placeholder. A failed fetch is logged and tried again on the next iframe to hold.
 */
export function lazyEmbedHolder(load: () => Promise<EmbedHolderFactory>): EmbedHolderFactory {
  return (consent, pageState, given) => {
    let texts: Partial<PlaceholderTexts> = { ...given };
    let holder: EmbedHolder | undefined;
    let loading: Promise<void> | undefined;
    /** Iframes to hold once the real holder is here, in the order they came. */
    const waiting = new Set<HTMLIFrameElement>();
    const fetchHolder = (): void => {
      loading ??= load().then(
        (create) => {
          holder = create(consent, pageState, texts);
          for (const iframe of waiting) if (iframe.isConnected) holder.hold(iframe);
          waiting.clear();
        },
        (error) => {
          loading = undefined;
          console.error('consentry: could not load the embed placeholders', error);
        },
      );
    };
    return {
      hold(iframe) {
        if (holder) return holder.hold(iframe);
        waiting.add(iframe);
        fetchHolder();
      },
      unhold(iframe) {
        if (holder) holder.unhold(iframe);
        else waiting.delete(iframe as HTMLIFrameElement);
      },
      prune() {
        holder?.prune();
        for (const iframe of waiting) if (!iframe.isConnected) waiting.delete(iframe);
      },
      retext(next) {
        if (holder) holder.retext(next);
        else texts = { ...texts, ...next };
      },
      get holding() {
        return waiting.size > 0 || !!holder?.holding;
      },
    };
  };
}

/** A `ClearCategory` that fetches the real one (`load`) the first time a category is withdrawn. */
export function lazyClearCategory(load: () => Promise<ClearCategory>): ClearCategory {
  return async (consent, category, win) => {
    try {
      await (
        await load()
      )(consent, category, win);
    } catch (error) {
      console.error(`consentry: could not delete what "${category}" left behind`, error);
    }
  };
}
