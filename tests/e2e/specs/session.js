// Opens a WebDriver session on the real TCM Workbench window through tauri-driver.
import { remote } from 'webdriverio';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data folder per session, so tests never touch a real user's data. */
export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), 'tcm-e2e-'));
}

export async function openApp({ dataDir = freshDataDir(), env = {} } = {}) {
  const application = process.env.TCM_E2E_APPLICATION;
  if (!application) throw new Error('TCM_E2E_APPLICATION is not set: run tests/e2e/run.sh');
  const browser = await remote({
    hostname: '127.0.0.1',
    port: Number(process.env.TCM_E2E_DRIVER_PORT ?? 4444),
    logLevel: 'error',
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application, env: { XDG_DATA_HOME: dataDir, ...env } },
    },
  });
  return { browser, dataDir };
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

export async function screenshot(browser, name) {
  const directory = process.env.TCM_E2E_ARTIFACTS;
  if (!directory) return;
  await browser.pause(300);
  await browser.saveScreenshot(join(directory, `${name}.png`));
}
