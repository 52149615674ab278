// "New follow-up audit" from Transports Rivière's 2026 workshop: the dialog proposes a title,
// creates the re-audit with what the real handler carried over (recorded in the mock's
// fixtures), tells what came along, and opens the new audit.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, openAssessment, shot } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('new follow-up audit', () => {
  it('carries the open plan into a new audit of the organisation and opens it', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'atelier direction');
    const organisation = await page.locator(byTestId('assessment-organisation')).textContent();
    await page.locator(byTestId('new-reaudit')).click();
    const dialog = page.locator(byTestId('reaudit-dialog'));
    const title = dialog.locator(byTestId('reaudit-title'));
    expect(await title.inputValue()).toMatch(/\(suivi\)$/);
    await title.fill('Audit de suivi 2027');
    await dialog.locator(byTestId('reaudit-create')).click();
    const done = dialog.locator(byTestId('reaudit-done'));
    await done.waitFor();
    expect(await done.textContent()).toMatch(/actions? ouvertes? reprises?/);
    await shot(page, 'reaudit-fr');
    await dialog.locator(byTestId('reaudit-go')).click();
    await expect.poll(() => page.locator(byTestId('assessment-title-heading')).textContent()).toBe('Audit de suivi 2027');
    expect(await page.locator(byTestId('assessment-organisation')).textContent()).toBe(organisation);
    expectClean(watch);
    await page.context().close();
  });
});
