// Long operations (imports, exports, backup, restore): the shell streams their progress
// through a Tauri channel and stops them on `cancel_operation`. `withProgress` runs one,
// numbering it and following its progress; the progress dialog (ProgressDialog.svelte)
// shows the operation under way once it has lasted SHOW_AFTER_MS, with a Cancel button. A
// cancelled operation ends with an ApiError of kind `cancelled`: nothing of it was saved.
import { Channel } from '@tauri-apps/api/core';
import { api, type Watch } from './api';
import type { ProgressView } from './bindings/ProgressView';

export type OperationKind = 'import' | 'export' | 'report' | 'backup' | 'restore' | 'classImport' | 'benchmark';

/** Operations shorter than this never show the dialog. */
export const SHOW_AFTER_MS = 500;

export interface Running {
  operation: number;
  kind: OperationKind;
  progress: ProgressView | null;
  visible: boolean;
  cancelling: boolean;
}

class Operations {
  current = $state<Running | null>(null);
}

export const operations = new Operations();

// Numbers start from the clock so that a reloaded page never reuses a running one's.
let next = Date.now() % 1_000_000_000;

/** Runs `work` as a followed operation: it receives the watch to pass to the api call. */
export async function withProgress<T>(kind: OperationKind, work: (watch: Watch) => Promise<T>): Promise<T> {
  next = (next + 1) % 4_000_000_000;
  const operation = next;
  const onProgress = new Channel<ProgressView>();
  operations.current = { operation, kind, progress: null, visible: false, cancelling: false };
  onProgress.onmessage = (view) => {
    if (operations.current?.operation === operation) operations.current.progress = view;
  };
  const timer = setTimeout(() => {
    if (operations.current?.operation === operation) operations.current.visible = true;
  }, SHOW_AFTER_MS);
  try {
    return await work({ operation, onProgress });
  } finally {
    clearTimeout(timer);
    if (operations.current?.operation === operation) operations.current = null;
  }
}

/** Asks the operation under way to stop; its call then fails with kind `cancelled`. */
export async function cancelCurrent(): Promise<void> {
  const running = operations.current;
  if (!running || running.cancelling) return;
  running.cancelling = true;
  try {
    await api.cancelOperation(running.operation);
  } catch {
    // The operation ended meanwhile: nothing to stop.
  }
}
