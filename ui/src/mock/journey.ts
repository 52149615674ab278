// What a session in the mock did, written as operations tcm-api's tests replay on the real
// handlers (crates/tcm-api/tests/mock_fixtures.rs): the states a journey reaches, and the
// results and plans it read, become golden fixtures the mock then serves. Browser tests run
// with TCM_RECORD_JOURNEYS=1 (`npm run journeys`) hand every journey to the test runner, which
// writes them to `fixtures/journeys.json`. Assessments are named (`a<id>`, or the seed's names),
// respondents by label and kept actions by their rank, never by the mock's ids.
import type { ActionInput } from '../lib/bindings/ActionInput';
import type { AnswerValue } from '../lib/bindings/AnswerValue';
import type { AssessmentUpdate } from '../lib/bindings/AssessmentUpdate';
import type { ConsensusInput } from '../lib/bindings/ConsensusInput';
import type { RespondentInput } from '../lib/bindings/RespondentInput';
import type { SaveAnswerInput } from '../lib/bindings/SaveAnswerInput';
import type { MockBackend, SeedOperation } from './backend';

export type JourneyOperation =
  | SeedOperation
  | { op: 'delete'; assessment: string }
  | { op: 'updateRespondent'; assessment: string; respondent: string; input: RespondentInput }
  | { op: 'removeRespondent'; assessment: string; respondent: string }
  | { op: 'answer'; assessment: string; respondent: string; question: string; answer: AnswerValue | null; comment: string }
  | { op: 'updateAction'; assessment: string; action: number; input: ActionInput }
  | { op: 'deleteAction'; assessment: string; action: number }
  | { op: 'demo' }
  | { op: 'record'; assessment: string; what: 'results' | 'plan'; language: 'fr' | 'en' };

export interface Journey {
  /** Random, to tell journeys apart while recording. */
  id: string;
  /** The data it started from: the seed, or nothing. */
  start: 'seeded' | 'empty';
  operations: JourneyOperation[];
}

export function newJourney(start: 'seeded' | 'empty'): Journey {
  return { id: Math.random().toString(36).slice(2), start, operations: [] };
}

/** The assessment as created: its organisation by name, so that the replay finds it again. */
export function createOperation(backend: MockBackend, id: number): JourneyOperation {
  const assessment = backend.assessment(id);
  const organisation = backend.db.organisations.find((item) => item.id === assessment.organisation)!;
  return {
    op: 'create',
    as: backend.nameOf(id),
    hoursAgo: 0,
    input: {
      organisation: { kind: 'new', name: organisation.name, sector: organisation.sector, size: organisation.size, notes: organisation.notes },
      title: assessment.title,
      mode: assessment.mode,
      language: assessment.language,
      questionnaireId: assessment.questionnaireId,
      targets: assessment.targets,
      firstRespondent: backend.respondentsOf(id)[0]?.label ?? null,
    },
  };
}

/** A kept action's rank among its assessment's kept actions (the order they were kept in). */
function actionRank(backend: MockBackend, action: number): { assessment: number; rank: number } {
  const stored = backend.db.actions.find((item) => item.id === action);
  if (!stored) return { assessment: -1, rank: -1 };
  const kept = backend.db.actions.filter((item) => item.assessment === stored.assessment).sort((x, y) => x.id - y.id);
  return { assessment: stored.assessment, rank: kept.findIndex((item) => item.id === action) };
}

/**
 * Reads what a command will need to be written down before it runs (labels and ranks change),
 * and returns how to write it once it succeeded; null for commands that change no figure.
 */
export function describeCommand(
  backend: MockBackend,
  command: string,
  args: Record<string, unknown>,
): ((result: unknown) => JourneyOperation | null) | null {
  const a = args as Record<string, never>;
  const respondentOf = (id: number) => {
    const respondent = backend.db.respondents.find((item) => item.id === id);
    return respondent ? { assessment: backend.nameOf(respondent.assessment), label: respondent.label } : null;
  };
  switch (command) {
    case 'create_assessment':
      return (result) => createOperation(backend, result as number);
    case 'update_assessment':
      return () => ({ op: 'update', assessment: backend.nameOf(a.assessment), update: a.update as AssessmentUpdate });
    case 'delete_assessment': {
      const known = backend.db.assessments.some((item) => item.id === a.assessment);
      const name = known ? backend.nameOf(a.assessment) : '';
      return () => ({ op: 'delete', assessment: name });
    }
    case 'add_respondent':
      return () => ({
        op: 'respondent',
        assessment: backend.nameOf(a.assessment),
        input: a.input as RespondentInput,
        answers: [],
        resume: null,
      });
    case 'update_respondent': {
      const before = respondentOf(a.respondent);
      return () => ({ op: 'updateRespondent', assessment: before!.assessment, respondent: before!.label, input: a.input as RespondentInput });
    }
    case 'remove_respondent': {
      const before = respondentOf(a.respondent);
      return () => ({ op: 'removeRespondent', assessment: before!.assessment, respondent: before!.label });
    }
    case 'save_answer': {
      const input = a.input as SaveAnswerInput;
      const before = respondentOf(input.respondentId);
      return () => ({
        op: 'answer',
        assessment: before!.assessment,
        respondent: before!.label,
        question: input.questionId,
        answer: input.answer,
        comment: input.comment,
      });
    }
    case 'set_consensus': {
      const input = a.input as ConsensusInput;
      return () => ({
        op: 'consensus',
        assessment: backend.nameOf(input.assessmentId),
        input: { questionId: input.questionId, value: input.value, note: input.note },
      });
    }
    case 'keep_action':
      return () => ({ op: 'keep', assessment: backend.nameOf(a.assessment), input: a.input as ActionInput });
    case 'update_action': {
      const { assessment, rank } = actionRank(backend, a.action);
      return () => ({ op: 'updateAction', assessment: backend.nameOf(assessment), action: rank, input: a.input as ActionInput });
    }
    case 'delete_action': {
      const { assessment, rank } = actionRank(backend, a.action);
      return () => ({ op: 'deleteAction', assessment: backend.nameOf(assessment), action: rank });
    }
    default:
      return null;
  }
}

/** Whether the browser tests' runner is recording journeys. */
export function recordingJourneys(): boolean {
  return typeof (globalThis as { __tcmJourney?: unknown }).__tcmJourney === 'function';
}

/** Hands the journey to the browser tests' runner when it records them (a no-op otherwise). */
export function reportJourney(journey: Journey): void {
  const recorder = (globalThis as { __tcmJourney?: (journey: string) => void }).__tcmJourney;
  recorder?.(JSON.stringify(journey));
}
