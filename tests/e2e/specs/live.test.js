// A live workshop in the real window: the facilitator opens the demo workshop, starts a live
// session on loopback with groups, three "phones" (Node HTTP clients on 127.0.0.1 only) type
// the room code and join, the facilitator pushes a question, the phones vote blind, the
// facilitator sees the count, reveals, reads the distribution and records the consensus, then
// stops: the phones are refused. Screenshots of the join screen and of the reveal.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { byTestId, openApp, press, screenshot } from './session.js';

let browser;
let shortUrl;
const phones = [];

after(async () => {
  await browser?.deleteSession();
});

/** A phone's request: JSON to the participant server, on loopback only. */
async function post(url, body, token) {
  assert.ok(url.startsWith('http://127.0.0.1:'), `a phone only talks to loopback, not ${url}`);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function waitForText(element, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await element.getText()), {
    timeout: 15000,
    timeoutMsg: `${what} never matched ${pattern}`,
  });
  return element.getText();
}

test('the facilitator starts a live session on loopback', async () => {
  ({ browser } = await openApp());
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
  await press(browser, await byTestId(browser, 'live-pace-facilitated'));
  await press(browser, await byTestId(browser, 'live-start'));
  shortUrl = await (await byTestId(browser, 'live-short-url')).getText();
  assert.match(shortUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  await byTestId(browser, 'live-qr');
  await byTestId(browser, 'live-banner');
});

test('three phones type the room code and join', async () => {
  const code = await (await byTestId(browser, 'live-room-code')).getText();
  assert.match(code, /^[A-Z0-9]{6}$/);
  const wrong = await post(`${shortUrl}room`, { code: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' });
  assert.equal(wrong.status, 404);
  const room = await post(`${shortUrl}room`, { code: code.toLowerCase() });
  assert.equal(room.status, 200, JSON.stringify(room.body));
  const base = `${shortUrl}j/${room.body.secret}`;
  for (const group of ['Ventes', 'Ventes', 'Service client']) {
    const joined = await post(`${base}/join`, { group });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    phones.push({ base, token: joined.body.token });
  }
  await browser.waitUntil(async () => (await browser.$$('[data-testid="live-participants"] li').length) === 3, {
    timeout: 15000,
    timeoutMsg: 'the join screen never listed three participants',
  });
  await screenshot(browser, 'live-join-fr');
});

test('a blind vote, then the reveal and the consensus', async () => {
  await press(browser, await byTestId(browser, 'live-push-first'));
  const current = await byTestId(browser, 'live-current');
  const question = (await current.getText()).trim().split(/\s/)[0];
  assert.match(question, /^[a-z]{3}-\d{2}$/);
  const votes = await byTestId(browser, 'live-votes');
  await waitForText(votes, /^0 sur 3 ont voté/, 'the vote count');
  const values = ['1', '3', '?'];
  for (const [index, phone] of phones.entries()) {
    const answered = await post(
      `${phone.base}/answer`,
      {
        answerId: `e2e-vote-000${index}`,
        questionId: question,
        value: values[index],
        comment: index === 1 ? 'Les relances existent «\u00a0sur le papier\u00a0»' : '',
      },
      phone.token,
    );
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    if (index === 1) {
      // The same answer sent again (a phone retrying after a lost connection) counts once.
      const again = await post(
        `${phones[0].base}/answer`,
        { answerId: 'e2e-vote-0000', questionId: question, value: '1', comment: '' },
        phones[0].token,
      );
      assert.equal(again.status, 200, JSON.stringify(again.body));
      await waitForText(votes, /^2 sur 3 ont voté/, 'the vote count after two votes');
    }
  }
  // Once everyone voted the distribution shows by itself; otherwise the facilitator reveals.
  await browser.waitUntil(
    async () =>
      (await browser.$('[data-testid="live-figures"]').isExisting()) ||
      /^3 sur 3 ont voté/.test(await browser.$('[data-testid="live-votes"]').getText().catch(() => '')),
    { timeout: 15000, timeoutMsg: 'the facilitator never saw three votes' },
  );
  const revealButton = await browser.$('[data-testid="live-reveal"]');
  if (await revealButton.isExisting()) await press(browser, revealButton);
  const figures = await byTestId(browser, 'live-figures');
  const text = await waitForText(figures, /3 votes/, 'the figures');
  // WebDriver reads the no-break space as a space.
  assert.match(text, /Moyenne[\u00a0 ]: 2(,0)?(?!\d)/);
  const distribution = await (await byTestId(browser, 'live-distribution')).$$('.bar-count');
  const counts = [];
  for (const cell of distribution) counts.push(await cell.getText());
  // Levels 0–4, then NA, then "?".
  assert.deepEqual(counts, ['0', '1', '0', '1', '0', '0', '1']);
  const comments = await (await byTestId(browser, 'live-comments')).getText();
  assert.match(comments, /«[\u00a0 ]sur le papier[\u00a0 ]»/);
  await browser.execute((section) => section.scrollIntoView({ block: 'start' }), await byTestId(browser, 'live-vote'));
  await screenshot(browser, 'live-reveal-fr');
  await press(browser, await byTestId(browser, 'live-consensus-2'));
  await press(browser, await byTestId(browser, 'live-record-consensus'));
  await byTestId(browser, 'live-consensus-recorded');
});

test('stop closes the server: the phones are refused', async () => {
  await press(browser, await byTestId(browser, 'live-stop'));
  await byTestId(browser, 'live-setup');
  const refused = await post(
    `${phones[0].base}/answer`,
    { answerId: 'e2e-after-stop', questionId: 'cre-02', value: '2' },
    phones[0].token,
  ).catch(() => ({ status: 0 }));
  assert.notEqual(refused.status, 200);
});
