// An assessment changed after it started (title, status, targets), and the plan and results
// that follow the new targets.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, openAssessment, shot, type App } from './helpers';

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  app = await open(browser, 'seeded');
  page = app.page;
});

afterAll(async () => {
  await browser?.close();
});

/** Open proposals of the proactive stage on the plan. */
async function proactiveProposals(): Promise<number> {
  await page.locator(byTestId('plan-item')).first().waitFor();
  return page.locator(`${byTestId('plan-item')}[data-origin="proposal"][data-question-id^="pro-"]`).count();
}

describe('editing an assessment', () => {
  it('checks the form inline, then saves title and status', async () => {
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-plan')).click();
    await page.locator(byTestId('plan-item')).first().waitFor();
    await page.locator(byTestId('edit-assessment')).click();
    const dialog = page.locator(byTestId('edit-assessment-dialog'));
    await dialog.locator(byTestId('edit-title')).waitFor();
    expect(await dialog.locator(byTestId('edit-title')).inputValue()).toBe('Audit TCM 2026 — atelier direction');
    expect(await dialog.locator(`${byTestId('edit-mode-workshop')}`).isChecked()).toBe(true);
    expect(await dialog.locator(byTestId('target-proactive-3')).isChecked()).toBe(true);
    // The names of the levels come from the assessment's own scale.
    expect(await dialog.locator(byTestId('target-label-proactive')).textContent()).toBe('Déployé et mesuré');

    await dialog.locator(byTestId('edit-title')).fill(' ');
    await dialog.locator(byTestId('edit-save')).click();
    expect(await dialog.locator(byTestId('edit-errors')).textContent()).toContain('Un champ est à corriger.');
    expect(await dialog.locator('.field-error').textContent()).toBe('Donnez un titre à l’évaluation.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-title');

    // Escape leaves without saving.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(byTestId('assessment-title-heading')).textContent()).toBe('Audit TCM 2026 — atelier direction');

    await page.locator(byTestId('edit-assessment')).click();
    await dialog.locator(byTestId('edit-title')).fill('Audit TCM 2026 — comité de direction');
    await dialog.locator(byTestId('edit-status')).selectOption('completed');
    await dialog.locator(byTestId('edit-save')).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(byTestId('assessment-title-heading')).textContent()).toBe('Audit TCM 2026 — comité de direction');
    expect(await page.locator('.facts').textContent()).toContain('Terminée');
    expect((await page.locator(byTestId('assessment-saved')).textContent())?.trim()).toBe('Évaluation modifiée.');
  });

  it('lowers a target: the plan proposes less for that stage, and the results show it', async () => {
    const before = await proactiveProposals();
    await page.locator(byTestId('edit-assessment')).click();
    const dialog = page.locator(byTestId('edit-assessment-dialog'));
    await dialog.locator(byTestId('target-proactive-1')).check();
    expect(await dialog.locator(byTestId('target-label-proactive')).textContent()).toBe('Ponctuel');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'edit-assessment-fr');
    await dialog.locator(byTestId('edit-save')).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(byTestId('assessment-saved')).textContent()).toContain('suivent les nouvelles cibles');
    await expect.poll(proactiveProposals).toBeLessThan(before);
    await page.locator(byTestId('go-results')).click();
    expect(await page.locator(byTestId('stage-target-proactive')).textContent()).toBe('25,0');
    expect(await page.locator(byTestId('stage-target-curative')).textContent()).toBe('75,0');
    expectClean(app.watch);
  });
});
