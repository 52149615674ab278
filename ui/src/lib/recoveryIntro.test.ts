import { describe, expect, it } from 'vitest';
import type { ApiError } from './bindings/ApiError';
import type { ErrorDetail } from './bindings/ErrorDetail';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { RECOVERY_INTRO, recoveryCause } from './recoveryIntro';

const failure = (detail?: ErrorDetail): ApiError => ({ kind: 'storage', message: 'the database did not open', detail });

describe('the recovery intro', () => {
  it('is worded by the cause the error names', () => {
    expect(recoveryCause(failure({ code: 'databaseDamaged', path: '/data/tcm.sqlite' }))).toBe('damaged');
    expect(recoveryCause(failure({ code: 'diskFailure', path: '/data/tcm.sqlite' }))).toBe('damaged');
    expect(recoveryCause(failure({ code: 'chosenDatabaseMissing', path: '/media/usb/tcm.sqlite' }))).toBe('missing');
    expect(recoveryCause(failure({ code: 'databaseNewer', path: '/data/tcm.sqlite', found: 12, known: 9 }))).toBe('newer');
    expect(recoveryCause(failure({ code: 'notAFile', path: '/data' }))).toBe('other');
    expect(recoveryCause(failure())).toBe('other');
    expect(recoveryCause(null)).toBe('other');
  });

  it('calls the file damaged only when it may be', () => {
    const intro = (catalogue: typeof fr, cause: keyof typeof RECOVERY_INTRO) =>
      (catalogue.recovery.intro as Record<string, string>)[RECOVERY_INTRO[cause].split('.')[2]];
    expect(intro(fr, 'damaged')).toContain('peut-être endommagé');
    expect(intro(en, 'damaged')).toContain('may be damaged');
    for (const cause of ['missing', 'newer', 'other'] as const) {
      expect(intro(fr, cause)).not.toContain('endommagé');
      expect(intro(en, cause)).not.toContain('damaged');
    }
    expect(intro(fr, 'missing')).toContain('n’est plus à l’endroit');
    expect(intro(en, 'missing')).toContain('no longer where it was');
  });
});
