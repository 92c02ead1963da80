// Keeps the page working offline after the first visit. Network first (so a new release is
// picked up at once), the cached copy when the network is not there. Same-origin GETs only:
// the page makes no other request.
const CACHE = 'easnet-v1';
const SHELL = [
  './',
  './index.html',
  './boot.js',
  './easnet-web.js',
  './easnet-web_bg.wasm',
  './style.css',
  './icon.svg',
  './manifest.webmanifest',
  // The describe importer, started when such a paste comes: offline too.
  './importer.js',
  './easnet-importer.js',
  './easnet-importer_bg.wasm',
  // The words of each language: the page fetches the ones it speaks, offline too.
  './i18n/en.json',
  './i18n/zh-CN.json',
];

// The JS modules wasm-bindgen's glue imports (`crates/web/js/`, copied by Trunk under
// `snippets/<crate hash>/`): named by a hash that changes with the build, so read from the glue
// itself, fresh from the server. A glue that cannot be read or names none fails the install
// (the page could not start offline without them), and the old worker stays.
async function snippets() {
  const response = await fetch('./easnet-web.js', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`easnet-web.js: HTTP ${response.status}`);
  const glue = await response.text();
  const found = [...new Set([...glue.matchAll(/from\s*['"](\.\/snippets\/[^'"]+)['"]/g)].map((m) => m[1]))];
  if (found.length === 0) throw new Error('easnet-web.js imports no snippet');
  return found;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then(async (cache) => {
        const wanted = await snippets();
        await cache.addAll([...SHELL, ...wanted]);
        // The snippets of earlier builds are named by another hash: not needed any more.
        const keep = new Set(wanted.map((path) => new URL(path, self.location).href));
        for (const request of await cache.keys()) {
          if (request.url.includes('/snippets/') && !keep.has(request.url)) await cache.delete(request);
        }
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: true })
          .then((hit) => hit || caches.match('./index.html')),
      ),
  );
});
