// A live workshop in the real window with three real phones: the facilitator opens the demo
// workshop and starts an anonymous, facilitator-paced session on loopback with groups; three
// headless Chromium pages emulating a 360-pixel phone open the short URL the projector shows,
// type its room code, pick a group and join; the window reloads and finds the session again
// (it follows it: every count below reaches it without asking); the facilitator pushes a
// question, the phones vote blind by tapping the page's buttons (one with a comment), the
// window counts the votes without showing them; the last vote reveals the distribution on the projector and closes the vote on
// the phones, and the facilitator records the consensus. On the next question the facilitator
// reveals after two votes: the third phone is closed without having voted. On a third question
// the app is killed (SIGKILL) after two acknowledged votes; the votes are in the database, the
// app starts again on the same database, a session is started again (same port, new room
// code: the spec types a port it found free, so another program or run holding the app's
// usual port changes nothing), and the phones come back as the same participants and finish
// the vote (the first question, which the whole room answered before the crash, is revealed at
// once when pushed again). The scores the window shows then equal `tcm score` on the exported
// assessment (answers and consensus).
// Stop closes the server: the phones say so and a late answer is refused.
// Every request of a phone goes to 127.0.0.1: anything else is aborted and fails the test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromium, devices } from 'playwright-core';
import { byTestId, openApp, press, screenshot } from './session.js';

const cli = process.env.TCM_E2E_CLI;
/** Debian's Chromium, as the UI's browser tests launch it (no download, no profile folder). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PHONE = devices['Galaxy S8'];
/** What each phone picks and votes, in the order they join. */
const ROOM = [
  { group: 'Ventes', vote: '1', comment: '' },
  { group: 'Ventes', vote: '3', comment: 'Les relances existent «\u00a0sur le papier\u00a0»' },
  { group: 'Service client', vote: '?', comment: '' },
];

let browser;
let database;
let chrome;
let shortUrl;
let roomCode;
/** The port the session listens on, before and after the crash: free when the spec began. */
let port;
/** The question pushed to the phones, its text in the window, and the consensus recorded. */
let question;
let questionText;
/** The question pushed next, revealed by the facilitator before the third phone voted. */
let nextQuestion;
const NEXT_VOTES = ['2', '4'];
/** The votes given just before the app is killed, by the first two phones. */
const CRASH_VOTES = ['0', 'NA'];
const CONSENSUS = '4';
const CONSENSUS_NOTE = 'Relances écrites, «\u00a0à suivre\u00a0»';
/** Each phone: its page, and every request it tried outside loopback or page error. */
const phones = [];

after(async () => {
  await chrome?.close();
  await browser?.deleteSession();
});

async function waitForText(element, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await element.getText()), {
    timeout: 15000,
    timeoutMsg: `${what} never matched ${pattern}`,
  });
  return element.getText();
}

/** A phone: its own browser context (its own storage), French, 360 CSS pixels wide. */
async function newPhone() {
  const context = await chrome.newContext({ ...PHONE, locale: 'fr-FR' });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => outside.push(`error: ${error.message}`));
  return { context, page, outside };
}

/** The phone page as a PNG of its full height, 360 CSS pixels wide, in the artifacts folder. */
async function phoneShot(page, name) {
  const directory = process.env.TCM_E2E_ARTIFACTS;
  if (!directory) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true, scale: 'css' });
}

/** A text with its no-break spaces as spaces (WebDriver reads some of them as spaces). */
function plain(text) {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the phone shows `text` as its question (pushed by server-sent events). */
async function phoneShows(page, text) {
  const heading = page.locator('#question-text');
  const deadline = Date.now() + 15000;
  for (;;) {
    const shown = (await heading.count()) > 0 ? plain(await heading.textContent()) : '';
    if (shown === plain(text)) return;
    if (Date.now() > deadline) assert.fail(`the phone shows « ${shown} », not « ${plain(text)} »`);
    await page.waitForTimeout(100);
  }
}

/** A number as the window shows it (`62,5`, `62,5 / 100`) or null for a dash. */
function shownNumber(text) {
  const match = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : null;
}

/** A port free on loopback now (the system's choice). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port: free } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** Opens the demo workshop and starts an anonymous, facilitator-paced session on loopback, on
 * `port`, with two groups; returns the short URL and room code the projector shows. */
async function startSession() {
  await press(browser, await byTestId(browser, 'open-demo'));
  await press(browser, await byTestId(browser, 'go-live'));
  await byTestId(browser, 'live-setup');
  const loopback = await browser.$('[data-testid="live-interface"][value="127.0.0.1"]');
  await loopback.waitForExist({ timeout: 15000, timeoutMsg: 'loopback is not offered' });
  await press(browser, loopback);
  await press(browser, await byTestId(browser, 'live-anonymous'));
  // Typed through the DOM: WebKitWebDriver's keys lose the line break in a textarea.
  await browser.execute(
    (area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    await byTestId(browser, 'live-groups'),
    'Ventes\nService client',
  );
  await browser.execute(
    (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    await byTestId(browser, 'live-port'),
    String(port),
  );
  await press(browser, await byTestId(browser, 'live-pace-facilitated'));
  await press(browser, await byTestId(browser, 'live-start'));
  // Started, or refused (the port was taken since): say which, not a timeout.
  await browser.waitUntil(
    async () =>
      (await browser.$('[data-testid="live-short-url"]').isExisting()) ||
      (await browser.$('[data-testid="error"]').isExisting()),
    { timeout: 15000, timeoutMsg: `the session neither started on port ${port} nor said why` },
  );
  const refused = await browser.$('[data-testid="error"]');
  if (await refused.isExisting()) assert.fail(`the session could not start on port ${port}: ${await refused.getText()}`);
  const url = await (await byTestId(browser, 'live-short-url')).getText();
  assert.equal(url, `http://127.0.0.1:${port}/`);
  const code = await (await byTestId(browser, 'live-room-code')).getText();
  assert.match(code, /^[A-Z0-9]{6}$/);
  await byTestId(browser, 'live-qr');
  await byTestId(browser, 'live-banner');
  return { url, code };
}

/** A phone opens the short URL and types the room code, in lower case as people type it. */
async function enterRoom(page) {
  await page.goto(shortUrl);
  assert.equal(page.viewportSize()?.width, 360);
  await page.getByLabel('Code de la salle').fill(roomCode.toLowerCase());
  await page.getByRole('button', { name: 'Continuer' }).click();
}

test('the facilitator starts a live session on loopback', async () => {
  port = await freePort();
  ({ browser, database } = await openApp());
  ({ url: shortUrl, code: roomCode } = await startSession());
});

test('three phones open the short URL, type the room code and join', async () => {
  chrome = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (const [index, seat] of ROOM.entries()) {
    const phone = await newPhone();
    phones.push(phone);
    const { page } = phone;
    await enterRoom(page);
    await page.getByLabel('Votre groupe').selectOption(seat.group);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByText(`Vous êtes Participant ${index + 1} · ${seat.group}`).waitFor();
    await page.getByText('Attendez que l’animateur affiche une question.').waitFor();
  }
  await browser.waitUntil(async () => (await browser.$$('[data-testid="live-participants"] li').length) === 3, {
    timeout: 15000,
    timeoutMsg: 'the join screen never listed three participants',
  });
  const listed = await (await byTestId(browser, 'live-participants')).getText();
  for (const label of ['Participant 1', 'Participant 2', 'Participant 3', 'Service client']) {
    assert.ok(listed.includes(label), `the join screen lists ${label}: ${listed}`);
  }
  await screenshot(browser, 'live-join-fr');

  // The window reloads (the session runs on in Rust): it asks once for the session, shows the
  // banner on the first screen, and follows the session again — the votes below reach it.
  await browser.refresh();
  await press(browser, await byTestId(browser, 'live-global-back'));
  await browser.waitUntil(async () => (await browser.$$('[data-testid="live-participants"] li').length) === 3, {
    timeout: 15000,
    timeoutMsg: 'the reloaded window did not find the session again',
  });
});

test('the phones vote blind on the question pushed, by tapping its buttons', async () => {
  await press(browser, await byTestId(browser, 'live-push-first'));
  const current = (await (await byTestId(browser, 'live-current')).getText()).trim();
  [question] = current.split(/\s/);
  assert.match(question, /^[a-z]{3}-\d{2}$/);
  questionText = current.slice(question.length).trim();
  const votes = await byTestId(browser, 'live-votes');
  await waitForText(votes, /^0 sur 3 ont voté/, 'the vote count');

  for (const [index, seat] of ROOM.entries()) {
    const { page } = phones[index];
    // The pushed question reaches the phone by itself.
    await phoneShows(page, questionText);
    if (seat.comment) await page.getByLabel('Commentaire (facultatif)').fill(seat.comment);
    await page.getByRole('radio', { name: new RegExp(`^${seat.vote === '?' ? '\\?' : seat.vote}`) }).click();
    // Saved means committed in the facilitator's database. The room's last vote reveals the
    // question: that phone then says so instead of waiting for the reveal.
    const last = index === ROOM.length - 1;
    await page.getByText(last ? /Les votes sont révélés/ : 'Vote enregistré. Attendez la révélation.').waitFor();
    await page.getByTestId('state').getByText('Enregistré').waitFor();
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 1);
    if (index === 1) {
      await phoneShot(page, 'live-phone-vote-fr');
      // The window counts the votes and shows nothing of how the room voted.
      await waitForText(votes, /^2 sur 3 ont voté/, 'the vote count after two votes');
      assert.equal(await browser.$('[data-testid="live-distribution"]').isExisting(), false);
    }
  }
  // The room's last vote reveals the question: the window shows how the room voted.
  await byTestId(browser, 'live-figures');
  assert.equal(await browser.$('[data-testid="live-reveal"]').isExisting(), false, 'nothing left to reveal');
});

test('the window reveals the distribution, the phones close, the facilitator records the consensus', async () => {
  const figures = await byTestId(browser, 'live-figures');
  const text = await waitForText(figures, /3 votes/, 'the figures');
  // WebDriver reads the no-break space as a space. Levels 1 and 3: a mean of 2.
  assert.match(text, /Moyenne[\u00a0 ]: 2(,0)?(?!\d)/);
  const distribution = await (await byTestId(browser, 'live-distribution')).$$('.bar-count');
  const counts = [];
  for (const cell of distribution) counts.push(await cell.getText());
  // Levels 0–4, then NA, then "?".
  assert.deepEqual(counts, ['0', '1', '0', '1', '0', '0', '1']);
  const comments = await (await byTestId(browser, 'live-comments')).getText();
  assert.match(comments, /«[\u00a0 ]sur le papier[\u00a0 ]»/);
  // The phones learn of the reveal and take no more votes on this question.
  for (const { page } of phones) {
    await page.getByText(/Les votes sont révélés/).waitFor();
    assert.equal(await page.getByRole('radio', { name: /^2/ }).isDisabled(), true);
  }
  await browser.execute((section) => section.scrollIntoView({ block: 'start' }), await byTestId(browser, 'live-vote'));
  await screenshot(browser, 'live-reveal-fr');
  await press(browser, await byTestId(browser, `live-consensus-${CONSENSUS}`));
  await browser.execute(
    (input, text) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    await byTestId(browser, 'live-consensus-note'),
    CONSENSUS_NOTE,
  );
  await press(browser, await byTestId(browser, 'live-record-consensus'));
  await byTestId(browser, 'live-consensus-recorded');
});

test('on the next question the facilitator reveals before the last phone voted: it is closed there', async () => {
  await press(browser, await byTestId(browser, 'live-push-next'));
  await browser.waitUntil(async () => !(await (await byTestId(browser, 'live-current')).getText()).startsWith(`${question} `), {
    timeout: 15000,
    timeoutMsg: 'the next question was not pushed',
  });
  const current = (await (await byTestId(browser, 'live-current')).getText()).trim();
  [nextQuestion] = current.split(/\s/);
  const nextText = current.slice(nextQuestion.length).trim();
  const votes = await byTestId(browser, 'live-votes');
  await waitForText(votes, /^0 sur 3 ont voté/, 'the vote count on the next question');
  for (const [index, vote] of NEXT_VOTES.entries()) {
    const { page } = phones[index];
    await phoneShows(page, nextText);
    await page.getByRole('radio', { name: new RegExp(`^${vote}`) }).click();
    await page.getByText('Vote enregistré. Attendez la révélation.').waitFor();
  }
  await waitForText(votes, /^2 sur 3 ont voté/, 'the vote count before the reveal');
  await press(browser, await byTestId(browser, 'live-reveal'));
  await waitForText(await byTestId(browser, 'live-figures'), /2 votes/, 'the figures of the next question');
  const late = phones[2].page;
  await phoneShows(late, nextText);
  await late.getByText(/Les votes sont révélés/).waitFor();
  assert.equal(await late.getByRole('radio', { name: /^1/ }).isDisabled(), true, 'the phone that did not vote is closed');
  await phoneShot(late, 'live-phone-revealed-fr');
});

test('the scores shown equal tcm score on the exported answers and consensus', async () => {
  assert.ok(cli, 'TCM_E2E_CLI is not set: run tests/e2e/run.sh');
  // The assessment as a .tcm file, exported from the window like a consultant would.
  await press(browser, await byTestId(browser, 'go-export'));
  await byTestId(browser, 'screen-export');
  await press(browser, await byTestId(browser, 'export-tcm'));
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="export-status"]')).getAttribute('data-state')) === 'success',
    { timeout: 30000, timeoutMsg: 'the .tcm export did not finish' },
  );
  const path = await (await byTestId(browser, 'export-path')).getText();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  // The three phones are respondents with their group, and their votes are answers.
  const votes = exported.answers.filter((answer) => /^Participant [123]$/.test(answer.respondent));
  const given = (id) =>
    votes
      .filter((answer) => answer.question === id)
      .map((answer) => [answer.respondent, answer.answer, answer.comment ?? '']);
  assert.deepEqual(
    given(question),
    ROOM.map((seat, index) => [`Participant ${index + 1}`, seat.vote, seat.comment]),
  );
  assert.deepEqual(
    given(nextQuestion),
    NEXT_VOTES.map((vote, index) => [`Participant ${index + 1}`, vote, '']),
  );
  assert.equal(votes.length, ROOM.length + NEXT_VOTES.length);
  for (const [index, seat] of ROOM.entries()) {
    const respondent = exported.respondents.find((one) => one.label === `Participant ${index + 1}`);
    assert.equal(respondent?.group, seat.group);
  }
  assert.deepEqual(
    exported.consensus.find((one) => one.question === question),
    { question, value: CONSENSUS, note: CONSENSUS_NOTE },
  );

  // `tcm` reads the exported file into a database of its own and scores it.
  const elsewhere = join(mkdtempSync(join(tmpdir(), 'tcm-e2e-score-')), 'tcm.sqlite');
  const imported = execFileSync(cli, ['--db', elsewhere, 'import', path]).toString();
  const id = /imported as assessment (\d+)/.exec(imported)?.[1];
  assert.ok(id, imported);
  const expected = JSON.parse(execFileSync(cli, ['--db', elsewhere, 'score', '--assessment', id]).toString());

  await press(browser, await byTestId(browser, 'go-results'));
  await byTestId(browser, 'screen-results');
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="overall-score"]')).getText()) !== '', { timeout: 15000 });
  assert.equal(shownNumber(await (await byTestId(browser, 'overall-score')).getText()), expected.overall);
  for (const stage of expected.stages) {
    const shown = await (await byTestId(browser, `stage-score-${stage.id}`)).getText();
    assert.equal(shownNumber(shown), stage.score, `stage ${stage.id}: ${shown}`);
  }
});

test('kill -9 the app during the session; started again, the votes are there and the phones resume', async () => {
  await press(browser, await byTestId(browser, 'go-live'));
  await press(browser, await byTestId(browser, 'live-push-next'));
  await browser.waitUntil(async () => !(await (await byTestId(browser, 'live-current')).getText()).startsWith(`${nextQuestion} `), {
    timeout: 15000,
    timeoutMsg: 'the third question was not pushed',
  });
  const current = (await (await byTestId(browser, 'live-current')).getText()).trim();
  const [third] = current.split(/\s/);
  const thirdText = current.slice(third.length).trim();
  for (const [index, vote] of CRASH_VOTES.entries()) {
    const { page } = phones[index];
    await phoneShows(page, thirdText);
    await page.getByRole('radio', { name: new RegExp(`^${vote}`) }).click();
    await page.getByText('Vote enregistré. Attendez la révélation.').waitFor();
  }

  // The app's process is the one listening on the session's port.
  const listening = execFileSync('ss', ['-Htlnp', `sport = :${port}`]).toString();
  const pid = Number(/pid=(\d+)/.exec(listening)?.[1]);
  assert.ok(pid > 0, `the app listens on ${port}: ${listening}`);
  process.kill(pid, 'SIGKILL');
  await browser.deleteSession().catch(() => {});
  browser = undefined;

  // Every acknowledged vote is in the database, in the demo's workshop (the demo also holds
  // the manager's earlier self-assessment).
  const listed = execFileSync(cli, ['--db', database, 'assessment', 'list']).toString();
  const workshop = /^(\d+)\s.*\bworkshop\b/m.exec(listed)?.[1];
  assert.ok(workshop, listed);
  const csv = `${database}.crash.csv`;
  execFileSync(cli, ['--db', database, 'export', '--assessment', workshop, '--format', 'csv', '--out', csv]);
  const rows = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((line) => line.split(','));
  assert.deepEqual(
    rows.filter(([, id]) => id === third).map(([who, , value]) => [who, value]).filter(([who]) => who.startsWith('Participant')),
    CRASH_VOTES.map((vote, index) => [`Participant ${index + 1}`, vote]),
  );

  // Started again on the same port: the phones come back through the new room code and resume
  // as the participants they were, without joining again.
  ({ browser } = await openApp({ database }));
  const again = await startSession();
  assert.equal(again.url, shortUrl, 'the session comes back on the same port');
  roomCode = again.code;
  for (const [index, seat] of ROOM.entries()) {
    const { page } = phones[index];
    await enterRoom(page);
    await page.getByText(`Vous êtes Participant ${index + 1} · ${seat.group}`).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rejoindre' }).count(), 0, 'no second join');
  }
  await browser.waitUntil(async () => (await browser.$$('[data-testid="live-participants"] li').length) === 3, {
    timeout: 15000,
    timeoutMsg: 'the three phones did not come back',
  });
  // The facilitator pushes the interrupted question again: the votes given are there, the last
  // phone votes, and that reveals it.
  // A new session starts with no question out: push the first, then jump to the third. The
  // whole room answered the first before the crash: it is revealed at once, in the window and
  // on the phones alike.
  await press(browser, await byTestId(browser, 'live-push-first'));
  await waitForText(await byTestId(browser, 'live-figures'), /3 votes/, 'the first question revealed at once');
  await phoneShows(phones[0].page, questionText);
  await phones[0].page.getByText(/Les votes sont révélés/).waitFor();
  await browser.execute(
    (select, value) => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    await byTestId(browser, 'live-jump'),
    third,
  );
  await press(browser, await browser.$('[data-testid="live-jump"] ~ button'));
  await browser.waitUntil(async () => (await (await byTestId(browser, 'live-current')).getText()).startsWith(`${third} `), {
    timeout: 15000,
    timeoutMsg: 'the third question was not pushed again',
  });
  await waitForText(await byTestId(browser, 'live-votes'), /^2 sur 3 ont voté/, 'the votes given before the crash');
  for (const [index, vote] of CRASH_VOTES.entries()) {
    const { page } = phones[index];
    await phoneShows(page, thirdText);
    assert.equal(await page.getByRole('radio', { name: new RegExp(`^${vote}`) }).getAttribute('aria-checked'), 'true');
  }
  const last = phones[2].page;
  await phoneShows(last, thirdText);
  await last.getByRole('radio', { name: /^3/ }).click();
  await last.getByText(/Les votes sont révélés/).waitFor();
  await waitForText(await byTestId(browser, 'live-figures'), /3 votes/, 'the figures after the restart');
  execFileSync(cli, ['--db', database, 'export', '--assessment', workshop, '--format', 'csv', '--out', csv]);
  assert.equal(/Participant 4/.test(readFileSync(csv, 'utf8')), false, 'nobody joined twice');
});

test('stop closes the server: the phones say so and a late answer is refused', async () => {
  // The window is on the live screen of the session started again.
  await press(browser, await byTestId(browser, 'live-stop'));
  await byTestId(browser, 'live-setup');
  for (const { page, outside } of phones) {
    await page.getByText('La session est terminée. Merci !').waitFor();
    assert.deepEqual(outside, [], 'a phone sent nothing beyond loopback and raised no page error');
  }
  const late = await fetch(`${shortUrl}room`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: roomCode }),
  }).catch(() => ({ status: 0 }));
  assert.notEqual(late.status, 200);
});
