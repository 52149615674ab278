// What outlives a screen: the answers being saved (a failure stays visible after leaving the
// questionnaire) and the respondent last chosen in each assessment.
import { api } from './api';
import type { SavedAnswer } from './bindings/SavedAnswer';
import { AnswerSaver } from './saver';

class Saves {
  /** Bumped whenever a save changes state: read it to re-render. */
  tick = $state(0);
  /** The latest assessment progress a save returned, by question id. */
  lastSaved: SavedAnswer | null = $state(null);
  readonly saver = new AnswerSaver(
    (input) => api.saveAnswer(input),
    () => this.tick++,
    (result, input) => {
      this.lastSaved = result;
      // The comment is on disk: its local copy is no longer needed (unless typed on since).
      if (input.answer !== null && loadDraft(input.respondentId, input.questionId) === input.comment)
        storeDraft(input.respondentId, input.questionId, '');
    },
  );

  get failures() {
    void this.tick;
    return this.saver.failures();
  }

  get busy() {
    void this.tick;
    return this.saver.busy;
  }
}

export const saves = new Saves();

const RESPONDENT_KEY = 'tcm.respondent';

export function rememberedRespondent(assessment: number): number | null {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(RESPONDENT_KEY) ?? '{}') as Record<string, number>;
    return all[assessment] ?? null;
  } catch {
    return null;
  }
}

export function rememberRespondent(assessment: number, respondent: number): void {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(RESPONDENT_KEY) ?? '{}') as Record<string, number>;
    all[assessment] = respondent;
    globalThis.localStorage?.setItem(RESPONDENT_KEY, JSON.stringify(all));
  } catch {
    // No storage: the first respondent is chosen next time.
  }
}

const DRAFTS_KEY = 'tcm.commentDrafts';

/**
 * Comments as typed, kept in local storage until the command that saves them returns: the API
 * saves a comment with its answer, so one typed before any answer waits here until the answer
 * is given, and one typed just before the window closes is sent again at the next start.
 */
export function loadDraft(respondent: number, question: string): string {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
    return all[`${respondent}:${question}`] ?? '';
  } catch {
    return '';
  }
}

/** Every draft of one respondent, by question id. */
export function loadDrafts(respondent: number): Map<string, string> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value handed over, not state
  const drafts = new Map<string, string>();
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
    for (const [key, comment] of Object.entries(all)) {
      const [who, question] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (Number(who) === respondent) drafts.set(question, comment);
    }
  } catch {
    // No storage: no drafts.
  }
  return drafts;
}

export function storeDraft(respondent: number, question: string, comment: string): void {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
    const key = `${respondent}:${question}`;
    if (comment) all[key] = comment;
    else delete all[key];
    globalThis.localStorage?.setItem(DRAFTS_KEY, JSON.stringify(all));
  } catch {
    // No storage: the draft lasts for this session.
  }
}
