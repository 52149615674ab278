// What every browser test needs: Debian's Chromium, a page on the mock build with watchers for
// errors, dialogs and requests, and screenshots when TCM_SCREENSHOTS names a folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Watch {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  dialogs: string[];
  requests: string[];
}

export interface App {
  page: Page;
  context: BrowserContext;
  watch: Watch;
  base: string;
}

export type Scenario = 'seeded' | 'empty' | 'damaged' | 'read-only';

/**
 * With TCM_RECORD_JOURNEYS set, every journey the mock reports is written here (one file each,
 * rewritten as it grows); `scripts/mock-journeys.mjs` gathers them into the mock's fixtures.
 */
const JOURNEYS = process.env.TCM_RECORD_JOURNEYS ? resolve(process.cwd(), 'node_modules/.tmp/journeys') : null;

function recordJourney(text: string): void {
  if (!JOURNEYS) return;
  const journey = JSON.parse(text) as { id: string };
  mkdirSync(JOURNEYS, { recursive: true });
  writeFileSync(`${JOURNEYS}/${journey.id.replace(/[^a-z0-9]/g, '')}.json`, text);
}

/** `fixedTime`: the page's clock stands still at that instant (timers still run), for a test
 *  whose expectation depends on the time of day, such as "il y a 2 heures" against "hier". */
export async function open(
  browser: Browser,
  scenario: Scenario = 'seeded',
  options: { fixedTime?: Date } = {},
): Promise<App> {
  const base = inject('baseUrl');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const watch: Watch = { errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  if (JOURNEYS) await context.exposeFunction('__tcmJourney', recordJourney);
  if (options.fixedTime) await page.clock.setFixedTime(options.fixedTime);
  await page.goto(`${base}/?scenario=${scenario}`);
  await page.waitForSelector('[data-testid=product-name]');
  return { page, context, watch, base };
}

const SHOTS = process.env.TCM_SCREENSHOTS ? resolve(process.cwd(), process.env.TCM_SCREENSHOTS) : null;

/** Saves a 1280 × 800 screenshot as `<name>.png` when TCM_SCREENSHOTS is set. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // Let transitions and the caret settle.
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The id of the question card on screen. */
export async function currentQuestion(page: Page): Promise<string> {
  return (await page.locator(byTestId('question-card')).getAttribute('data-question-id')) ?? '';
}

/** Answers the question on screen with a key and waits until it is saved. */
export async function answerWithKey(page: Page, key: string): Promise<string> {
  const question = await currentQuestion(page);
  await page.keyboard.press(key);
  await page
    .locator(`[data-testid="question-card"][data-question-id="${question}"] [data-testid="saved-state"][data-state="saved"]`)
    .waitFor();
  return question;
}

/** Moves on with Enter and waits for the next card. */
export async function nextWithEnter(page: Page, from: string): Promise<string> {
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="question-card"]:not([data-question-id="${from}"])`).waitFor();
  return currentQuestion(page);
}

/** Opens an assessment from the home list by a text its row shows. */
export async function openAssessment(page: Page, text: string): Promise<void> {
  await page.locator(byTestId('home')).click();
  await page.locator(`${byTestId('assessment-row')}:has-text("${text}") ${byTestId('open-assessment')}`).click();
}

export function expectClean(watch: Watch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}
