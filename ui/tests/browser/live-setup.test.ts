// The start form of a live session (mock backend: it lists loopback and runs no session):
// a self-paced session on questions chosen one by one, with the picker's stage boxes, filter,
// count and the Start button held back until something is chosen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('live session setup', () => {
  it('chooses the questions of a self-paced session one by one', async () => {
    const { page, watch } = await open(browser, 'empty');
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('go-live')).click();
    await page.locator(byTestId('live-setup')).waitFor();
    await page.locator(byTestId('live-pace-self')).check();
    await page.locator(byTestId('live-stage')).selectOption('chosen');
    const picker = page.locator(byTestId('live-question-picker'));
    const count = picker.locator(byTestId('live-pick-count'));
    const start = page.locator(byTestId('live-start'));
    expect((await count.textContent())?.trim()).toBe('aucune question choisie');
    expect(await start.isDisabled()).toBe(true);

    // A stage's box takes all its questions; one unticked leaves the stage partly chosen.
    const creative = picker.locator(byTestId('live-pick-stage')).first();
    await creative.check();
    const creativeQuestions = await picker.locator(`${byTestId('live-pick-question')}[data-question^="cre-"]`).count();
    expect(creativeQuestions).toBeGreaterThan(5);
    expect((await count.textContent())?.trim()).toBe(`${creativeQuestions} questions choisies`);
    await picker.locator(`${byTestId('live-pick-question')}[data-question="cre-01"]`).uncheck();
    expect((await count.textContent())?.trim()).toBe(`${creativeQuestions - 1} questions choisies`);
    expect(await creative.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);
    expect(await start.isDisabled()).toBe(false);

    // The filter narrows the list shown, not the choice.
    await picker.locator(byTestId('live-pick-filter')).fill('pro-02');
    expect(await picker.locator(byTestId('live-pick-question')).count()).toBe(1);
    await picker.locator(`${byTestId('live-pick-question')}[data-question="pro-02"]`).check();
    expect((await count.textContent())?.trim()).toBe(`${creativeQuestions} questions choisies`);

    await picker.getByRole('button', { name: 'Tout décocher' }).click();
    expect((await count.textContent())?.trim()).toBe('aucune question choisie');
    expect(await start.isDisabled()).toBe(true);
    expectClean(watch);
    await page.context().close();
  });
});
