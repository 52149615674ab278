// A database opened read-only: every screen is walked and no control that writes is on. Each
// control that writes carries `data-writes` (access.svelte.ts's `writes`); here every such
// control is off, says why in its tooltip and points at the banner's explanation; every field
// still editable is one that writes nothing (filters, display, export choices); a bar dragged on
// the roadmap stays in its wave; exports stay on; and the window sends no writing command.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITES } from '../../src/mock/writes';
import { byTestId, expectClean, launch, open, openAssessment, shot, type App } from './helpers';

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  app = await open(browser, 'read-only');
  page = app.page;
  await page.locator(byTestId('read-only-banner')).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

/** Fields that stay editable because they write nothing: what to show, display, export choices. */
const HARMLESS_FIELDS = new Set([
  'search',
  'respondent-select',
  'plan-status-filter',
  'plan-label-filter',
  'plan-group',
  'export-language',
  'grid-questionnaire',
  'grid-language',
  'settings-language-fr',
  'settings-language-en',
  'text-normal',
  'text-large',
]);

interface Control {
  name: string;
  off: boolean;
  described: string | null;
  title: string;
}

/** Every control marked as writing, as the page shows it. */
function marked(): Promise<Control[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-writes]')].map((element) => ({
      name: element.dataset.testid ?? element.id ?? element.textContent?.trim() ?? element.tagName,
      off: element.matches(':disabled') || (element as HTMLTextAreaElement).readOnly === true,
      described: element.getAttribute('aria-describedby'),
      title: element.title,
    })),
  );
}

/** The visible fields one could still type in or change, by test id (or id, name, label). */
function editableFields(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
      .filter((field) => field.type !== 'hidden' && !field.matches(':disabled') && !field.readOnly)
      .filter((field) => field.checkVisibility())
      .map(
        (field) =>
          field.dataset.testid || field.id || field.name || field.getAttribute('aria-label') || field.outerHTML.slice(0, 80),
      ),
  );
}

/** The screen offers no write: at least `expected` marked controls, all off and explained. */
async function expectNoWrite(screen: string, expected: string[]): Promise<void> {
  const controls = await marked();
  const names = controls.map((control) => control.name);
  for (const name of expected) expect(names, `${screen}: ${name}`).toContain(name);
  for (const control of controls) {
    expect(control.off, `${screen}: ${control.name} is on`).toBe(true);
    expect(control.described, `${screen}: ${control.name}`).toBe('read-only-why');
    expect(control.title.length, `${screen}: ${control.name} has no tooltip`).toBeGreaterThan(0);
  }
  const fields = (await editableFields()).filter((field) => !HARMLESS_FIELDS.has(field));
  expect(fields, `${screen}: fields still editable`).toEqual([]);
  // The explanation the controls point at is on screen.
  expect(await page.locator('#read-only-why').isVisible()).toBe(true);
}

async function sent(): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __tcmMock: { calls: { command: string }[] } }).__tcmMock.calls.map((call) => call.command),
  );
}

describe('a database opened read-only, screen by screen', () => {
  it('home: nothing to create, import or delete', async () => {
    await page.locator(byTestId('assessment-row')).first().waitFor();
    await expectNoWrite('home', ['new-assessment', 'import-tcm', 'open-demo', 'delete-assessment']);
  });

  it('questionnaire: no answer, comment, respondent, personal data, edit, follow-up audit or live session', async () => {
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('question-card')).waitFor();
    await expectNoWrite('questionnaire', [
      'answer-3',
      'answer-na',
      'comment',
      'add-respondent',
      'respondent-privacy',
      'edit-assessment',
      'new-reaudit',
    ]);
    const title = await page.locator(byTestId('answer-3')).first().getAttribute('title');
    expect(title).not.toContain('Lecture seule');
    await shot(page, 'read-only-questionnaire-fr');
  });

  it('results: read as usual', async () => {
    await page.locator(byTestId('go-results')).click();
    await page.locator(byTestId('screen-results')).waitFor();
    await expectNoWrite('results', ['edit-assessment']);
  });

  it('plan and roadmap: no status, owner, date, note, new action, wave or drag', async () => {
    await page.locator(byTestId('go-plan')).click();
    await page.locator(byTestId('plan-item')).first().waitFor();
    const row = page.locator(byTestId('roadmap-initiative')).first();
    await row.waitFor();
    await expectNoWrite('plan', ['add-action', 'plan-edit', 'roadmap-wave']);
    const names = (await marked()).map((control) => control.name);
    expect(names.some((name) => name === 'plan-keep' || name === 'plan-dismiss')).toBe(true);

    // A bar dragged to the start of the timeline stays in its wave.
    const last = page.locator(byTestId('roadmap-initiative')).last();
    const wave = await last.getAttribute('data-wave');
    await last.scrollIntoViewIfNeeded();
    const bar = last.locator(byTestId('roadmap-bar'));
    const from = (await bar.boundingBox())!;
    const track = (await last.locator('.track').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + 4, from.y + from.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await last.getAttribute('data-wave')).toBe(wave);
    expect(await last.getAttribute('data-source')).toBe('derived');
    expect(await page.locator(byTestId('roadmap')).textContent()).toContain('Lecture seule');
    await page.locator(byTestId('roadmap')).evaluate((element) => element.scrollIntoView());
    await shot(page, 'read-only-roadmap-fr');

    // The matrix shows an item's card, without its editor.
    await page.locator(byTestId('plan-view-matrix')).click();
    await page.locator(byTestId('matrix-item')).first().click();
    await page.locator('.matrix-editor').waitFor();
    expect(await page.locator(byTestId('action-editor')).count()).toBe(0);
    await expectNoWrite('plan matrix', ['plan-edit']);
    await page.locator(byTestId('plan-view-list')).click();
  });

  it('export: reports and files stay on, importing answers and the report settings are off', async () => {
    await page.locator(byTestId('go-export')).click();
    await page.locator(byTestId('export-pdf')).waitFor();
    await expectNoWrite('export', ['import-responses']);
    for (const id of ['export-pdf', 'export-docx', 'export-xlsx', 'export-tcm', 'export-blank-grid'])
      expect(await page.locator(byTestId(id)).isEnabled(), id).toBe(true);
    await page.locator(byTestId('report-settings-open')).click();
    await page.locator(byTestId('rs-firm')).waitFor();
    await expectNoWrite('report settings', ['rs-save', 'rs-logo-choose']);
    expect(await page.locator(byTestId('rs-firm')).isDisabled()).toBe(true);
    await shot(page, 'read-only-report-settings-fr');
    await page.locator(byTestId('rs-cancel')).click();
  });

  it('settings: no restore; a backup and the display choices stay on', async () => {
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('backup-row')).first().waitFor();
    await expectNoWrite('settings', ['restore-backup']);
    expect(await page.locator(byTestId('backup-now')).isEnabled()).toBe(true);
    await page.locator(byTestId('backup-row')).first().scrollIntoViewIfNeeded();
    await shot(page, 'read-only-settings-fr');
  });

  it('classroom: no class created', async () => {
    await page.locator(byTestId('go-classroom')).click();
    await page.locator(byTestId('new-class-form')).waitFor();
    await expectNoWrite('classroom', ['create-class']);
  });

  it('sent no command that writes', async () => {
    const writes = (await sent()).filter((command) => WRITES.test(command));
    expect(writes).toEqual([]);
    expectClean(app.watch);
  });
});
