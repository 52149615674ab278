// The roadmap atop the plan: the leading initiatives as bars, one moved to another wave with
// its wave list (keyboard) and another by dragging its bar, both kept after a reload, then
// reset; the projected scores and the rule.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, expectClean, launch, open, openAssessment, shot, type App } from './helpers';

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  app = await open(browser, 'seeded');
  page = app.page;
});

afterAll(async () => {
  await browser?.close();
});

const rows = () => page.locator(byTestId('roadmap-initiative'));

describe('roadmap', () => {
  it('leads with at most twelve initiatives, the others one click away', async () => {
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-plan')).click();
    await rows().first().waitFor();
    const lead = await rows().count();
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThanOrEqual(12);
    await expect.poll(() => page.locator(byTestId('roadmap-projection')).locator('tbody tr').count()).toBe(6);
    await page.locator('.rule summary').click();
    expect(await page.locator(byTestId('roadmap-rule')).textContent()).toContain('poids 2');
    await page.locator(byTestId('roadmap')).evaluate((element) => element.scrollIntoView());
    await shot(page, 'roadmap-fr');
    const more = page.locator(byTestId('roadmap-more'));
    if (await more.count()) {
      await more.click();
      expect(await rows().count()).toBeGreaterThan(lead);
      await more.click();
    }
  });

  it('moves an initiative with its wave list and by dragging its bar; both survive a reload', async () => {
    const first = rows().first();
    const id = await first.getAttribute('data-id');
    await first.locator(byTestId('roadmap-wave')).selectOption('3');
    const moved = page.locator(`${byTestId('roadmap-initiative')}[data-id="${id}"]`);
    await expect.poll(() => moved.getAttribute('data-source')).toBe('userWave');
    expect(await moved.getAttribute('data-wave')).toBe('3');

    // Drag the last leading initiative's bar to the very start of the timeline: wave 1.
    const last = rows().last();
    const other = await last.getAttribute('data-id');
    expect(other).not.toBe(id);
    const bar = last.locator(byTestId('roadmap-bar'));
    await last.scrollIntoViewIfNeeded();
    const track = last.locator('.track');
    const from = (await bar.boundingBox())!;
    const box = (await track.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 5, from.y + from.height / 2, { steps: 5 });

    await page.mouse.up();
    const dragged = page.locator(`${byTestId('roadmap-initiative')}[data-id="${other}"]`);
    await expect.poll(() => dragged.getAttribute('data-wave')).toBe('1');
    expect(await dragged.getAttribute('data-source')).toBe('userWave');
    await dragged.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shot(page, 'roadmap-moved-fr');

    await page.reload();
    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('go-plan')).click();
    await rows().first().waitFor();
    await expect.poll(() => moved.getAttribute('data-wave')).toBe('3');
    expect(await dragged.getAttribute('data-wave')).toBe('1');

    await moved.locator(byTestId('roadmap-reset')).click();
    await expect.poll(() => moved.getAttribute('data-source')).toBe('derived');
    expectClean(app.watch);
  });
});
