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
