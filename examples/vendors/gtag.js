// Demo stand-in for Google's gtag.js (https://www.googletagmanager.com/gtag/js): the demo runs
// offline, so this file only records that it ran and what consent Google would have seen.
(function (w) {
  var consent = [];
  (w.dataLayer || []).forEach(function (item) {
    if (item && item[0] === 'consent') consent.push(item[1] + ' ' + JSON.stringify(item[2]));
  });
  (w.demoVendors = w.demoVendors || []).push('Google Analytics');
  console.log('[demo] Google Analytics stand-in ran; consent commands so far:', consent);
  w.dispatchEvent(new CustomEvent('demo:vendor', { detail: 'Google Analytics' }));
})(window);
