// The start form of a live session (mock backend: it lists loopback and runs no session):
// a self-paced session on questions chosen one by one, with the picker's stage boxes, filter,
// count and the Start button held back until something is chosen; the port, chosen or left
// to the app.
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

  it('sends the port the facilitator typed, or none (0) when left empty', async () => {
    const { page, watch } = await open(browser, 'empty');
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('go-live')).click();
    await page.locator(byTestId('live-setup')).waitFor();
    const port = page.locator(byTestId('live-port'));
    expect(await port.getAttribute('placeholder')).toBe('automatique');
    const started = () =>
      page.evaluate(() =>
        (window as unknown as Mock).__tcmMock.calls
          .filter((call) => call.command === 'live_start')
          .map((call) => (call.args.input as { port: number }).port),
      );
    // The mock runs no session: each start is refused, after it was sent.
    await page.locator(byTestId('live-start')).click();
    await page.locator(byTestId('error')).waitFor();
    await port.fill('48123');
    await page.locator(byTestId('live-start')).click();
    await expect.poll(started).toEqual([0, 48123]);
    // Out of range: the form does not send it.
    await port.fill('80');
    await page.locator(byTestId('live-start')).click();
    await page.waitForTimeout(300);
    expect(await started()).toEqual([0, 48123]);
    expectClean(watch);
    await page.context().close();
  });
});

type Mock = { __tcmMock: { calls: { command: string; args: Record<string, unknown> }[] } };
