// Where a respondent stands in a questionnaire: the questions in order, progress per stage,
// per theme and overall, and where to resume.
import type { QuestionDetail } from './bindings/QuestionDetail';
import type { QuestionnaireDetail } from './bindings/QuestionnaireDetail';

export interface FlatQuestion {
  /** Position in the whole questionnaire, from 0. */
  index: number;
  stageId: string;
  stageIndex: number;
  themeId: string;
  /** Position within the stage, from 0. */
  inStage: number;
  question: QuestionDetail;
}

export interface Progress {
  answered: number;
  total: number;
}

/** The questions in questionnaire order: stage by stage, theme by theme. */
export function flatten(detail: QuestionnaireDetail): FlatQuestion[] {
  const result: FlatQuestion[] = [];
  detail.stages.forEach((stage, stageIndex) => {
    let inStage = 0;
    for (const theme of stage.themes)
      for (const question of theme.questions)
        result.push({ index: result.length, stageId: stage.id, stageIndex, themeId: theme.id, inStage: inStage++, question });
  });
  return result;
}

/** A respondent has answered a question when they gave a level, NA or "?". */
export function isAnswered(answer: string | null | undefined): boolean {
  return answer !== null && answer !== undefined && answer !== '';
}

function count(questions: FlatQuestion[], answers: ReadonlyMap<string, string>): Progress {
  return {
    answered: questions.filter((question) => isAnswered(answers.get(question.question.id))).length,
    total: questions.length,
  };
}

export function stageProgress(flat: FlatQuestion[], answers: ReadonlyMap<string, string>): Map<string, Progress> {
  const result = new Map<string, Progress>();
  for (const stageId of new Set(flat.map((question) => question.stageId)))
    result.set(stageId, count(flat.filter((question) => question.stageId === stageId), answers));
  return result;
}

export function themeProgress(flat: FlatQuestion[], answers: ReadonlyMap<string, string>): Map<string, Progress> {
  const result = new Map<string, Progress>();
  for (const themeId of new Set(flat.map((question) => question.themeId)))
    result.set(themeId, count(flat.filter((question) => question.themeId === themeId), answers));
  return result;
}

export function overallProgress(flat: FlatQuestion[], answers: ReadonlyMap<string, string>): Progress {
  return count(flat, answers);
}

/** A share from 0 to 1 (0 for an empty part). */
export function ratio(progress: Progress): number {
  return progress.total > 0 ? progress.answered / progress.total : 0;
}

/**
 * Where to open the questionnaire: the question the respondent was last on, else the first
 * unanswered one, else the first.
 */
export function resumeIndex(
  flat: FlatQuestion[],
  answers: ReadonlyMap<string, string>,
  resumeQuestion: string | null,
): number {
  if (resumeQuestion) {
    const found = flat.findIndex((question) => question.question.id === resumeQuestion);
    if (found >= 0) return found;
  }
  const unanswered = flat.findIndex((question) => !isAnswered(answers.get(question.question.id)));
  return unanswered >= 0 ? unanswered : 0;
}

/** The next unanswered question after `from` (wrapping round), or null when all are answered. */
export function nextUnanswered(flat: FlatQuestion[], answers: ReadonlyMap<string, string>, from: number): number | null {
  for (let step = 1; step <= flat.length; step++) {
    const index = (from + step) % flat.length;
    if (!isAnswered(answers.get(flat[index].question.id))) return index;
  }
  return null;
}
