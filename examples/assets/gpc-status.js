// Shows whether the browser (or the demo switch) sends Global Privacy Control.
(function () {
  var gpc = navigator.globalPrivacyControl;
  var on = gpc === true || gpc === 'true' || gpc === '1' || gpc === 1;
  var simulated = document.documentElement.hasAttribute('data-gpc-simulated');
  var out = document.getElementById('gpc-status');
  if (out)
    out.textContent = on ? (simulated ? 'on (simulated by the demo switch)' : 'on (sent by your browser)') : 'off';
})();
