// The results of the demo's live workshop as a consultant reads them after the session: the
// whole room, then each department side by side with its share of "?" per stage; the
// direction (two people) shows no figure, nor does the department that would give the
// direction's figures away by subtraction from the whole room.
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

// A stage's score, then its share of "?" (French spaces: no-break and narrow no-break).
const FIGURE = /^\d{1,3},\d\s*«\s\?\s»\s:\s\d{1,3}\s%$/;

const STAGES = ['creative', 'active', 'curative', 'preventive', 'proactive'];

describe('perception gaps', () => {
  it('shows each department side by side and no figure that identifies the direction', async () => {
    const { page, watch } = await open(browser, 'empty');
    await page.locator(byTestId('open-demo')).click();
    await page.locator(byTestId('go-results')).click();
    const gaps = page.locator(byTestId('group-gaps'));
    await gaps.waitFor();
    expect(await gaps.locator('h2').textContent()).toBe('Écarts de perception entre groupes');
    expect(await gaps.locator('thead th').allTextContents()).toEqual([
      'Groupe',
      'Créative',
      'Active',
      'Curative',
      'Préventive',
      'Proactive',
    ]);
    const room = gaps.locator(byTestId('group-gaps-room'));
    expect(await room.locator('th').textContent()).toContain('11 répondants');
    const cells = room.locator('td');
    expect(await cells.count()).toBe(5);
    for (const cell of await cells.all()) expect(await cell.textContent()).toMatch(FIGURE);

    // Reading order, accents folded: Réception before Restauration.
    const rows = gaps.locator(byTestId('group-gaps-group'));
    expect((await rows.locator('th').allTextContents()).map((text) => text.replace(/\d+ répondants?/, '').trim())).toEqual([
      'Direction',
      'Réception et conciergerie',
      'Restauration',
      'Ventes et marketing',
    ]);
    const [direction, reception, restauration, ventes] = await rows.all();
    expect(await direction.locator('th').textContent()).toContain('2 répondants');
    expect(await direction.locator('td').textContent()).toBe('Moins de trois personnes\u00a0: aucun chiffre n’est montré.');
    expect(await reception.locator('th').textContent()).toContain('3 répondants');
    expect(await reception.locator('td').textContent()).toContain('Masqué\u00a0: avec les chiffres de toute la salle');
    for (const row of [direction, reception]) {
      expect(await row.locator('td').count()).toBe(1);
      expect(await row.locator('td').textContent()).not.toMatch(/\d/);
    }
    for (const row of [restauration, ventes]) {
      const figures = await row.locator('td').allTextContents();
      expect(figures).toHaveLength(5);
      for (const figure of figures) expect(figure).toMatch(FIGURE);
    }
    await gaps.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await shot(page, 'results-groups-fr');

    // The consensus the room recorded, stage by stage: before → after discussion and the
    // difference of the two figures shown.
    const effect = page.locator(byTestId('consensus-effect'));
    expect(await effect.locator('h2').textContent()).toBe('Effet du consensus');
    const stages = effect.locator(byTestId('consensus-effect-stage'));
    expect(await stages.locator('th').allTextContents()).toEqual(['Créative', 'Active', 'Curative', 'Préventive', 'Proactive']);
    const roomScores = await cells.locator('.score').allTextContents();
    const number = (text: string) => Number(text.replace('−', '-').replace(',', '.'));
    let moved = 0;
    for (const [index, row] of (await stages.all()).entries()) {
      const [before, after, change] = await row.locator('td').allTextContents();
      expect(before, 'before discussion is the room’s score').toBe(roomScores[index]);
      expect(after).toBe(await page.locator(byTestId(`stage-score-${STAGES[index]}`)).textContent());
      expect(change).toMatch(/^([+−]\d{1,3},\d|0,0)$/);
      expect(number(change)).toBeCloseTo(number(after) - number(before), 5);
      if (change !== '0,0') moved += 1;
    }
    expect(moved, 'three consensus values moved some stage').toBeGreaterThan(0);
    await effect.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await shot(page, 'results-consensus-effect-fr');

    // In English too, with the same figures.
    await page.locator(byTestId('language-en')).click();
    await expect.poll(() => gaps.locator('h2').textContent()).toBe('Perception gaps between groups');
    expect(await direction.locator('td').textContent()).toBe('Fewer than three people: no figure is shown.');
    expect(await reception.locator('td').textContent()).toContain('Hidden: with the whole room’s figures');
    expectClean(watch);
    await page.context().close();
  });
});
