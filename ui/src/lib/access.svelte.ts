// Whether the database was opened read-only (its file, folder or disk cannot be written), as
// `app_info` said at start-up: the window then shows a banner and offers no editing; reading,
// exports and backups to another folder still work. The backend refuses every write anyway.
import type { ReadOnlyView } from './bindings/ReadOnlyView';

export const access = $state<{ readOnly: ReadOnlyView | null }>({ readOnly: null });

/** True when nothing can be changed in this database. */
export function readOnly(): boolean {
  return access.readOnly !== null;
}
