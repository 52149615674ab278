// The mock's scoring and action plan: the formulas of the README and of tcm-core's
// action_plan.rs, written again in TypeScript so that the test double answers plausibly.
import type { PlanItemView } from '../lib/bindings/PlanItemView';
import type { MockQuestion, MockQuestionnaire } from './questionnaires';
import type { ActionStatus } from '../lib/bindings/ActionStatus';
import type { PlanLabel } from '../lib/bindings/PlanLabel';
import type { StageId } from '../lib/bindings/StageId';

/** One answer: `0`–`4`, `NA` or `?`. */
export type Answer = string;

export interface QuestionValue {
  /** The consensus value when there is one, else the mean of the levels; null when neither. */
  value: number | null;
  notApplicable: boolean;
  levels: number[];
  /** How many answers were given (NA and ? included). */
  given: number;
  /** The group's agreed value (`0`–`4` or `NA`), which overrides the respondents. */
  consensus: string | null;
}

export interface Part {
  score: number | null;
  answered: number;
  applicable: number;
  questions: number;
  coverage: number | null;
}

export interface Scorecard {
  questions: Map<string, QuestionValue>;
  stages: Map<string, Part>;
  themes: Map<string, Part>;
  overall: number | null;
}

/** Halves away from zero, to 0.1. */
export function round1(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
}

export function levelOf(score: number): number {
  const shown = round1(score);
  if (shown < 20) return 1;
  if (shown < 40) return 2;
  if (shown < 60) return 3;
  if (shown < 80) return 4;
  return 5;
}

/** A question's value: the consensus when the group set one, else the mean of the levels. */
export function questionValue(answers: Answer[], consensus: string | null = null): QuestionValue {
  const levels = answers.filter((answer) => /^[0-4]$/.test(answer)).map(Number);
  const given = answers.length;
  if (consensus !== null) {
    const notApplicable = consensus === 'NA';
    return { value: notApplicable ? null : Number(consensus), notApplicable, levels, given, consensus };
  }
  const notApplicable = answers.length > 0 && answers.every((answer) => answer === 'NA');
  const value = levels.length ? levels.reduce((sum, level) => sum + level, 0) / levels.length : null;
  return { value, notApplicable, levels, given, consensus };
}

function part(questions: MockQuestion[], values: Map<string, QuestionValue>): Part {
  let weighted = 0;
  let possible = 0;
  let answered = 0;
  let applicable = 0;
  for (const question of questions) {
    const value = values.get(question.id);
    if (value?.notApplicable) continue;
    applicable += 1;
    if (value?.value == null) continue;
    answered += 1;
    weighted += question.weight * value.value;
    possible += question.weight * 4;
  }
  return {
    score: possible > 0 ? (100 * weighted) / possible : null,
    answered,
    applicable,
    questions: questions.length,
    coverage: applicable > 0 ? answered / applicable : null,
  };
}

/**
 * `answers(question)` lists every respondent's answer to a question; `consensus(question)` is
 * the group's agreed value, if any (left out when scoring one respondent alone).
 */
export function score(
  questionnaire: MockQuestionnaire,
  answers: (question: string) => Answer[],
  consensus: (question: string) => string | null = () => null,
): Scorecard {
  const questions = new Map<string, QuestionValue>();
  for (const question of questionnaire.questions)
    questions.set(question.id, questionValue(answers(question.id), consensus(question.id)));
  const stages = new Map<string, Part>();
  for (const stage of questionnaire.stages)
    stages.set(stage.id, part(questionnaire.questions.filter((question) => question.stage === stage.id), questions));
  const themes = new Map<string, Part>();
  for (const theme of questionnaire.themes)
    themes.set(theme.id, part(questionnaire.questions.filter((question) => question.theme === theme.id), questions));
  const scores = [...stages.values()].map((stage) => stage.score).filter((score): score is number => score !== null);
  const overall = scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null;
  return { questions, stages, themes, overall };
}

/** Questions with an answer (any, NA and ? included) or a consensus value, as tcm-store counts them. */
export function answeredCount(card: Scorecard): number {
  return [...card.questions.values()].filter((question) => question.given > 0 || question.consensus !== null).length;
}

/** Questions with a value, for the coverage. */
export function valuedCount(card: Scorecard): number {
  return [...card.stages.values()].reduce((sum, stage) => sum + stage.answered, 0);
}

export interface StoredAction {
  id: number;
  assessment: number;
  questionId: string | null;
  stage: StageId | null;
  title: string;
  description: string;
  owner: string;
  due: string | null;
  status: ActionStatus;
  impact: number;
  effort: number;
}

function label(impact: number, effort: number): PlanLabel | null {
  if (effort >= 3) return 'structuralProject';
  if (effort === 1 && impact >= 2) return 'quickWin';
  return null;
}

const hundredth = (value: number) => Math.round(value * 100) / 100;

/** The merged plan, ordered as tcm-core orders it. */
export function plan(
  questionnaire: MockQuestionnaire,
  card: Scorecard,
  targets: number[],
  kept: StoredAction[],
  language: string,
): PlanItemView[] {
  const ranked: { item: PlanItemView; stage: number; position: number }[] = [];
  const stageIndex = (stage: StageId) => questionnaire.stages.findIndex((item) => item.id === stage);
  questionnaire.questions.forEach((question, position) => {
    const stored = kept.find((action) => action.questionId === question.id);
    const value = card.questions.get(question.id)?.value ?? null;
    const target = targets[stageIndex(question.stage)] ?? 4;
    const gapOf = (impact: number, effort: number) => {
      const levels = Math.max(0, target - (value ?? 0));
      return { gap: hundredth(levels), priority: hundredth((levels * question.weight * impact) / effort) };
    };
    if (stored) {
      const gap = value === null ? null : gapOf(stored.impact, stored.effort);
      ranked.push({
        item: {
          key: `action:${stored.id}`,
          origin: 'kept',
          actionId: stored.id,
          questionId: question.id,
          stage: question.stage,
          title: stored.title,
          description: stored.description,
          owner: stored.owner,
          due: stored.due,
          status: stored.status,
          impact: stored.impact,
          effort: stored.effort,
          gap: gap?.gap ?? null,
          priority: gap?.priority ?? null,
          label: label(stored.impact, stored.effort),
        },
        stage: stageIndex(question.stage),
        position,
      });
      return;
    }
    if (value === null || value >= target) return;
    const recommended = question.action;
    const gap = gapOf(recommended.impact, recommended.effort);
    const lang = language === 'en' ? 'en' : 'fr';
    ranked.push({
      item: {
        key: `question:${question.id}`,
        origin: 'proposal',
        actionId: null,
        questionId: question.id,
        stage: question.stage,
        title: recommended.title[lang],
        description: recommended.description[lang],
        owner: '',
        due: null,
        status: 'proposed',
        impact: recommended.impact,
        effort: recommended.effort,
        gap: gap.gap,
        priority: gap.priority,
        label: label(recommended.impact, recommended.effort),
      },
      stage: stageIndex(question.stage),
      position,
    });
  });
  kept
    .filter((action) => action.questionId === null && action.stage !== null)
    .forEach((action, order) => {
      ranked.push({
        item: {
          key: `action:${action.id}`,
          origin: 'kept',
          actionId: action.id,
          questionId: null,
          stage: action.stage!,
          title: action.title,
          description: action.description,
          owner: action.owner,
          due: action.due,
          status: action.status,
          impact: action.impact,
          effort: action.effort,
          gap: null,
          priority: null,
          label: label(action.impact, action.effort),
        },
        stage: stageIndex(action.stage!),
        position: questionnaire.questions.length + order,
      });
    });
  ranked.sort((a, b) => {
    const pa = a.item.priority;
    const pb = b.item.priority;
    if (pa !== pb) {
      if (pa === null) return 1;
      if (pb === null) return -1;
      return pb - pa;
    }
    return a.stage - b.stage || a.position - b.position;
  });
  return ranked.map((entry) => entry.item);
}
