// A workshop agrees on consensus values: every participant's answer side by side, the group's
// value set with the same keys, a note, a removal, and the scores that follow.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, currentQuestion, expectClean, launch, nextWithEnter, open, openAssessment, shot, type App } from './helpers';

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

const card = (question: string) => `[data-testid="question-card"][data-question-id="${question}"]`;
const saved = (question: string) => `${card(question)} [data-testid="saved-state"][data-state="saved"]`;

async function creativeScore(): Promise<number> {
  await page.locator(byTestId('go-results')).click();
  const text = (await page.locator(byTestId('stage-score-creative')).textContent()) ?? '';
  return Number(text.replace(',', '.'));
}

describe('the workshop consensus', () => {
  it('shows a question’s consensus value beside a participant’s own answer', async () => {
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('question-card')).waitFor();
    await page.locator(byTestId('stage-step-creative')).click();
    await page.locator(card('cre-01')).waitFor();
    const badge = page.locator(byTestId('consensus-badge'));
    expect(await badge.getAttribute('data-value')).toBe('2');
    expect(await badge.textContent()).toContain('Consensus\u00a0: 2');
    // Claire's own answer stays hers.
    expect(await page.locator('[data-testid^="answer-"][aria-pressed="true"]').count()).toBe(1);
  });

  it('compares every participant’s answer and sets the group’s value with the keyboard', async () => {
    const before = await creativeScore();
    await page.locator(byTestId('go-questionnaire')).click();
    await page.locator(byTestId('respondent-select')).selectOption('consensus');
    // The group carries on from the question on screen.
    await page.locator(`${card('cre-01')}[data-consensus="true"]`).waitFor();
    expect(await page.locator(byTestId('consensus-mode')).textContent()).toContain('Consensus de l’atelier');
    const spread = page.locator(byTestId('spread-answer'));
    expect(await spread.count()).toBe(3);
    expect(await spread.first().textContent()).toContain('Claire Martin');
    expect(await spread.first().textContent()).toContain('Segmentation par ligne');
    expect(await page.locator(byTestId('spread-summary')).textContent()).toContain('3 réponses sur 3');
    expect(await page.locator(`${byTestId('answer-2')}[aria-pressed="true"]`).count()).toBe(1);
    expect(await page.locator(byTestId('consensus-note')).inputValue()).toContain('les usages restent à intégrer');
    // No "don't know" for a group: neither the button nor the key.
    expect(await page.locator(byTestId('answer-dk')).count()).toBe(0);
    await page.keyboard.press('?');
    expect(await page.locator(`${byTestId('answer-2')}[aria-pressed="true"]`).count()).toBe(1);

    await page.keyboard.press('4');
    await page.locator(saved('cre-01')).waitFor();
    expect(await page.locator(`${byTestId('answer-4')}[aria-pressed="true"]`).count()).toBe(1);
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('consensus-note');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Segments comportementaux en place depuis 2025.');
    await page.keyboard.press('Escape');
    await page.locator(saved('cre-01')).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'questionnaire-consensus-fr');

    // Enter moves on; NA is a value a group can agree on.
    const next = await nextWithEnter(page, 'cre-01');
    expect(next).toBe('cre-02');
    expect(await page.locator(`${card('cre-02')} [data-testid="saved-state"]`).getAttribute('data-state')).toBe('idle');
    await page.keyboard.press('n');
    await page.locator(saved('cre-02')).waitFor();
    expect(await page.locator(`${byTestId('answer-na')}[aria-pressed="true"]`).count()).toBe(1);
    // …and removed again: the participants' mean counts once more.
    await page.locator(byTestId('clear-consensus')).click();
    await expect.poll(() => page.locator('[data-testid^="answer-"][aria-pressed="true"]').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.locator(card('cre-01')).waitFor();
    expect(await currentQuestion(page)).toBe('cre-01');

    // The value overrides the participants' mean in the scores.
    expect(await creativeScore()).toBeGreaterThan(before);
    expect(await page.locator(byTestId('results-consensus')).getAttribute('data-count')).toBe('2');
  });

  it('shows the spread for a whole theme, and the value on the participant’s screen', async () => {
    await page.locator(byTestId('go-questionnaire')).click();
    await page.locator(`${card('cre-01')}[data-consensus="true"]`).waitFor();
    await page.locator(byTestId('view-list')).click();
    await page.locator(byTestId('theme-view')).waitFor();
    expect(await page.locator(byTestId('row-spread')).count()).toBe(await page.locator(byTestId('question-row')).count());
    expect(await page.locator(byTestId('row-answer-dk')).count()).toBe(0);
    await page.locator(byTestId('view-card')).click();

    await page.locator(byTestId('respondent-select')).selectOption({ label: 'Karim Benali — Responsable service client' });
    await page.locator(`${byTestId('question-card')}:not([data-consensus])`).waitFor();
    await page.locator(byTestId('stage-step-creative')).click();
    await page.locator(card('cre-01')).waitFor();
    expect(await page.locator(byTestId('consensus-badge')).getAttribute('data-value')).toBe('4');
    expect(await page.locator(byTestId('consensus-badge')).getAttribute('title')).toContain('Segments comportementaux');
    expectClean(app.watch);
  });
});
