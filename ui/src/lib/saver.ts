// Saves answers one at a time, in the order they were given, and tells the screen where each
// stands: `saving` until the command returned (the answer is on disk then), `saved`, or
// `error` (kept, with its error, until retried). A newer answer to the same question while one
// is in flight is sent after it, so the last one given is the one stored.
//
// A respondent's answer and a workshop's consensus value go through the same queue. Each has
// an owner: the respondent's id, or `consensusOwner(assessment)` for the group's values.
import type { AnswerValue } from './bindings/AnswerValue';
import type { ApiError } from './bindings/ApiError';
import type { ConsensusInput } from './bindings/ConsensusInput';
import type { SaveAnswerInput } from './bindings/SaveAnswerInput';
import type { SavedAnswer } from './bindings/SavedAnswer';
import { toApiError } from './api';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** An answer of a respondent, or a consensus value of the group. */
export type SaveInput = SaveAnswerInput | ConsensusInput;

/** Who a save belongs to: a respondent's id, or the group of an assessment. */
export type Owner = number | `consensus:${number}`;

export function consensusOwner(assessment: number): Owner {
  return `consensus:${assessment}`;
}

export function isConsensus(input: SaveInput): input is ConsensusInput {
  return 'assessmentId' in input;
}

export function ownerOf(input: SaveInput): Owner {
  return isConsensus(input) ? consensusOwner(input.assessmentId) : input.respondentId;
}

/** The answer or consensus value sent (`null` clears it). */
export function valueOf(input: SaveInput): AnswerValue | null {
  return isConsensus(input) ? input.value : input.answer;
}

/** The comment or the consensus note sent. */
export function noteOf(input: SaveInput): string {
  return isConsensus(input) ? input.note : input.comment;
}

export interface SaveEntry {
  input: SaveInput;
  state: SaveState;
  error: ApiError | null;
  /** Bumped at each change, to tell a stale reply from the latest. */
  version: number;
}

export function saveKey(owner: Owner, questionId: string): string {
  return `${owner}:${questionId}`;
}

export class AnswerSaver {
  private entries = new Map<string, SaveEntry>();
  private queue: string[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly save: (input: SaveInput) => Promise<SavedAnswer>,
    private readonly changed: () => void = () => {},
    private readonly saved: (result: SavedAnswer, input: SaveInput) => void = () => {},
  ) {}

  get(owner: Owner, questionId: string): SaveEntry | undefined {
    return this.entries.get(saveKey(owner, questionId));
  }

  /** The state of one question for one respondent or the group (`idle` when nothing was sent). */
  state(owner: Owner, questionId: string): SaveState {
    return this.get(owner, questionId)?.state ?? 'idle';
  }

  /** Whether anything is waiting or failed. */
  get busy(): boolean {
    return this.queue.length > 0 || this.running !== null;
  }

  /** One owner's answers not yet on disk (saving or failed): the screen shows them over what it loads. */
  unsettled(owner: Owner): SaveEntry[] {
    return [...this.entries.values()].filter(
      (entry) => ownerOf(entry.input) === owner && (entry.state === 'saving' || entry.state === 'error'),
    );
  }

  failures(): SaveEntry[] {
    return [...this.entries.values()].filter((entry) => entry.state === 'error');
  }

  /** Sends an answer (and its comment); returns when it and every earlier one are done. */
  submit(input: SaveInput): Promise<void> {
    const key = saveKey(ownerOf(input), input.questionId);
    const previous = this.entries.get(key);
    this.entries.set(key, { input: { ...input }, state: 'saving', error: null, version: (previous?.version ?? 0) + 1 });
    if (!this.queue.includes(key)) this.queue.push(key);
    this.changed();
    return this.run();
  }

  /** Sends a failed answer again. */
  retry(owner: Owner, questionId: string): Promise<void> {
    const entry = this.get(owner, questionId);
    if (!entry) return Promise.resolve();
    return this.submit(entry.input);
  }

  /** Sends every failed answer again. */
  retryAll(): Promise<void> {
    return Promise.all(this.failures().map((entry) => this.submit(entry.input))).then(() => undefined);
  }

  /** Resolves when nothing is waiting. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private run(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const key = this.queue.shift()!;
      const entry = this.entries.get(key);
      if (!entry) continue;
      const { version, input } = entry;
      try {
        const result = await this.save(input);
        const now = this.entries.get(key);
        if (now && now.version === version) {
          now.state = 'saved';
          now.error = null;
        }
        this.saved(result, input);
      } catch (error) {
        const now = this.entries.get(key);
        if (now && now.version === version) {
          now.state = 'error';
          now.error = toApiError(error);
        }
      }
      this.changed();
    }
  }
}
