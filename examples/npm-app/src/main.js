// An npm/ESM app: Consentry imported from the package by name, as a frontend team would
// (`npm i consentry`), and bundled by rollup into dist/app.js. Plain ES modules, so it needs
// no build step of its own besides the bundler; the same code works in TypeScript, where
// the factories type-check each vendor's options.
import { createConsent, gate } from 'consentry';
import { googleAnalytics, metaPixel, pendo } from 'consentry/presets';

/** The app's names for its categories: in the dialog (through the config) and in its own status list. */
const LABELS = { essential: 'Essential', analytics: 'Product analytics', advertising: 'Advertising' };

const consent = createConsent({
  categories: {
    analytics: { label: LABELS.analytics, description: 'Usage statistics that help us improve the app.' },
    advertising: { label: LABELS.advertising, description: 'Measures our sign-up campaigns.' },
  },
  presets: [
    // `src` points at local stand-ins so the demo runs offline; real apps leave it out.
    googleAnalytics({ id: 'G-DEMO1234', src: '/vendors/gtag.js' }),
    pendo({ apiKey: '0a1b2c3d-1111-4222-8333-444455556666', src: '/vendors/pendo.js' }),
    metaPixel({ id: '1234567890123456', src: '/vendors/fbevents.js' }),
  ],
  cookie: { name: 'demo_npm' },
});

// The browser runtime: loads each preset once its category is granted, gates markup,
// forwards changes to vendors' consent APIs and cleans up on withdrawal.
gate(consent);
// The UI (Preact, banner, dialog) and the page's translation are chunks of their own, fetched
// only when a choice is needed or the visitor opens the preferences: a returning visitor's
// pages load neither (the README's lazy recipe).
async function mountLazily() {
  const [{ mountUI }, { loadLanguage }] = await Promise.all([import('consentry/ui'), import('consentry/i18n')]);
  return mountUI(consent, { privacyPolicyUrl: '/privacy.html', reopenButton: true, loadLanguage });
}
let ui;
const consentUI = () => (ui ??= mountLazily());
if (consent.needsPrompt) consentUI();

const log = (text) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  document.getElementById('app-log').prepend(li);
};

function render() {
  const list = document.getElementById('app-status');
  list.textContent = '';
  for (const name of Object.keys(consent.state)) {
    const li = document.createElement('li');
    const granted = consent.granted(name);
    li.dataset.category = name;
    li.dataset.state = granted ? 'granted' : 'denied';
    li.textContent = `${LABELS[name] || name}: ${granted ? 'granted' : 'denied'}`;
    list.append(li);
  }
  const ran = window.demoVendors || [];
  document.getElementById('app-vendors').textContent = ran.length ? ran.join(', ') : 'none yet';
}

consent.on('change', (state) => {
  log(
    `consent changed: ${
      Object.keys(state)
        .filter((k) => state[k] && k !== 'essential')
        .join(', ') || 'nothing'
    } granted`,
  );
  render();
});
consent.whenGranted('analytics', () => log('analytics granted: the app may now track its own feature usage'));
window.addEventListener('demo:vendor', render);
document
  .getElementById('open-preferences')
  .addEventListener('click', () => consentUI().then((handle) => handle.showPreferences()));
document.getElementById('forget').addEventListener('click', () => {
  consent.reset();
  location.reload();
});
render();
