// Shared by the end-to-end tests: serves dist/ on a free port of 127.0.0.1 and launches
// Debian's Chromium through playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ like any static host would; resolves to { url, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(DIST, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium with the flags this closed-network machine needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.EASNET_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under target/screenshots/ for review. */
export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  // The page skips painting panels far from the screen (content-visibility: auto); a
  // full-page picture must show them all, as a reader scrolling down would see them.
  // (Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.)
  const paintAll = (on) =>
    page.evaluate((on) => {
      for (const el of document.querySelectorAll('*')) {
        if (getComputedStyle(el).contentVisibility === 'auto' || el.dataset.painted) {
          el.style.contentVisibility = on ? 'visible' : '';
          if (on) el.dataset.painted = '1';
          else delete el.dataset.painted;
        }
      }
    }, on);
  await paintAll(true);
  await page.screenshot({ path, fullPage: true });
  await paintAll(false);
  return path;
}
