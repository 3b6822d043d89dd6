import { h } from 'preact';
import type { Action, ActionDetails, ViewProps } from './types';

interface ChoiceProps {
  view: ViewProps;
  action: Action;
  label: string;
  /** The dialog passes the switches to save. */
  details?: () => ActionDetails;
}

/**
 * A choice button. Every choice, on both layers, is this element in this one style, so none
 * looks more inviting than another (EDPB cookie banner taskforce report, 17 January 2023,
 * https://www.edpb.europa.eu/our-work-tools/our-documents/other/report-work-undertaken-cookie-banner-taskforce_en;
 * CCPA regulations, 11 CCR §7004(a)(2), symmetry in choice).
 */
export function ChoiceButton({ view, action, label, details }: ChoiceProps) {
  return (
    <button
      class="choice"
      part="button"
      type="button"
      data-consentry-action={action}
      onClick={(event) =>
        view.onAction(action, { opener: event.currentTarget, trusted: event.isTrusted, ...(details && details()) })
      }
    >
      {label}
    </button>
  );
}
