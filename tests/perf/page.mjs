// Measures the served release page in headless Chromium (a benchmark, not a test):
//  - first render: from navigation start to the first frame after the app started, median of 5
//    fresh loads;
//  - re-analysis: a keystroke in a field of the large plan: the analysis in the page (the
//    `easnet-analysis` measure the app leaves) and the whole edit until the next frame,
//    median of 11 edits after 3 to warm up.
// Prints JSON; `scripts/bench-page` runs it after a release build.
import { serveDist, launchBrowser } from '../e2e/harness.mjs';
import { readFile } from 'node:fs/promises';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launchBrowser();
const results = {};
try {
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('easnet-first-render').length > 0);
    loads.push(await page.evaluate(() => performance.getEntriesByName('easnet-first-render')[0].startTime));
    await context.close();
  }
  results.first_render_ms = { median: median(loads), runs: loads };

  const large = process.argv[2] ? await readFile(process.argv[2], 'utf8') : null;
  if (large) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.evaluate((text) => {
      const area = document.getElementById('import-text');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, large);
    await page.getByRole('button', { name: 'Import pasted JSON' }).click();
    await page.getByText('Imported the plan').waitFor({ timeout: 120000 });
    // Three edits to warm up (the engine compiles the hot wasm functions with its optimizing
    // tier), then eleven measured.
    const edits = [];
    for (let i = 0; i < 14; i++) {
      const edit = await page.evaluate(async (n) => {
        const input = document.getElementById('f-region');
        const counts = document.querySelector('.counts');
        const before = counts.textContent;
        const t0 = performance.now();
        input.value = `cn-hangzhou-${n}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The reducer re-analyses and Yew redraws on the next frames; wait for a frame.
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const analysis = performance.getEntriesByName('easnet-analysis').at(-1)?.duration;
        return { ms: performance.now() - t0, analysis, redrawn: counts.textContent === before };
      }, i);
      if (i >= 3) edits.push(edit);
    }
    // The analysis itself (the core in wasm), then the whole edit until the next frame.
    results.analysis_large_plan_ms = { median: median(edits.map((e) => e.analysis)), runs: edits.map((e) => e.analysis) };
    results.edit_large_plan_ms = { median: median(edits.map((e) => e.ms)), runs: edits.map((e) => e.ms) };
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results, null, 2));
