// Starts the page: loads the WebAssembly app, then registers the service worker that keeps a
// copy for offline use. A file of its own, not an inline script, so the CSP stays strict.
import init from './easnet-web.js';

await init({ module_or_path: './easnet-web_bg.wasm' });
// The app renders on start; the next frame is when the user sees it (BENCHMARKS.md reads this).
requestAnimationFrame(() => performance.mark('easnet-first-render'));

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline support is a bonus: the page works without it.
  });
}
