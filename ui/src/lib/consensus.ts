// A workshop's consensus: what each respondent answered to a question, side by side, and how
// far apart they are — the spread the group discusses before agreeing on one value.
import type { LabelledAnswer } from './bindings/LabelledAnswer';
import type { RespondentView } from './bindings/RespondentView';

/** Consensus values make sense when several people answer: a workshop, a class, or several respondents. */
export function consensusOffered(mode: string, respondents: number): boolean {
  return respondents > 0 && (mode !== 'self' || respondents > 1);
}

/** A consensus value is a level or NA, never "don't know". */
export function isConsensusValue(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && /^([0-4]|NA)$/.test(value);
}

export interface SpreadRow {
  respondent: string;
  /** `0`–`4`, `NA`, `?`, or null when this respondent has not answered. */
  answer: string | null;
  comment: string;
}

export interface Spread {
  rows: SpreadRow[];
  /** Mean of the levels given (what counts without a consensus), or null when none. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Respondents who answered (NA and ? included). */
  answered: number;
  /** Respondents who gave a level. */
  levels: number;
  /** Every level given is the same (and there are at least two). */
  unanimous: boolean;
}

/**
 * Every respondent of the assessment, in their order, with their answer to one question (null
 * when they have none). Answers are matched by the respondent's label, as the sheet names them.
 */
export function spreadOf(respondents: Pick<RespondentView, 'label'>[], answers: LabelledAnswer[]): Spread {
  const byLabel = new Map(answers.map((answer) => [answer.respondent, answer]));
  const rows: SpreadRow[] = respondents.map((respondent) => {
    const given = byLabel.get(respondent.label);
    return { respondent: respondent.label, answer: given?.answer ?? null, comment: given?.comment ?? '' };
  });
  // Answers of a respondent the list does not know yet (added elsewhere since): shown too.
  const known = new Set(respondents.map((respondent) => respondent.label));
  for (const answer of answers)
    if (!known.has(answer.respondent)) rows.push({ respondent: answer.respondent, answer: answer.answer, comment: answer.comment });
  const levels = rows.map((row) => row.answer).filter((answer) => answer !== null && /^[0-4]$/.test(answer)).map(Number);
  const mean = levels.length > 0 ? levels.reduce((sum, level) => sum + level, 0) / levels.length : null;
  return {
    rows,
    mean,
    min: levels.length > 0 ? Math.min(...levels) : null,
    max: levels.length > 0 ? Math.max(...levels) : null,
    answered: rows.filter((row) => row.answer !== null).length,
    levels: levels.length,
    unanimous: levels.length > 1 && levels.every((level) => level === levels[0]),
  };
}
