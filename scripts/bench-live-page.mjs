#!/usr/bin/env node
// How fast the live session's participant page becomes usable on a throttled mid-range phone:
// a benchmark, not a test. Starts `tcm live` on 127.0.0.1 with a fresh workshop, then opens the
// join URL in Debian's Chromium emulating a 360-pixel phone with a 4× slower CPU and a "slow
// 4G" network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up — the profile Lighthouse uses
// for a mid-range phone), each run with an empty cache. It prints, per run and as medians:
//   - interactive: from navigation to the join form usable (name field and "Rejoindre" enabled);
//   - first question: from the tap on "Rejoindre" to the first question's scale usable;
//   - transferred: bytes over the wire for the first load (compressed as the server sends them).
//
//   scripts/bench-live-page.mjs [RUNS]        (default 7)
//
// Needs: a built `tcm` (TCM_BIN, else target/release/tcm, else target/debug/tcm), chromium, and
// the UI's node modules (playwright-core). Nothing leaves 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'ui', 'package.json'));
const { chromium, devices } = require('playwright-core');

const runs = Number(process.argv[2] ?? 7);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`RUNS must be a whole number above 0, not ${process.argv[2]}`);
  process.exit(2);
}
const tcm = [process.env.TCM_BIN, join(root, 'target/release/tcm'), join(root, 'target/debug/tcm')].find(
  (path) => path && existsSync(path),
);
if (!tcm) {
  console.error('no tcm binary: build it (cargo build -p tcm-cli --release) or set TCM_BIN');
  process.exit(2);
}

const MID_RANGE_PHONE = { cpuSlowdown: 4, latencyMs: 150, downBytesPerSecond: (1.6e6 / 8) | 0, upBytesPerSecond: (750e3 / 8) | 0 };

const folder = mkdtempSync(join(tmpdir(), 'tcm-live-bench-'));
const db = join(folder, 'tcm.sqlite');
const cli = (...args) => execFileSync(tcm, ['--db', db, ...args], { encoding: 'utf8' });
cli('org', 'add', '--name', 'Maison Durand', '--sector', 'retail');
cli('assessment', 'new', '--org', 'Maison Durand', '--title', 'Atelier direction', '--mode', 'workshop');
const server = spawn(tcm, ['--db', db, 'live', '--assessment', '1', '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
await new Promise((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`tcm live did not start:\n${output}`)), 20_000);
  server.stdout.on('data', (chunk) => {
    output += chunk;
    if (/Listening\./.test(output)) {
      clearTimeout(timer);
      done();
    }
  });
  server.stderr.on('data', (chunk) => (output += chunk));
  server.on('exit', (code) => fail(new Error(`tcm live exited with ${code}:\n${output}`)));
});
const url = /Join: (\S+)/.exec(output)?.[1];
if (!url) throw new Error(`no join URL in:\n${output}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ ...devices['Galaxy S8'], locale: 'fr-FR' });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) throw new Error(`request outside loopback: ${request.url()}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MID_RANGE_PHONE.latencyMs,
      downloadThroughput: MID_RANGE_PHONE.downBytesPerSecond,
      uploadThroughput: MID_RANGE_PHONE.upBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MID_RANGE_PHONE.cpuSlowdown });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => (transferred += event.encodedDataLength));

    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const name = page.getByLabel('Votre nom');
    const join = page.getByRole('button', { name: 'Rejoindre' });
    await name.waitFor({ state: 'visible' });
    await join.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Rejoindre'));
      return button && !button.disabled;
    });
    const interactive = performance.now() - started;
    const firstLoad = transferred;

    await name.fill(`Participant banc ${run + 1}`);
    const joined = performance.now();
    await join.click();
    await page.getByRole('radio', { name: /^3/ }).waitFor({ state: 'visible' });
    const firstQuestion = performance.now() - joined;
    results.push({ interactive, firstQuestion, firstLoad });
    console.log(
      `run ${run + 1}: interactive ${interactive.toFixed(0)} ms, first question ${firstQuestion.toFixed(0)} ms after joining, first load ${(firstLoad / 1024).toFixed(1)} KB transferred`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((done) => server.once('exit', done));
  rmSync(folder, { recursive: true, force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `median of ${runs}: interactive ${median(results.map((r) => r.interactive)).toFixed(0)} ms (goal ≤ 1000 ms), ` +
    `first question ${median(results.map((r) => r.firstQuestion)).toFixed(0)} ms, ` +
    `first load ${(median(results.map((r) => r.firstLoad)) / 1024).toFixed(1)} KB (goal ≤ 150 KB); ` +
    `phone: ${MID_RANGE_PHONE.cpuSlowdown}× slower CPU, ${MID_RANGE_PHONE.latencyMs} ms RTT, 1.6 Mbit/s down`,
);
