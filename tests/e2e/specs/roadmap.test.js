// The roadmap in the real window: open the demo, see its initiatives over the quarters atop
// the plan tab, move one initiative by dragging its bar and another with its wave list, close
// and reopen the app (both moves are kept), then export the PDF and the Word report from the
// export screen and read them back: pdftotext for the PDF, word/document.xml for the DOCX.
// Each moved initiative sits in its new wave in the table that leads the plan.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, test } from 'node:test';
import { byTestId, freshDatabase, openApp, press, screenshot } from './session.js';

const database = freshDatabase();
let browser;
/** The demo workshop's title, as the assessment's header shows it. */
let workshopTitle;
/** The initiatives moved: { id, rank, title, from, to, how }. */
const moved = [];

after(async () => {
  await browser?.deleteSession();
});

/** Non-breaking and narrow non-breaking spaces read as plain spaces. */
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The roadmap's rows as the window shows them. */
async function roadmapRows() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="roadmap-initiative"]')].map((row) => {
      const link = row.querySelector('.label .link');
      const rank = link?.querySelector('.rank')?.textContent?.trim() ?? '';
      const title = (link?.textContent ?? '').trim().slice(rank.length).trim();
      return { id: row.dataset.id, wave: Number(row.dataset.wave), source: row.dataset.source, rank, title };
    }),
  );
}

/** Waits until the initiative `id` shows in `wave`, placed by the user. */
async function waitForWave(id, wave, what) {
  await browser.waitUntil(
    async () => {
      const row = (await roadmapRows()).find((item) => item.id === id);
      return row?.wave === wave && row.source !== 'derived';
    },
    { timeout: 15000, timeoutMsg: `${what}: the initiative ${id} is not in wave ${wave}` },
  );
}

async function openPlan() {
  await press(browser, await byTestId(browser, 'go-plan'));
  await byTestId(browser, 'screen-plan');
  await byTestId(browser, 'roadmap-initiative');
}

/** Exports the report as `kind` (pdf or docx) from the export screen; returns its path. */
async function exportReport(kind) {
  await press(browser, await byTestId(browser, `export-${kind}`));
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="export-status"]')).getAttribute('data-state')) === 'success',
    { timeout: 60000, timeoutMsg: `the ${kind} export did not finish` },
  );
  const path = await (await byTestId(browser, 'export-path')).getText();
  assert.ok(path.endsWith(`.${kind}`), `${path} is a .${kind} file`);
  assert.ok(existsSync(path), `${path} exists`);
  return path;
}

/** The rows of every table of a Word document, each row as its cells' texts. */
function docxTableRows(path) {
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString();
  const unescape = (text) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const rows = [];
  for (const row of xml.match(/<w:tr>.*?<\/w:tr>/gs) ?? []) {
    const cells = (row.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map((cell) =>
      plain(
        [...cell.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
          .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => unescape(text[1])).join(''))
          .join('\n'),
      ),
    );
    rows.push(cells);
  }
  return { xml: plain(unescape(xml.replace(/<[^>]+>/g, ''))), rows };
}

test('the demo opens and its roadmap leads the plan tab', async () => {
  ({ browser } = await openApp({ database }));
  await byTestId(browser, 'screen-home');
  await press(browser, await byTestId(browser, 'open-demo'));
  await byTestId(browser, 'screen-results', 30000);
  workshopTitle = await (await byTestId(browser, 'assessment-title-heading')).getText();
  await openPlan();
  const rows = await roadmapRows();
  assert.ok(rows.length >= 2 && rows.length <= 12, `at most twelve initiatives lead (${rows.length})`);
  assert.ok(rows.every((row) => row.source === 'derived'), 'no wave was chosen by the user yet');
  assert.ok(rows.every((row) => row.title.length > 0 && /^\d+$/.test(row.rank)), 'each initiative has a rank and a title');
  assert.ok(new Set(rows.map((row) => row.wave)).size >= 2, 'the initiatives spread over several waves');
  const rule = await browser.execute(() => document.querySelector('[data-testid="roadmap-rule"]')?.textContent ?? '');
  assert.ok(rule.trim().length > 0, 'the sequencing rule is written');
  assert.notEqual((await (await byTestId(browser, 'roadmap-projected')).getText()).trim(), '', 'the projection is shown');
  await browser.execute(() => document.querySelector('[data-testid="roadmap"]')?.scrollIntoView());
  await screenshot(browser, 'real-roadmap');
});

test('an initiative is dragged to another wave', async () => {
  const rows = await roadmapRows();
  const chosen = rows.find((row) => row.wave === 2);
  assert.ok(chosen, 'an initiative of the demo starts in wave 2');
  const target = 3;
  const bar = await browser.$(`[data-testid="roadmap-initiative"][data-id="${chosen.id}"] [data-testid="roadmap-bar"]`);
  await browser.execute((element) => element.scrollIntoView({ block: 'center' }), bar);
  // Where the target wave lies on this row: the axis shows each wave over the same track.
  const point = await browser.execute(
    (element, wave) => {
      const waves = [...document.querySelectorAll('[data-testid="roadmap"] .axis .wave')];
      const label = waves[wave - 1].getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { x: Math.round(label.left + label.width / 2), y: Math.round(box.top + box.height / 2) };
    },
    bar,
    target,
  );
  await browser
    .action('pointer', { parameters: { pointerType: 'mouse' } })
    .move({ origin: bar })
    .down({ button: 0 })
    .move({ x: point.x, y: point.y, origin: 'viewport', duration: 300 })
    .up({ button: 0 })
    .perform();
  await waitForWave(chosen.id, target, 'after the drag');
  const notice = await byTestId(browser, 'roadmap-notice');
  assert.ok((await notice.getText()).includes(chosen.title), 'the move is announced with the initiative’s title');
  moved.push({ ...chosen, from: chosen.wave, to: target, how: 'drag' });
});

test('another initiative is moved with its wave list', async () => {
  const rows = await roadmapRows();
  const chosen = rows.find((row) => row.wave === 2 && !moved.some((item) => item.id === row.id));
  assert.ok(chosen, 'a second initiative of the demo starts in wave 2');
  const target = 1;
  const list = await browser.$(`[data-testid="roadmap-initiative"][data-id="${chosen.id}"] [data-testid="roadmap-wave"]`);
  await list.selectByAttribute('value', String(target));
  await waitForWave(chosen.id, target, 'after the wave list');
  moved.push({ ...chosen, from: chosen.wave, to: target, how: 'list' });
  // Moving one initiative leaves the others where they were.
  const after = await roadmapRows();
  for (const row of rows) {
    const still = after.find((item) => item.id === row.id);
    const move = moved.find((item) => item.id === row.id);
    assert.equal(still?.wave, move ? move.to : row.wave, `${row.title}`);
    assert.equal(still?.rank, row.rank, `${row.title} keeps its rank`);
  }
  await browser.execute(() => document.querySelector('[data-testid="roadmap"]')?.scrollIntoView());
  await screenshot(browser, 'real-roadmap-moved');
});

test('closing and reopening the app keeps both moves', async () => {
  await browser.deleteSession();
  ({ browser } = await openApp({ database }));
  await byTestId(browser, 'screen-home');
  await browser.waitUntil(async () => (await browser.$$('[data-testid="assessment-row"]').length) >= 2, {
    timeout: 15000,
    timeoutMsg: 'the demo’s audits are not listed',
  });
  let opened = false;
  for (const row of await browser.$$('[data-testid="assessment-row"]')) {
    if ((await row.getText()).includes(workshopTitle)) {
      await press(browser, await row.$('[data-testid="open-assessment"]'));
      opened = true;
      break;
    }
  }
  assert.ok(opened, `the workshop « ${workshopTitle} » is listed`);
  await byTestId(browser, 'go-plan', 30000);
  await openPlan();
  for (const item of moved) await waitForWave(item.id, item.to, `after reopening (${item.how})`);
  const reset = await browser.$$('[data-testid="roadmap-reset"]');
  assert.equal(reset.length, moved.length, 'only the moved initiatives can be reset');
});

test('the PDF report shows each moved initiative in its new wave', async () => {
  await press(browser, await byTestId(browser, 'go-export'));
  await byTestId(browser, 'screen-export');
  const path = await exportReport('pdf');
  const text = plain(execFileSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString());
  const flowing = text.replace(/\s+/g, ' ');
  for (const expected of ['Feuille de route', 'Initiatives sur 24 mois, par trimestre', 'Suivi d’un audit à l’autre', workshopTitle]) {
    assert.ok(flowing.includes(expected), `the report holds ${expected}`);
  }
  for (const item of moved) {
    // A row of the table that leads the plan: rank, title (its first line when it wraps),
    // wave, actions, effort.
    const line = text
      .split('\n')
      .map((candidate) => candidate.match(/^\s*(\d+)\s{2,}(.+?)\s{2,}(\d)\s{2,}(\d+)\s{2,}(\d+)\s{2,}/))
      .find((match) => match && match[1] === item.rank && item.title.startsWith(match[2].trim()));
    assert.ok(line, `the PDF lists initiative ${item.rank} « ${item.title} »`);
    assert.equal(Number(line[3]), item.to, `${item.title} is in wave ${item.to} of the PDF (moved by ${item.how})`);
  }
  await screenshot(browser, 'real-roadmap-export');
});

test('the Word report reads back with the same waves', async () => {
  const path = await exportReport('docx');
  const { xml, rows } = docxTableRows(path);
  for (const expected of ['Feuille de route', 'Suivi d’un audit à l’autre', workshopTitle]) {
    assert.ok(xml.includes(expected), `the document holds ${expected}`);
  }
  for (const item of moved) {
    const row = rows.find((cells) => cells.length === 6 && cells[0] === item.rank && cells[1].startsWith(item.title));
    assert.ok(row, `the document's roadmap table lists « ${item.title} »`);
    assert.equal(Number(row[2]), item.to, `${item.title} is in wave ${item.to} of the document`);
  }
});
