// Stand-ins for the parts of the runtime that most page views never run, for a runtime that
// fetches them when first needed (the script tag): embed placeholders, needed only once the page
// holds an embed, the withdrawal clean-up, needed only once a category is withdrawn, and the
// consent log, needed only by a config with `log`. Held markup stays held while a part is on its
// way, so fetching it late never lets anything through; a decision taken meanwhile waits for the log.
import type { Decision } from '../core/log/record';
import { internalsOf } from '../core/internals';
import type { ConsentLogOptions, startConsentLog } from './consent-log/start-consent-log';
import { pageViewOpening } from './consent-log/page-view-opening';
import type { EmbedHolder, EmbedHolderFactory } from './embed-holder';
import type { RuntimePart } from './gate';
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

/**
 * A consent-log part that fetches the log (`load`) only for a config with `log`. Decisions taken
 * while it is on its way are kept and logged first, in order, with how the page view began; a
 * failed fetch is reported and tried again on the next decision.
 */
export function lazyConsentLog(
  load: () => Promise<typeof startConsentLog>,
  options: Pick<ConsentLogOptions, 'languages'> = {},
): RuntimePart {
  return (consent, config) => {
    const onDecision = internalsOf(consent).onDecision;
    if (!config.log || !onDecision) return;
    const opening = pageViewOpening(consent);
    const earlier: Decision[] = [];
    let loading = false;
    let stopped = false;
    let stopLog: (() => void) | undefined;
    let stopWaiting = (): void => {};

    const fetchLog = (): void => {
      if (loading) return;
      loading = true;
      load().then(
        (start) => {
          if (stopped) return;
          stopWaiting();
          stopLog = start(consent, { ...options, opening, earlier: earlier.splice(0) });
        },
        (error: unknown) => {
          loading = false;
          console.error('consentry: could not load the consent log', error);
        },
      );
    };
    stopWaiting = onDecision((decision) => {
      earlier.push(decision);
      fetchLog();
    });
    fetchLog();
    return () => {
      stopped = true;
      stopWaiting();
      stopLog?.();
    };
  };
}
