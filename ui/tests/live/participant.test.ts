// The participant page on a 360-pixel phone against the real server (`tcm live` on
// 127.0.0.1): join named and anonymous, answer a stage, lose the network and come back.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../browser/helpers';
import { type LiveServer, startLive } from './server';

const PHONE = devices['Galaxy S8'];

let browser: Browser;
let server: LiveServer | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  await server?.stop();
  server = undefined;
});

/** Requests to anywhere but the session, and page errors, of the current phone. */
let outside: string[] = [];

async function phone(): Promise<Page> {
  context = await browser.newContext({ ...PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  outside = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) outside.push(request.url());
  });
  page.on('pageerror', (error) => outside.push(`error: ${error.message}`));
  return page;
}

/** The answers stored in the assessment, from `tcm export` (respondent, question, answer). */
function stored(live: LiveServer): string[][] {
  const out = `${live.db}.csv`;
  live.tcm('export', '--assessment', '1', '--format', 'csv', '--out', out);
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(0, 3));
}

/** The answers stored with their comments (question, answer, comment), in question order. */
function storedComments(live: LiveServer): string[][] {
  const out = `${live.db}.comments.csv`;
  live.tcm('export', '--assessment', '1', '--format', 'csv', '--out', out);
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, question, answer, ...comment] = line.split(',');
      return [question, answer, comment.join(',').replace(/^"|"$/g, '').replaceAll('""', '"')];
    });
}

const SHOTS = process.env.TCM_SCREENSHOTS ? resolve(process.cwd(), process.env.TCM_SCREENSHOTS) : null;

/** The whole page as a 360-pixel-wide PNG (CSS pixels), when TCM_SCREENSHOTS names a folder. */
async function phoneShot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, scale: 'css' });
}

async function progress(page: Page): Promise<string> {
  return (await page.getByTestId('progress').textContent()) ?? '';
}

describe('a participant on a phone', () => {
  it('joins by name and answers a whole stage', async () => {
    server = await startLive(['--stage', 'creative']);
    const page = await phone();
    await page.goto(server.url);
    expect(page.viewportSize()?.width).toBe(360);
    await page.getByLabel('Votre nom').fill('Claire « Ventes »');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByText('Vous êtes Claire « Ventes »').waitFor();
    const total = Number(/sur (\d+)/.exec(await progress(page))?.[1]);
    expect(total).toBeGreaterThan(5);
    for (let answered = 0; answered < total; answered++) {
      await page.getByRole('radio', { name: /^3/ }).click();
      await expect.poll(() => progress(page)).toBe(`${answered + 1} sur ${total} répondues`);
    }
    await page.getByText('Tout est répondu').waitFor();
    // Nothing horizontal to scroll on a 360-pixel screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const rows = stored(server);
    expect(rows.length).toBe(total);
    expect(rows.every(([who, question, answer]) => who === 'Claire « Ventes »' && question.startsWith('cre-') && answer === '3')).toBe(true);
    expect(outside).toEqual([]);
  });

  it('joins anonymously, keeps answering offline and sends everything once back', async () => {
    server = await startLive(['--anonymous', '--groups', 'Ventes,Service client']);
    const page = await phone();
    await page.goto(server.url);
    expect(await page.getByLabel('Votre nom').count()).toBe(0);
    await page.getByLabel('Votre groupe').selectOption('Service client');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByText('Vous êtes Participant 1 · Service client').waitFor();
    await page.getByRole('radio', { name: /^2/ }).click();
    await expect.poll(() => progress(page)).toBe('1 sur 92 répondues');

    await context?.setOffline(true);
    await page.getByRole('radio', { name: /^NA/ }).click();
    await page.getByRole('radio', { name: /^\?/ }).click();
    await page.getByRole('radio', { name: /^4/ }).click();
    await page.getByText('Pas de connexion avec l’ordinateur de l’animateur').waitFor();
    expect(await progress(page)).toBe('1 sur 92 répondues');
    expect(stored(server).length).toBe(1);
    // The answer given offline is kept on the phone but not shown as saved: nothing committed.
    await page.getByRole('button', { name: 'Précédente' }).click();
    expect(await page.getByRole('radio', { name: /^4/ }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('state').textContent()).not.toContain('Enregistré');
    await page.getByTestId('state').getByText('Envoi').waitFor();

    await context?.setOffline(false);
    await expect.poll(() => progress(page), { timeout: 15_000 }).toBe('4 sur 92 répondues');
    await page.getByTestId('state').getByText('Enregistré').waitFor();
    // Saved means committed: the store holds it once the phone says so.
    expect(stored(server).map((row) => row[2])).toEqual(['2', 'NA', '?', '4']);
    await phoneShot(page, 'live-phone-fr');

    // A reload resumes where the participant was — the question on screen, gone back to —,
    // with the same token.
    await page.reload();
    await expect.poll(() => progress(page)).toBe('4 sur 92 répondues');
    await page.getByText('Vous êtes Participant 1').waitFor();
    expect(await page.getByText('Question 4 sur 92').count()).toBe(1);
    const rows = stored(server);
    expect(rows.map((row) => row[2])).toEqual(['2', 'NA', '?', '4']);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['Participant 1']));
    expect(outside).toEqual([]);
  });

  it('finds the room by its code, in English on demand, and works by keyboard', async () => {
    server = await startLive([]);
    const page = await phone();
    const bodies: Promise<number>[] = [];
    page.on('response', (response) => bodies.push(response.body().then((body) => body.length, () => 0)));
    await page.goto(server.shortUrl);
    await page.getByLabel('Code de la salle').waitFor();
    // The whole first load, uncompressed (the budget is 150 KB compressed).
    const loaded = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
    expect(loaded).toBeGreaterThan(10_000);
    expect(loaded).toBeLessThan(150 * 1024);
    await page.getByLabel('Code de la salle').fill(server.code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByLabel('Votre nom').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Your name').fill('Sam');
    await page.keyboard.press('Enter');
    await page.getByText('You are Sam').waitFor();
    await page.getByRole('radio', { name: /^1/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page)).toBe('1 of 92 answered');
    expect(stored(server)).toEqual([['Sam', 'cre-01', '1']]);
    // Arrow keys move between the choices as in a radio group (wrapping around).
    await page.getByRole('radio', { name: /^0/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("?Don't know");
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => progress(page)).toBe('2 of 92 answered');
    expect(stored(server)).toEqual([
      ['Sam', 'cre-01', '1'],
      ['Sam', 'cre-02', '1'],
    ]);
  });

  it('keeps every comment typed, even without its button, and shows the level chosen offline', async () => {
    server = await startLive(['--stage', 'creative']);
    const page = await phone();
    await page.goto(server.url);
    // A 60-letter word as a name still fits a 360-pixel screen.
    const long = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarenge'.padEnd(60, 'x');
    await page.getByLabel('Votre nom').fill(long);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByText(`Vous êtes ${long}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Answered (the page moves on), back, a comment typed, then on to the next question
    // without "Enregistrer le commentaire": the comment is saved all the same.
    await page.getByRole('radio', { name: /^2/ }).click();
    await page.getByText('Question 2 sur').waitFor();
    await page.getByRole('button', { name: 'Précédente' }).click();
    await page.getByLabel('Commentaire').fill('Seulement en magasin, pas « en ligne » ; l’équipe l’ignore');
    await page.getByRole('button', { name: 'Suivante' }).click();
    // A comment typed before answering stays with its question and goes with the answer:
    // its button waits for the answer, and a line says so.
    const hint = 'Votre commentaire partira avec votre réponse, dès que vous l’aurez choisie.';
    await page.getByLabel('Commentaire').fill('À vérifier avec la direction');
    expect(await page.getByRole('button', { name: 'Enregistrer le commentaire' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('comment-hint').textContent()).toBe(hint);
    expect(await page.getByLabel('Commentaire').getAttribute('aria-describedby')).toBe('comment-hint');
    await phoneShot(page, 'live-phone-comment-before-answer');
    await page.getByRole('button', { name: 'Suivante' }).click();
    await page.getByRole('button', { name: 'Précédente' }).click();
    expect(await page.getByLabel('Commentaire').inputValue()).toBe('À vérifier avec la direction');
    await page.getByRole('radio', { name: /^1/ }).click();
    await expect.poll(() => progress(page)).toBe('2 sur 24 répondues');
    // Answered: the line goes, from this question and the one the page moved on to.
    expect(await page.getByTestId('comment-hint').count()).toBe(1);
    await page.getByRole('button', { name: 'Précédente' }).click();
    expect(await page.getByTestId('comment-hint').count()).toBe(0);
    await page.getByRole('button', { name: 'Suivante' }).click();
    await expect
      .poll(() => storedComments(server!))
      .toEqual([
        ['cre-01', '2', 'Seulement en magasin, pas « en ligne » ; l’équipe l’ignore'],
        ['cre-02', '1', 'À vérifier avec la direction'],
      ]);

    // Offline, an answer then its comment: the level chosen stays shown while both wait.
    await context?.setOffline(true);
    await page.getByRole('radio', { name: /^4/ }).click();
    await page.getByRole('button', { name: 'Précédente' }).click();
    await page.getByLabel('Commentaire').fill('Hors ligne');
    await page.getByRole('button', { name: 'Enregistrer le commentaire' }).click();
    expect(await page.getByRole('radio', { name: /^4/ }).getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('state').getByText('Envoi').waitFor();
    await context?.setOffline(false);
    await page.getByTestId('state').getByText('Enregistré').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('radio', { name: /^4/ }).getAttribute('aria-checked')).toBe('true');
    expect((await storedComments(server))[2]).toEqual(['cre-03', '4', 'Hors ligne']);
    await phoneShot(page, 'live-phone-comment');
    expect(outside).toEqual([]);
  });

  it('sends a phone holding the link of a session started again to the room code, and resumes it', async () => {
    server = await startLive([]);
    const page = await phone();
    await page.goto(server.url);
    await page.getByLabel('Votre nom').fill('Anaïs');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('radio', { name: /^3/ }).click();
    await expect.poll(() => progress(page)).toBe('1 sur 92 répondues');

    // The app crashes and the facilitator starts the session again: a new link and code, on
    // the same port. The page still open finds its room gone (not a lost network), and so does
    // a reload of its link.
    server = await server.restart('SIGKILL');
    await page.getByText('Ce lien ne mène plus à une session ouverte').waitFor({ timeout: 10_000 });
    expect(await page.getByText('Pas de connexion avec l’ordinateur de l’animateur').count()).toBe(0);
    await page.reload();
    await page.getByText('Ce lien ne mène plus à une session ouverte').waitFor();
    await phoneShot(page, 'live-phone-stale-link');
    await page.getByLabel('Code de la salle').fill(server.code);
    await page.getByRole('button', { name: 'Continuer' }).click();
    // The same participant, back on the question they were on.
    await page.getByText('Vous êtes Anaïs').waitFor();
    await expect.poll(() => progress(page)).toBe('1 sur 92 répondues');
    expect(await page.getByText('Question 2 sur 92').count()).toBe(1);
    await page.getByRole('radio', { name: /^1/ }).click();
    await expect.poll(() => progress(page)).toBe('2 sur 92 répondues');
    expect(stored(server)).toEqual([
      ['Anaïs', 'cre-01', '3'],
      ['Anaïs', 'cre-02', '1'],
    ]);
    expect(outside).toEqual([]);
  });

  it('tells a phone offline when the session stopped, once back, that it closed and what was saved', async () => {
    server = await startLive(['--stage', 'creative']);
    const page = await phone();
    await page.goto(server.url);
    await page.getByLabel('Votre nom').fill('Léa');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('radio', { name: /^3/ }).click();
    await page.getByRole('radio', { name: /^2/ }).click();
    await expect.poll(() => progress(page)).toBe('2 sur 24 répondues');

    // The phone loses the network, answers once more; meanwhile the facilitator stops the
    // session and starts another on the same port.
    await context?.setOffline(true);
    await page.getByRole('radio', { name: /^1/ }).click();
    const unreachable = page.getByText('Pas de connexion avec l’ordinateur de l’animateur');
    await unreachable.waitFor();
    server = await server.restart('SIGINT');
    await context?.setOffline(false);

    // Back: the server says the room is gone. No more "cannot reach", but what reached the
    // facilitator and what waits on the phone.
    await page.getByText('Ce lien ne mène plus à une session ouverte').waitFor({ timeout: 10_000 });
    await expect.poll(() => unreachable.count()).toBe(0);
    const summary = page.getByTestId('closed-summary');
    expect(await summary.locator('p').allTextContents()).toEqual([
      'Vous êtes Léa',
      'Réponses enregistrées sur l’ordinateur de l’animateur\u00a0: 2 sur 24.',
      'Gardées sur cet appareil, pas encore envoyées\u00a0: 1. Elles partiront si vous rejoignez la session quand l’animateur la relance.',
    ]);
    expect(stored(server).map((row) => row[2])).toEqual(['3', '2']);
    await phoneShot(page, 'live-phone-closed-offline');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await summary.innerText()).toContain('Answers saved on the facilitator’s computer: 2 of 24.');
    expect(await summary.innerText()).toContain('Kept on this device, not sent yet: 1.');

    // Joining the new room by its code sends what the phone kept, once.
    await page.getByLabel('Room code').fill(server.code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('You are Léa').waitFor();
    await expect.poll(() => stored(server!).map((row) => row[2]), { timeout: 15_000 }).toEqual(['3', '2', '1']);
    expect(outside).toEqual([]);
  });

  it('words what the server refuses in the page’s language', async () => {
    server = await startLive([]);
    const first = await phone();
    await first.goto(server.url);
    await first.getByLabel('Votre nom').fill('Marie');
    await first.getByRole('button', { name: 'Rejoindre' }).click();
    await first.getByText('Vous êtes Marie').waitFor();
    await context?.close();

    const second = await phone();
    await second.goto(server.url);
    // Only spaces: asked for a name, nothing sent.
    await second.getByLabel('Votre nom').fill('   ');
    await second.getByRole('button', { name: 'Rejoindre' }).click();
    await second.getByText('Tapez votre nom pour rejoindre la session.').waitFor();
    await second.getByLabel('Votre nom').fill('  Marie ');
    await second.getByRole('button', { name: 'Rejoindre' }).click();
    await second.getByText('Ce nom est déjà pris dans cette session').waitFor();
    await second.getByRole('button', { name: 'English' }).click();
    await second.getByLabel('Your name').fill('Marie\tD.');
    await second.getByRole('button', { name: 'Join' }).click();
    await second.getByText('You are Marie D.').waitFor();
  });

  it('shows a tab coming back what another tab of the same participant answered', async () => {
    server = await startLive(['--stage', 'creative']);
    const first = await phone();
    await first.goto(server.url);
    await first.getByLabel('Votre nom').fill('Deux onglets');
    await first.getByRole('button', { name: 'Rejoindre' }).click();
    await first.getByText('Vous êtes Deux onglets').waitFor();
    const second = await context!.newPage();
    await second.goto(server.url);
    await second.getByText('Question 1 sur 24').waitFor();

    await first.getByRole('radio', { name: /^3/ }).click();
    await first.getByRole('radio', { name: /^2/ }).click();
    await expect.poll(() => progress(first)).toBe('2 sur 24 répondues');
    // The first tab, back on its last answer, left while a comment is typed (the phone locks,
    // another tab comes to the front): the comment is sent.
    await first.getByRole('button', { name: 'Précédente' }).click();
    await first.getByLabel('Commentaire').fill('Écrit avant de changer d’onglet');
    await first.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect
      .poll(() => storedComments(server!))
      .toEqual([
        ['cre-01', '3', ''],
        ['cre-02', '2', 'Écrit avant de changer d’onglet'],
      ]);
    // The second tab comes to the front: it shows both answers and the comment, where the
    // participant is, instead of the state it loaded first.
    await second.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => progress(second)).toBe('2 sur 24 répondues');
    await second.getByText('Question 2 sur 24').waitFor();
    expect(await second.getByRole('radio', { name: /^2/ }).getAttribute('aria-checked')).toBe('true');
    expect(await second.getByLabel('Commentaire').inputValue()).toBe('Écrit avant de changer d’onglet');
  });
});

