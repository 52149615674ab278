// Opens a WebDriver session on the real TCM Workbench window through tauri-driver.
// tauri-driver forwards the application's arguments (not an environment): each session gets
// its own database with `--db`.
import { remote } from 'webdriverio';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh database path in a new temporary folder, so tests never touch real data. */
export function freshDatabase() {
  return join(mkdtempSync(join(tmpdir(), 'tcm-e2e-')), 'tcm.sqlite');
}

export async function openApp({ database = freshDatabase() } = {}) {
  const application = process.env.TCM_E2E_APPLICATION;
  if (!application) throw new Error('TCM_E2E_APPLICATION is not set: run tests/e2e/run.sh');
  const browser = await remote({
    hostname: '127.0.0.1',
    port: Number(process.env.TCM_E2E_DRIVER_PORT ?? 4444),
    logLevel: 'error',
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application, args: ['--db', database] },
    },
  });
  return { browser, database };
}

/** Waits for `selector` to hold `count` elements and returns their texts. */
export async function textsOf(browser, selector, count) {
  await browser.waitUntil(async () => (await browser.$$(selector).length) === count, {
    timeout: 15000,
    timeoutMsg: `expected ${count} × ${selector}`,
  });
  const texts = [];
  for (const element of await browser.$$(selector)) texts.push(await element.getText());
  return texts;
}

/** The element for a test id, once displayed. */
export async function byTestId(browser, id, timeout = 15000) {
  const element = await browser.$(`[data-testid="${id}"]`);
  await element.waitForDisplayed({ timeout, timeoutMsg: `[data-testid="${id}"] is not displayed` });
  return element;
}

/** Clicks through the DOM (hidden radio inputs, elements under a sticky header). */
export async function press(browser, element) {
  await browser.execute((target) => target.click(), element);
}

export async function screenshot(browser, name) {
  const directory = process.env.TCM_E2E_ARTIFACTS;
  if (!directory) return;
  await browser.pause(300);
  // WebKitWebDriver takes a screenshot after the page's next drawing. The app draws without
  // GPU compositing (src-tauri/src/webview.rs), and then a page where nothing changes is not
  // drawn again and the screenshot waits forever. Keep the page drawing (an invisible outline
  // toggled for two seconds) while the screenshot is taken.
  await browser.execute(() => {
    const body = document.body;
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      body.style.outline = ticks % 2 ? '1px solid rgb(0 0 0 / 1%)' : '';
      if (ticks < 20) setTimeout(tick, 100);
      else body.style.outline = '';
    };
    setTimeout(tick, 50);
  });
  await browser.saveScreenshot(join(directory, `${name}.png`));
}
