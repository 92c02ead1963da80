// Measures the served release page in headless Chromium (a benchmark, not a test):
//  - first render: from navigation start to the first frame after the app started, median of 5
//    fresh loads;
//  - re-analysis: a keystroke in a field of the large plan: the analysis in the page (the
//    `easnet-analysis` measure the app leaves), the keystroke until the next frame (the field
//    answers: the page analyses a large plan's typed edit once that frame is painted), and
//    the keystroke until its findings are drawn (the frame after the views stop being
//    `aria-busy`), median of 11 edits after 3 to warm up.
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
        const views = document.querySelector('.column.see');
        const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        // Asked for before the keystroke, so that this task runs right after the frame is
        // painted, ahead of the analysis the app queues the same way.
        const next = frame().then(() => performance.now());
        // The views are aria-busy from the keystroke until its analysis is drawn: the frame
        // after they stop being busy shows its findings.
        let busy = false;
        let watching;
        const caughtUp = new Promise((ok) => {
          watching = new MutationObserver(() => {
            if (views.getAttribute('aria-busy') === 'true') busy = true;
            else if (busy) {
              watching.disconnect();
              frame().then(() => ok(performance.now()));
            }
          });
          watching.observe(views, { attributes: true, attributeFilter: ['aria-busy'] });
        });
        const t0 = performance.now();
        input.value = `cn-hangzhou-${n}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Yew redraws in a microtask queued while the event was handled: this one runs after.
        await Promise.resolve();
        const handled = performance.now() - t0;
        const painted = (await next) - t0;
        // Analysed at once (a quick plan): the findings came with the keystroke's frame.
        const current = busy ? (await caughtUp) - t0 : painted;
        watching.disconnect();
        const analysis = performance.getEntriesByName('easnet-analysis').at(-1)?.duration;
        const commands = [...document.querySelectorAll('.finding code')].map((c) => c.textContent).join();
        return { handled, painted, current, analysis, analysed: commands.includes(`cn-hangzhou-${n}`) };
      }, i);
      if (i >= 3) edits.push(edit);
    }
    if (!edits.every((e) => e.analysed)) throw new Error('an edit did not reach the findings');
    const summary = (key) => ({ median: median(edits.map((e) => e[key])), runs: edits.map((e) => e[key]) });
    // The analysis itself (the core in wasm); the keystroke's own work in the page (the event,
    // the reducer, Yew's redraw; not the browser's style, layout and paint); the keystroke
    // until the field's frame is painted (bound to the display's frames: up to one frame
    // plus the work); the keystroke until its findings are on screen.
    results.analysis_large_plan_ms = summary('analysis');
    results.keystroke_work_large_plan_ms = summary('handled');
    results.edit_large_plan_ms = summary('painted');
    results.edit_to_findings_large_plan_ms = summary('current');
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results, null, 2));
