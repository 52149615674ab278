// The recovery screen's opening sentence, worded by why the database did not open: the file
// is called "maybe damaged" only when it may be. A file that is no longer where it was, one
// written by a newer version, or a path that is no database file at all is not damaged, and
// restoring a backup is not what the user needs first.
import type { ApiError } from './bindings/ApiError';

export type RecoveryCause = 'damaged' | 'missing' | 'newer' | 'other';

/** Why the database did not open, from the error's detail (none: a cause not known). */
export function recoveryCause(error: ApiError | null): RecoveryCause {
  switch (error?.detail?.code) {
    case 'databaseDamaged':
    case 'diskFailure':
      return 'damaged';
    case 'chosenDatabaseMissing':
      return 'missing';
    case 'databaseNewer':
      return 'newer';
    default:
      return 'other';
  }
}

/** The catalogue key of the intro for each cause. */
export const RECOVERY_INTRO: Record<RecoveryCause, string> = {
  damaged: 'recovery.intro.damaged',
  missing: 'recovery.intro.missing',
  newer: 'recovery.intro.newer',
  other: 'recovery.intro.other',
};
