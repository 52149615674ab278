import { describe, expect, it } from 'vitest';
import { errorText } from './errorText';

const translate = (key: string, options?: { values?: Record<string, string | number> }) =>
  `${key} ${JSON.stringify(options?.values ?? {})}`;

describe('errorText', () => {
  it('words a typed error from the catalogue with its values', () => {
    const text = errorText(
      {
        kind: 'storage',
        message: '/data/tcm.sqlite was made by a newer version',
        detail: { code: 'databaseNewer', path: '/data/tcm.sqlite', found: 9, known: 6 },
      },
      translate,
    );
    expect(text).toBe('errors.databaseNewer {"path":"/data/tcm.sqlite","found":9,"known":6}');
  });

  it("shows the backend's message when there is no detail", () => {
    expect(errorText({ kind: 'notFound', message: 'assessment 7 does not exist' }, translate)).toBe(
      'assessment 7 does not exist',
    );
  });
});

import { IntlMessageFormat } from 'intl-messageformat';
import type { ErrorDetail } from './bindings/ErrorDetail';
import type { ReadOnlyReason } from './bindings/ReadOnlyReason';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** One example of every detail the backend sends: a new variant without one fails `npm run check`. */
const EXAMPLES: { [Code in ErrorDetail['code']]: Extract<ErrorDetail, { code: Code }> } = {
  databaseDamaged: { code: 'databaseDamaged', path: '/data/tcm.sqlite' },
  databaseNewer: { code: 'databaseNewer', path: '/data/tcm.sqlite', found: 9, known: 7 },
  databaseUpdateFailed: { code: 'databaseUpdateFailed', path: '/data/tcm.sqlite', backup: '/data/backups/b.sqlite' },
  notAFile: { code: 'notAFile', path: '/dev/null' },
  diskFull: { code: 'diskFull', path: '/media/usb/tcm.sqlite' },
  readOnly: { code: 'readOnly', path: '/data/tcm.sqlite', reason: 'file' },
  diskFailure: { code: 'diskFailure', path: '/media/usb/tcm.sqlite' },
  textTooLong: { code: 'textTooLong', field: 'comment', length: 20001, max: 10000 },
  textOnlyControls: { code: 'textOnlyControls', field: 'label' },
  notFound: { code: 'notFound', what: 'assessment', id: '7' },
  cancelled: { code: 'cancelled' },
  forbiddenOutput: { code: 'forbiddenOutput', path: '/data/tcm.sqlite-wal' },
  noDataFolder: { code: 'noDataFolder' },
  chosenDatabaseMissing: { code: 'chosenDatabaseMissing', path: '/media/usb/tcm.sqlite' },
};

const REASONS: Record<ReadOnlyReason, true> = { file: true, locked: true, folder: true, volume: true, companion: true };

function worded(catalogue: { errors: Record<string, string> }, language: string, detail: ErrorDetail): string {
  const { code, ...values } = detail;
  const message = catalogue.errors[code];
  expect(message, `errors.${code} in ${language}`).toBeTypeOf('string');
  return String(new IntlMessageFormat(message, language).format(values));
}

describe('every error detail', () => {
  it('is worded in French and in English, with its values', () => {
    for (const detail of Object.values(EXAMPLES)) {
      const french = worded(fr, 'fr', detail);
      const english = worded(en, 'en', detail);
      expect(french).not.toBe(english);
      for (const text of [french, english]) {
        expect(text).not.toMatch(/[{}]/);
        if ('path' in detail) expect(text).toContain(detail.path);
      }
    }
  });

  it('names each kind of missing thing, in both languages', () => {
    for (const [catalogue, language] of [
      [fr, 'fr'],
      [en, 'en'],
    ] as const) {
      const sentences = ['assessment', 'organisation', 'respondent', 'action'].map((what) =>
        worded(catalogue, language, { code: 'notFound', what, id: '7' }),
      );
      expect(new Set(sentences).size).toBe(4);
      for (const sentence of sentences) expect(sentence).toContain('7');
    }
  });

  it('says why a database is read-only, for each reason, in both languages', () => {
    for (const [catalogue, language] of [
      [fr, 'fr'],
      [en, 'en'],
    ] as const) {
      const sentences = Object.keys(REASONS).map((reason) =>
        worded(catalogue, language, { code: 'readOnly', path: '/data/tcm.sqlite', reason: reason as ReadOnlyReason }),
      );
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });
});
