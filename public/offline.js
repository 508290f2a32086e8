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
      // The files this page loaded before the worker ran.
      var urls = [location.href].concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }))
        .filter(function (u) { return u.indexOf(location.origin) === 0 && u.indexOf('/api/') < 0; });
      if (registration.active) registration.active.postMessage({ type: 'keep', urls: urls });
    }).catch(function () { /* No worker: the site works as before, online. */ });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
