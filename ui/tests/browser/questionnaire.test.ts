// Create an assessment, answer a whole stage with the keyboard only, resume where the
// respondent left off, switch respondents, and see a failed save kept with a retry.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerWithKey,
  byTestId,
  currentQuestion,
  expectClean,
  launch,
  nextWithEnter,
  open,
  openAssessment,
  shot,
  type App,
} from './helpers';

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

const ORGANISATION = 'Laiterie des Monts';
const TITLE = 'Atelier relation client — décembre';

describe('the questionnaire', () => {
  it('creates an assessment from the form, with inline validation first', async () => {
    await page.locator(byTestId('new-assessment')).click();
    await page.locator(byTestId('assessment-title')).fill('');
    await page.locator(byTestId('create-assessment')).click();
    await expect.poll(() => page.locator(byTestId('form-errors')).textContent()).toContain('3 champs');
    await expect.poll(() => page.locator('.field-error').allTextContents()).toEqual([
      'Indiquez le nom de l’organisation.',
      'Choisissez un secteur.',
      'Donnez un titre à l’évaluation.',
    ]);
    // The first invalid field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('org-name');

    await page.locator(byTestId('org-name')).fill(ORGANISATION);
    await page.locator(byTestId('org-sector')).selectOption('industry');
    await page.locator(byTestId('org-size')).selectOption('small');
    await page.locator(byTestId('assessment-title')).fill(TITLE);
    await page.locator(byTestId('mode-workshop')).check();
    await page.locator(byTestId('questionnaire-tcm-92')).check();
    await page.locator(byTestId('target-proactive-3')).check();
    await expect.poll(() => page.locator(byTestId('target-label-proactive')).textContent()).toBe('Déployé et mesuré');
    await page.locator(byTestId('first-respondent')).fill('Directrice qualité');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'new-assessment-fr');
    await page.locator(byTestId('create-assessment')).click();

    await page.locator(byTestId('question-card')).waitFor();
    expect(await currentQuestion(page)).toBe('cre-01');
    expect(await page.locator(byTestId('assessment-organisation')).textContent()).toBe(ORGANISATION);
    expect(await page.locator(byTestId('progress-overall')).getAttribute('data-answered')).toBe('0');
    expect(await page.locator(byTestId('progress-overall')).getAttribute('data-total')).toBe('92');
    expect(await page.locator(byTestId('saved-state')).getAttribute('data-state')).toBe('idle');
  });

  it('answers the whole créative stage with the keyboard only, saved after each answer', async () => {
    const stage = page.locator(byTestId('stage-step-creative'));
    const total = Number(await stage.getAttribute('data-total'));
    expect(total).toBe(24);
    // The first answer shows "saving" while the command runs.
    await page.evaluate(() => ((window as unknown as { __tcmMock: { saveLatency: number } }).__tcmMock.saveLatency = 400));
    await page.keyboard.press('3');
    await page.locator(`${byTestId('saved-state')}[data-state="saving"]`).waitFor();
    await page.locator(`${byTestId('saved-state')}[data-state="saved"]`).waitFor();
    await page.evaluate(() => ((window as unknown as { __tcmMock: { saveLatency: number } }).__tcmMock.saveLatency = 20));

    // Help on demand, and keys that do nothing while typing a comment.
    await page.keyboard.press('h');
    await page.locator(byTestId('question-help')).waitFor();
    // The help describes the five levels of this question, the level given highlighted.
    expect(await page.locator(byTestId('rubric-level')).count()).toBe(5);
    expect(await page.locator(`${byTestId('rubric-level')}[aria-current="true"]`).getAttribute('data-level')).toBe('3');
    expect(await page.locator(`${byTestId('rubric-level')}[data-level="3"]`).textContent()).toContain('recalculé au moins une fois par an');
    await page.keyboard.press('h');
    await page.locator(byTestId('question-help')).waitFor({ state: 'detached' });
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment');
    await page.keyboard.type('Vu avec 2 responsables, n ? ok');
    await page.keyboard.press('ArrowLeft');
    expect(await currentQuestion(page)).toBe('cre-01');
    expect(await page.locator(`${byTestId('answer-3')}[aria-pressed="true"]`).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator(`${byTestId('saved-state')}[data-state="saved"]`).waitFor();
    await shot(page, 'questionnaire-fr');

    const keys = ['3', '0', '1', '2', '4', 'n', '?', '2'];
    let question = await nextWithEnter(page, 'cre-01');
    for (let answered = 1; answered < total; answered++) {
      const key = keys[answered % keys.length];
      await answerWithKey(page, key);
      const expected = key === 'n' ? 'na' : key === '?' ? 'dk' : key;
      expect(await page.locator(`${byTestId(`answer-${expected}`)}[aria-pressed="true"]`).count()).toBe(1);
      if (answered === 5) {
        // The arrows move too.
        await page.keyboard.press('ArrowLeft');
        await page.locator(`[data-testid="question-card"]:not([data-question-id="${question}"])`).waitFor();
        await page.keyboard.press('ArrowRight');
        await page.locator(`[data-testid="question-card"][data-question-id="${question}"]`).waitFor();
      }
      question = await nextWithEnter(page, question);
    }
    expect(question).toBe('act-01');
    expect(await stage.getAttribute('data-answered')).toBe('24');
    expect(await page.locator(byTestId('progress-overall')).getAttribute('data-answered')).toBe('24');
    expect(await page.locator(byTestId('stage-step-active')).getAttribute('aria-current')).toBe('step');
    expectClean(app.watch);
  });

  it('keeps a comment typed just before leaving the screen', async () => {
    await page.keyboard.press('2');
    await page.locator(`${byTestId('saved-state')}[data-state="saved"]`).waitFor();
    await page.locator(byTestId('comment')).fill('Baromètre annuel, pas de suivi mensuel.');
    // Leave at once, before the debounce.
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    await page.locator(byTestId('go-questionnaire')).click();
    await page.locator(byTestId('question-card')).waitFor();
    expect(await currentQuestion(page)).toBe('act-01');
    expect(await page.locator(byTestId('comment')).inputValue()).toBe('Baromètre annuel, pas de suivi mensuel.');
  });

  it('keeps a comment typed just before the window closes', async () => {
    // Saves that never finish before the window closes.
    await page.evaluate(() => ((window as unknown as { __tcmMock: { saveLatency: number } }).__tcmMock.saveLatency = 60_000));
    await page.locator(byTestId('comment')).fill('Baromètre annuel ; à rendre mensuel.');
    // Close at once: the debounce has not fired and the save cannot finish.
    await page.reload();
    await openAssessment(page, TITLE);
    await page.locator(byTestId('question-card')).waitFor();
    expect(await currentQuestion(page)).toBe('act-01');
    expect(await page.locator(byTestId('comment')).inputValue()).toBe('Baromètre annuel ; à rendre mensuel.');
    await page.locator(`${byTestId('saved-state')}[data-state="saved"]`).waitFor();
    // What the backend holds, read again.
    await page.locator(byTestId('go-plan')).click();
    await page.locator(byTestId('go-questionnaire')).click();
    await page.locator(byTestId('question-card')).waitFor();
    expect(await page.locator(byTestId('comment')).inputValue()).toBe('Baromètre annuel ; à rendre mensuel.');
  });

  it('resumes exactly where the respondent left off, after a restart', async () => {
    // Move on without answering: the position is remembered too.
    await page.locator(byTestId('question-card')).focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="question-card"][data-question-id="act-02"]').waitFor();
    await page.waitForTimeout(500);
    await page.reload();
    await openAssessment(page, TITLE);
    await page.locator(byTestId('question-card')).waitFor();
    expect(await currentQuestion(page)).toBe('act-02');
    expect(await page.locator(byTestId('progress-overall')).getAttribute('data-answered')).toBe('25');
  });

  it('adds a respondent inline and switches between respondents', async () => {
    await page.locator(byTestId('add-respondent')).click();
    await page.locator(byTestId('respondent-name')).fill('Responsable logistique');
    await page.locator(byTestId('respondent-name')).press('Enter');
    await expect
      .poll(() => page.locator(byTestId('progress-overall')).getAttribute('data-answered'))
      .toBe('0');
    expect(await currentQuestion(page)).toBe('cre-01');
    await answerWithKey(page, '1');

    const select = page.locator(byTestId('respondent-select'));
    expect(await select.locator('option[data-respondent]').allTextContents()).toEqual(['Directrice qualité', 'Responsable logistique']);
    await select.selectOption({ label: 'Directrice qualité' });
    await expect.poll(() => page.locator(byTestId('progress-overall')).getAttribute('data-answered')).toBe('25');
    expect(await currentQuestion(page)).toBe('act-02');
    await select.selectOption({ label: 'Responsable logistique' });
    await expect.poll(() => page.locator(byTestId('progress-overall')).getAttribute('data-answered')).toBe('1');
    expect(await currentQuestion(page)).toBe('cre-01');
  });

  it('shows a failed save as unsaved, keeps the answer and saves it on retry', async () => {
    await page.evaluate(() => (window as unknown as { __tcmMock: { failNext(command: string): void } }).__tcmMock.failNext('save_answer'));
    await page.locator(byTestId('question-card')).focus();
    await page.keyboard.press('4');
    await page.locator(`${byTestId('saved-state')}[data-state="error"]`).waitFor();
    expect(await page.locator(byTestId('save-error')).textContent()).toContain('disk I/O error');
    expect(await page.locator(`${byTestId('answer-4')}[aria-pressed="true"]`).count()).toBe(1);
    await shot(page, 'questionnaire-save-error-fr');
    await page.locator(byTestId('save-retry')).click();
    await page.locator(`${byTestId('saved-state')}[data-state="saved"]`).waitFor();
    expect(await page.locator(byTestId('save-error')).count()).toBe(0);
    // The failure was not a script error: only the command failed.
    expectClean(app.watch);
  });

  it('shows a whole theme as a list, answerable from the keyboard too', async () => {
    await page.locator(byTestId('view-list')).click();
    await page.locator(byTestId('theme-view')).waitFor();
    const rows = page.locator(byTestId('question-row'));
    expect(await rows.count()).toBe(5);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    await page.locator('[data-testid="question-row"][data-question-id="cre-02"] [data-testid="row-state"][data-state="saved"]').waitFor();
    await page.locator(byTestId('view-card')).click();
    expect(await currentQuestion(page)).toBe('cre-02');
  });
});
