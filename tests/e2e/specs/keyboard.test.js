// A complete audit with the keyboard alone, in the real window: from the home screen, only
// keystrokes (Tab, Shift+Tab, Enter, arrows, Escape, typed text) create an assessment, answer
// the 92 questions, write a comment, reach the results and the plan, export the PDF report and
// switch the language. Scripts only read the page (what has the focus, what it looks like).
// At every Tab stop the focused element must be visible and not covered, show a focus
// indicator, and have an accessible name; after a screen change the focus must not be lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { byTestId, freshDatabase, openApp, screenshot } from './session.js';

const ORGANISATION = 'Librairie Martin & fils';
const TITLE = 'Audit 2026 de l’équipe';
const RESPONDENT = 'Claire Moreau';
const COMMENT = 'À revoir en comité';
const database = freshDatabase();
const cli = process.env.TCM_E2E_CLI;
let browser;
/** Every problem met at a Tab stop, reported together at the end. */
const problems = [];
/** How many Tab stops were audited. */
let stops = 0;
const shots = new Set();

after(async () => {
  if (process.env.TCM_E2E_ARTIFACTS) {
    writeFileSync(join(process.env.TCM_E2E_ARTIFACTS, 'keyboard-audit.json'), JSON.stringify({ stops, problems }, null, 2));
  }
  await browser?.deleteSession();
});

/**
 * What has the focus, read in the page: its accessible name, whether it can be seen (inside the
 * window, at least 4 × 4 pixels, not hidden, not under another element such as a sticky bar) and
 * whether it shows a focus indicator (an outline on it or on the label or box drawn around it,
 * or a box shadow of its own).
 */
function inspectFocus() {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return { lost: true };
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const tag = element.tagName.toLowerCase();
  const role = element.getAttribute('role') ?? '';
  let name = element.getAttribute('aria-label')?.trim() ?? '';
  const labelledBy = element.getAttribute('aria-labelledby');
  if (!name && labelledBy) {
    name = labelledBy
      .split(/\s+/)
      .map((id) => text(document.getElementById(id)))
      .join(' ')
      .trim();
  }
  if (!name && element.labels?.length) name = [...element.labels].map(text).join(' ').trim();
  if (!name) name = element.getAttribute('title')?.trim() ?? '';
  const namedByContent = ['button', 'a', 'summary'].includes(tag) || /^(button|link|tab|menuitem|option|radio|checkbox|switch|cell|treeitem)$/.test(role);
  if (!name && namedByContent) {
    name = text(element) || [...element.querySelectorAll('img[alt], svg[aria-label]')].map((image) => image.getAttribute('alt') || image.getAttribute('aria-label')).join(' ').trim();
  }

  const style = getComputedStyle(element);
  const label = element.closest('label');
  const tiny = (rect) => rect.width < 4 || rect.height < 4;
  let box = element.getBoundingClientRect();
  // A radio drawn as its label (an invisible input over a styled box) is seen as that label.
  if ((Number(style.opacity) === 0 || tiny(box)) && label) box = label.getBoundingClientRect();
  const inWindow = box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
  let covered = null;
  if (inWindow && !tiny(box)) {
    const x = Math.min(window.innerWidth - 1, Math.max(0, box.left + box.width / 2));
    const y = Math.min(window.innerHeight - 1, Math.max(0, box.top + box.height / 2));
    const hit = document.elementFromPoint(x, y);
    const ours = hit && (element.contains(hit) || hit.contains(element) || (label && label.contains(hit)));
    if (!ours && hit) covered = `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`;
  }
  const visible = style.visibility !== 'hidden' && style.display !== 'none' && !tiny(box) && inWindow;

  const outlined = (node) => {
    const own = getComputedStyle(node);
    return own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) >= 2 && !/rgba\(.*,\s*0\)$/.test(own.outlineColor);
  };
  let indicator = null;
  if (outlined(element)) indicator = 'outline';
  else if (style.boxShadow && style.boxShadow !== 'none') indicator = 'box-shadow';
  else {
    let node = element.parentElement;
    for (let depth = 0; depth < 3 && node && !indicator; depth += 1, node = node.parentElement) {
      if (outlined(node)) indicator = `outline on ${node.tagName.toLowerCase()}`;
    }
  }
  return {
    lost: false,
    tag,
    testid: element.getAttribute('data-testid') ?? '',
    answer: element.getAttribute('data-answer'),
    type: element.getAttribute('type') ?? '',
    checked: element.checked === true,
    value: 'value' in element ? String(element.value) : null,
    name,
    visible,
    covered,
    indicator,
    focusVisible: element.matches(':focus-visible'),
    arrival: element.hasAttribute('data-arrival'),
    description: `${tag}${element.id ? `#${element.id}` : ''}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''} «${name.slice(0, 40)}»`,
  };
}

/** Waits two frames: the page has scrolled what got the focus into view. */
async function settle() {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

async function focused() {
  return browser.execute(inspectFocus);
}

/** Records what is wrong with a Tab stop. */
function audit(stop, where) {
  stops += 1;
  if (stop.lost) {
    problems.push(`${where}: the focus left the page`);
    return;
  }
  if (!stop.name) problems.push(`${where}: ${stop.description} has no accessible name`);
  if (!stop.visible) problems.push(`${where}: ${stop.description} is not visible`);
  if (stop.covered) problems.push(`${where}: ${stop.description} is covered by ${stop.covered}`);
  if (!stop.indicator) problems.push(`${where}: ${stop.description} shows no focus indicator`);
}

/** One Tab (or Shift+Tab) press, audited. */
async function tab(where, { backwards = false } = {}) {
  await browser.keys(backwards ? ['Shift', 'Tab'] : ['Tab']);
  await settle();
  const stop = await focused();
  audit(stop, where);
  return stop;
}

/** Presses Tab (or Shift+Tab) until `wanted` has the focus, auditing every stop on the way. */
async function tabTo(wanted, where, { backwards = false, max = 60, onStop } = {}) {
  const matches = typeof wanted === 'string' ? (stop) => stop.testid === wanted : wanted;
  const seen = [];
  for (let count = 0; count < max; count += 1) {
    const stop = await tab(where, { backwards });
    if (onStop) await onStop(stop);
    if (matches(stop)) return stop;
    seen.push(stop.lost ? '(page)' : stop.description);
  }
  throw new Error(`${where}: ${wanted} not reached by ${backwards ? 'Shift+Tab' : 'Tab'} after ${max} stops: ${seen.join(' → ')}`);
}

/** Presses Tab `count` times through a screen, auditing each stop; stops at the page's end. */
async function walk(count, where) {
  for (let step = 0; step < count; step += 1) {
    const stop = await tab(where);
    if (stop.lost) break;
  }
}

/** Types text one character at a time, as a person does. */
async function type(text) {
  for (const character of text) await browser.keys(character);
}

async function shot(name) {
  if (shots.has(name)) return;
  shots.add(name);
  await screenshot(browser, name);
}

async function waitFocus(predicate, message) {
  await browser.waitUntil(async () => predicate(await focused()), { timeout: 10000, timeoutMsg: message });
  return focused();
}

async function questionId() {
  return (await byTestId(browser, 'question-card')).getAttribute('data-question-id');
}

async function waitSaved(id) {
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="saved-state"]')).getAttribute('data-state')) === 'saved',
    { timeout: 10000, timeoutMsg: `${id} was not saved` },
  );
}

test('an assessment is created from the home screen with the keyboard alone', async () => {
  ({ browser } = await openApp({ database }));
  await byTestId(browser, 'home-empty');
  await tabTo('new-assessment', 'home');
  await browser.keys('Enter');
  await byTestId(browser, 'screen-new');
  const arrived = await waitFocus((stop) => !stop.lost, 'the new-assessment form did not take the focus');
  assert.ok(arrived.arrival, `the form's heading has the focus, not ${arrived.description}`);

  await tabTo('org-name', 'new assessment');
  await type(ORGANISATION);
  const sector = await tab('new assessment');
  assert.equal(sector.testid, 'org-sector');
  // A closed list picks the option whose name starts with the letter typed.
  await type('c');
  assert.equal((await focused()).value, 'retail', 'the sector « Commerce et distribution » is chosen by typing its first letter');
  await tabTo('assessment-title', 'new assessment');
  await type(TITLE);
  const mode = await tab('new assessment');
  assert.equal(mode.testid, 'mode-workshop', 'Tab enters the mode choices at the chosen one');
  await browser.keys('ArrowLeft');
  await settle();
  const self = await focused();
  assert.equal(self.testid, 'mode-self');
  assert.ok(self.checked, 'the arrow chose the self-assessment');
  audit(self, 'new assessment');
  await shot('keyboard-new-assessment-fr');
  const grid = await tab('new assessment');
  assert.equal(grid.testid, 'questionnaire-tcm-92');
  assert.ok(grid.checked, 'the full grid is chosen');
  await tabTo('first-respondent', 'new assessment');
  await type(RESPONDENT);
  await tabTo('create-assessment', 'new assessment');
  await browser.keys('Enter');
  await byTestId(browser, 'screen-questionnaire');
  assert.equal(await questionId(), 'cre-01');
  const card = await waitFocus((stop) => stop.testid === 'question-card', 'the question card did not take the focus');
  assert.equal(card.testid, 'question-card');

  const row = execFileSync(cli, ['--db', database, 'assessment', 'list']).toString();
  assert.ok(row.includes(ORGANISATION), `the organisation typed is stored: ${row}`);
  assert.ok(row.includes(TITLE), `the title typed is stored: ${row}`);
});

test('the 92 questions are answered and a comment written with the keyboard', async () => {
  const keys = ['3', '1', '4', '2', 'n', '0', '2', '?'];
  for (let index = 0; index < 92; index += 1) {
    const id = await questionId();
    await browser.keys(keys[index % keys.length]);
    await waitSaved(id);
    if (index === 5) {
      // From the card, Tab reaches the help, the answers and the comment; Shift+Tab goes back.
      const comment = await tabTo('comment', 'questionnaire', {
        onStop: async (stop) => {
          if (stop.answer === '2') await shot('keyboard-questionnaire-fr');
        },
      });
      assert.equal(comment.tag, 'textarea');
      await type(COMMENT);
      const before = await tab('questionnaire', { backwards: true });
      assert.notEqual(before.testid, 'comment');
      assert.equal((await tab('questionnaire')).testid, 'comment');
      await browser.keys('Escape');
      await waitFocus((stop) => stop.testid === 'question-card', 'Escape did not give the focus back to the card');
      await waitSaved(id);
    }
    if (index < 91) {
      await browser.keys('Enter');
      await browser.waitUntil(async () => (await questionId()) !== id, { timeout: 5000, timeoutMsg: `stuck on ${id}` });
    }
  }
  const overall = await byTestId(browser, 'progress-overall');
  assert.equal(await overall.getAttribute('data-answered'), '92');
  execFileSync(cli, ['--db', database, 'export', '--assessment', '1', '--format', 'csv', '--out', `${database}.csv`]);
  const exported = execFileSync('cat', [`${database}.csv`]).toString();
  assert.ok(exported.includes(COMMENT), 'the comment typed is stored');
});

test('the results and the plan are reached and walked with the keyboard', async () => {
  // The last question answered, Enter ends the grid; Shift+Tab reaches « Voir les résultats ».
  await browser.keys('Enter');
  await byTestId(browser, 'questionnaire-end');
  await tabTo('see-results', 'questionnaire end', { backwards: true, max: 5 });
  await browser.keys('Enter');
  await byTestId(browser, 'screen-results');
  const arrived = await waitFocus((stop) => !stop.lost, 'the results did not take the focus');
  assert.ok(arrived.arrival, `the screen's heading has the focus, not ${arrived.description}`);
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="overall-score"]')).getText()) !== '', { timeout: 15000 });
  await walk(30, 'results');
  await tabTo('go-plan', 'results', { backwards: true, max: 80 });
  await browser.keys('Enter');
  await byTestId(browser, 'screen-plan');
  await byTestId(browser, 'plan-item');
  assert.equal((await focused()).testid, 'go-plan', 'the tab keeps the focus');
  await walk(30, 'plan');
});

test('the PDF report is exported with the keyboard', async () => {
  await tabTo('go-export', 'plan', { backwards: true, max: 80 });
  await browser.keys('Enter');
  await byTestId(browser, 'screen-export');
  await tabTo('export-pdf', 'export');
  await browser.keys('Enter');
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="export-status"]')).getAttribute('data-state')) === 'success',
    { timeout: 30000, timeoutMsg: 'the PDF export did not finish' },
  );
  const path = await (await byTestId(browser, 'export-path')).getText();
  assert.ok(existsSync(path), `${path} exists`);
  const text = execFileSync('pdftotext', [path, '-']).toString().replace(/[\u00a0\u202f]/g, ' ');
  assert.ok(text.includes(TITLE), 'the report holds the title typed');
});

test('the language is switched with the keyboard', async () => {
  await tabTo('language-en', 'export', { backwards: true, max: 80 });
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await (await byTestId(browser, 'screen-export')).getText()).includes('PDF report'), {
    timeout: 10000,
    timeoutMsg: 'the interface did not switch to English',
  });
  assert.equal((await focused()).testid, 'language-en', 'the language button keeps the focus');
  await tabTo('language-fr', 'header', { backwards: true, max: 3 });
  await browser.keys('Space');
  await browser.waitUntil(async () => (await (await byTestId(browser, 'screen-export')).getText()).includes('Rapport'), {
    timeout: 10000,
    timeoutMsg: 'the interface did not switch back to French',
  });
});

test('every Tab stop was visible, named and showed its focus', () => {
  assert.ok(stops > 60, `${stops} Tab stops audited`);
  assert.deepEqual(problems, []);
});
