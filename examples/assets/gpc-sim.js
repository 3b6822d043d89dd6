// DEMO ONLY: simulates Global Privacy Control when the page URL has `?gpc=1`, by defining
// `navigator.globalPrivacyControl` before consentry.js reads it. Real visitors turn GPC on in
// their browser (Firefox setting, Brave and DuckDuckGo by default, or an extension); the
// browser then also sends the `Sec-GPC: 1` header. Never ship this file on a real site.
(function () {
  if (!/[?&]gpc=1(&|$)/.test(location.search)) return;
  try {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: function () {
        return true;
      },
      configurable: true,
    });
    document.documentElement.setAttribute('data-gpc-simulated', '');
  } catch (error) {
    console.warn('[demo] could not simulate GPC', error);
  }
})();
