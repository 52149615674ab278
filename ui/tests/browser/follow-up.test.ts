// The follow-up across audits in the results of Transports Rivière's 2026 workshop (its 2025
// audit is the earlier one): the trend chart drawn by Rust, what moved by stage, theme and
// question, and the "did what we did work?" table; none for an organisation's first audit.
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

describe('follow-up across audits', () => {
  it('shows the trend and what moved since the previous audit', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    const section = page.locator(byTestId('follow-up'));
    await section.locator(byTestId('chart-trend')).waitFor();
    expect(await section.locator(byTestId('follow-up-audits')).getAttribute('data-count')).toBe('2');
    // The index and the five stages, each with a before, an after and a movement.
    const stages = section.locator(`${byTestId('follow-up-stages')} tbody tr`);
    expect(await stages.count()).toBe(6);
    expect(await stages.first().textContent()).toContain('Indice TCM');
    expect(await section.locator(byTestId('follow-up-themes')).locator('tr').count()).toBeGreaterThan(0);
    expect(await section.textContent()).toContain('Ce que nous avons fait a-t-il marché');
    await section.evaluate((element) => element.scrollIntoView());
    await shot(page, 'follow-up-fr');
    await section.locator('details.questions summary').click();
    expect(await section.locator(`${byTestId('follow-up-questions')} tbody tr`).count()).toBeGreaterThan(0);

    // The 2025 audit is the organisation's first: no follow-up in its results.
    await openAssessment(page, 'Audit TCM 2025');
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    expect(await page.locator(byTestId('follow-up')).count()).toBe(0);
    expectClean(watch);
    await page.context().close();
  });
});
