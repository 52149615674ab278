// The whole self-assessment journey in the real window: create an assessment, answer the
// whole grid with the keyboard, close and reopen the app (every answer is there, resumed at
// the last question), compare the scores shown with `tcm score`, export the PDF report and
// check it with pdftotext, switch to English and back. User text carries an XSS payload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, test } from 'node:test';
import { byTestId, freshDatabase, openApp, press, screenshot } from './session.js';

const PAYLOAD = 'Maison <img src=x onerror="window.__xss=1"> Durand';
const database = freshDatabase();
const cli = process.env.TCM_E2E_CLI;
let browser;
const answers = new Map();
/** The grid's last question, answered last by the keyboard run. */
let lastAnswered = null;

after(async () => {
  await browser?.deleteSession();
});

/** The answer given to the n-th question, and the key that gives it. */
function answerFor(index) {
  const cycle = [
    ['3', '3'],
    ['1', '1'],
    ['4', '4'],
    ['2', '2'],
    ['NA', 'n'],
    ['0', '0'],
    ['2', '2'],
    ['?', '?'],
  ];
  return cycle[index % cycle.length];
}

async function questionId() {
  return (await byTestId(browser, 'question-card')).getAttribute('data-question-id');
}

test('a new assessment is created from the form', async () => {
  ({ browser } = await openApp({ database }));
  await byTestId(browser, 'screen-home');
  await screenshot(browser, 'real-home-empty');
  await press(browser, await byTestId(browser, 'new-assessment'));
  await byTestId(browser, 'screen-new');
  await (await byTestId(browser, 'org-name')).setValue(PAYLOAD);
  await (await byTestId(browser, 'org-sector')).selectByAttribute('value', 'retail');
  await (await byTestId(browser, 'assessment-title')).setValue('Audit « 2026 » de l’entreprise');
  await press(browser, await browser.$('[data-testid="mode-self"]'));
  await press(browser, await browser.$('[data-testid="questionnaire-tcm-92"]'));
  await (await byTestId(browser, 'first-respondent')).setValue('Claire <script>window.__xss=2</script>');
  await screenshot(browser, 'real-new-assessment');
  await press(browser, await byTestId(browser, 'create-assessment'));
  await byTestId(browser, 'screen-questionnaire');
  assert.equal(await questionId(), 'cre-01');
});

test('the whole grid is answered with the keyboard, each answer saved', async () => {
  const card = await byTestId(browser, 'question-card');
  await browser.execute((element) => element.focus(), card);
  for (let index = 0; index < 92; index += 1) {
    const id = await questionId();
    const [value, key] = answerFor(index);
    await browser.keys(key);
    await browser.waitUntil(
      async () => (await (await browser.$('[data-testid="saved-state"]')).getAttribute('data-state')) === 'saved',
      { timeout: 10000, timeoutMsg: `${id} was not saved` },
    );
    answers.set(id, value);
    lastAnswered = id;
    if (index === 40) await screenshot(browser, 'real-questionnaire');
    if (index < 91) {
      await browser.keys('Enter');
      await browser.waitUntil(async () => (await questionId()) !== id, { timeout: 5000, timeoutMsg: `stuck on ${id}` });
    }
  }
  assert.equal(answers.size, 92, 'every question got its own answer');
  const overall = await byTestId(browser, 'progress-overall');
  assert.equal(await overall.getAttribute('data-answered'), '92');
  assert.equal(await overall.getAttribute('data-total'), '92');
  assert.equal(await browser.execute(() => window.__xss), null, 'no user text ran as code');
});

test('closing and reopening the app finds every answer, resumed where it stopped', async () => {
  await browser.deleteSession();
  ({ browser } = await openApp({ database }));
  const row = await byTestId(browser, 'assessment-row');
  assert.ok((await row.getText()).includes(PAYLOAD), 'the organisation name shows exactly as typed');
  await screenshot(browser, 'real-home');
  await press(browser, await row.$('[data-testid="open-assessment"]'));
  await byTestId(browser, 'screen-questionnaire');
  assert.equal(await questionId(), lastAnswered, 'resumed at the last question answered');
  const overall = await byTestId(browser, 'progress-overall');
  assert.equal(await overall.getAttribute('data-answered'), '92');
  // The stored answers are the ones typed: the CLI reads the same database.
  const exported = execFileSync(cli, ['--db', database, 'export', '--assessment', '1', '--format', 'csv', '--out', `${database}.csv`]);
  assert.ok(exported.toString().includes('written'));
  const rows = execFileSync('cat', [`${database}.csv`]).toString().trim().split('\n').slice(1);
  assert.equal(rows.length, 92);
  for (const line of rows) {
    const [, question, value] = line.split(',');
    assert.equal(value, answers.get(question), `${question}`);
  }
  assert.equal(await browser.execute(() => window.__xss), null);
});

test('the scores shown equal tcm score on the same answers', async () => {
  await press(browser, await byTestId(browser, 'go-results'));
  await byTestId(browser, 'screen-results');
  const expected = JSON.parse(execFileSync(cli, ['--db', database, 'score', '--assessment', '1']).toString());
  const number = (text) => Number(text.replace(/\s/g, '').replace(',', '.').match(/-?\d+(\.\d+)?/)[0]);
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="overall-score"]')).getText()) !== '', { timeout: 15000 });
  assert.equal(number(await (await byTestId(browser, 'overall-score')).getText()), expected.overall);
  for (const stage of expected.stages) {
    const shown = await (await byTestId(browser, `stage-score-${stage.id}`)).getText();
    assert.equal(number(shown), stage.score, `stage ${stage.id}: ${shown}`);
  }
  await screenshot(browser, 'real-results');
  await press(browser, await byTestId(browser, 'go-plan'));
  await byTestId(browser, 'screen-plan');
  await byTestId(browser, 'plan-item');
  await screenshot(browser, 'real-plan');
});

test('the PDF report is exported and reads back with pdftotext', async () => {
  await press(browser, await byTestId(browser, 'go-export'));
  await byTestId(browser, 'screen-export');
  await press(browser, await byTestId(browser, 'export-pdf'));
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="export-status"]')).getAttribute('data-state')) === 'success',
    { timeout: 30000, timeoutMsg: 'the PDF export did not finish' },
  );
  const path = await (await byTestId(browser, 'export-path')).getText();
  assert.ok(existsSync(path), `${path} exists`);
  const text = execFileSync('pdftotext', [path, '-']).toString().replace(/[\u00a0\u202f]/g, ' ');
  for (const expected of ['Plan d’action', PAYLOAD, 'Créative', 'Préventive', 'Proactive', 'Audit « 2026 » de l’entreprise']) {
    assert.ok(text.includes(expected), `the report holds ${expected}`);
  }
  await screenshot(browser, 'real-export');
});

test('the interface switches to English and back', async () => {
  await press(browser, await byTestId(browser, 'go-results'));
  await byTestId(browser, 'screen-results');
  await press(browser, await byTestId(browser, 'language-en'));
  await browser.waitUntil(async () => (await (await byTestId(browser, 'screen-results')).getText()).includes('Preventive'), {
    timeout: 10000,
    timeoutMsg: 'the results did not switch to English',
  });
  await screenshot(browser, 'real-results-en');
  await press(browser, await byTestId(browser, 'language-fr'));
  await browser.waitUntil(async () => (await (await byTestId(browser, 'screen-results')).getText()).includes('Préventive'), {
    timeout: 10000,
    timeoutMsg: 'the results did not switch back to French',
  });
  assert.equal(await browser.execute(() => window.__xss), null);
});
