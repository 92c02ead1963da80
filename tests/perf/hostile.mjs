// Opens the share link of each hostile plan (`cargo run -p easnet-core --example hostile --
// N --write DIR` writes NAME.link) in the served release page, in a fresh profile each, and
// measures (a benchmark, not a test): from navigation to the findings drawn, the longest
// task meanwhile (how long a click could wait; every task over 50 ms, and the analysis's), and
// the tab's renderer process's peak memory (Linux VmHWM). Prints JSON. Usage: node
// tests/perf/hostile.mjs DIR
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser } from '../e2e/harness.mjs';

/** Chromium's renderer processes: pid → peak resident kB. */
async function renderers() {
  const found = new Map();
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmd.includes('--type=renderer')) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    if (peak) found.set(pid, Number(peak[1]));
  }
  return found;
}

const dir = process.argv[2];
const server = await serveDist();
const browser = await launchBrowser();
const results = {};
try {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.link')).sort()) {
    const name = file.replace(/\.link$/, '');
    const link = (await readFile(join(dir, file), 'utf8')).trim();
    const before = await renderers();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = (window.__seen = { tasks: [] });
      new MutationObserver(() => {
        // The findings of the plan read (a count of several digits), or the notice saying
        // why it could not be read.
        const counts = document.querySelector('.counts')?.textContent ?? '';
        const refused = document.querySelector('.notice.error');
        if (!seen.done && (refused || (/\d/.test(counts) && !document.querySelector('.notice.ok')?.textContent.startsWith('Reading')))) {
          seen.done = performance.now();
          seen.counts = refused ? `refused: ${refused.textContent}` : counts;
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
      new PerformanceObserver((list) => {
        for (const t of list.getEntries()) seen.tasks.push(t.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.url}#${link}`);
    await page.waitForFunction(() => window.__seen.done, null, { timeout: 600000, polling: 200 });
    const seen = await page.evaluate(() => window.__seen);
    const analysis = await page.evaluate(() => performance.getEntriesByName('easnet-analysis').map((m) => m.duration));
    const after = await renderers();
    const peak = Math.max(0, ...[...after].filter(([pid]) => !before.has(pid)).map(([, kb]) => kb));
    results[name] = {
      link_bytes: link.length,
      findings_drawn_ms: Math.round(seen.done),
      longest_task_ms: Math.round(Math.max(0, ...seen.tasks)),
      analysis_ms: Math.round(Math.max(0, ...analysis)),
      tasks_over_50_ms: seen.tasks.map(Math.round),
      renderer_peak_mb: Math.round(peak / 1024),
      counts: seen.counts.replace(/\s+/g, ' ').trim().slice(0, 120),
    };
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results, null, 2));
