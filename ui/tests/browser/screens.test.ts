// Every screen in its designed states: first launch, seeded lists, the demo, settings and
// backups, and the recovery screen when the database cannot be opened. With TCM_SCREENSHOTS
// set, this is also where docs/screenshots come from.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, currentQuestion, expectClean, launch, open, openAssessment, shot } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('screens', () => {
  it('explains the tool on first launch and opens the demo', async () => {
    const { page, watch } = await open(browser, 'empty');
    await page.locator(byTestId('home-empty')).waitFor();
    expect(await page.locator(byTestId('stage-name')).allTextContents()).toEqual([
      'Créative',
      'Active',
      'Curative',
      'Préventive',
      'Proactive',
    ]);
    await shot(page, 'home-fr');
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    expect(await page.locator(byTestId('assessment-organisation')).textContent()).toContain('démo');
    await page.locator(byTestId('home')).click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    expect(await page.locator(byTestId('assessment-row')).count()).toBe(1);
    // Opening the demo again opens the same assessment.
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('overall-score')).waitFor();
    await page.locator(byTestId('home')).click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    expect(await page.locator(byTestId('assessment-row')).count()).toBe(1);
    expectClean(watch);
    await page.context().close();
  });

  it('lists assessments with progress, index, level and last change, and searches them', async () => {
    // Mid-afternoon in Paris: "2 hours ago" stays on the same calendar day whatever the hour
    // the suite runs at (between 00:00 and 02:00 it would read "hier").
    const { page, watch } = await open(browser, 'seeded', {
      fixedTime: new Date('2026-11-26T15:00:00+01:00'),
    });
    const rows = page.locator(byTestId('assessment-row'));
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    const riviere = rows.filter({ hasText: 'atelier direction' });
    expect(await riviere.textContent()).toMatch(/92 \/ 92 questions/);
    expect(await riviere.textContent()).toMatch(/\d+,\d/);
    expect(await riviere.textContent()).toContain('il y a 2 heures');
    await shot(page, 'home-list-fr');
    await page.locator(byTestId('search')).fill('riviere');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator(byTestId('search')).fill('');

    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('question-card')).waitFor();
    expect(await currentQuestion(page)).toBe('pro-14');
    await page.locator(byTestId('stage-step-curative')).click();
    await page.keyboard.press('h');
    await page.locator(byTestId('question-help')).waitFor();
    await shot(page, 'questionnaire-help-fr');
    await page.locator(byTestId('view-list')).click();
    await shot(page, 'questionnaire-theme-fr');
    await page.locator(byTestId('view-card')).click();

    // A classroom assessment uses the 25-question variant.
    await openAssessment(page, 'Décathlon');
    await page.locator(byTestId('question-card')).waitFor();
    expect(await page.locator(byTestId('progress-overall')).getAttribute('data-total')).toBe('25');
    expectClean(watch);
    await page.context().close();
  });

  it('shows where the data lives, takes a backup and restores one after confirmation', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('backup-row')).first().waitFor();
    expect(await page.locator(byTestId('database-path')).textContent()).toContain('tcm-workbench/tcm.sqlite');
    expect(await page.locator(byTestId('backup-row')).count()).toBe(4);
    await shot(page, 'settings-fr');
    await page.locator(byTestId('backup-now')).click();
    await page.locator(byTestId('backup-taken')).waitFor();
    await expect.poll(() => page.locator(byTestId('backup-row')).count()).toBe(5);
    await page.locator(byTestId('restore-backup')).nth(2).click();
    await page.locator(byTestId('confirm-dialog')).waitFor();
    await page.locator(byTestId('confirm-cancel')).click();
    expect(await page.locator(byTestId('restore-status')).count()).toBe(0);
    await page.locator(byTestId('restore-backup')).nth(2).click();
    await page.locator(byTestId('confirm-ok')).click();
    await page.locator(byTestId('restore-status')).waitFor();
    expect(await page.locator(byTestId('restore-status')).textContent()).toContain('before-restore');

    // Large text for the projector, and back.
    await page.locator(byTestId('text-large')).check();
    expect(await page.locator('html').getAttribute('class')).toContain('large-text');
    await page.locator(byTestId('text-normal')).check();
    await page.locator(byTestId('settings-back')).click();
    await page.locator(byTestId('screen-home')).waitFor();
    expectClean(watch);
    await page.context().close();
  });

  it('shows errors from the backend with their message and a way to retry', async () => {
    const { page, watch } = await open(browser, 'seeded');
    await page.locator(byTestId('assessment-row')).first().waitFor();
    type Mock = { __tcmMock: { failNext(command: string, count?: number, kind?: string, message?: string): void } };
    await page.evaluate(() => (window as unknown as Mock).__tcmMock.failNext('list_assessments'));
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('home')).click();
    const error = page.locator(byTestId('error'));
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('storage');
    expect(await error.textContent()).toContain('disk I/O error');
    await error.locator('button').click();
    await page.locator(byTestId('assessment-row')).first().waitFor();

    await page.evaluate(() =>
      (window as unknown as Mock).__tcmMock.failNext('create_assessment', 1, 'invalidInput', 'the organisation needs a name'),
    );
    await page.locator(byTestId('new-assessment')).click();
    await page.locator(byTestId('org-name')).fill('Coopérative du Val');
    await page.locator(byTestId('org-sector')).selectOption('association');
    await page.locator(byTestId('create-assessment')).click();
    await page.locator(byTestId('create-error')).waitFor();
    expect(await page.locator(byTestId('create-error')).textContent()).toContain('the organisation needs a name');
    // Nothing was lost: sending again works. Without a first respondent, the questionnaire
    // asks who answers before anything else.
    await page.locator(byTestId('create-assessment')).click();
    await page.locator(byTestId('no-respondent')).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('respondent-name');
    await page.keyboard.type('Bureau du Val');
    await page.keyboard.press('Enter');
    await page.locator(byTestId('question-card')).waitFor();

    await page.evaluate(() => (window as unknown as Mock).__tcmMock.failNext('assessment_detail', 1, 'notFound', 'assessment 99 does not exist'));
    await page.locator(byTestId('go-plan')).click();
    await page.locator(byTestId('back-home')).click();
    await page.locator(byTestId('assessment-row')).first().locator(byTestId('open-assessment')).click();
    await page.locator(byTestId('error')).waitFor();
    expect(await page.locator(byTestId('error')).textContent()).toContain('Cette évaluation n’existe plus');
    await page.locator(byTestId('back-home')).click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    expectClean(watch);
    await page.context().close();
  });

  it('offers to restore a backup when the database cannot be opened', async () => {
    const { page, watch } = await open(browser, 'damaged');
    await page.locator(byTestId('screen-recovery')).waitFor();
    // Said in French for a desktop user: no command line, a button to restore the latest backup.
    const said = (await page.locator(byTestId('opening-error')).textContent()) ?? '';
    expect(said).toContain('est endommagé ou n’est pas une base TCM Workbench');
    // The intro is worded by the cause: a damaged file, so « peut-être endommagé ».
    const intro = page.locator(byTestId('recovery-intro'));
    expect(await intro.getAttribute('data-cause')).toBe('damaged');
    expect(await intro.textContent()).toContain('Le fichier est peut-être endommagé');
    const screen = (await page.locator(byTestId('screen-recovery')).textContent()) ?? '';
    expect(screen).not.toContain('tcm restore');
    expect(screen).not.toContain('--db');
    await page.locator(byTestId('backup-row')).first().waitFor();
    await page.locator(byTestId('recovery-restore-latest')).waitFor();
    await shot(page, 'recovery-fr');
    await page.locator(byTestId('recovery-restore-latest')).click();
    await page.locator(byTestId('recovery-done')).waitFor();
    await page.locator(byTestId('recovery-continue')).click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    expectClean(watch);
    await page.context().close();
  });
});

describe('the recovery screen, as a desktop user expects', () => {
  const calls = (page: import('playwright-core').Page) =>
    page.evaluate(() =>
      (window as unknown as { __tcmMock: { calls: { command: string; args: unknown }[] } }).__tcmMock.calls.map(
        (call) => ({ command: call.command, args: call.args }),
      ),
    );

  it('opens another database file picked in the open dialog', async () => {
    const { page, watch } = await open(browser, 'damaged');
    await page.locator(byTestId('screen-recovery')).waitFor();
    const other = page.locator(byTestId('recovery-open-other'));
    expect((await other.textContent())?.trim()).toBe('Ouvrir un autre fichier');
    await other.click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    const made = await calls(page);
    const dialog = made.find((call) => call.command === 'choose_open_path');
    expect(dialog?.args).toMatchObject({ filterName: 'Bases TCM Workbench', extensions: ['sqlite', 'db'] });
    expect(made.find((call) => call.command === 'open_database')?.args).toMatchObject({
      path: '/home/claire/Documents/copie-tcm.sqlite',
    });
    await page.locator(byTestId('go-settings')).click();
    expect(await page.locator('main').textContent()).toContain('/home/claire/Documents/copie-tcm.sqlite');
    expectClean(watch);
    await page.context().close();
  });

  it('says why another file does not open, and offers to quit', async () => {
    const { page, watch } = await open(browser, 'damaged');
    await page.locator(byTestId('screen-recovery')).waitFor();
    await page.evaluate(() =>
      (window as unknown as { __tcmMock: { openFile(path: string): void } }).__tcmMock.openFile(
        '/home/claire/Documents/photo.png',
      ),
    );
    await page.locator(byTestId('recovery-open-other')).click();
    await page.locator(`${byTestId('screen-recovery')} [role="alert"]`).first().waitFor();
    const said = (await page.locator(byTestId('screen-recovery')).textContent()) ?? '';
    expect(said).toContain('/home/claire/Documents/photo.png est endommagé ou n’est pas une base TCM Workbench');
    const quit = page.locator(byTestId('recovery-quit'));
    expect((await quit.textContent())?.trim()).toBe('Quitter');
    await quit.click();
    await expect.poll(async () => (await calls(page)).some((call) => call.command === 'quit_app')).toBe(true);
    expectClean(watch);
    await page.context().close();
  });
});

describe('a database opened read-only', () => {
  it('says so on every screen and offers no editing, while reading and exports work', async () => {
    const { page, watch } = await open(browser, 'read-only');
    const banner = page.locator(byTestId('read-only-banner'));
    await banner.waitFor();
    const said = (await banner.textContent()) ?? '';
    expect(said).toContain('Ouvert en lecture seule');
    expect(said).toContain('est en lecture seule\u00a0: vos droits ne permettent pas de l’écrire');
    expect(said).toContain('sauvegarder dans un autre dossier');
    expect(await page.locator(byTestId('new-assessment')).first().isDisabled()).toBe(true);
    expect(await page.locator(byTestId('import-tcm')).first().isDisabled()).toBe(true);
    expect(await page.locator(byTestId('delete-assessment')).first().isDisabled()).toBe(true);
    await shot(page, 'read-only-fr');
    // Reading works: an audit opens, its questions show, but no answer can be given.
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('question-card')).waitFor();
    expect(await banner.isVisible()).toBe(true);
    const level = page.locator(`${byTestId('question-card')} ${byTestId('answer-3')}`).first();
    expect(await level.isDisabled()).toBe(true);
    const question = await currentQuestion(page);
    const before = await level.getAttribute('aria-pressed');
    await page.keyboard.press('3');
    await page.waitForTimeout(300);
    expect(await level.getAttribute('aria-pressed')).toBe(before);
    expect(await currentQuestion(page)).toBe(question);
    expect(await page.locator(byTestId('comment')).getAttribute('readonly')).not.toBeNull();
    expectClean(watch);
    await page.context().close();
  });
});
