// The participant's connection to the session server: the token kept in localStorage (a
// reload or a locked phone resumes), answers queued in localStorage with their ids and sent
// in order until acknowledged (sent again after a lost network, saved once by the server),
// and the pace read from the Server-Sent Events stream (over fetch, to send the token).
import type { Localized } from './i18n';

export interface Given {
  value: string;
  comment: string;
}
export interface Question {
  id: string;
  stage_id: string;
  stage: Localized;
  theme: Localized;
  text: Localized;
  help: Localized;
}
export interface Pace {
  version: number;
  pace: 'self' | 'facilitated';
  current: string | null;
  revealed: boolean;
  stopped: boolean;
}
export interface ScaleLevel {
  level: number;
  label: Localized;
  description: Localized;
}
export interface Questions {
  label: string;
  group: string;
  title: string;
  language: 'fr' | 'en';
  scale: ScaleLevel[];
  pace: Pace;
  questions: Question[];
  answers: Record<string, Given>;
  resume: string | null;
  total: number;
}
export interface Room {
  title: string;
  language: 'fr' | 'en';
  anonymous: boolean;
  groups: string[];
}
export interface Ack {
  answerId: string;
  questionId: string;
  value: string;
  comment: string;
  answered: number;
  total: number;
  savedAt: string;
}
/** An answer (or a comment, without value) waiting for its acknowledgement. */
export interface Pending {
  answerId: string;
  questionId: string;
  value: string | null;
  comment: string;
}

export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** The room this page was opened for, from the page itself (no request). */
export function room(): Room | null {
  const meta = document.querySelector('meta[name="tcm-room"]');
  const content = meta?.getAttribute('content');
  return content ? (JSON.parse(content) as Room) : null;
}

/** The room secret in the URL (`/j/<secret>`), if any. */
export function secretFromPath(): string | null {
  const match = /^\/j\/([0-9a-f]{40})\/?$/.exec(location.pathname);
  return match ? match[1] : null;
}

/** A random id (crypto.randomUUID needs HTTPS; getRandomValues does not). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function request<T>(url: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { ...init, headers, cache: 'no-store' });
  if (!response.ok) {
    let body: { kind?: string; message?: string } = {};
    try {
      body = await response.json();
    } catch {
      // Not JSON: keep the status.
    }
    throw new Refused(response.status, body.kind ?? 'error', body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export async function findRoom(code: string): Promise<string> {
  const found = await request<{ secret: string }>('/room', { method: 'POST', body: JSON.stringify({ code }) });
  return found.secret;
}

/** One session's client. */
export class Session {
  private readonly base: string;
  private readonly queueKey: string;
  private readonly tokenKey: string;
  private sending = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly secret: string,
    private readonly onAck: (ack: Ack) => void,
    private readonly onRefused: (pending: Pending, error: Refused) => void,
    private readonly onNetwork: (online: boolean) => void,
    /** The queue changed (an answer queued, acknowledged or refused). */
    private readonly onQueue: (queue: Pending[]) => void = () => {},
  ) {
    this.base = `/j/${secret}`;
    // Kept per origin, not per room: a session started again after the app quit or crashed
    // (a new room secret, on the same port) takes the token back and the participant resumes
    // as the same respondent. A token of another assessment's session is refused (401) and
    // forgotten, and the participant joins anew.
    this.tokenKey = 'tcm-live-token';
    this.queueKey = 'tcm-live-queue';
    addEventListener('online', () => void this.flush());
  }

  get token(): string | null {
    return localStorage.getItem(this.tokenKey);
  }

  forget(): void {
    localStorage.removeItem(this.tokenKey);
    localStorage.removeItem(this.queueKey);
    this.onQueue([]);
  }

  async join(name: string, group: string): Promise<void> {
    const joined = await request<{ token: string }>(`${this.base}/join`, {
      method: 'POST',
      body: JSON.stringify({ name, group }),
    });
    localStorage.setItem(this.tokenKey, joined.token);
  }

  questions(): Promise<Questions> {
    return request<Questions>(`${this.base}/questions`, { method: 'GET' }, this.token ?? undefined);
  }

  pending(): Pending[] {
    try {
      return JSON.parse(localStorage.getItem(this.queueKey) ?? '[]') as Pending[];
    } catch {
      return [];
    }
  }

  private save(queue: Pending[]): void {
    localStorage.setItem(this.queueKey, JSON.stringify(queue));
    this.onQueue(queue);
  }

  /** Queues an answer (or a comment when `value` is null) and sends the queue. */
  send(questionId: string, value: string | null, comment: string): Pending {
    const pending = { answerId: newId(), questionId, value, comment };
    this.save([...this.pending(), pending]);
    void this.flush();
    return pending;
  }

  /** Sends the queue in order; stops at a lost network and tries again later. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    clearTimeout(this.retry);
    try {
      for (let next = this.pending()[0]; next; next = this.pending()[0]) {
        const path = next.value === null ? 'comment' : 'answer';
        try {
          const ack = await request<Ack>(
            `${this.base}/${path}`,
            { method: 'POST', body: JSON.stringify(next) },
            this.token ?? undefined,
          );
          this.save(this.pending().filter((one) => one.answerId !== next.answerId));
          this.onNetwork(true);
          this.onAck(ack);
        } catch (error) {
          const transient =
            !(error instanceof Refused) || error.status === 429 || error.kind === 'storage';
          if (transient) {
            this.onNetwork(error instanceof Refused);
            this.retry = setTimeout(() => void this.flush(), 2000);
            return;
          }
          // The server answered: the network is back, whatever it said.
          this.onNetwork(true);
          if (error.kind === 'notFound' || error.kind === 'stopped') {
            // The room is closed (stopped, or started again under a new link): the answer is
            // kept on the device and goes to the room the participant joins next with this
            // token (a session started again on this assessment).
            this.onRefused(next, error);
            return;
          }
          this.save(this.pending().filter((one) => one.answerId !== next.answerId));
          this.onRefused(next, error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** Follows the pace until the session stops; reconnects after a lost network. Stops, and
   * tells `onRefused`, when the room is gone (`notFound`: started again under a new link) or
   * the token is refused (`unauthorized`): neither is a lost network, and retrying changes
   * nothing. */
  async follow(
    onPace: (pace: Pace) => void,
    signal: AbortSignal,
    onRefused: (kind: 'notFound' | 'unauthorized') => void = () => {},
  ): Promise<void> {
    while (!signal.aborted) {
      try {
        const response = await fetch(`${this.base}/events`, {
          headers: { Authorization: `Bearer ${this.token ?? ''}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal,
        });
        // Any answer from the server: the network is back.
        this.onNetwork(true);
        if (response.status === 503) {
          onPace({ version: 0, pace: 'self', current: null, revealed: false, stopped: true });
          return;
        }
        if (response.status === 404 || response.status === 401) {
          onRefused(response.status === 404 ? 'notFound' : 'unauthorized');
          return;
        }
        if (!response.ok || !response.body) throw new Error(String(response.status));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (data) {
              const pace = JSON.parse(data) as Pace;
              onPace(pace);
              if (pace.stopped) return;
            }
          }
        }
      } catch {
        if (signal.aborted) return;
        this.onNetwork(false);
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}
