// The progress dialog of long operations: absent when an operation is quick, shown with its
// step, count and Cancel button when it lasts; Cancel stops it (nothing saved, no error shown)
// and the window stays usable meanwhile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, shot } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Remembers in the page whether the progress dialog ever appeared. */
async function watchDialog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const flags = window as unknown as { __progressSeen: boolean };
    flags.__progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="progress-dialog"]')) flags.__progressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const dialogSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen);

const setLatency = (page: Page, milliseconds: number) =>
  page.evaluate((value) => {
    (window as unknown as { __tcmMock: { operationLatency: number } }).__tcmMock.operationLatency = value;
  }, milliseconds);

describe('progress dialog', () => {
  it('stays hidden for a quick backup', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('backup-row')).first().waitFor();
    await watchDialog(page);
    await page.locator(byTestId('backup-now')).click();
    await page.locator(byTestId('backup-taken')).waitFor();
    expect(await dialogSeen(page)).toBe(false);
    expectClean(watch);
    await page.context().close();
  });

  it('shows a long backup’s progress, cancels it without saving, then lets one finish', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('backup-row')).first().waitFor();
    const rows = await page.locator(byTestId('backup-row')).count();
    await setLatency(page, 4_000);

    await page.locator(byTestId('backup-now')).click();
    const dialog = page.locator(byTestId('progress-dialog'));
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Sauvegarde en cours');
    await expect.poll(() => page.locator(byTestId('progress-count')).textContent()).toMatch(/^\d[\d\u202f]* sur 4\u202f000$/);
    expect(await dialog.getAttribute('data-step')).toBe('copying');
    // Not modal: the rest of the window answers meanwhile.
    await page.locator(byTestId('text-large')).check();
    expect(await page.locator('html').getAttribute('class')).toContain('large-text');
    await page.locator(byTestId('text-normal')).check();
    await shot(page, 'progress-dialog-fr');

    await page.locator(byTestId('progress-cancel')).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(byTestId('backup-taken')).count()).toBe(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.locator(byTestId('backup-row')).count()).toBe(rows);
    const calls = await page.evaluate(
      () => (window as unknown as { __tcmMock: { calls: { command: string }[] } }).__tcmMock.calls,
    );
    expect(calls.filter((call) => call.command === 'cancel_operation')).toHaveLength(1);

    await setLatency(page, 1_200);
    await page.locator(byTestId('backup-now')).click();
    await dialog.waitFor();
    await page.locator(byTestId('backup-taken')).waitFor();
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => page.locator(byTestId('backup-row')).count()).toBe(rows + 1);
    expectClean(watch);
    await page.context().close();
  });
});
