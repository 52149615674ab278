// The window opens on the product name and the five stages of the loaded questionnaire, in
// French by default and in English on demand.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, screenshot, textsOf } from './session.js';

let browser;

before(async () => {
  ({ browser } = await openApp());
});

after(async () => {
  await browser?.deleteSession();
});

test('the window shows the product name and the five stages in French', async () => {
  const name = await browser.$('[data-testid="product-name"]');
  await name.waitForDisplayed({ timeout: 15000 });
  assert.equal(await name.getText(), 'TCM Workbench');
  const stages = await textsOf(browser, '[data-testid="stage-name"]', 5);
  assert.deepEqual(stages, ['Créative', 'Active', 'Curative', 'Préventive', 'Proactive']);
  await screenshot(browser, 'home-fr');
});

test('the stages switch to English and back', async () => {
  await (await browser.$('[data-testid="language-en"]')).click();
  await browser.waitUntil(async () => (await textsOf(browser, '[data-testid="stage-name"]', 5))[0] === 'Creative');
  assert.deepEqual(await textsOf(browser, '[data-testid="stage-name"]', 5), [
    'Creative',
    'Active',
    'Curative',
    'Preventive',
    'Proactive',
  ]);
  await screenshot(browser, 'home-en');
  await (await browser.$('[data-testid="language-fr"]')).click();
  await browser.waitUntil(async () => (await textsOf(browser, '[data-testid="stage-name"]', 5))[3] === 'Préventive');
});
