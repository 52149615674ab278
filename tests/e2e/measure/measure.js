// Measures the release app in a real window (not a test; numbers are printed):
// - cold start to an interactive home screen;
// - answer click → "saved" shown, timed inside the page (no WebDriver latency);
// - resident memory after a full audit of the 92 questions (the app and its web processes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { byTestId, freshDatabase, openApp, press } from '../specs/session.js';

const runs = Number(process.env.TCM_MEASURE_STARTS ?? 5);
const readingTime = Number(process.env.TCM_MEASURE_READING_MS ?? 300);

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * fraction))];
}

function summary(name, values, unit, goal) {
  const text = (value) => `${value.toFixed(1)} ${unit}`;
  console.log(
    `${name}: n=${values.length} min ${text(Math.min(...values))} p50 ${text(percentile(values, 0.5))} p95 ${text(percentile(values, 0.95))} max ${text(Math.max(...values))}  (goal: ${goal})`,
  );
}

/** Resident memory (kB) of the app and all its descendants (WebKit's web and network
 * processes): RSS of each, and PSS (shared library pages split between the processes that map
 * them, so the family's total is not counted twice). */
function residentMemory() {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm=']).toString().trim().split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...command]) => ({ pid, ppid, rss: Number(rss), command: command.join(' ') }));
  const app = table.find((row) => row.command.startsWith('tcm-workbench'));
  if (!app) return null;
  const family = [app];
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of table) {
      if (!family.includes(row) && family.some((member) => member.pid === row.ppid)) {
        family.push(row);
        grew = true;
      }
    }
  }
  for (const row of family) {
    const rollup = readFileSync(`/proc/${row.pid}/smaps_rollup`, 'utf8');
    row.pss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  const sum = (key) => family.reduce((total, row) => total + row[key], 0);
  return {
    app,
    rss: sum('rss'),
    pss: sum('pss'),
    processes: family.map((row) => `${row.command} RSS ${mb(row.rss)} PSS ${mb(row.pss)}`),
  };
}

const mb = (kilobytes) => `${Math.round(kilobytes / 1024)} MB`;

// 1. Cold start: session creation launches the app; home is interactive when the
//    "new assessment" button can be clicked.
const starts = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  const { browser } = await openApp({ database: freshDatabase() });
  const button = await byTestId(browser, 'new-assessment', 30000);
  await button.waitForClickable({ timeout: 30000 });
  starts.push(performance.now() - started);
  await browser.deleteSession();
}
summary('cold start to an interactive home (WebDriver session included)', starts, 'ms', '≤ 1500 ms');

// 2 and 3. A full audit: answers clicked, each timed in the page from the click to the
// "saved" state being shown.
const { browser } = await openApp({ database: freshDatabase() });
await press(browser, await byTestId(browser, 'new-assessment'));
await (await byTestId(browser, 'org-name')).setValue('Mesure SA');
await (await byTestId(browser, 'org-sector')).selectByAttribute('value', 'industry');
await (await byTestId(browser, 'assessment-title')).setValue('Mesure');
await press(browser, await browser.$('[data-testid="mode-self"]'));
await press(browser, await browser.$('[data-testid="questionnaire-tcm-92"]'));
await (await byTestId(browser, 'first-respondent')).setValue('Mesure');
await press(browser, await byTestId(browser, 'create-assessment'));
await byTestId(browser, 'screen-questionnaire');
const latencies = [];
for (let index = 0; index < 92; index += 1) {
  const level = String([3, 1, 4, 2, 0][index % 5]);
  const elapsed = await browser.executeAsync((level, done) => {
    const button = document.querySelector(`[data-testid="answer-${level}"]`);
    const status = () => document.querySelector('[data-testid="saved-state"]');
    const started = performance.now();
    const finish = () => {
      observer.disconnect();
      // The state is in the DOM; it is on screen once the next frame has been drawn, that is
      // at the first task after that frame's animation callbacks.
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));
    };
    const observer = new MutationObserver(() => {
      if (status()?.getAttribute('data-state') === 'saved') finish();
    });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-state'] });
    button.click();
  }, level);
  latencies.push(elapsed);
  if (index < 91) {
    const id = await (await byTestId(browser, 'question-card')).getAttribute('data-question-id');
    await press(browser, await byTestId(browser, 'next-question'));
    await browser.waitUntil(async () => (await (await byTestId(browser, 'question-card')).getAttribute('data-question-id')) !== id);
    // A person reads the new question before answering it: the click does not land in the
    // frame that draws the new card.
    await browser.pause(readingTime);
  }
}
summary('answer click → saved shown', latencies, 'ms', 'p95 ≤ 50 ms');
await press(browser, await byTestId(browser, 'go-results'));
await byTestId(browser, 'overall-score');
await browser.pause(1000);
const memory = residentMemory();
if (memory) {
  console.log(`resident memory after a full audit: the app process RSS ${mb(memory.app.rss)}  (goal: ≤ 200 MB); with WebKit's web and network processes RSS ${mb(memory.rss)}, PSS ${mb(memory.pss)}`);
  console.log(`  ${memory.processes.join('; ')}`);
}
await browser.deleteSession();

// 4. The package.
const deb = process.env.TCM_MEASURE_DEB;
if (deb) console.log(`.deb package: ${(readFileSync(deb).length / 1024 / 1024).toFixed(2)} MB  (goal: ≤ 10 MB)`);
