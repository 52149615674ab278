// "What divides us" in the results of a workshop, after the session: the questions on which
// the demo's eleven respondents differed, the largest spread first, with the share of "?"
// and the value agreed afterwards; the rest of the list on demand; in French and English.
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

const number = (text: string) => Number(text.replace(',', '.'));

describe('what divides us', () => {
  it('lists the most divided questions of a workshop, then all of them on demand', async () => {
    const { page, watch } = await open(browser, 'empty');
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('go-results')).click();
    const list = page.locator(byTestId('divisions'));
    await list.waitFor();
    expect(await list.locator('h2').textContent()).toBe('Ce qui nous divise');
    expect(await list.locator('thead th').allTextContents()).toEqual([
      'Question',
      'Réponses',
      'Écart type',
      'Étendue',
      'Part de «\u00a0?\u00a0»',
      'Consensus',
    ]);
    const rows = list.locator(byTestId('division'));
    expect(await rows.count()).toBe(8);
    const spreads: number[] = [];
    for (const row of await rows.all()) {
      const id = await row.getAttribute('data-question');
      expect(await row.locator('.id').textContent()).toBe(id);
      expect((await row.locator('.text').textContent())?.length).toBeGreaterThan(10);
      const [answers, spread, range, dontKnow, agreed] = await row.locator('td').allTextContents();
      expect(number(answers)).toBeGreaterThanOrEqual(2);
      expect(number(answers)).toBeLessThanOrEqual(11);
      expect(spread).toMatch(/^\d,\d\d$/);
      spreads.push(number(spread));
      expect(range).toMatch(/^[0-4]–[0-4]$/);
      expect(dontKnow).toMatch(/^\d{1,3}\s%$/);
      expect(agreed).toMatch(/^([0-4]|NA|—)$/);
    }
    expect(spreads[0]).toBeGreaterThan(0);
    expect([...spreads].sort((a, b) => b - a), 'the largest spread first').toEqual(spreads);

    // The rest on demand, in the same order after the first eight.
    const first = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-question')));
    const toggle = list.locator(byTestId('divisions-toggle'));
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(8);
    const all = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-question')));
    expect(all.slice(0, 8)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    expect(await toggle.textContent()).toBe('Voir les premières seulement');
    await toggle.click();
    await expect.poll(() => rows.count()).toBe(8);
    await list.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await shot(page, 'results-divisions-fr');

    await page.locator(byTestId('language-en')).click();
    await expect.poll(() => list.locator('h2').textContent()).toBe('What divides us');
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/^\d\.\d\d$/);
    expectClean(watch);
    await page.context().close();
  });

  it('is not shown for a single respondent, whom nothing divides', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'Auto-évaluation de printemps');
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    expect(await page.locator(byTestId('stage-score-creative')).textContent()).toMatch(/^\d{1,3},\d$/);
    expect(await page.locator(byTestId('divisions')).count()).toBe(0);
    expectClean(watch);
    await page.context().close();
  });
});
