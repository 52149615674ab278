// The private benchmark in the results of Transports Rivière's 2026 workshop: the seed's
// database alone holds too few other clients (nothing shown, not even a count); with the
// recorded folder of past clients' .tcm files added, each stage and the index are placed on
// their quartiles with the count of audits, and the filter by sector and size changes the cell.
// The folder is remembered in the database (found again after a restart), read with the
// progress dialog and its Cancel, and forgotten on request.
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

  it('remembers the folder, reads it with progress and Cancel, and forgets it on request', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    const section = page.locator(byTestId('benchmark'));
    await section.locator(byTestId('benchmark-add-folder')).click();
    const figures = section.locator(`${byTestId('benchmark-figures')} li`);
    await figures.first().waitFor();

    // The app opened again: the folder is remembered and read without asking.
    await page.reload();
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    await figures.first().waitFor();
    expect(await figures.count()).toBe(6);
    expect(await section.locator(byTestId('benchmark-folder')).textContent()).toContain('Rendus des groupes');

    // A slow folder: the progress dialog tells the files read and Cancel stops the reading.
    await page.evaluate(() => {
      (window as unknown as { __tcmMock: { operationLatency: number } }).__tcmMock.operationLatency = 4_000;
    });
    await section.locator(byTestId('benchmark-filter')).selectOption('all');
    const dialog = page.locator(byTestId('progress-dialog'));
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Lecture des audits passés');
    expect(await dialog.getAttribute('data-step')).toBe('reading');
    await page.locator(byTestId('progress-cancel')).click();
    await section.locator(byTestId('benchmark-cancelled')).waitFor();
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await page.evaluate(() => {
      (window as unknown as { __tcmMock: { operationLatency: number } }).__tcmMock.operationLatency = 15;
    });
    await section.getByRole('button', { name: 'Relire le dossier' }).click();
    await figures.first().waitFor();

    // Forgotten: the database alone again, and the folder can be added anew.
    await section.locator(byTestId('benchmark-remove-folder')).click();
    await section.locator(byTestId('benchmark-empty')).waitFor();
    await section.locator(byTestId('benchmark-add-folder')).waitFor();
    expect(await section.locator(byTestId('benchmark-folder')).count()).toBe(0);
    expectClean(watch);
    await page.context().close();
  });

  it('tells in the export screen that a report was made without a folder gone', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    const section = page.locator(byTestId('benchmark'));
    await section.locator(byTestId('benchmark-add-folder')).click();
    await section.locator(`${byTestId('benchmark-figures')} li`).first().waitFor();

    // Read while the folder is there: nothing to say.
    await page.locator(byTestId('go-export')).click();
    await page.locator(byTestId('export-pdf')).click();
    const status = page.locator(byTestId('export-status'));
    await expect.poll(() => status.getAttribute('data-state')).toBe('success');
    expect(await page.locator(byTestId('export-folder-problem')).count()).toBe(0);

    // The folder moved away: the PDF and the Word report are still written, and say so.
    await page.evaluate(() => {
      (window as unknown as { __tcmMock: { benchmarkFolderGone(gone: boolean): void } }).__tcmMock.benchmarkFolderGone(true);
    });
    const done = { pdf: 'Rapport PDF enregistré', docx: 'Document Word enregistré' };
    for (const kind of ['pdf', 'docx'] as const) {
      await page.locator(byTestId(`export-${kind}`)).click();
      const notice = page.locator(byTestId('export-folder-problem'));
      await notice.waitFor();
      await expect.poll(() => status.textContent()).toContain(done[kind]);
      expect(await notice.getAttribute('data-issue')).toBe('missing');
      const text = await notice.textContent();
      expect(text).toContain('Rendus des groupes');
      expect(text).toMatch(/Le rapport a été fait sans les audits du dossier de comparaison .+\u00a0: il est introuvable/);
    }
    await shot(page, 'export-benchmark-folder-gone-fr');
    // Another export than the report reads no folder: nothing said.
    await page.locator(byTestId('export-xlsx')).click();
    await expect.poll(() => status.textContent()).toContain('Classeur enregistré');
    expect(await page.locator(byTestId('export-folder-problem')).count()).toBe(0);
    const written = await page.evaluate(() =>
      (window as unknown as { __tcmMock: { files(): { what: string }[] } }).__tcmMock.files().map((file) => file.what),
    );
    expect(written).toEqual(['pdf', 'pdf', 'docx', 'xlsx']);
    expectClean(watch);
    await page.context().close();
  });
});
