// The served release page, as a user sees it in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, screenshot } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh profile (own storage) with a page that records errors. */
async function open(url = server.url, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  await page.getByRole('heading', { name: /^Findings/ }).waitFor();
  return { context, page, problems };
}

test('the page opens with the example plan, its findings and no errors', async () => {
  const { context, page, problems } = await open();
  assert.equal(await page.title(), 'easnet — PAI-EAS network planner');
  const body = await page.locator('body').innerText();
  assert.match(body, /quickstart-broken/);
  assert.match(body, /INET004/);
  assert.match(body, /has 28 usable IPs; qwen-chat needs 22 \(20 peak \+ 2 surge\) and other_ips 2 = 24, 86% > 80%/);
  assert.equal(await page.locator('#f-vpcs\\[0\\]\\.vswitches\\[1\\]\\.cidr').count(), 1);
  await screenshot(page, 'home');
  assert.deepEqual(problems, []);
  await context.close();
});
