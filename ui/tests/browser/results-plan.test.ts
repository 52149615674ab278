// Results with their charts and scores, the action plan edited, exports through the save
// dialog, the interface switched to English and back, and the plan's proposals worded in it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, openAssessment, shot, type App } from './helpers';

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

const STAGES = ['creative', 'active', 'curative', 'preventive', 'proactive'];

type Mock = { __tcmMock: { calls: { command: string; args: Record<string, unknown> }[] } };

describe('results, plan and export', () => {
  it('shows the overall index, the stage scores and every chart', async () => {
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-results')).click();
    const overall = await page.locator(byTestId('overall-score')).textContent();
    expect(overall).toMatch(/^\d{1,3},\d$/);
    expect(await page.locator(byTestId('overall-level')).textContent()).toMatch(/Niveau [1-5] — /);
    for (const stage of STAGES)
      expect(await page.locator(byTestId(`stage-score-${stage}`)).textContent()).toMatch(/^(\d{1,3},\d|—)$/);
    for (const chart of ['chart-radar', 'chart-stage-bars', 'chart-theme-bars', 'chart-heatmap', 'chart-dispersion']) {
      const image = page.locator(byTestId(chart));
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(100);
      expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      expect(await image.getAttribute('alt')).not.toBe('');
    }
    expect(await page.locator(`${byTestId('strengths')} li`).count()).toBe(3);
    expect(await page.locator(`${byTestId('weaknesses')} li`).count()).toBe(3);
    await page.locator(`${byTestId('how-computed')} summary`).click();
    const how = await page.locator(byTestId('how-computed')).textContent();
    expect(how).toContain('100 × Σ(poids × valeur) / Σ(poids × 4)');
    expect(how).toContain('Embryonnaire');
    expect(how).toContain('Partenariale');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'results-fr');
  });

  it('takes up a proposal with an owner and a due date, then edits, dismisses and deletes it', async () => {
    await page.locator(byTestId('go-plan')).click();
    const first = page.locator(byTestId('plan-item')).first();
    await first.waitFor();
    await shot(page, 'plan-fr');
    const key = await first.getAttribute('data-key');
    expect(key).toMatch(/^question:/);
    const title = await first.locator(byTestId('plan-item-title')).textContent();
    const question = await first.getAttribute('data-question-id');

    await first.locator(byTestId('plan-edit')).click();
    await page.locator(byTestId('action-owner')).fill('Karim Benali');
    await page.locator(byTestId('action-due')).fill('2027-06-30');
    await page.locator(byTestId('action-status')).selectOption('in-progress');
    await page.locator(byTestId('action-effort-1')).check();
    await page.locator(byTestId('action-save')).click();
    await page.locator(byTestId('plan-status')).waitFor();
    expect(await page.locator(byTestId('plan-status')).textContent()).toContain(title!);

    const kept = page.locator(`${byTestId('plan-item')}[data-origin="kept"][data-question-id="${question}"]`);
    await kept.waitFor();
    const keptKey = await kept.getAttribute('data-key');
    expect(keptKey).toMatch(/^action:\d+$/);
    expect(await kept.locator(byTestId('plan-item-due')).textContent()).toContain('30 juin 2027');
    expect(await kept.locator(byTestId('plan-item-status')).textContent()).toBe('En cours');

    // Edit again: the change persists through the command.
    await kept.locator(byTestId('plan-edit')).click();
    await page.locator(byTestId('action-title')).fill('Nommer un sponsor au comité de direction');
    await page.locator(byTestId('action-save')).click();
    const renamed = page.locator(`[data-testid="plan-item"][data-key="${keptKey}"]`);
    await expect.poll(() => renamed.locator(byTestId('plan-item-title')).textContent()).toBe('Nommer un sponsor au comité de direction');

    // Dismiss: it leaves the open list and shows among the closed ones.
    await renamed.locator(byTestId('plan-dismiss')).click();
    await renamed.waitFor({ state: 'detached' });
    await page.locator(byTestId('plan-status-filter')).selectOption('closed');
    await expect.poll(() => renamed.getAttribute('data-status')).toBe('dismissed');

    // Delete the kept action: the proposal comes back.
    await renamed.locator(byTestId('plan-delete')).click();
    await page.locator(byTestId('confirm-ok')).click();
    await page.locator(byTestId('plan-status-filter')).selectOption('open');
    await page.locator(`[data-testid="plan-item"][data-key="${key}"]`).waitFor();
    expect(await page.locator(`[data-testid="plan-item"][data-key="${key}"]`).getAttribute('data-origin')).toBe('proposal');
  });

  it('adds an action to a stage and places items on the impact/effort matrix', async () => {
    await page.locator(byTestId('add-action')).click();
    await page.locator(byTestId('action-stage')).selectOption('preventive');
    await page.locator(byTestId('action-title')).fill('Appeler les abonnés qui ne renouvellent pas');
    await page.locator(byTestId('action-impact-3')).check();
    await page.locator(byTestId('action-effort-1')).check();
    await page.locator(byTestId('action-save')).click();
    await page.locator(`${byTestId('plan-item')}:has-text("Appeler les abonnés")`).waitFor();

    await page.locator(byTestId('plan-view-matrix')).click();
    await page.locator(byTestId('plan-matrix')).waitFor();
    expect(await page.locator(byTestId('matrix-cell')).count()).toBe(9);
    await page.locator(byTestId('plan-stage-preventive')).click();
    const topLeft = page.locator('[data-testid="matrix-cell"][data-impact="3"][data-effort="1"]');
    const more = topLeft.locator(byTestId('matrix-more'));
    if (await more.count()) await more.click();
    expect(await topLeft.textContent()).toContain('Appeler les abonnés');
    await shot(page, 'plan-matrix-fr');
    await page.locator(`${byTestId('matrix-item')}:has-text("Appeler les abonnés")`).click();
    await page.locator(byTestId('action-editor')).waitFor();
    await page.locator(byTestId('action-owner')).fill('Sophie Le Gall');
    await page.locator(byTestId('action-save')).click();
    await page.locator(byTestId('plan-status')).waitFor();
    await page.locator(byTestId('plan-view-list')).click();
    expect(await page.locator(`${byTestId('plan-item')}:has-text("Appeler les abonnés") ${byTestId('plan-item-owner')}`).textContent()).toBe(
      'Sophie Le Gall',
    );
  });

  it('exports through the save dialog and says where the file went, or that nothing was written', async () => {
    await page.locator(byTestId('go-export')).click();
    const status = page.locator(byTestId('export-status'));
    for (const [button, extension] of [
      ['export-pdf', 'pdf'],
      ['export-xlsx', 'xlsx'],
      ['export-csv', 'csv'],
      ['export-tcm', 'tcm'],
      ['export-blank-grid', 'pdf'],
    ]) {
      await page.locator(byTestId(button)).click();
      await page.locator(`${byTestId('export-status')}[data-state="success"]`).waitFor();
      expect(await page.locator(byTestId('export-path')).textContent()).toMatch(
        new RegExp(`^/home/claire/Documents/.+\\.${extension}$`),
      );
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'export-fr');
    await page.evaluate(() => (window as unknown as { __tcmMock: { cancelDialogs(value: boolean): void } }).__tcmMock.cancelDialogs(true));
    await page.locator(byTestId('export-pdf')).click();
    await page.locator(`${byTestId('export-status')}[data-state="cancelled"]`).waitFor();
    await page.evaluate(() => (window as unknown as { __tcmMock: { cancelDialogs(value: boolean): void } }).__tcmMock.cancelDialogs(false));
    await page.evaluate(() =>
      (window as unknown as { __tcmMock: { failNext(command: string): void } }).__tcmMock.failNext('export_report'),
    );
    await page.locator(byTestId('export-pdf')).click();
    await page.locator(`${byTestId('export-status')}[data-state="error"]`).waitFor();
    expect(await status.textContent()).toContain('Le rapport PDF n’a pas été enregistré');

    await page.locator(byTestId('import-responses')).click();
    await page.locator(`${byTestId('export-status')}[data-state="success"]`).waitFor();
    expect(await page.locator(byTestId('ignored-columns')).textContent()).toContain('Horodatage');
    const files = await page.evaluate(() => (window as unknown as { __tcmMock: { files(): { what: string }[] } }).__tcmMock.files());
    expect(files.map((file) => file.what)).toEqual(['pdf', 'xlsx', 'csv', 'tcm', 'blank-grid']);
  });

  it('writes the forms to send out and says how a responses file was read', async () => {
    await page.locator(byTestId('go-export')).click();
    for (const form of ['xlsx', 'xlsform', 'script', 'word', 'lss', 'choices']) {
      await page.locator(byTestId(`export-form-${form}`)).click();
      await page.locator(`${byTestId('form-status')}[data-state="success"]`).waitFor();
    }
    const files = await page.evaluate(() => (window as unknown as { __tcmMock: { files(): { what: string }[] } }).__tcmMock.files());
    expect(files.map((file) => file.what).slice(-6)).toEqual(['formxlsx', 'formxlsform', 'formscript', 'formword', 'formlimesurvey', 'formchoices']);
    await page.locator(byTestId('import-responses')).click();
    await page.locator(`${byTestId('export-status')}[data-state="success"]`).waitFor();
    expect(await page.locator(byTestId('import-anonymous')).textContent()).toContain('Répondant 1');
    await page.locator(byTestId('form-exports')).scrollIntoViewIfNeeded();
    await shot(page, 'export-forms-fr');
  });

  it('switches to English and back to French', async () => {
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    const french = await page.locator(byTestId('overall-score')).textContent();
    await page.locator(byTestId('language-en')).click();
    await expect.poll(() => page.locator(byTestId('go-results')).textContent()).toContain('Results');
    await expect.poll(() => page.locator(byTestId('overall-score')).textContent()).toBe(french!.replace(',', '.'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator(byTestId('overall-level')).textContent()).toMatch(/Level [1-5] — /);
    await page.locator(byTestId('language-fr')).click();
    await expect.poll(() => page.locator(byTestId('go-results')).textContent()).toContain('Résultats');
    expect(await page.locator(byTestId('overall-score')).textContent()).toBe(french);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expectClean(app.watch);
  });

  it('words the plan’s proposals in the interface’s language', async () => {
    await page.locator(byTestId('go-plan')).click();
    const proposals = page.locator(`${byTestId('plan-item')}[data-origin="proposal"]`);
    await proposals.first().waitFor();
    const [key, other] = await Promise.all([proposals.nth(0).getAttribute('data-key'), proposals.nth(1).getAttribute('data-key')]);
    const title = (which: string | null) =>
      page.locator(`[data-testid="plan-item"][data-key="${which}"] [data-testid="plan-item-title"]`).textContent();
    const [french, otherFrench] = await Promise.all([title(key), title(other)]);
    const kept = page.locator(`${byTestId('plan-item')}[data-origin="kept"]`).first();
    const keptTitle = await kept.locator(byTestId('plan-item-title')).textContent();

    await page.locator(byTestId('language-en')).click();
    await expect.poll(() => title(key)).not.toBe(french);
    expect(await title(other)).not.toBe(otherFrench);
    // What the user kept keeps its own words.
    expect(await kept.locator(byTestId('plan-item-title')).textContent()).toBe(keptTitle);
    const calls = () => page.evaluate(() => (window as unknown as Mock).__tcmMock.calls);
    expect((await calls()).filter((call) => call.command === 'action_plan').at(-1)?.args.language).toBe('en');

    // A proposal taken up is kept as worded on screen; the plan returned stays in English.
    const english = await title(key);
    await page.locator(`[data-testid="plan-item"][data-key="${key}"] ${byTestId('plan-keep')}`).click();
    const taken = page.locator(`${byTestId('plan-item')}[data-origin="kept"]`).filter({ hasText: english! });
    await taken.waitFor();
    expect((await calls()).filter((call) => call.command === 'keep_action').at(-1)?.args.language).toBe('en');
    const otherEnglish = await title(other);
    expect(otherEnglish).not.toBe(otherFrench);

    await page.locator(byTestId('language-fr')).click();
    await expect.poll(() => title(other)).toBe(otherFrench);
    expect(await taken.locator(byTestId('plan-item-title')).textContent()).toBe(english);
    expectClean(app.watch);
  });
});
