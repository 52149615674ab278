// A live session for a browser test: a fresh database with one workshop assessment, and
// `tcm live` serving it on 127.0.0.1 (a free port), stopped with SIGINT like Ctrl-C.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TCM = process.env.TCM_BIN ?? resolve(import.meta.dirname, '..', '..', '..', 'target', 'debug', 'tcm');

export interface LiveServer {
  url: string;
  shortUrl: string;
  code: string;
  db: string;
  /** The `tcm` command on this test's database. */
  tcm(...args: string[]): string;
  stop(): Promise<void>;
  /** Ends `tcm live` (SIGINT like Ctrl-C, SIGKILL like a crash) and starts the session again
   * on the same port and database: a new room (new link and code), as when the facilitator
   * starts the session again after the app quit. */
  restart(signal?: NodeJS.Signals): Promise<LiveServer>;
}

export async function startLive(liveArgs: string[]): Promise<LiveServer> {
  const folder = mkdtempSync(join(tmpdir(), 'tcm-live-'));
  const db = join(folder, 'tcm.sqlite');
  const tcm = (...args: string[]) => execFileSync(TCM, ['--db', db, ...args], { encoding: 'utf8' });
  tcm('org', 'add', '--name', 'Maison Durand', '--sector', 'retail');
  tcm('assessment', 'new', '--org', 'Maison Durand', '--title', 'Atelier direction', '--mode', 'workshop');
  return serve(folder, db, tcm, liveArgs, '127.0.0.1:0');
}

async function serve(
  folder: string,
  db: string,
  tcm: (...args: string[]) => string,
  liveArgs: string[],
  bind: string,
): Promise<LiveServer> {
  const child: ChildProcess = spawn(TCM, ['--db', db, 'live', '--assessment', '1', '--bind', bind, ...liveArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`tcm live did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening\./.test(output)) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`tcm live exited with ${code}:\n${output}`)));
  });
  await ready;
  const url = /Join: (\S+)/.exec(output)?.[1];
  const short = /open (\S+) and type the room code (\w{6})/.exec(output);
  if (!url || !short) throw new Error(`no join URL in:\n${output}`);
  const ended = (signal: NodeJS.Signals = 'SIGINT') =>
    new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
  return {
    url,
    shortUrl: short[1],
    code: short[2],
    db,
    tcm,
    stop: async () => {
      await ended();
      rmSync(folder, { recursive: true, force: true });
    },
    restart: async (signal?: NodeJS.Signals) => {
      await ended(signal);
      return serve(folder, db, tcm, liveArgs, new URL(url).host);
    },
  };
}
