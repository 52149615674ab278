import { describe, expect, it } from 'vitest';
import {
  fileName,
  formatBytes,
  formatChange,
  formatDate,
  formatNumber,
  formatPercent,
  formatRelative,
  formatScore,
  isoDay,
  lang,
} from './format';

const nbsp = /[\u00a0\u202f]/;

describe('format', () => {
  it('reads the language of a locale', () => {
    expect(lang('en')).toBe('en');
    expect(lang('en-GB')).toBe('en');
    expect(lang('fr')).toBe('fr');
    expect(lang(null)).toBe('fr');
  });

  it('writes scores to 0.1 with a decimal comma in French', () => {
    expect(formatScore(42.5, 'fr')).toBe('42,5');
    expect(formatScore(42.5, 'en')).toBe('42.5');
    expect(formatScore(100, 'fr')).toBe('100,0');
    expect(formatScore(0, 'en')).toBe('0.0');
    expect(formatScore(null, 'fr')).toBe('—');
  });

  it('writes numbers with at most the digits asked', () => {
    expect(formatNumber(1.6667, 'fr')).toBe('1,67');
    expect(formatNumber(2, 'en')).toBe('2');
    expect(formatNumber(6.25, 'en', 1)).toBe('6.3');
    expect(formatNumber(null, 'en')).toBe('—');
  });

  it('writes changes with a sign and a true minus', () => {
    expect(formatChange(1.06, 'fr')).toBe('+1,1');
    expect(formatChange(-4.4, 'fr')).toBe('−4,4');
    expect(formatChange(0, 'en')).toBe('0.0');
    expect(formatChange(-0.125, 'en', 2)).toBe('−0.13');
    expect(formatChange(null, 'fr')).toBe('—');
  });

  it('writes percentages, with a no-break space before % in French', () => {
    expect(formatPercent(0.87, 'en')).toBe('87%');
    const french = formatPercent(0.87, 'fr');
    expect(french.startsWith('87')).toBe(true);
    expect(french.endsWith('%')).toBe(true);
    expect(nbsp.test(french)).toBe(true);
    expect(formatPercent(null, 'fr')).toBe('—');
  });

  it('writes relative times in French and English', () => {
    const now = new Date(2026, 10, 23, 17, 0, 0);
    const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    expect(formatRelative(before(0.2), now, 'fr')).toBe('maintenant');
    expect(formatRelative(before(0.2), now, 'en')).toBe('now');
    expect(formatRelative(before(5), now, 'fr')).toBe('il y a 5 minutes');
    expect(formatRelative(before(5), now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(before(180), now, 'fr')).toBe('il y a 3 heures');
    expect(formatRelative(new Date(2026, 10, 22, 9, 0).toISOString(), now, 'fr')).toBe('hier');
    expect(formatRelative(new Date(2026, 10, 22, 9, 0).toISOString(), now, 'en')).toBe('yesterday');
    expect(formatRelative(new Date(2026, 10, 19, 9, 0).toISOString(), now, 'en')).toBe('4 days ago');
    expect(formatRelative(new Date(2026, 9, 20).toISOString(), now, 'fr')).toBe('le mois dernier');
    expect(formatRelative(new Date(2025, 10, 1).toISOString(), now, 'en')).toBe('last year');
    expect(formatRelative('not a date', now, 'en')).toBe('—');
  });

  it('writes calendar dates the French and the English way', () => {
    expect(formatDate('2027-03-31', 'fr')).toBe('31 mars 2027');
    expect(formatDate('2027-03-31', 'en')).toBe('31 Mar 2027');
    expect(formatDate(null, 'fr')).toBe('—');
    expect(formatDate('garbage', 'en')).toBe('—');
    expect(isoDay(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  it('writes file sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512\u00a0B');
    expect(formatBytes(229_376, 'fr')).toBe('229\u00a0ko');
    expect(formatBytes(1_540_000, 'en')).toBe('1.5\u00a0MB');
  });

  it('makes file names without path separators or reserved characters', () => {
    expect(fileName(['Transports Rivière', 'Audit 2026', '2026-11-23'], 'pdf')).toBe(
      'Transports Rivière - Audit 2026 - 2026-11-23.pdf',
    );
    expect(fileName(['../../etc/passwd', 'a:b*c?'], 'tcm')).toBe('etc passwd - a b c.tcm');
    expect(fileName(['<script>', ''], 'csv')).toBe('script.csv');
    expect(fileName(['', '  '], 'xlsx')).toBe('tcm.xlsx');
  });
});
