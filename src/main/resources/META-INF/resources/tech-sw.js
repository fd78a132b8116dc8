// The technician app's service worker (scope /tech): keeps the app's page and files on the phone, so the app opens
// without a network. The page is asked from the server first and kept only when the server gave it (not a sign-in
// page); the files are served from the phone and refreshed behind. Requests to /api are never touched: the app keeps
// its route and reports in IndexedDB itself. Other pages of Tehai are outside this scope and never see it.
const CACHE = 'tehai-tech-shell';
const PAGE = '/tech';
const FILES = ['/app/app.css', '/app/tech.css', '/app/tech.js', '/app/tech-store.js', '/vendor/leaflet/leaflet.js',
  '/vendor/leaflet/leaflet.css', '/tech/manifest.webmanifest', '/app/tech-icon-192.png', '/app/tech-icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('tehai-tech') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(page(request));
  } else if (FILES.includes(url.pathname) || url.pathname.startsWith('/vendor/leaflet/images/')) {
    event.respondWith(file(request, url.pathname));
  }
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && new URL(response.url).pathname === PAGE) {
      await cache.put(PAGE, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw offline;
  }
}

async function file(request, path) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(path);
  const fresh = fetch(request).then((response) => {
    if (response.ok) cache.put(path, response.clone());
    return response;
  });
  if (kept) {
    fresh.catch(() => {});
    return kept;
  }
  return fresh;
}
