// axe-core on every screen of the built UI (mock backend, Debian's Chromium): no serious or
// critical violation, in French and English. Moderate and minor findings are reported by
// axe but do not fail the run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, launch, open, openAssessment } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The serious and critical violations on the page as it is now. */
async function audit(page: Page, screen: string): Promise<string[]> {
  await page.waitForTimeout(200);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any screen', async () => {
    const found: string[] = [];
    const empty = await open(browser, 'empty');
    await empty.page.locator(byTestId('home-empty')).waitFor();
    found.push(...(await audit(empty.page, 'home, first launch')));
    await empty.context.close();

    const { page, context } = await open(browser, 'seeded');
    await page.locator(byTestId('assessment-row')).first().waitFor();
    found.push(...(await audit(page, 'home, list')));

    await page.locator(byTestId('new-assessment')).click();
    await page.locator(byTestId('org-name')).waitFor();
    found.push(...(await audit(page, 'new assessment')));

    await openAssessment(page, 'atelier direction');
    await page.locator(byTestId('question-card')).waitFor();
    found.push(...(await audit(page, 'questionnaire, card')));
    await page.locator(byTestId('respondent-privacy')).locator('summary').click();
    found.push(...(await audit(page, 'questionnaire, personal data menu')));
    await page.locator(byTestId('privacy-anonymiseKeep')).click();
    await page.locator(byTestId('confirm-dialog')).waitFor();
    found.push(...(await audit(page, 'questionnaire, confirmation')));
    await page.locator(byTestId('confirm-cancel')).click();
    await page.locator(byTestId('view-list')).click();
    found.push(...(await audit(page, 'questionnaire, theme list')));

    for (const tab of ['results', 'plan', 'export']) {
      await page.locator(byTestId(`go-${tab}`)).click();
      await page.waitForTimeout(600);
      found.push(...(await audit(page, tab)));
    }

    await page.locator(byTestId('home')).click();
    await page.locator(byTestId('go-settings')).click();
    await page.locator(byTestId('backup-row')).first().waitFor();
    found.push(...(await audit(page, 'settings')));
    await context.close();

    // Read-only: every control that writes is off and described by the banner.
    const locked = await open(browser, 'read-only');
    await locked.page.locator(byTestId('assessment-row')).first().waitFor();
    found.push(...(await audit(locked.page, 'home, read-only')));
    await openAssessment(locked.page, 'atelier direction');
    await locked.page.locator(byTestId('question-card')).waitFor();
    found.push(...(await audit(locked.page, 'questionnaire, read-only')));
    for (const tab of ['plan', 'export']) {
      await locked.page.locator(byTestId(`go-${tab}`)).click();
      await locked.page.waitForTimeout(600);
      found.push(...(await audit(locked.page, `${tab}, read-only`)));
    }
    await locked.page.locator(byTestId('report-settings-open')).click();
    await locked.page.locator(byTestId('rs-firm')).waitFor();
    found.push(...(await audit(locked.page, 'report settings, read-only')));
    await locked.context.close();

    const damaged = await open(browser, 'damaged');
    await damaged.page.locator(byTestId('screen-recovery')).waitFor();
    found.push(...(await audit(damaged.page, 'recovery')));
    await damaged.context.close();

    expect(found).toEqual([]);
  }, 120_000);
});
