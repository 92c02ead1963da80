// Starts the page: loads the WebAssembly app, then registers the service worker that keeps a
// copy for offline use. A file of its own, not an inline script, so the CSP stays strict.
import init from './easnet-web.js';

// The app draws itself once the words of its language are loaded, and marks that frame as
// `easnet-first-render` (BENCHMARKS.md reads it).
await init({ module_or_path: './easnet-web_bg.wasm' });

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline support is a bonus: the page works without it.
  });
}
