// Gathers the journeys the browser tests recorded (TCM_RECORD_JOURNEYS=1, see
// tests/browser/helpers.ts) into src/mock/fixtures/journeys.json, which tcm-api's tests replay on
// the real handlers to write the golden figures the mock serves. Journeys that changed nothing
// are dropped; the rest are sorted so that the same runs give the same file.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const folder = join(root, 'node_modules', '.tmp', 'journeys');
const seen = new Set();
const journeys = [];
for (const name of readdirSync(folder).sort()) {
  const { start, operations } = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  const text = JSON.stringify({ start, operations });
  if (operations.length === 0 || seen.has(text)) continue;
  seen.add(text);
  journeys.push({ start, operations });
}
journeys.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
writeFileSync(join(root, 'src', 'mock', 'fixtures', 'journeys.json'), `${JSON.stringify(journeys, null, 1)}\n`);
rmSync(folder, { recursive: true, force: true });
console.log(`${journeys.length} journeys written to src/mock/fixtures/journeys.json`);
