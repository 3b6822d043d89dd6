// What the consent log needs to know of how a page view began, read when the runtime starts: the
// script tag fetches the log's code (consentry-log.js) and starts it a moment later, when the
// visitor may have decided already.
import type { Decision } from '../../core/log/record';
import type { Consent } from '../../core/types';

export interface PageViewOpening {
  /** The banner was due: the page view counts as an impression (`log.impressions`). */
  bannerDue: boolean;
  /** A privacy signal decided for a visitor who had not chosen: logged once per browser. */
  signalDecided: Pick<Decision, 'record' | 'state'> | null;
}

export const pageViewOpening = (consent: Consent): PageViewOpening => ({
  bannerDue: consent.needsPrompt,
  signalDecided:
    !consent.decided && consent.record.source == 'signal' ? { record: consent.record, state: consent.state } : null,
});
