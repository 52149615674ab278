// The production bundle holds no trace of the mock backend.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

describe('the production build', () => {
  it('leaves the mock out', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const outDir = join(root, 'node_modules', '.tmp', 'dist-production');
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const files = readdirSync(join(outDir, 'assets')).map((name) => join(outDir, 'assets', name));
    const text = files.map((file) => readFileSync(file, 'utf-8')).join('\n');
    for (const marker of ['__tcmMock', 'mockIPC', 'tcm-mock-database', 'Transports Rivière', 'cre-01', 'Boîte à outils'])
      expect(text.includes(marker), marker).toBe(false);
    expect(files.filter((file) => /install|mock|backend/i.test(file))).toEqual([]);
  });
});
