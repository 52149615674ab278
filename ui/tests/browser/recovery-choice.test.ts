// The recovery screen's "open another file" and the next start: the screen says the file
// opened will be opened again and the one that did not open is left as it was; when the
// configuration folder cannot be written, the file opened is used all the same and the screen
// says it will not be remembered, in the user's language, before going on.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, shot } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('a database opened from the recovery screen', () => {
  it('says it will be opened at the next starts and the damaged file is kept', async () => {
    const { page, watch } = await open(browser, 'damaged');
    await page.locator(byTestId('screen-recovery')).waitFor();
    const other = page.locator(byTestId('recovery-open-other'));
    const note = await page.locator(`#${await other.getAttribute('aria-describedby')}`).textContent();
    expect(note).toContain('l’application la rouvrira aux prochains démarrages');
    expect(note).toContain('Le fichier actuel n’est ni modifié ni effacé');
    expectClean(watch);
    await page.context().close();
  });

  it('says when it cannot be remembered, then goes on with it', async () => {
    const { page, watch } = await open(browser, 'damaged');
    await page.locator(byTestId('screen-recovery')).waitFor();
    await page.evaluate(() =>
      (window as unknown as { __tcmMock: { configReadOnly(on: boolean): void } }).__tcmMock.configReadOnly(true),
    );
    await page.locator(byTestId('recovery-open-other')).click();
    const notice = page.locator(byTestId('recovery-not-kept'));
    await notice.waitFor();
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain('n’a pas pu le retenir\u00a0: au prochain démarrage, elle rouvrira sa base habituelle');
    expect(said).toContain('Le dossier /home/claire/.config/tcm-workbench n’est pas accessible en écriture');
    // The file now open would be the one a restore replaces: no restore is offered any more.
    expect(await page.locator(byTestId('recovery-restore-latest')).count()).toBe(0);
    expect(await page.locator(byTestId('restore-backup')).count()).toBe(0);
    await shot(page, 'recovery-not-kept-fr');
    await page.locator(byTestId('recovery-continue')).click();
    await page.locator(byTestId('assessment-row')).first().waitFor();
    expectClean(watch);
    await page.context().close();
  });
});
