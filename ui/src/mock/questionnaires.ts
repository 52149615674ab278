// The bundled questionnaires as the mock backend knows them: the TCM-92 grid and its classroom
// variant, read from a fixture generated from questionnaires/*.toml
// (scripts/questionnaire-fixture.mjs).
import type { LocalizedText } from '../lib/bindings/LocalizedText';
import type { QuestionnaireDetail } from '../lib/bindings/QuestionnaireDetail';
import type { QuestionnaireOverview } from '../lib/bindings/QuestionnaireOverview';
import type { StageId } from '../lib/bindings/StageId';
import fixture from './fixtures/questionnaires.json';

export interface MockAction {
  title: LocalizedText;
  description: LocalizedText;
  impact: number;
  effort: number;
}

export interface MockQuestion {
  id: string;
  stage: StageId;
  theme: string;
  weight: number;
  source: string;
  text: LocalizedText;
  help: LocalizedText;
  rubric: LocalizedText[] | null;
  mayNotApply: LocalizedText | null;
  dependsOn: string[];
  action: MockAction;
}

export interface MockTheme {
  id: string;
  stage: StageId;
  name: LocalizedText;
  description: LocalizedText | null;
}

export interface MockStage {
  id: StageId;
  name: LocalizedText;
  purpose: LocalizedText;
}

export interface MockQuestionnaire {
  id: string;
  version: string;
  title: LocalizedText;
  description: LocalizedText;
  variantOf: string | null;
  scale: QuestionnaireDetail['scale'];
  stages: MockStage[];
  themes: MockTheme[];
  /** In questionnaire order: stage by stage, theme by theme. */
  questions: MockQuestion[];
}

/** Stage by stage in the order of the grid's stages, theme by theme. */
function ordered(stages: MockStage[], questions: MockQuestion[], themes: MockTheme[]): MockQuestion[] {
  const result: MockQuestion[] = [];
  for (const { id: stage } of stages)
    for (const theme of themes.filter((theme) => theme.stage === stage))
      result.push(...questions.filter((question) => question.theme === theme.id));
  return result;
}

function build(): MockQuestionnaire[] {
  // JSON carries stage ids as plain strings; the fixture is generated from the bundled grids,
  // whose stage ids are the five of the cycle.
  const full = fixture.full as unknown as {
    id: string;
    version: string;
    title: LocalizedText;
    description: LocalizedText;
    scale: QuestionnaireDetail['scale'];
    stages: MockStage[];
    themes: MockTheme[];
    questions: MockQuestion[];
  };
  const grid: MockQuestionnaire = {
    id: full.id,
    version: full.version,
    title: full.title,
    description: full.description,
    variantOf: null,
    scale: full.scale,
    stages: full.stages,
    themes: full.themes,
    questions: ordered(full.stages, full.questions, full.themes),
  };
  const variants = fixture.variants.map((variant): MockQuestionnaire => {
    const kept = new Set(variant.questions);
    const questions = grid.questions.filter((question) => kept.has(question.id));
    const themes = grid.themes.filter((theme) => questions.some((question) => question.theme === theme.id));
    return {
      ...grid,
      id: variant.id,
      version: variant.version,
      title: variant.title,
      description: variant.description,
      variantOf: grid.id,
      themes,
      questions,
    };
  });
  return [grid, ...variants];
}

export const QUESTIONNAIRES: MockQuestionnaire[] = build();

export function questionnaireById(id: string): MockQuestionnaire | undefined {
  return QUESTIONNAIRES.find((questionnaire) => questionnaire.id === id);
}

export function overview(questionnaire: MockQuestionnaire): QuestionnaireOverview {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    title: questionnaire.title,
    description: questionnaire.description,
    questionCount: questionnaire.questions.length,
    stages: questionnaire.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      purpose: stage.purpose,
      questionCount: questionnaire.questions.filter((question) => question.stage === stage.id).length,
      themeCount: questionnaire.themes.filter((theme) => theme.stage === stage.id).length,
    })),
    variantOf: questionnaire.variantOf,
  };
}

export function detail(questionnaire: MockQuestionnaire): QuestionnaireDetail {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    title: questionnaire.title,
    scale: questionnaire.scale,
    stages: questionnaire.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      purpose: stage.purpose,
      themes: questionnaire.themes
        .filter((theme) => theme.stage === stage.id)
        .map((theme) => ({
          id: theme.id,
          name: theme.name,
          description: theme.description,
          questions: questionnaire.questions
            .filter((question) => question.theme === theme.id)
            .map((question) => ({
              id: question.id,
              text: question.text,
              help: question.help,
              weight: question.weight,
              source: question.source,
              rubric: question.rubric,
              mayNotApply: question.mayNotApply,
              dependsOn: question.dependsOn,
            })),
        })),
    })),
    questionCount: questionnaire.questions.length,
  };
}
