// The figures the mock shows, looked up and never computed: `fixtures/scored.json` holds, for
// every state of an assessment that the seed, the demo and the tests reach, what the real
// handlers answered (overall index, results, plan), written by tcm-api's tests
// (crates/tcm-api/tests/mock_fixtures.rs) and drift-checked like the bindings. A state is
// named by its key: questionnaire, targets, each respondent's answers, consensus values, kept
// actions and the previous audit's state, written exactly as the Rust side writes it.
import type { PlanView } from '../lib/bindings/PlanView';
import type { ResultsView } from '../lib/bindings/ResultsView';
import scored from './fixtures/scored.json';

export interface GoldenState {
  answeredQuestions: number;
  overallScore: number | null;
  overallLevel: number | null;
  results?: { fr: ResultsView; en: ResultsView };
  plan?: { fr: PlanView; en: PlanView };
}

const STATES = scored as unknown as Record<string, GoldenState>;

/** What a state key is made of, read from the mock's data. */
export interface StateParts {
  questionnaireId: string;
  /** Question ids in questionnaire order. */
  questions: string[];
  targets: number[];
  /** In creation order, each with its answers by question id. */
  respondents: { label: string; answers: Map<string, string> }[];
  consensus: Map<string, string>;
  /** Kept actions in the order they were kept. */
  actions: {
    questionId: string | null;
    stage: string | null;
    title: string;
    description: string;
    owner: string;
    due: string | null;
    status: string;
    impact: number;
    effort: number;
  }[];
  previous: StateParts | null;
}

function codes(questions: string[], given: Map<string, string>): string {
  return questions.map((id) => (given.get(id) === 'NA' ? 'N' : (given.get(id)?.[0] ?? '.'))).join('');
}

/** The state's key, as `state_key` in crates/tcm-api/tests/mock_fixtures.rs writes it. */
export function stateKey(parts: StateParts): string {
  const lines = [`q=${parts.questionnaireId}`, `t=${parts.targets.join(',')}`];
  for (const respondent of parts.respondents) lines.push(`r=${respondent.label}=${codes(parts.questions, respondent.answers)}`);
  lines.push(`c=${codes(parts.questions, parts.consensus)}`);
  for (const action of parts.actions) {
    const question = action.questionId ?? '';
    const stage = question ? '' : (action.stage ?? '');
    const fields = [action.title, action.description, action.owner, action.due ?? '', action.status, action.impact, action.effort];
    lines.push(`a=${question}|${stage}|${fields.join('|')}`);
  }
  if (parts.previous) for (const line of stateKey(parts.previous).split('\n')) lines.push(`p.${line}`);
  return lines.join('\n');
}

/** The real handlers' figures for this state, if it was recorded. */
export function golden(parts: StateParts): GoldenState | null {
  return STATES[stateKey(parts)] ?? null;
}

/** Every recorded state (for the mock's own tests). */
export function goldenStates(): [string, GoldenState][] {
  return Object.entries(STATES);
}
