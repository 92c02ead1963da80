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

test('the page opens with the example plan and no errors', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

  await page.goto(server.url);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Plan', exact: true }).waitFor());

  assert.equal(await page.title(), 'easnet — PAI-EAS network planner');
  const body = await page.locator('body').innerText();
  assert.match(body, /easnet/);
  assert.match(body, /quickstart-broken/);
  assert.match(body, /qwen-chat/);
  assert.match(body, /vsw-uf6eas-e/);
  assert.match(body, /192\.168\.20\.0\/27/);

  await screenshot(page, 'home');
  assert.deepEqual(problems, []);
  await context.close();
});
