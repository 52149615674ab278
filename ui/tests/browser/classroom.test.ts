// The lesson in the window: a class exercise started from a shipped case, the case read beside
// the questions, the groups' folder imported (one file refused: another case's), the grading
// view, the projector debrief and the class exports. Every figure on screen is the real
// handlers' (ui/src/mock/fixtures/classroom.json).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, shot, type App } from './helpers';

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

/** Whether anything inside `selector` is wider than its box (text cut or a scroll bar). */
async function overflows(selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((root) =>
    [root, ...root.querySelectorAll('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return style.overflowX !== 'auto' && style.overflowX !== 'scroll' && element.scrollWidth > element.clientWidth + 1;
      })
      .filter((element) => element.clientWidth > 0)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
}

describe('classroom', () => {
  it('starts a class exercise from a shipped case and shows the case beside the questions', async () => {
    await page.locator(byTestId('go-classroom')).click();
    const cases = page.locator(`${byTestId('class-case')} option`);
    await expect.poll(() => cases.count()).toBe(3);
    const value = await page.locator(`${byTestId('class-case')} option[value^="bledina-pas-a-pas@"]`).getAttribute('value');
    await page.locator(byTestId('class-case')).selectOption(value!);
    await page.locator(byTestId('class-name')).fill('M2 Marketing « 2026 »');
    // One group answers on this machine; the others return their files.
    await page.locator(byTestId('class-groups')).fill('Groupe 01');
    await page.locator(byTestId('create-class')).click();
    await page.locator(byTestId('class-title')).waitFor();
    expect(await page.locator(byTestId('class-title')).textContent()).toContain('Blédina');
    const question = page.locator(byTestId('reader-question'));
    await question.waitFor();
    // The case text and the question are side by side.
    const text = await page.locator('.reader .case').boundingBox();
    const asked = await question.boundingBox();
    expect(text && asked && text.x + text.width <= asked.x + 1).toBe(true);
    await shot(page, 'class-case-reader-fr');
    expect(await overflows('main')).toEqual([]);
  });

  it('imports the groups’ folder and lists what was refused and why', async () => {
    await page.locator(byTestId('class-tab-files')).click();
    await page.locator(byTestId('import-folder')).click();
    await page.locator(byTestId('folder-outcome')).waitFor();
    expect(await page.locator(`${byTestId('imported-files')} tbody tr`).count()).toBe(12);
    const refused = page.locator(`${byTestId('refused-files')} tbody tr`);
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain('groupe-autre-cas.tcm');
  });

  it('grades the class against the key', async () => {
    await page.locator(byTestId('class-tab-grade')).click();
    await page.locator(byTestId('grading-view')).waitFor();
    expect(await page.locator(`${byTestId('group-metrics')} tbody tr`).count()).toBe(12);
    expect(await page.locator(`${byTestId('stage-matrix')} tbody tr`).count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator(`${byTestId('question-grades')} tbody tr`).count()).toBeGreaterThanOrEqual(25);
    await shot(page, 'class-grading-fr');
    expect(await overflows(byTestId('grading-view'))).toEqual([]);
    await page.locator(byTestId('export-class-xlsx')).click();
    await page.locator(byTestId('export-class-pdf')).click();
    await expect
      .poll(() => page.evaluate(() => JSON.stringify(sessionStorage)))
      .toMatch(/class-xlsx[\s\S]*class-pdf|class-pdf[\s\S]*class-xlsx/);
  });

  it('debriefs one question at a time on the projector', async () => {
    await page.locator(byTestId('class-tab-debrief')).click();
    const debrief = page.locator(byTestId('debrief'));
    await debrief.waitFor();
    const first = await debrief.getAttribute('data-question');
    await page.locator(byTestId('debrief-reveal')).click();
    await page.locator(byTestId('debrief-key')).waitFor();
    await shot(page, 'class-debrief-fr');
    expect(await overflows(byTestId('debrief'))).toEqual([]);
    await page.locator(byTestId('debrief-next')).click();
    await expect.poll(() => debrief.getAttribute('data-question')).not.toBe(first);
    expectClean(app.watch);
  });
});
