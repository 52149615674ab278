// User text is always text: markup typed in every field shows exactly as typed and never runs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, launch, open, type App } from './helpers';

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=1;alert(1)</script>';
const SVG = '"><svg onload="window.__xss=1;alert(1)"><b>gras</b>';

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

async function noExecution() {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(app.watch.dialogs).toEqual([]);
  expect(app.watch.errors).toEqual([]);
  // An injected <img src=x> would have asked for /x.
  expect(app.watch.requests.filter((url) => /\/x$/.test(url))).toEqual([]);
  // Nothing was parsed into elements.
  expect(await page.locator('main img[src="x"], main script, main svg[onload]').count()).toBe(0);
}

describe('user text is never markup', () => {
  it('in the organisation, title and first respondent', async () => {
    await page.locator(byTestId('new-assessment')).click();
    await page.locator(byTestId('org-name')).fill(IMG);
    await page.locator(byTestId('org-sector')).selectOption('other');
    await page.locator(byTestId('assessment-title')).fill(SCRIPT);
    await page.locator(byTestId('first-respondent')).fill(SVG);
    await page.locator(byTestId('create-assessment')).click();
    await page.locator(byTestId('question-card')).waitFor();
    expect(await page.locator(byTestId('assessment-organisation')).textContent()).toBe(IMG);
    expect(await page.locator(byTestId('assessment-title-heading')).textContent()).toBe(SCRIPT);
    expect(await page.locator(`${byTestId('respondent-select')} option[data-respondent]`).first().textContent()).toContain(SVG);
    await noExecution();
  });

  it('in a respondent added inline, with a role', async () => {
    await page.locator(byTestId('add-respondent')).click();
    await page.locator(byTestId('respondent-name')).fill(SCRIPT);
    await page.locator(byTestId('respondent-role')).fill(IMG);
    await page.locator(byTestId('respondent-save')).click();
    await expect
      .poll(() => page.locator(`${byTestId('respondent-select')} option[data-respondent]`).allTextContents())
      .toEqual([SVG, `${SCRIPT} — ${IMG}`]);
    await noExecution();
  });

  it('in a comment, saved and read back', async () => {
    await page.locator(byTestId('question-card')).focus();
    await page.keyboard.press('2');
    await page.locator(byTestId('comment')).fill(`${IMG} ${SCRIPT}`);
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    await page.locator(byTestId('go-questionnaire')).click();
    await page.locator(byTestId('question-card')).waitFor();
    expect(await page.locator(byTestId('comment')).inputValue()).toBe(`${IMG} ${SCRIPT}`);
    await page.locator(byTestId('view-list')).click();
    expect(await page.locator('[data-testid="question-row"] .row-comment').first().getAttribute('title')).toBe(`${IMG} ${SCRIPT}`);
    await page.locator(byTestId('view-card')).click();
    await noExecution();
  });

  it('in an action’s title, owner and description', async () => {
    await page.locator(byTestId('go-plan')).click();
    await page.locator(byTestId('add-action')).click();
    await page.locator(byTestId('action-title')).fill(SCRIPT);
    await page.locator(byTestId('action-owner')).fill(IMG);
    await page.locator(byTestId('action-description')).fill(SVG);
    await page.locator(byTestId('action-save')).click();
    const item = page.locator(byTestId('plan-item')).filter({ hasText: 'window.__xss' }).first();
    await item.waitFor();
    expect(await item.locator(byTestId('plan-item-title')).textContent()).toBe(SCRIPT);
    expect(await item.locator(byTestId('plan-item-owner')).textContent()).toBe(IMG);
    expect(await item.locator('.description').textContent()).toBe(SVG);
    expect(await page.locator(byTestId('plan-status')).textContent()).toContain(SCRIPT);
    await page.locator(byTestId('plan-view-matrix')).click();
    expect(await page.locator(byTestId('matrix-item')).filter({ hasText: 'window.__xss' }).first().textContent()).toContain(SCRIPT);
    await noExecution();
  });

  it('in the home list, its search and the export file names', async () => {
    await page.locator(byTestId('go-export')).click();
    await page.locator(byTestId('export-tcm')).click();
    await page.locator(`${byTestId('export-status')}[data-state="success"]`).waitFor();
    const path = (await page.locator(byTestId('export-path')).textContent()) ?? '';
    expect(path.startsWith('/home/claire/Documents/')).toBe(true);
    // The suggested name keeps no path separator or markup character.
    expect(path.slice('/home/claire/Documents/'.length)).not.toMatch(/[/<>"]/);

    await page.locator(byTestId('home')).click();
    const row = page.locator(byTestId('assessment-row')).filter({ hasText: 'window.__xss' });
    await row.waitFor();
    expect(await row.locator('.organisation').textContent()).toBe(IMG);
    expect(await row.locator('.title').textContent()).toBe(SCRIPT);
    await page.locator(byTestId('search')).fill('<script>');
    await expect.poll(() => page.locator(byTestId('assessment-row')).count()).toBe(1);
    await page.locator(byTestId('search')).fill('<nothing like this>');
    expect(await page.locator(byTestId('no-match')).textContent()).toContain('<nothing like this>');
    await row.waitFor({ state: 'detached' });
    await page.locator(byTestId('delete-assessment')).count();
    await noExecution();
  });
});
