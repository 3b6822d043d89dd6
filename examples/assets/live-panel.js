// The demo's live panel: shows what Consentry decided and which vendor scripts ran, and
// updates on every `consentry:change` event. A separate file (no inline script) so the
// page works under `Content-Security-Policy: default-src 'self'`.
(function () {
  var events = [];
  var byId = function (id) {
    return document.getElementById(id);
  };

  function fill(list, items) {
    if (!list) return;
    list.textContent = '';
    items.forEach(function (it) {
      var li = document.createElement('li');
      for (var key in it.data || {}) li.setAttribute('data-' + key, it.data[key]);
      li.textContent = it.text;
      if (it.badge) {
        var badge = document.createElement('span');
        badge.className = 'badge badge-' + it.badge;
        badge.textContent = it.badge;
        li.appendChild(badge);
      }
      list.appendChild(li);
    });
  }

  function render() {
    var consent = window.Consentry;
    if (!consent) return;
    var record = consent.record;
    var signals = consent.signals || {};
    byId('panel-mode').textContent =
      consent.mode + (consent.error ? ' (invalid config: ' + consent.error.message + ')' : '');
    byId('panel-decided').textContent = consent.decided ? 'yes, via ' + (record ? record.source : 'signal') : 'not yet';
    byId('panel-signals').textContent = 'GPC ' + (signals.gpc ? 'on' : 'off') + ', DNT ' + (signals.dnt ? 'on' : 'off');
    fill(
      byId('panel-categories'),
      // Every category of the instance, in its order: the keys of its state.
      Object.keys(consent.state).map(function (name) {
        var granted = consent.granted(name);
        var note = consent.signalDenied.indexOf(name) >= 0 ? ' (opt-out signal honoured)' : '';
        var label = name.charAt(0).toUpperCase() + name.slice(1);
        return {
          text: label + note + ' ',
          badge: granted ? 'granted' : 'denied',
          data: { category: name, state: granted ? 'granted' : 'denied' },
        };
      }),
    );
    var ran = window.demoVendors || [];
    fill(
      byId('panel-vendors'),
      ran.length
        ? ran.map(function (name) {
            return { text: name, data: { vendor: name } };
          })
        : [{ text: 'none yet' }],
    );
    fill(
      byId('panel-events'),
      events.length
        ? events.slice(0, 6).map(function (text) {
            return { text: text };
          })
        : [{ text: 'none yet' }],
    );
  }

  window.addEventListener('consentry:ready', render);
  window.addEventListener('consentry:change', function (event) {
    var state = event.detail.state;
    var on = Object.keys(state).filter(function (k) {
      return state[k] && k !== 'essential';
    });
    events.unshift(
      new Date().toLocaleTimeString() +
        ' consentry:change: ' +
        (on.length ? on.join(', ') + ' granted' : 'all non-essential denied'),
    );
    render();
  });
  window.addEventListener('demo:vendor', render);
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest('[data-demo-action="reset"]') || !window.Consentry) return;
    window.Consentry.reset();
    location.reload();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
})();
