// Whether the database was opened read-only (its file, folder or disk cannot be written), as
// `app_info` said at start-up: the window then shows a banner and offers no editing; reading,
// exports and backups to another folder still work. The backend refuses every write anyway.
import type { ReadOnlyView } from './bindings/ReadOnlyView';

export const access = $state<{ readOnly: ReadOnlyView | null }>({ readOnly: null });

/** True when nothing can be changed in this database. */
export function readOnly(): boolean {
  return access.readOnly !== null;
}

/** The id of the banner's sentence saying why the database is read-only. */
export const READ_ONLY_WHY = 'read-only-why';

/**
 * The attributes of a control that writes the database, spread on it beside
 * `disabled={… || readOnly()}`: `data-writes` marks it (the read-only browser test finds every
 * one), and while the database is read-only a short `title` says why it is off and
 * `aria-describedby` points at the banner's explanation. `t` is the component's `$_`, so the
 * title follows the interface's language.
 */
export function writes(t: (id: string) => string): Record<string, string> {
  if (access.readOnly === null) return { 'data-writes': '' };
  return { 'data-writes': '', title: t('readOnly.control'), 'aria-describedby': READ_ONLY_WHY };
}
