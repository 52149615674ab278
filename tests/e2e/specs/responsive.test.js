// The window stays responsive during a long import: while a large responses file is being
// imported, the progress dialog shows, the page answers DOM queries, a click and the keyboard;
// Cancel stops the import and the database holds exactly what it held before (read with the
// `tcm` CLI); imported again, the file goes in whole. The open dialog answers the file named
// by TCM_E2E_OPEN_FILE (tests/e2e/with-driver.sh), which this spec writes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { byTestId, freshDatabase, openApp, press, screenshot } from './session.js';

const RESPONDENTS = 2000;
const database = freshDatabase();
const cli = process.env.TCM_E2E_CLI;
const openFile = process.env.TCM_E2E_OPEN_FILE;
let browser;

after(async () => {
  await browser?.deleteSession();
});

/** The 92 question ids of the full grid, read from the questionnaire file. */
function questionIds() {
  const here = dirname(fileURLToPath(import.meta.url));
  const toml = readFileSync(join(here, '../../../questionnaires/tcm-92.toml'), 'utf8');
  return [...toml.matchAll(/^\[\[questions\]\]\r?\nid = "([^"]+)"/gm)].map((match) => match[1]);
}

/** Answers in the database, counted by the CLI's CSV export of assessment 1. */
function answersStored() {
  const out = `${database}.answers.csv`;
  execFileSync(cli, ['--db', database, 'export', '--assessment', '1', '--format', 'csv', '--out', out]);
  return readFileSync(out, 'utf8').trim().split('\n').length - 1;
}

async function exportState() {
  return (await browser.$('[data-testid="export-status"]')).getAttribute('data-state');
}

test('an assessment to import into', async () => {
  assert.ok(openFile, 'TCM_E2E_OPEN_FILE names the file the open dialog answers');
  const ids = questionIds();
  assert.equal(ids.length, 92);
  const lines = ['respondent;question;answer'];
  for (let person = 0; person < RESPONDENTS; person += 1) {
    ids.forEach((id, index) => lines.push(`Participant ${person};${id};${(person + index) % 5}`));
  }
  mkdirSync(dirname(openFile), { recursive: true });
  writeFileSync(openFile, `${lines.join('\n')}\n`);

  ({ browser } = await openApp({ database }));
  await press(browser, await byTestId(browser, 'new-assessment'));
  await (await byTestId(browser, 'org-name')).setValue('Atelier réactif');
  await (await byTestId(browser, 'org-sector')).selectByAttribute('value', 'retail');
  await (await byTestId(browser, 'assessment-title')).setValue('Import d’une grande classe');
  await press(browser, await browser.$('[data-testid="mode-self"]'));
  await press(browser, await browser.$('[data-testid="questionnaire-tcm-92"]'));
  await (await byTestId(browser, 'first-respondent')).setValue('Claire');
  await press(browser, await byTestId(browser, 'create-assessment'));
  await byTestId(browser, 'screen-questionnaire');
  await press(browser, await byTestId(browser, 'go-export'));
  await byTestId(browser, 'screen-export');
  assert.equal(answersStored(), 0);
});

test('during a long import the window answers, and Cancel leaves the database as it was', async () => {
  const before = answersStored();
  await press(browser, await byTestId(browser, 'import-responses'));
  const dialog = await byTestId(browser, 'progress-dialog', 30000);
  // The page answers a DOM query…
  assert.equal(await (await dialog.$('h2')).getText(), 'Import en cours');
  // …a click that re-renders it (the interface in English, then back)…
  await press(browser, await byTestId(browser, 'language-en'));
  await browser.waitUntil(async () => (await (await dialog.$('h2')).getText()) === 'Importing', {
    timeout: 5000,
    timeoutMsg: 'the dialog did not switch to English',
  });
  await press(browser, await byTestId(browser, 'language-fr'));
  // …and the keyboard: Tab moves the focus.
  const focusBefore = await browser.execute(() => document.activeElement?.outerHTML ?? '');
  await browser.keys('Tab');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.activeElement?.outerHTML ?? '')) !== focusBefore,
    { timeout: 5000, timeoutMsg: 'Tab did not move the focus' },
  );
  assert.equal(await exportState(), 'working', 'all of this happened before the import finished');
  assert.ok(await dialog.isDisplayed(), 'the import is still running');
  await screenshot(browser, 'real-import-progress');

  await press(browser, await byTestId(browser, 'progress-cancel'));
  await browser.waitUntil(async () => (await exportState()) !== 'working', {
    timeout: 300000,
    timeoutMsg: 'the cancelled import did not stop',
  });
  assert.equal(await exportState(), 'cancelled');
  assert.equal((await browser.$$('[data-testid="progress-dialog"]')).length, 0);
  assert.equal(answersStored(), before, 'nothing of the cancelled import was written');
});

test('imported again, the whole file goes in', async () => {
  await press(browser, await byTestId(browser, 'import-responses'));
  await browser.waitUntil(async () => (await exportState()) !== 'working', {
    timeout: 600000,
    timeoutMsg: 'the import did not finish',
  });
  assert.equal(await exportState(), 'success');
  assert.equal(answersStored(), RESPONDENTS * 92);
});
