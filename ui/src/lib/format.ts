// Numbers and dates as people read them in French or English. French uses a decimal comma
// and a narrow no-break space before %, as Intl writes them.
import type { LanguageCode } from './bindings/LanguageCode';

export type Lang = LanguageCode;

const NO_VALUE = '—';

export function lang(value: string | null | undefined): Lang {
  return value?.startsWith('en') ? 'en' : 'fr';
}

/** A score on the 0–100 scale, to 0.1 (the backend has rounded it already). */
export function formatScore(value: number | null | undefined, language: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A number with at most `digits` decimals (gaps, priorities, mean levels). */
export function formatNumber(value: number | null | undefined, language: Lang, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** A change with its sign and a true minus: +4,2 / −1,0 / 0,0; a score (one decimal) unless
 * `digits` says otherwise. */
export function formatChange(change: number | null | undefined, language: Lang, digits = 1): string {
  if (change === null || change === undefined || Number.isNaN(change)) return NO_VALUE;
  const size = digits === 1 ? formatScore(Math.abs(change), language) : formatNumber(Math.abs(change), language, digits);
  if (change > 0) return `+${size}`;
  if (change < 0) return `−${size}`;
  return size;
}

/** A ratio from 0 to 1 as a whole percentage. */
export function formatPercent(ratio: number | null | undefined, language: Lang): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return NO_VALUE;
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "il y a 3 heures", "hier", "à l’instant" / "3 hours ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: Date, language: Lang): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return NO_VALUE;
  const seconds = (then.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  // Calendar days for "yesterday" and "2 days ago", rather than 24-hour blocks.
  const days = Math.round((startOfDay(then) - startOfDay(now)) / 86_400_000);
  if (Math.abs(seconds) >= 86_400 || days !== 0) {
    if (Math.abs(days) < 7) return format.format(days, 'day');
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60) || -1, 'minute');
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A calendar date: `2027-03-31` or an RFC 3339 time → "31 mars 2027" / "31 Mar 2027". */
export function formatDate(value: string | null | undefined, language: Lang): string {
  if (!value) return NO_VALUE;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** Date and time: "23 nov. 2026, 17:40" / "23 Nov 2026, 17:40". */
export function formatDateTime(value: string, language: Lang): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A file size: "176 ko" / "176 kB". */
export function formatBytes(bytes: number, language: Lang): string {
  const units = language === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1 }).format(value);
  return `${number}\u00a0${units[unit]}`;
}

/** Today as `YYYY-MM-DD`, in local time. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name from an organisation and a title: no path separators or reserved characters. */
export function fileName(parts: string[], extension: string): string {
  const base = parts
    .map((part) =>
      part
        .normalize('NFC')
        .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
        // No "." or ".." left standing alone, and no hidden file.
        .replace(/(^|\s)\.+(?=\s|$)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(' - ')
    .slice(0, 120)
    .replace(/^\.+/, '')
    .trim();
  return `${base || 'tcm'}.${extension}`;
}
