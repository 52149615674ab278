// The private benchmark in the results of Transports Rivière's 2026 workshop: the seed's
// database alone holds too few other clients (nothing shown, not even a count); with the
// recorded folder of past clients' .tcm files added, each stage and the index are placed on
// their quartiles with the count of audits, and the filter by sector and size changes the cell.
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

describe('private benchmark', () => {
  it('shows nothing under five audits, then places the client once a folder is added', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    const section = page.locator(byTestId('benchmark'));
    await section.locator(byTestId('benchmark-empty')).waitFor();
    expect(await section.locator(byTestId('benchmark-filter')).count()).toBe(0);

    await section.locator(byTestId('benchmark-add-folder')).click();
    const figures = section.locator(`${byTestId('benchmark-figures')} li`);
    await figures.first().waitFor();
    expect(await figures.count()).toBe(6);
    expect(await section.locator(byTestId('benchmark-files')).textContent()).toContain('14 fichiers .tcm comptés');
    const proactive = section.locator('li[data-stage="proactive"]');
    expect(await proactive.textContent()).toMatch(/Proactive\u00a0: quartile inférieur de vos 6 audits du secteur Services/);
    expect(await proactive.textContent()).toContain('6 audits');
    await section.evaluate((element) => element.scrollIntoView());
    await shot(page, 'benchmark-fr');

    // Every client: a wider cell.
    await section.locator(byTestId('benchmark-filter')).selectOption('all');
    await expect.poll(() => proactive.textContent()).toMatch(/de vos \d+ audits$/);
    expect(await proactive.textContent()).not.toContain('6 audits');
    expectClean(watch);
    await page.context().close();
  });
});
