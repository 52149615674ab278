// Installs the mock backend in place of the desktop shell (Vite mode `mock` only; main.ts
// imports this module behind `import.meta.env.MODE === 'mock'`, so production builds drop it).
//
// The data lives in sessionStorage, so a reload keeps it (as the real app keeps its
// database). `?scenario=seeded|empty|damaged|read-only` starts again from a known state. Tests steer the
// mock through `window.__tcmMock` (latency, failures, dialog answers).
import { mockIPC } from '@tauri-apps/api/mocks';
import { MockBackend, emptyDatabase, seed, type Database } from './backend';
import { newJourney } from './journey';

const STORAGE_KEY = 'tcm-mock-database';

export type Scenario = 'seeded' | 'empty' | 'damaged' | 'read-only';

interface Failure {
  command: string;
  remaining: number;
  kind: 'storage' | 'internal' | 'invalidInput' | 'notFound';
  message: string;
}

export interface MockControls {
  /** Milliseconds each command takes (save_answer: `saveLatency`; a long call the window
   *  follows with a progress channel, an import or export: `operationLatency`). */
  latency: number;
  saveLatency: number;
  operationLatency: number;
  /** The next `count` calls of `command` fail with a storage error (or `kind`). */
  failNext(command: string, count?: number, kind?: Failure['kind'], message?: string): void;
  /** Save and open dialogs answer null, as when the user cancels. */
  cancelDialogs(cancel: boolean): void;
  /** The file the open dialog answers. */
  openFile(path: string | null): void;
  /** The configuration folder cannot be written (a database opened is not remembered). */
  configReadOnly(readOnly: boolean): void;
  /** The benchmark's remembered folder was moved away (reports are made without it). */
  benchmarkFolderGone(gone: boolean): void;
  reset(scenario: Scenario): void;
  /** Files the exports wrote. */
  files(): { path: string; what: string }[];
  calls: { command: string; args: unknown }[];
}

function build(scenario: Scenario): Database {
  const backend = new MockBackend(emptyDatabase());
  if (scenario !== 'empty') seed(backend);
  backend.db.journey = newJourney(scenario === 'empty' ? 'empty' : 'seeded');
  if (scenario === 'read-only')
    backend.db.readOnly = { reason: 'file', path: '/home/claire/.local/share/tcm-workbench/tcm.sqlite' };
  if (scenario === 'damaged')
    backend.db.damaged =
      '/home/claire/.local/share/tcm-workbench/tcm.sqlite: the database is damaged (file is not a database)';
  return backend.db;
}

function load(): Database {
  const wanted = new URLSearchParams(location.search).get('scenario') as Scenario | null;
  if (wanted) {
    // Start again from the scenario, then drop it from the address so a reload keeps the data.
    const url = new URL(location.href);
    url.searchParams.delete('scenario');
    history.replaceState(null, '', url);
    return build(wanted);
  }
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored) return JSON.parse(stored) as Database;
  } catch {
    // Fall through to fresh data.
  }
  return build('seeded');
}

export function installMock(): void {
  const backend = new MockBackend(load());
  const failures: Failure[] = [];
  const persist = () => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(backend.db));
  persist();

  const controls: MockControls = {
    latency: 15,
    saveLatency: 120,
    operationLatency: 15,
    failNext(command, count = 1, kind = 'storage', message) {
      failures.push({
        command,
        remaining: count,
        kind,
        message: message ?? `${command}: disk I/O error (the database could not be written)`,
      });
    },
    cancelDialogs(cancel) {
      backend.dialogs.cancel = cancel;
    },
    openFile(path) {
      backend.dialogs.openFile = path;
    },
    configReadOnly(readOnly) {
      backend.db.configReadOnly = readOnly;
      persist();
    },
    benchmarkFolderGone(gone) {
      backend.db.benchmarkFolderGone = gone;
      persist();
    },
    reset(scenario) {
      backend.db = build(scenario);
      persist();
    },
    files: () => backend.db.files.map(({ path, what }) => ({ path, what })),
    calls: [],
  };
  (window as unknown as { __tcmMock: MockControls }).__tcmMock = controls;

  // Long calls under way, by the window's operation number: cancelled or not.
  const operations = new Map<number, { cancelled: boolean }>();

  mockIPC(async (command, payload) => {
    // Arguments and results cross as JSON in the real app: copy them the same way.
    const args = JSON.parse(JSON.stringify(payload ?? {})) as Record<string, unknown>;
    controls.calls.push({ command, args });
    if (command === 'cancel_operation') {
      const running = operations.get(Number(args.operation));
      if (running) running.cancelled = true;
      return running !== undefined;
    }
    if (typeof args.onProgress === 'string' && typeof args.operation === 'number') {
      // A followed call, as the shell runs it: progress through the channel, stopped (nothing
      // applied) when cancelled. The figures are the mock's own ticks, not a measure.
      const running = { cancelled: false };
      operations.set(args.operation, running);
      try {
        const step = ['backup_now', 'restore_backup'].includes(command)
          ? 'copying'
          : command === 'assessment_benchmark'
            ? 'reading'
            : command.startsWith('export')
            ? 'rendering'
            : 'writing';
        await followed(args.onProgress, step, controls.operationLatency, running);
      } finally {
        operations.delete(args.operation);
      }
      if (running.cancelled)
        throw { kind: 'cancelled', message: `${command} was cancelled: nothing of it was saved` };
    } else {
      const delay = command === 'save_answer' ? controls.saveLatency : controls.latency;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const failure = failures.find((item) => item.command === command && item.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      throw { kind: failure.kind, message: failure.message };
    }
    const result = backend.handle(command, args);
    persist();
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  });
}

/** Sends progress ticks of `step` over `duration` ms to the channel named `channel`
 *  (`__CHANNEL__:id`), stopping early when the call is cancelled. */
async function followed(
  channel: string,
  step: string,
  duration: number,
  running: { cancelled: boolean },
): Promise<void> {
  const id = Number(channel.split(':')[1]);
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback(id: number, data: unknown): void } })
    .__TAURI_INTERNALS__;
  const ticks = Math.max(1, Math.round(duration / 100));
  const total = 100 * ticks;
  for (let tick = 0; tick <= ticks; tick += 1) {
    if (running.cancelled) return;
    internals.runCallback(id, { index: tick, message: { step, done: 100 * tick, total } });
    if (tick < ticks) await new Promise((resolve) => setTimeout(resolve, duration / ticks));
  }
}
