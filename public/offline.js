// Registers Welcome Kit's service worker (/sw.js) and shows what it tells:
// a page served from the phone's copy says since when it is saved; the
// "not available offline" page lists the saved pages; a form sent without a
// connection says so and keeps everything typed (nothing is sent, nothing
// is lost). Pages work the same without this script, only not offline.
(function () {
  'use strict';
  var root = document.documentElement;
  var lang = root.lang || 'en';

  function whenSaved(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    try {
      return d.toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
    } catch (e) {
      return d.toISOString().slice(0, 16).replace('T', ' ');
    }
  }

  function showOffline() {
    var notice = document.getElementById('wk-offline');
    if (!notice) return;
    var saved = root.getAttribute('data-offline-saved');
    var date = notice.querySelector('.offline-date');
    if (date) date.textContent = saved ? whenSaved(saved) : '';
    notice.hidden = false;
  }

  function listSaved() {
    var list = document.getElementById('wk-saved');
    if (!list || !window.caches) return;
    caches.open('wk-pages-v1').then(function (store) {
      return store.keys().then(function (requests) {
        return Promise.all(requests.map(function (r) {
          return store.match(r).then(function (answer) {
            return { url: new URL(r.url), title: decodeURIComponent((answer && answer.headers.get('X-WK-Title')) || '') };
          });
        }));
      });
    }).then(function (pages) {
      var prefix = '/' + lang + '/';
      pages = pages.filter(function (p) {
        return p.url.origin === location.origin && p.url.pathname.indexOf(prefix) === 0 && !/\/offline$/.test(p.url.pathname);
      });
      pages.sort(function (a, b) { return a.title.localeCompare(b.title, lang); });
      pages.forEach(function (p) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = p.url.pathname + p.url.search;
        link.textContent = p.title || p.url.pathname;
        item.appendChild(link);
        list.appendChild(item);
      });
      var none = document.getElementById('wk-saved-none');
      if (none) none.hidden = pages.length > 0;
    });
  }

  // A form cannot be sent without a connection: say so at the form and
  // keep what was typed.
  document.addEventListener('submit', function (event) {
    if (navigator.onLine) return;
    var form = event.target;
    event.preventDefault();
    var notice = document.getElementById('wk-offline');
    var text = notice ? notice.getAttribute('data-form-offline') : '';
    var said = form.querySelector('.offline-refusal');
    if (!said) {
      said = document.createElement('p');
      said.className = 'offline-refusal form-error';
      said.setAttribute('role', 'alert');
      form.insertBefore(said, form.firstChild);
    }
    said.textContent = text || 'You are offline.';
  }, true);

  function size(bytes) {
    try {
      return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1e6);
    } catch (e) {
      return (bytes / 1e6).toFixed(1) + ' MB';
    }
  }

  // "Save … for offline": the city's pack, page by page, three at a time;
  // the worker keeps each page as it passes.
  function setupSave() {
    var box = document.getElementById('save-offline');
    if (!box || !window.caches || !window.localStorage) return;
    box.hidden = false;
    var key = 'wk-pack-' + box.getAttribute('data-city') + '-' + box.getAttribute('data-lang');
    var status = document.getElementById('wk-save-status');
    var bar = document.getElementById('wk-save-progress');
    var button = document.getElementById('wk-save-city');
    function said(info) {
      status.textContent = box.getAttribute('data-saved').replace('%date', whenSaved(info.date)).replace('%size', size(info.bytes));
    }
    var known = null;
    try { known = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { known = null; }
    if (known) said(known);
    button.addEventListener('click', function () {
      button.disabled = true;
      var query = '?city=' + encodeURIComponent(box.getAttribute('data-city')) + '&lang=' + encodeURIComponent(box.getAttribute('data-lang'));
      fetch('/api/v1/pack' + query).then(function (r) {
        if (!r.ok) throw new Error('pack ' + r.status);
        return r.json();
      }).then(function (pack) {
        var queue = pack.urls.slice();
        var total = queue.length, done = 0, bytes = 0, failed = false;
        bar.max = total; bar.value = 0; bar.hidden = false;
        function next() {
          var url = queue.shift();
          if (!url) return Promise.resolve();
          return fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (r) {
            if (!r.ok) throw new Error(url + ' ' + r.status);
            return r.blob();
          }).then(function (b) { bytes += b.size; }, function () { failed = true; }).then(function () {
            done += 1;
            bar.value = done;
            status.textContent = box.getAttribute('data-saving').replace('%n', done).replace('%total', total);
            return next();
          });
        }
        return Promise.all([next(), next(), next()]).then(function () {
          bar.hidden = true;
          if (failed) throw new Error('incomplete');
          var info = { date: new Date().toISOString(), bytes: bytes };
          localStorage.setItem(key, JSON.stringify(info));
          said(info);
        });
      }).catch(function () {
        bar.hidden = true;
        status.textContent = box.getAttribute('data-failed');
      }).then(function () { button.disabled = false; });
    });
    document.getElementById('wk-remove-saved').addEventListener('click', function () {
      caches.keys().then(function (names) {
        return Promise.all(names.map(function (n) { return caches.delete(n); }));
      }).then(function () {
        Object.keys(localStorage).forEach(function (k) { if (k.indexOf('wk-pack-') === 0) localStorage.removeItem(k); });
        status.textContent = box.getAttribute('data-removed');
      });
    });
  }

  function start() {
    // No notice: this deployment offers no offline copy; a worker from
    // before is let go.
    if (!document.getElementById('wk-offline')) {
      if ('serviceWorker' in navigator) {
        navigator.serviceWorker.getRegistrations().then(function (all) {
          all.forEach(function (r) { r.unregister(); });
        });
      }
      return;
    }
    if (root.hasAttribute('data-offline-saved') || !navigator.onLine) showOffline();
    listSaved();
    window.addEventListener('offline', showOffline);
    window.addEventListener('online', function () {
      var notice = document.getElementById('wk-offline');
      if (notice && !root.hasAttribute('data-offline-saved')) notice.hidden = true;
    });
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js').then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      setupSave();
      // The files this page loaded before the worker ran.
      var urls = [location.href].concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }))
        .filter(function (u) { return u.indexOf(location.origin) === 0 && u.indexOf('/api/') < 0; });
      if (registration.active) registration.active.postMessage({ type: 'keep', urls: urls });
    }).catch(function () { /* No worker: the site works as before, online. */ });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
