// The UI's root element: language, direction and colour scheme for everything inside (the
// dialog sits in the top layer but inherits from the DOM), then whichever layers are shown.
import { h } from 'preact';
import { Banner } from './banner';
import { isRtl } from './i18n/languages';
import { Preferences } from './preferences';
import type { SchemeClass } from './theme';
import type { ViewProps } from './types';

interface ConsentUIProps {
  view: ViewProps;
  scheme: SchemeClass;
  banner: boolean;
  /** The dialog's switch positions while it is open. */
  preferences: Record<string, boolean> | undefined;
}

export function ConsentUI({ view, scheme, banner, preferences }: ConsentUIProps) {
  const { lang } = view.texts;
  return (
    <div class={'consentry ' + scheme} lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'}>
      {banner && <Banner view={view} />}
      {preferences && <Preferences view={view} draft={preferences} />}
    </div>
  );
}
