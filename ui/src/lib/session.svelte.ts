// What outlives a screen: the answers being saved (a failure stays visible after leaving the
// questionnaire) and the respondent last chosen in each assessment.
import { api } from './api';
import type { SavedAnswer } from './bindings/SavedAnswer';
import { AnswerSaver, isConsensus, noteOf, ownerOf, valueOf, type Owner } from './saver';

class Saves {
  /** Bumped whenever a save changes state: read it to re-render. */
  tick = $state(0);
  /** The latest assessment progress a save returned, by question id. */
  lastSaved: SavedAnswer | null = $state(null);
  readonly saver = new AnswerSaver(
    (input) => (isConsensus(input) ? api.setConsensus(input) : api.saveAnswer(input)),
    () => this.tick++,
    (result, input) => {
      this.lastSaved = result;
      // The comment (or note) is on disk: its local copy is no longer needed (unless typed on since).
      const owner = ownerOf(input);
      if (valueOf(input) !== null && loadDraft(owner, input.questionId) === noteOf(input))
        storeDraft(owner, input.questionId, '');
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

/** Who answers on screen: a respondent, or the group agreeing on consensus values. */
export type Answering = number | 'consensus';

export function rememberedRespondent(assessment: number): Answering | null {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(RESPONDENT_KEY) ?? '{}') as Record<string, Answering>;
    return all[assessment] ?? null;
  } catch {
    return null;
  }
}

export function rememberRespondent(assessment: number, respondent: Answering): void {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(RESPONDENT_KEY) ?? '{}') as Record<string, Answering>;
    all[assessment] = respondent;
    globalThis.localStorage?.setItem(RESPONDENT_KEY, JSON.stringify(all));
  } catch {
    // No storage: the first respondent is chosen next time.
  }
}

const CONSENSUS_KEY = 'tcm.consensusQuestion';

/** The question a group was last on in an assessment's consensus (respondents' places are stored by the backend). */
export function consensusQuestion(assessment: number): string | null {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(CONSENSUS_KEY) ?? '{}') as Record<string, string>;
    return all[assessment] ?? null;
  } catch {
    return null;
  }
}

export function rememberConsensusQuestion(assessment: number, question: string): void {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(CONSENSUS_KEY) ?? '{}') as Record<string, string>;
    all[assessment] = question;
    globalThis.localStorage?.setItem(CONSENSUS_KEY, JSON.stringify(all));
  } catch {
    // No storage: the group starts at its first open question next time.
  }
}

const DRAFTS_KEY = 'tcm.commentDrafts';

/**
 * Comments as typed, kept in local storage until the command that saves them returns: the API
 * saves a comment with its answer, so one typed before any answer waits here until the answer
 * is given, and one typed just before the window closes is sent again at the next start. The
 * notes of consensus values are kept the same way, under the group's owner key.
 */
export function loadDraft(respondent: Owner, question: string): string {
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
    return all[`${respondent}:${question}`] ?? '';
  } catch {
    return '';
  }
}

/** Every draft of one respondent (or of the group), by question id. */
export function loadDrafts(respondent: Owner): Map<string, string> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value handed over, not state
  const drafts = new Map<string, string>();
  try {
    const all = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
    for (const [key, comment] of Object.entries(all)) {
      // `<respondent>:<question>` or `consensus:<assessment>:<question>`.
      const prefix = `${respondent}:`;
      if (key.startsWith(prefix)) drafts.set(key.slice(prefix.length), comment);
    }
  } catch {
    // No storage: no drafts.
  }
  return drafts;
}

export function storeDraft(respondent: Owner, question: string, comment: string): void {
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
