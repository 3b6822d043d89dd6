// Demo stand-in for Meta's fbevents.js (https://connect.facebook.net/en_US/fbevents.js): records
// that it ran and which calls the `fbq` stub had queued (`fbq.queue`).
(function (w) {
  var queued = (w.fbq && w.fbq.queue) || [];
  (w.demoVendors = w.demoVendors || []).push('Meta Pixel');
  console.log(
    '[demo] Meta Pixel stand-in ran; queued calls:',
    queued.map(function (call) {
      return [].slice.call(call).join(' ');
    }),
  );
  w.dispatchEvent(new CustomEvent('demo:vendor', { detail: 'Meta Pixel' }));
})(window);
