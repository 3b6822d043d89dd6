// Demo stand-in for Pendo's agent (https://cdn.pendo.io/agent/static/<apiKey>/pendo.js): records
// that it ran and which calls the snippet had queued (`pendo._q`).
(function (w) {
  var queued = (w.pendo && w.pendo._q) || [];
  (w.demoVendors = w.demoVendors || []).push('Pendo');
  console.log(
    '[demo] Pendo stand-in ran; queued calls:',
    queued.map(function (call) {
      return call[0];
    }),
  );
  w.dispatchEvent(new CustomEvent('demo:vendor', { detail: 'Pendo' }));
})(window);
