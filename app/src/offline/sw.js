// Welcome Kit's service worker: the pages a visitor opened, and what they
// need (styles, scripts, WebAssembly, Leaflet, icons, the API answers of the
// map), stay readable without a connection.
//
// Network first, always: online, every answer is fresh and is kept; only
// when the network fails does the copy answer. Pages served from the copy
// carry the day they were saved (`data-offline-saved` on <html>), which the
// page shows as "You are offline — information saved on …". A page never
// opened answers with the language's "not available offline" page, which
// lists what is saved. Personal pages (dashboard, moderation, account,
// admin) and anything but GET are never kept.
'use strict';

const PAGES = 'wk-pages-v1';
const FILES = 'wk-files-v1';
const PRIVATE = /^\/(?:[a-z]{2}\/)?(?:dashboard|moderation|account|admin)(?:\/|$)/;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== PAGES && name !== FILES) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page that registered this worker loaded its files before the worker
// ran: it sends their addresses so that they are kept too.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const mine = data.urls.filter((u) => {
    const url = new URL(u, self.location.origin);
    return url.origin === self.location.origin && !PRIVATE.test(url.pathname);
  });
  event.waitUntil(Promise.all(mine.map((u) => keep(new Request(u)).catch(() => null))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PRIVATE.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else {
    event.respondWith(file(request));
  }
});

function language(url) {
  const m = url.pathname.match(/^\/([a-z]{2})(?:\/|$)/);
  return m ? m[1] : 'en';
}

async function page(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      await keep(request, response.clone());
      // The language's offline page, for the pages never opened.
      const offline = `/${language(url)}/offline`;
      if (url.pathname !== offline && !(await caches.match(offline))) {
        keep(new Request(offline)).catch(() => null);
      }
    }
    return response;
  } catch (err) {
    // The pack's pages were fetched, not opened: their requests differ.
    const saved =
      (await caches.match(request, { ignoreVary: true })) ||
      (await caches.match(url.href, { ignoreVary: true }));
    if (saved) return marked(saved);
    const offline = await caches.match(`/${language(url)}/offline`);
    if (offline) return marked(offline, 404);
    return new Response('<!doctype html><title>Offline</title><p>You are offline.</p>', {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

async function file(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await keep(request, response.clone());
    return response;
  } catch (err) {
    const saved = await caches.match(request);
    if (saved) return saved;
    throw err;
  }
}

// Keeps an answer with the time it was saved and, for pages, their title
// (the offline page lists saved pages by title).
async function keep(request, response) {
  const answer = response || (await fetch(request));
  if (!answer.ok || /no-store|private/.test(answer.headers.get('Cache-Control') || '')) return;
  const type = answer.headers.get('Content-Type') || '';
  const headers = new Headers(answer.headers);
  // The body is kept decoded: the network's encoding and length no longer apply.
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  headers.set('X-WK-Saved', new Date().toISOString());
  let body = await answer.blob();
  if (type.startsWith('text/html')) {
    const text = await body.text();
    const title = (text.match(/<title[^>]*>([^<]*)<\/title>/i) || [])[1] || '';
    headers.set('X-WK-Title', encodeURIComponent(title.trim()));
    body = new Blob([text], { type });
  }
  const store = await caches.open(type.startsWith('text/html') ? PAGES : FILES);
  await store.put(request, new Response(body, { status: answer.status, headers }));
}

// A saved page as the visitor sees it offline: <html> says when it was saved.
async function marked(saved, status) {
  const text = await saved.text();
  const when = saved.headers.get('X-WK-Saved') || '';
  const html = text.replace(/<html/i, `<html data-offline-saved="${when}"`);
  return new Response(html, { status: status || saved.status, headers: saved.headers });
}
