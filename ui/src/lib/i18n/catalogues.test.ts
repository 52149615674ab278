// The catalogues are complete and consistent: same keys in French and English, every key the
// code uses exists, and French text follows French typography.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'bindings' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const here = dirname(fileURLToPath(import.meta.url));
const french = flatten(fr as Catalogue);
const english = flatten(en as Catalogue);

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('hold every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(here, '..', '..'))) {
      const text = readFileSync(file, 'utf-8');
      for (const match of text.matchAll(/\$_\(\s*'([\w.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((key) => !french.has(key) || !english.has(key));
    expect(missing).toEqual([]);
  });

  it('write French with non-breaking spaces before ? ! ; : and inside « »', () => {
    const problems: string[] = [];
    for (const [key, text] of french) {
      const plain = text.replace(/\{[^{}]*\}/g, 'x');
      if (/ [?!;:]/.test(plain) || /[^\u00a0\u202f][?!;]/.test(plain.replace(/^[?!;]/, ''))) problems.push(key);
      if (/« |(?<!\u00a0)»/.test(text) || /«(?!\u00a0)/.test(text)) problems.push(key);
      if (/'/.test(plain)) problems.push(`${key} (typographic apostrophe ’ expected)`);
    }
    expect(problems).toEqual([]);
  });
});
