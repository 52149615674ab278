// A lesson in the real window: the teacher starts a class exercise from a shipped case (the
// case text beside the questions), hands out its starter file, imports a folder of 40 groups'
// returned `.tcm` files (generated here from that starter, with varied answers around the
// case's key and some justifications) plus one from another class that must be refused, opens
// the grading view, and exports the class workbook (XLSX) and the debrief report (PDF), read
// back with unzip and pdftotext.
//
// The folder dialog answers `TCM_E2E_OPEN_FOLDER` (with-driver.sh), the save dialogs
// `TCM_E2E_SAVE_DIR`: debug-only hooks of src-tauri/src/commands/dialogs.rs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { byTestId, openApp, press, screenshot, textsOf } from './session.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAVE_DIR = process.env.TCM_E2E_SAVE_DIR;
const FOLDER = process.env.TCM_E2E_OPEN_FOLDER;
const GROUPS = 40;

let browser;

after(async () => {
  await browser?.deleteSession();
});

/** A small deterministic generator, so every run imports the same class. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The teacher's key of a shipped case, read from its file: question id → "0"–"4" or "NA". */
function keyOf(caseId) {
  const text = readFileSync(join(ROOT, 'cases', `${caseId}.toml`), 'utf8');
  const key = new Map();
  for (const match of text.matchAll(/\[\[key\]\]\s*\nquestion = "([^"]+)"\s*\nanswer = "?([0-4]|NA)"?/g)) key.set(match[1], match[2]);
  assert.ok(key.size >= 20, `the key of ${caseId} was not found`);
  return key;
}

const JUSTIFICATIONS = [
  'D’après le cas, § 2\u00a0: la marque le fait déjà, mais pas partout.',
  'Le texte parle d’un «\u00a0projet\u00a0» seulement\u00a0: rien n’est en place.',
  'Nous n’avons rien trouvé dans le cas sur ce point.',
];

/** A group's returned file: the starter with the group and its answers added. */
function groupFile(starter, label, key, skill, next) {
  const file = JSON.parse(starter);
  file.respondents = [...(file.respondents ?? []), { label, role: '', group: label }];
  const answers = [];
  for (const [question, level] of key) {
    const draw = next();
    if (draw < 0.04) continue; // left blank
    let answer = level;
    if (level === 'NA') answer = next() < skill ? 'NA' : '1';
    else if (next() >= skill) {
      const step = (next() < 0.75 ? 1 : 2) * (next() < 0.5 ? -1 : 1);
      const moved = Number(level) + step;
      answer = String(moved >= 0 && moved <= 4 ? moved : Number(level) - step);
    }
    const comment = next() < 0.3 ? JUSTIFICATIONS[Math.floor(next() * JUSTIFICATIONS.length)] : null;
    answers.push({ respondent: label, question, answer, comment, updated_at: '2026-11-26T09:00:00Z' });
  }
  file.answers = [...(file.answers ?? []), ...answers];
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Each file of the save folder with its modification time, to tell the next one saved. */
function savedFiles() {
  return new Map(readdirSync(SAVE_DIR).map((name) => [name, statSync(join(SAVE_DIR, name)).mtimeMs]));
}

/** The `.extension` file a save dialog wrote after `before` (new, or written again), once complete. */
async function saved(extension, before) {
  let found;
  await browser.waitUntil(
    () => {
      found = [...savedFiles()]
        .filter(([name, time]) => name.endsWith(`.${extension}`) && (!before.has(name) || time > before.get(name)))
        .map(([name]) => join(SAVE_DIR, name))
        .find((path) => statSync(path).size > 0);
      return Boolean(found);
    },
    { timeout: 30000, timeoutMsg: `no .${extension} file was saved in ${SAVE_DIR}` },
  );
  // The save is complete once its size stops changing.
  let size = -1;
  await browser.waitUntil(() => {
    const now = statSync(found).size;
    const stable = now === size;
    size = now;
    return stable;
  }, { timeout: 30000, interval: 300 });
  return found;
}

/** Fills a field through the DOM (WebKitWebDriver's keys are unreliable on inputs). */
async function fill(element, value) {
  await browser.execute(
    (field, text) => {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

/** Creates a class exercise on `caseId` and exports its starter file; returns its text. */
async function createExercise(caseId, className) {
  await press(browser, await byTestId(browser, 'go-classroom'));
  const select = await byTestId(browser, 'class-case');
  const option = await browser.$(`[data-testid="class-case"] option[value^="${caseId}@"]`);
  await option.waitForExist({ timeout: 15000, timeoutMsg: `case ${caseId} is not offered` });
  await fill(select, await option.getAttribute('value'));
  await fill(await byTestId(browser, 'class-name'), className);
  await press(browser, await byTestId(browser, 'create-class'));
  await byTestId(browser, 'class-title');
  await press(browser, await byTestId(browser, 'class-tab-files'));
  const before = savedFiles();
  await press(browser, await byTestId(browser, 'export-starter'));
  return readFileSync(await saved('tcm', before), 'utf8');
}

test('the teacher starts a class exercise and reads the case beside the questions', async () => {
  assert.ok(SAVE_DIR && FOLDER, 'run through tests/e2e/run.sh (TCM_E2E_SAVE_DIR, TCM_E2E_OPEN_FOLDER)');
  ({ browser } = await openApp());
  // Another class on another case: one of its files will come back by mistake.
  const foreignStarter = await createExercise('aurore-rappel', 'Autre classe');
  const starter = await createExercise('bledina-pas-a-pas', 'M2 Marketing « 2026 »');
  assert.match(await (await byTestId(browser, 'class-title')).getText(), /Blédina/);

  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  const key = keyOf('bledina-pas-a-pas');
  const next = random(2026);
  for (let index = 0; index < GROUPS; index += 1) {
    const label = `Groupe ${String(index + 1).padStart(2, '0')}`;
    const skill = 0.75 - (0.45 * (index % 8)) / 7;
    writeFileSync(join(FOLDER, `groupe-${String(index + 1).padStart(2, '0')}.tcm`), groupFile(starter, label, key, skill, next));
  }
  writeFileSync(join(FOLDER, 'groupe-autre-cas.tcm'), groupFile(foreignStarter, 'Groupe 41', keyOf('aurore-rappel'), 0.6, next));
  writeFileSync(join(FOLDER, 'consignes.txt'), 'Rendre le fichier .tcm du groupe.\n');

  // The case text and the questions, side by side (a group answers on this machine).
  await press(browser, await byTestId(browser, 'class-tab-read'));
  await fill(await byTestId(browser, 'reader-new-group'), 'Groupe au tableau');
  await browser.execute(() => document.querySelector('.add-group button[type="submit"]').click());
  const question = await byTestId(browser, 'reader-question');
  const caseText = await browser.$('.reader .case');
  const [textBox, questionBox] = [await caseText.getLocation(), await question.getLocation()];
  assert.ok(textBox.x < questionBox.x, 'the case text is left of the questions');
  await screenshot(browser, 'class-case-reader-window-fr');
});

test('the teacher imports the folder of 40 groups: every file listed, the foreign one refused', async () => {
  await press(browser, await byTestId(browser, 'class-tab-files'));
  await press(browser, await byTestId(browser, 'import-folder'));
  await byTestId(browser, 'folder-outcome', 30000);
  await screenshot(browser, 'class-folder-import-window-fr');
  const imported = await textsOf(browser, '[data-testid="imported-files"] tbody tr', GROUPS);
  assert.match(imported[0], /groupe-01\.tcm/);
  const refused = await textsOf(browser, '[data-testid="refused-files"] tbody tr', 1);
  assert.match(refused[0], /groupe-autre-cas\.tcm/);
});

test('the grading view shows the 40 groups against the key, and the class exports', async () => {
  await press(browser, await byTestId(browser, 'class-tab-grade'));
  await byTestId(browser, 'grading-view', 30000);
  // 40 returned groups and the one that answered on this machine (no answer yet).
  const rows = await textsOf(browser, '[data-testid="group-metrics"] tbody tr', GROUPS + 1);
  assert.ok(rows.some((row) => row.startsWith('Groupe 40')));
  assert.ok(rows.some((row) => /\d+\s%/.test(row)), "rates are shown as percentages");
  await screenshot(browser, 'class-grading-window-fr');

  let before = savedFiles();
  await press(browser, await byTestId(browser, 'export-class-xlsx'));
  const workbook = await saved('xlsx', before);
  const listing = execFileSync('unzip', ['-l', workbook], { encoding: 'utf8' });
  const sheets = listing.split('\n').filter((line) => /xl\/worksheets\/sheet\d+\.xml/.test(line)).length;
  assert.ok(sheets >= GROUPS + 1, `the workbook has a sheet for the class and one per group (${sheets})`);
  const strings = execFileSync('unzip', ['-p', workbook, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  assert.match(strings, /Groupe 40/);

  before = savedFiles();
  await press(browser, await byTestId(browser, 'export-class-pdf'));
  const report = await saved('pdf', before);
  const text = execFileSync('pdftotext', ['-layout', report, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
  assert.match(text, /Blédina/);
  assert.match(text, /M2 Marketing « 2026 »/);
  assert.match(text, /Groupe 40/);
  assert.match(text, /[Kk]appa/);
  assert.ok(existsSync(report));
});
