// An in-memory fake of every command of the desktop shell, for development (`npm run dev:mock`)
// and browser tests. It validates like the real handlers (errors as ApiError {kind, message}),
// scores with the README's formulas and keeps everything in one plain object that can be
// saved to sessionStorage. A test double: it never enters the production bundle.
import type { ActionInput } from '../lib/bindings/ActionInput';
import type { AnswerValue } from '../lib/bindings/AnswerValue';
import type { AssessmentStatus } from '../lib/bindings/AssessmentStatus';
import type { BackupKind } from '../lib/bindings/BackupKind';
import type { ConsensusValue } from '../lib/bindings/ConsensusValue';
import type { LanguageCode } from '../lib/bindings/LanguageCode';
import type { Mode } from '../lib/bindings/Mode';
import type { StageId } from '../lib/bindings/StageId';
import type { ApiError } from '../lib/bindings/ApiError';
import type { AppInfo } from '../lib/bindings/AppInfo';
import type { AssessmentDetail } from '../lib/bindings/AssessmentDetail';
import type { AssessmentListItem } from '../lib/bindings/AssessmentListItem';
import type { AssessmentUpdate } from '../lib/bindings/AssessmentUpdate';
import type { BackupView } from '../lib/bindings/BackupView';
import type { ConsensusInput } from '../lib/bindings/ConsensusInput';
import type { ConsensusSheet } from '../lib/bindings/ConsensusSheet';
import type { ErrorKind } from '../lib/bindings/ErrorKind';
import type { FormChoices } from '../lib/bindings/FormChoices';
import type { ImportView } from '../lib/bindings/ImportView';
import type { LevelMeaning } from '../lib/bindings/LevelMeaning';
import type { NewAssessmentInput } from '../lib/bindings/NewAssessmentInput';
import type { OrganisationView } from '../lib/bindings/OrganisationView';
import type { PlanView } from '../lib/bindings/PlanView';
import type { RespondentAnswers } from '../lib/bindings/RespondentAnswers';
import type { RespondentInput } from '../lib/bindings/RespondentInput';
import type { RespondentView } from '../lib/bindings/RespondentView';
import type { ResultsView } from '../lib/bindings/ResultsView';
import type { SaveAnswerInput } from '../lib/bindings/SaveAnswerInput';
import type { SavedAnswer } from '../lib/bindings/SavedAnswer';
import type { StrategyView } from '../lib/bindings/StrategyView';
import * as charts from './charts';
import formChoicesFixture from './fixtures/form-choices.json';
import strategyFixture from './fixtures/strategy-demo.json';
import maturityLevelsFixture from './fixtures/maturity-levels.json';
import { QUESTIONNAIRES, detail, overview, questionnaireById, type MockQuestionnaire } from './questionnaires';
import { answeredCount, levelOf, plan, round1, score, valuedCount, type Scorecard, type StoredAction } from './scoring';

export interface StoredAssessment {
  id: number;
  uuid: string;
  organisation: number;
  title: string;
  mode: Mode;
  language: LanguageCode;
  status: AssessmentStatus;
  targets: number[];
  questionnaireId: string;
  questionnaireVersion: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredRespondent {
  id: number;
  assessment: number;
  label: string;
  role: string;
  group: string;
  resumeQuestion: string | null;
  createdAt: string;
}

export interface StoredAnswer {
  respondent: number;
  question: string;
  answer: AnswerValue;
  comment: string;
}

/** A value the group agreed on for a question: it overrides the respondents' mean. */
export interface StoredConsensus {
  assessment: number;
  question: string;
  value: ConsensusValue;
  note: string;
}

export interface WrittenFile {
  path: string;
  what: string;
  at: string;
}

export interface Database {
  nextId: number;
  organisations: OrganisationView[];
  assessments: StoredAssessment[];
  respondents: StoredRespondent[];
  answers: StoredAnswer[];
  consensus: StoredConsensus[];
  actions: StoredAction[];
  backups: BackupView[];
  files: WrittenFile[];
  demo: number | null;
  /** The user's wave overrides (absent in data saved by an older mock). */
  waveOverrides?: StoredWaveOverride[];
  /** Set when the database "could not be opened": every command but settings fails. */
  damaged: string | null;
}

export interface StoredWaveOverride {
  assessment: number;
  initiative: string;
  wave: number | null;
  start: string | null;
  end: string | null;
}

/** The demo's strategy as the real handler derives it (golden fixture), in both languages. */
const STRATEGY = strategyFixture as unknown as Record<'fr' | 'en', StrategyView>;

export const HOME = '/home/claire/.local/share/tcm-workbench';
export const DOCUMENTS = '/home/claire/Documents';

export function emptyDatabase(): Database {
  return {
    nextId: 1,
    organisations: [],
    assessments: [],
    respondents: [],
    answers: [],
    consensus: [],
    actions: [],
    backups: [],
    files: [],
    demo: null,
    damaged: null,
  };
}

export function fail(kind: ErrorKind, message: string): never {
  throw { kind, message } satisfies ApiError;
}

/** The forms' closed lists, as the real `form_choices` handler answers (golden fixture). */
const CHOICES = formChoicesFixture as FormChoices;

type ChoiceList = 'sectors' | 'sizes' | 'modes' | 'statuses' | 'actionStatuses';
const ids = (list: ChoiceList): string[] => CHOICES[list].map((choice) => choice.id);

function checkChoice(list: ChoiceList, value: string, what: string): string {
  if (!ids(list).includes(value))
    fail('invalidInput', `unknown ${what} \`${value}\` (expected one of ${ids(list).join(', ')})`);
  return value;
}

/** Every maturity level with its name and meaning, as the real results give them (golden fixture). */
export const LEVELS: LevelMeaning[] = maturityLevelsFixture;

const CHART_WORDS = {
  fr: { current: 'Situation actuelle', target: 'Cible', previous: 'Audit précédent', noValue: 'pas de score', group: 'Groupe' },
  en: { current: 'Current', target: 'Target', previous: 'Previous audit', noValue: 'no score', group: 'Group' },
};

function uuid(id: number): string {
  const hex = (id * 2654435761).toString(16).padStart(12, '0').slice(-12);
  return `5f0c2a9e-7d4b-4c1e-9a3f-${hex}`;
}

/** The fake backend: `handle(command, args)` answers like the shell's command of that name. */
export class MockBackend {
  db: Database;
  now: () => Date;
  /** Answer of the next save dialogs: a path, or null (cancelled). */
  dialogs: { cancel: boolean; openFile: string | null } = { cancel: false, openFile: null };

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    // Data saved by an older mock (sessionStorage) had no consensus values.
    this.db.consensus ??= [];
    this.now = now;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private id(): number {
    return this.db.nextId++;
  }

  // ---- lookups -----------------------------------------------------------------------------

  assessment(id: number): StoredAssessment {
    const found = this.db.assessments.find((assessment) => assessment.id === id);
    if (!found) fail('notFound', `assessment ${id} does not exist`);
    return found;
  }

  respondent(id: number): StoredRespondent {
    const found = this.db.respondents.find((respondent) => respondent.id === id);
    if (!found) fail('notFound', `respondent ${id} does not exist`);
    return found;
  }

  questionnaireOf(assessment: StoredAssessment): MockQuestionnaire {
    const questionnaire = questionnaireById(assessment.questionnaireId);
    if (!questionnaire) fail('storage', `the questionnaire snapshot of assessment ${assessment.id} is missing`);
    return questionnaire;
  }

  respondentsOf(assessment: number): StoredRespondent[] {
    return this.db.respondents.filter((respondent) => respondent.assessment === assessment);
  }

  scorecard(assessment: StoredAssessment, only?: number): Scorecard {
    const respondents = new Set(
      this.respondentsOf(assessment.id)
        .filter((respondent) => only === undefined || respondent.id === only)
        .map((respondent) => respondent.id),
    );
    const byQuestion = new Map<string, string[]>();
    for (const answer of this.db.answers) {
      if (!respondents.has(answer.respondent)) continue;
      byQuestion.set(answer.question, [...(byQuestion.get(answer.question) ?? []), answer.answer]);
    }
    // Consensus values belong to the group: one respondent alone is scored without them.
    const agreed = new Map(
      only === undefined
        ? this.db.consensus.filter((item) => item.assessment === assessment.id).map((item) => [item.question, item.value])
        : [],
    );
    return score(
      this.questionnaireOf(assessment),
      (question) => byQuestion.get(question) ?? [],
      (question) => agreed.get(question) ?? null,
    );
  }

  private touch(assessment: StoredAssessment): void {
    assessment.updatedAt = this.stamp();
  }

  // ---- commands ----------------------------------------------------------------------------

  handle(command: string, args: Record<string, unknown> = {}): unknown {
    const settings = ['app_info', 'list_backups', 'restore_backup', 'choose_save_path', 'choose_open_path'];
    if (this.db.damaged && !settings.includes(command)) fail('storage', this.db.damaged);
    const a = args as Record<string, never>;
    switch (command) {
      case 'list_questionnaires':
        return QUESTIONNAIRES.map(overview);
      case 'questionnaire_overview': {
        const id = (a.id as string | null) ?? QUESTIONNAIRES[0].id;
        const questionnaire = questionnaireById(id);
        if (!questionnaire) fail('notFound', `no questionnaire \`${id}\` is bundled`);
        return overview(questionnaire);
      }
      case 'form_choices':
        return this.formChoices();
      case 'assessment_questionnaire':
        return detail(this.questionnaireOf(this.assessment(a.assessment)));
      case 'list_organisations':
        return [...this.db.organisations].sort((x, y) => x.name.localeCompare(y.name, 'fr'));
      case 'list_assessments':
        return this.listAssessments();
      case 'create_assessment':
        return this.createAssessment(a.input as NewAssessmentInput);
      case 'assessment_detail':
        return this.detail(a.assessment);
      case 'update_assessment':
        return this.updateAssessment(a.assessment, a.update as AssessmentUpdate);
      case 'delete_assessment':
        return this.deleteAssessment(a.assessment);
      case 'add_respondent':
        return this.addRespondent(a.assessment, a.input as RespondentInput);
      case 'update_respondent':
        return this.updateRespondent(a.respondent, a.input as RespondentInput);
      case 'remove_respondent':
        return this.removeRespondent(a.respondent);
      case 'respondent_answers':
        return this.respondentAnswers(a.respondent);
      case 'save_answer':
        return this.saveAnswer(a.input as SaveAnswerInput);
      case 'consensus_sheet':
        return this.consensusSheet(a.assessment);
      case 'set_consensus':
        return this.setConsensus(a.input as ConsensusInput);
      case 'set_resume_question': {
        const respondent = this.respondent(a.respondent);
        respondent.resumeQuestion = a.question as string;
        return null;
      }
      case 'action_plan':
        return this.plan(a.assessment, a.language);
      case 'keep_action':
        return this.keepAction(a.assessment, a.input as ActionInput, a.language);
      case 'update_action':
        return this.updateAction(a.action, a.input as ActionInput, a.language);
      case 'delete_action':
        return this.deleteAction(a.action, a.language);
      case 'assessment_results':
        return this.results(a.assessment, a.language as string);
      case 'assessment_strategy':
        return this.strategy(a.assessment, a.language);
      case 'set_initiative_wave':
        return this.setWaveOverride(a.assessment, a.initiative, a.language, { wave: a.wave, start: null, end: null });
      case 'set_initiative_dates':
        return this.setWaveOverride(a.assessment, a.initiative, a.language, { wave: null, start: a.start, end: a.end });
      case 'clear_initiative_wave': {
        this.assessment(a.assessment);
        this.db.waveOverrides = (this.db.waveOverrides ?? []).filter(
          (item) => !(item.assessment === a.assessment && item.initiative === a.initiative),
        );
        return this.strategy(a.assessment, a.language);
      }
      case 'app_info':
        return this.appInfo();
      case 'list_backups':
        return [...this.db.backups].sort((x, y) => y.takenAt.localeCompare(x.takenAt));
      case 'backup_now':
        return this.backupNow('manual');
      case 'restore_backup':
        return this.restoreBackup(a.path as string);
      case 'choose_save_path':
        return this.dialogs.cancel ? null : `${DOCUMENTS}/${a.suggestedName as string}`;
      case 'choose_open_path':
        return this.dialogs.cancel ? null : (this.dialogs.openFile ?? this.defaultOpenFile(a.extensions as string[]));
      case 'export_assessment': {
        const format = a.format as string;
        if (!['csv', 'xlsx', 'tcm', 'milestones'].includes(format))
          fail('invalidInput', `unknown export format \`${format}\` (csv, xlsx, tcm or milestones)`);
        this.assessment(a.assessment);
        return this.write(a.path as string, format);
      }
      case 'export_report':
        this.assessment(a.assessment);
        this.checkLanguage(a.language as string);
        return this.write(a.path as string, 'pdf');
      case 'export_blank_grid':
        if (!questionnaireById(a.questionnaireId as string))
          fail('notFound', `no questionnaire \`${a.questionnaireId as string}\` is bundled`);
        this.checkLanguage(a.language as string);
        return this.write(a.path as string, 'blank-grid');
      case 'import_tcm':
        return this.importTcm(a.path as string);
      case 'import_responses':
        return this.importResponses(a.assessment, a.path as string);
      case 'open_demo':
        return this.openDemo();
      default:
        return fail('internal', `command ${command} not found`);
    }
  }

  /**
   * The strategy: the real demo's (fixture) for any assessment, with the user's overrides laid
   * over it as the handler reports them (a wave takes its window; dates join the wave holding
   * their end).
   */
  private strategy(id: number, language: LanguageCode | null | undefined): StrategyView {
    const assessment = this.assessment(id);
    if (language) this.checkLanguage(language);
    const base = STRATEGY[language ?? assessment.language];
    const overrides = (this.db.waveOverrides ?? []).filter((item) => item.assessment === id);
    const initiatives = base.initiatives.map((initiative) => {
      const override = overrides.find((item) => item.initiative === initiative.id);
      if (!override) return initiative;
      if (override.wave !== null) {
        const wave = base.waves.find((item) => item.number === override.wave)!;
        return { ...initiative, wave: wave.number, start: wave.start, end: wave.end, waveSource: 'userWave' };
      }
      const end = override.end!;
      const wave = base.waves.find((item) => end <= item.end) ?? base.waves[base.waves.length - 1];
      return { ...initiative, wave: wave.number, start: override.start!, end, waveSource: 'userDates' };
    });
    const known = new Set(base.initiatives.map((initiative) => initiative.id));
    return {
      ...base,
      assessment: id,
      initiatives,
      unmatchedOverrides: overrides.map((item) => item.initiative).filter((initiative) => !known.has(initiative)),
    };
  }

  private setWaveOverride(
    id: number,
    initiative: string,
    language: LanguageCode | null | undefined,
    value: { wave: number | null; start: string | null; end: string | null },
  ): StrategyView {
    const view = this.strategy(id, language);
    if (!view.initiatives.some((item) => item.id === initiative))
      fail('invalidInput', `the roadmap of assessment ${id} has no initiative \`${initiative}\``);
    if (value.wave !== null && ![1, 2, 3].includes(value.wave)) fail('invalidInput', `a wave is 1, 2 or 3, not ${value.wave}`);
    if (value.start !== null && value.end !== null) {
      const day = /^\d{4}-\d{2}-\d{2}$/;
      if (!day.test(value.start) || !day.test(value.end))
        fail('invalidInput', 'an initiative\'s dates are written YYYY-MM-DD');
      if (value.end < value.start) fail('invalidInput', `the end date ${value.end} comes before the start date ${value.start}`);
    }
    const others = (this.db.waveOverrides ?? []).filter((item) => !(item.assessment === id && item.initiative === initiative));
    this.db.waveOverrides = [...others, { assessment: id, initiative, ...value }];
    return this.strategy(id, language);
  }

  private checkLanguage(language: string): void {
    if (language !== 'fr' && language !== 'en') fail('invalidInput', `unknown language \`${language}\` (fr or en)`);
  }

  private formChoices(): FormChoices {
    return CHOICES;
  }

  private listAssessments(): AssessmentListItem[] {
    return this.db.assessments
      .map((assessment) => {
        const card = this.scorecard(assessment);
        const organisation = this.db.organisations.find((item) => item.id === assessment.organisation);
        return {
          id: assessment.id,
          organisationName: organisation?.name ?? '',
          title: assessment.title,
          mode: assessment.mode,
          status: assessment.status,
          language: assessment.language,
          questionnaireId: assessment.questionnaireId,
          // The mock holds only the bundled grids: none is ever modified.
          questionnaireModified: false,
          respondents: this.respondentsOf(assessment.id).length,
          answeredQuestions: answeredCount(card),
          questionCount: this.questionnaireOf(assessment).questions.length,
          overallScore: card.overall === null ? null : round1(card.overall),
          overallLevel: card.overall === null ? null : levelOf(card.overall),
          updatedAt: assessment.updatedAt,
          createdAt: assessment.createdAt,
        };
      })
      .sort((x, y) => y.updatedAt.localeCompare(x.updatedAt));
  }

  private checkTargets(targets: unknown): number[] {
    if (!Array.isArray(targets) || targets.length !== 5)
      fail(
        'invalidInput',
        `five targets are expected (one per stage), found ${Array.isArray(targets) ? targets.length : 0}`,
      );
    for (const target of targets)
      if (!Number.isInteger(target) || target < 1 || target > 4)
        fail('invalidInput', `a target is an answer level from 1 to 4, found ${String(target)}`);
    return [...targets];
  }

  createAssessment(input: NewAssessmentInput): number {
    const questionnaire = questionnaireById(input.questionnaireId);
    if (!questionnaire) fail('invalidInput', `no questionnaire \`${input.questionnaireId}\` is bundled`);
    checkChoice('modes', input.mode, 'mode');
    this.checkLanguage(input.language);
    const targets = this.checkTargets(input.targets);
    const title = input.title.trim();
    if (!title) fail('invalidInput', 'the assessment needs a title');
    let organisation: number;
    if (input.organisation.kind === 'existing') {
      const id = input.organisation.id;
      if (!this.db.organisations.some((item) => item.id === id)) fail('notFound', `organisation ${id} does not exist`);
      organisation = id;
    } else {
      const name = input.organisation.name.trim();
      if (!name) fail('invalidInput', 'the organisation needs a name');
      checkChoice('sectors', input.organisation.sector, 'sector');
      const size = input.organisation.size || null;
      if (size) checkChoice('sizes', size, 'size');
      organisation = this.id();
      this.db.organisations.push({ id: organisation, name, sector: input.organisation.sector, size, notes: input.organisation.notes.trim() });
    }
    const id = this.id();
    const stamp = this.stamp();
    this.db.assessments.push({
      id,
      uuid: uuid(id),
      organisation,
      title,
      mode: input.mode,
      language: input.language,
      status: 'in-progress',
      targets,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      createdAt: stamp,
      updatedAt: stamp,
    });
    const first = input.firstRespondent?.trim();
    if (first) this.addRespondent(id, { label: first, role: '', group: '' });
    return id;
  }

  detail(id: number): AssessmentDetail {
    const assessment = this.assessment(id);
    const organisation = this.db.organisations.find((item) => item.id === assessment.organisation);
    if (!organisation) fail('storage', `the organisation of assessment ${id} is missing`);
    return {
      id,
      uuid: assessment.uuid,
      organisation,
      title: assessment.title,
      mode: assessment.mode,
      language: assessment.language,
      status: assessment.status,
      targets: assessment.targets,
      questionnaireId: assessment.questionnaireId,
      questionnaireVersion: assessment.questionnaireVersion,
      questionnaireModified: false,
      respondents: this.respondentsOf(id).map((respondent) => this.respondentView(respondent)),
      answeredQuestions: answeredCount(this.scorecard(assessment)),
      questionCount: this.questionnaireOf(assessment).questions.length,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
    };
  }

  private updateAssessment(id: number, update: AssessmentUpdate): AssessmentDetail {
    const assessment = this.assessment(id);
    checkChoice('modes', update.mode, 'mode');
    checkChoice('statuses', update.status, 'status');
    this.checkLanguage(update.language);
    const targets = this.checkTargets(update.targets);
    const title = update.title.trim();
    if (!title) fail('invalidInput', 'the assessment needs a title');
    Object.assign(assessment, { title, mode: update.mode, language: update.language, status: update.status, targets });
    this.touch(assessment);
    return this.detail(id);
  }

  private deleteAssessment(id: number): null {
    this.assessment(id);
    const respondents = new Set(this.respondentsOf(id).map((respondent) => respondent.id));
    this.db.answers = this.db.answers.filter((answer) => !respondents.has(answer.respondent));
    this.db.consensus = this.db.consensus.filter((item) => item.assessment !== id);
    this.db.respondents = this.db.respondents.filter((respondent) => respondent.assessment !== id);
    this.db.actions = this.db.actions.filter((action) => action.assessment !== id);
    this.db.waveOverrides = (this.db.waveOverrides ?? []).filter((item) => item.assessment !== id);
    this.db.assessments = this.db.assessments.filter((assessment) => assessment.id !== id);
    if (this.db.demo === id) this.db.demo = null;
    return null;
  }

  private respondentView(respondent: StoredRespondent): RespondentView {
    return {
      id: respondent.id,
      label: respondent.label,
      role: respondent.role,
      group: respondent.group,
      resumeQuestion: respondent.resumeQuestion,
    };
  }

  private checkProfile(assessment: number, input: RespondentInput, except?: number): RespondentInput {
    const label = input.label.trim();
    if (!label) fail('invalidInput', 'a respondent needs a name');
    if (this.respondentsOf(assessment).some((respondent) => respondent.label === label && respondent.id !== except))
      fail('invalidInput', `a respondent named \`${label}\` already answers this assessment`);
    return { label, role: input.role.trim(), group: input.group.trim() };
  }

  addRespondent(assessmentId: number, input: RespondentInput): RespondentView {
    const assessment = this.assessment(assessmentId);
    const profile = this.checkProfile(assessmentId, input);
    const respondent: StoredRespondent = {
      id: this.id(),
      assessment: assessmentId,
      ...profile,
      resumeQuestion: null,
      createdAt: this.stamp(),
    };
    this.db.respondents.push(respondent);
    this.touch(assessment);
    return this.respondentView(respondent);
  }

  private updateRespondent(id: number, input: RespondentInput): RespondentView {
    const respondent = this.respondent(id);
    Object.assign(respondent, this.checkProfile(respondent.assessment, input, id));
    return this.respondentView(respondent);
  }

  private removeRespondent(id: number): null {
    const respondent = this.respondent(id);
    this.db.answers = this.db.answers.filter((answer) => answer.respondent !== id);
    this.db.respondents = this.db.respondents.filter((item) => item.id !== id);
    this.touch(this.assessment(respondent.assessment));
    return null;
  }

  private respondentAnswers(id: number): RespondentAnswers {
    const respondent = this.respondent(id);
    const order = this.questionnaireOf(this.assessment(respondent.assessment)).questions.map((question) => question.id);
    return {
      respondentId: id,
      answers: this.db.answers
        .filter((answer) => answer.respondent === id)
        .sort((x, y) => order.indexOf(x.question) - order.indexOf(y.question))
        .map((answer) => ({ questionId: answer.question, answer: answer.answer, comment: answer.comment })),
      resumeQuestion: respondent.resumeQuestion,
    };
  }

  saveAnswer(input: SaveAnswerInput): SavedAnswer {
    const respondent = this.respondent(input.respondentId);
    const assessment = this.assessment(respondent.assessment);
    const questionnaire = this.questionnaireOf(assessment);
    if (!questionnaire.questions.some((question) => question.id === input.questionId))
      fail('notFound', `question \`${input.questionId}\` is not in questionnaire ${questionnaire.id}`);
    const answer = input.answer;
    // The real command's input type refuses anything else before the handler runs.
    if (answer !== null && !/^([0-4]|NA|\?)$/.test(answer))
      fail('invalidInput', `\`${String(input.answer)}\` is not an answer: a level from 0 to 4, NA or ?`);
    this.db.answers = this.db.answers.filter(
      (item) => !(item.respondent === respondent.id && item.question === input.questionId),
    );
    if (answer !== null)
      this.db.answers.push({ respondent: respondent.id, question: input.questionId, answer, comment: input.comment.trim() });
    respondent.resumeQuestion = input.questionId;
    this.touch(assessment);
    return this.progress(assessment, input.questionId);
  }

  private progress(assessment: StoredAssessment, questionId: string): SavedAnswer {
    const card = this.scorecard(assessment);
    return {
      questionId,
      answeredQuestions: answeredCount(card),
      questionCount: this.questionnaireOf(assessment).questions.length,
      overallScore: card.overall === null ? null : round1(card.overall),
      savedAt: assessment.updatedAt,
    };
  }

  // ---- consensus -----------------------------------------------------------------------------

  private consensusSheet(id: number): ConsensusSheet {
    const assessment = this.assessment(id);
    const questions = this.questionnaireOf(assessment).questions;
    const order = questions.map((question) => question.id);
    const respondents = this.respondentsOf(id);
    return {
      assessmentId: id,
      values: this.db.consensus
        .filter((item) => item.assessment === id)
        .sort((x, y) => order.indexOf(x.question) - order.indexOf(y.question))
        .map((item) => ({ questionId: item.question, value: item.value, note: item.note })),
      answers: questions
        .map((question) => ({
          questionId: question.id,
          answers: respondents.flatMap((respondent) => {
            const given = this.db.answers.find((answer) => answer.respondent === respondent.id && answer.question === question.id);
            return given ? [{ respondent: respondent.label, answer: given.answer, comment: given.comment }] : [];
          }),
        }))
        .filter((question) => question.answers.length > 0),
    };
  }

  private setConsensus(input: ConsensusInput): SavedAnswer {
    const value = input.value;
    // The real command's input type refuses anything else (`?` included) before the handler runs.
    if (value !== null && !/^([0-4]|NA)$/.test(value))
      fail('invalidInput', `\`${String(input.value)}\` is not a consensus value: a level from 0 to 4 or NA`);
    const assessment = this.assessment(input.assessmentId);
    const questionnaire = this.questionnaireOf(assessment);
    if (!questionnaire.questions.some((question) => question.id === input.questionId))
      fail('notFound', `question \`${input.questionId}\` is not in questionnaire ${questionnaire.id}`);
    this.db.consensus = this.db.consensus.filter(
      (item) => !(item.assessment === assessment.id && item.question === input.questionId),
    );
    if (value !== null)
      this.db.consensus.push({ assessment: assessment.id, question: input.questionId, value, note: input.note.trim() });
    this.touch(assessment);
    return this.progress(assessment, input.questionId);
  }

  // ---- plan --------------------------------------------------------------------------------

  /** Proposals are worded in `language`, the assessment's own when it is null. */
  plan(id: number, language: string | null = null): PlanView {
    const assessment = this.assessment(id);
    if (language !== null) this.checkLanguage(language);
    return {
      assessment: id,
      items: plan(
        this.questionnaireOf(assessment),
        this.scorecard(assessment),
        assessment.targets,
        this.db.actions.filter((action) => action.assessment === id),
        language ?? assessment.language,
      ),
    };
  }

  private checkAction(assessment: StoredAssessment, input: ActionInput): Omit<StoredAction, 'id' | 'assessment'> {
    let questionId: string | null = null;
    let stage: StageId | null = null;
    if (input.questionId) {
      questionId = input.questionId.trim();
      if (!this.questionnaireOf(assessment).questions.some((question) => question.id === questionId))
        fail('notFound', `question \`${questionId}\` is not in this assessment's questionnaire`);
    } else if (input.stage) {
      stage = input.stage;
    } else fail('invalidInput', 'an action belongs to a question or a stage');
    const due = input.due?.trim() || null;
    if (due && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))))
      fail('invalidInput', `the due date must be a date such as 2027-03-31, found \`${due}\``);
    checkChoice('actionStatuses', input.status, 'action status');
    for (const [name, value] of [
      ['impact', input.impact],
      ['effort', input.effort],
    ] as const)
      if (!Number.isInteger(value) || value < 1 || value > 3)
        fail('invalidInput', `${name} is from 1 to 3, found ${value}`);
    const title = input.title.trim();
    if (!title) fail('invalidInput', 'an action needs a title');
    return {
      questionId,
      stage,
      title,
      description: input.description.trim(),
      owner: input.owner.trim(),
      due,
      status: input.status,
      impact: input.impact,
      effort: input.effort,
    };
  }

  private keepAction(id: number, input: ActionInput, language: string | null = null): PlanView {
    const assessment = this.assessment(id);
    const action = this.checkAction(assessment, input);
    if (action.questionId && this.db.actions.some((item) => item.assessment === id && item.questionId === action.questionId))
      fail('invalidInput', `an action is already kept for question \`${action.questionId}\``);
    this.db.actions.push({ id: this.id(), assessment: id, ...action });
    this.touch(assessment);
    return this.plan(id, language);
  }

  private storedAction(id: number): StoredAction {
    const found = this.db.actions.find((action) => action.id === id);
    if (!found) fail('notFound', `action ${id} does not exist`);
    return found;
  }

  private updateAction(id: number, input: ActionInput, language: string | null = null): PlanView {
    const stored = this.storedAction(id);
    const assessment = this.assessment(stored.assessment);
    Object.assign(stored, this.checkAction(assessment, input));
    this.touch(assessment);
    return this.plan(assessment.id, language);
  }

  private deleteAction(id: number, language: string | null = null): PlanView {
    const stored = this.storedAction(id);
    this.db.actions = this.db.actions.filter((action) => action.id !== id);
    this.touch(this.assessment(stored.assessment));
    return this.plan(stored.assessment, language);
  }

  // ---- results -----------------------------------------------------------------------------

  private results(id: number, language: string): ResultsView {
    const assessment = this.assessment(id);
    this.checkLanguage(language);
    const questionnaire = this.questionnaireOf(assessment);
    const card = this.scorecard(assessment);
    const words = CHART_WORDS[language as 'fr' | 'en'];
    const name = (text: { fr: string; en: string }) => (language === 'en' ? text.en : text.fr);
    const stages = questionnaire.stages.map((stage, index) => {
      const part = card.stages.get(stage.id)!;
      return {
        id: stage.id,
        name: stage.name,
        score: part.score === null ? null : round1(part.score),
        level: part.score === null ? null : levelOf(part.score),
        coverage: part.coverage,
        answered: part.answered,
        applicable: part.applicable,
        questions: part.questions,
        target: assessment.targets[index],
        targetScore: assessment.targets[index] * 25,
      };
    });
    const themes = questionnaire.themes.map((theme) => {
      const part = card.themes.get(theme.id)!;
      return {
        id: theme.id,
        stage: theme.stage,
        name: theme.name,
        score: part.score === null ? null : round1(part.score),
        level: part.score === null ? null : levelOf(part.score),
        coverage: part.coverage,
      };
    });
    const scored = themes.filter((theme) => theme.score !== null);
    const strengths = [...scored].sort((x, y) => y.score! - x.score!).slice(0, 3).map((theme) => theme.id);
    const weaknesses = [...scored].sort((x, y) => x.score! - y.score!).slice(0, 3).map((theme) => theme.id);
    const earlier = this.db.assessments
      .filter((other) => other.organisation === assessment.organisation && other.createdAt < assessment.createdAt)
      .sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
    const previous = earlier
      ? questionnaire.stages.map((stage) => {
          const value = this.scorecard(earlier).stages.get(stage.id)?.score ?? null;
          return value === null ? null : round1(value);
        })
      : null;
    // The mock holds one version of each grid: the comparison rests on the questions both share.
    const earlierIds = earlier ? new Set(this.questionnaireOf(earlier).questions.map((question) => question.id)) : null;
    const previousBasis = earlierIds
      ? {
          questions: questionnaire.questions.filter((question) => earlierIds.has(question.id)).length,
          total: questionnaire.questions.length,
          mapped: false,
          current: null,
        }
      : null;
    const respondents = this.respondentsOf(id);
    const perRespondent = respondents.map((respondent) => this.scorecard(assessment, respondent.id));
    const answered = valuedCount(card);
    const applicable = [...card.stages.values()].reduce((sum, stage) => sum + stage.applicable, 0);
    const themeRows = questionnaire.themes.map((theme) => ({ label: name(theme.name), stage: theme.stage }));
    const columns = respondents.length > 1 ? respondents.map((respondent) => respondent.label) : [words.group];
    const cells = questionnaire.themes.map((theme) =>
      respondents.length > 1
        ? perRespondent.map((one) => one.themes.get(theme.id)?.score ?? null)
        : [card.themes.get(theme.id)?.score ?? null],
    );
    let dispersionChart: string | null = null;
    if (respondents.length > 1) {
      const rows = questionnaire.themes.flatMap((theme) => {
        const values = perRespondent
          .map((one) => one.themes.get(theme.id)?.score ?? null)
          .filter((value): value is number => value !== null);
        if (values.length < 2) return [];
        return [
          {
            label: name(theme.name),
            stage: theme.stage,
            min: Math.min(...values),
            max: Math.max(...values),
            mean: values.reduce((sum, value) => sum + value, 0) / values.length,
          },
        ];
      });
      dispersionChart = charts.dispersion(rows);
    }
    return {
      assessmentId: id,
      respondents: respondents.length,
      overall: card.overall === null ? null : round1(card.overall),
      overallLevel: card.overall === null ? null : LEVELS[levelOf(card.overall) - 1],
      coverage: applicable > 0 ? answered / applicable : null,
      answered,
      applicable,
      stages,
      themes,
      strengths,
      weaknesses,
      previous,
      previousBasis,
      charts: {
        radar: charts.radar(
          stages.map((stage) => ({ id: stage.id, name: stage.name, score: stage.score, target: stage.targetScore })),
          previous,
          language,
          words,
        ),
        stageBars: charts.bars(
          stages.map((stage) => ({ label: name(stage.name), stage: stage.id, score: stage.score, target: stage.targetScore })),
          words.noValue,
          { labelWidth: 140, rowHeight: 44 },
        ),
        themeBars: charts.bars(
          themes.map((theme) => ({ label: name(theme.name), stage: theme.stage, score: theme.score })),
          words.noValue,
          { labelWidth: 300, rowHeight: 28 },
        ),
        heatmap: charts.heatmap(themeRows, columns, cells),
        dispersion: dispersionChart,
      },
      levels: LEVELS,
    };
  }

  // ---- settings and files --------------------------------------------------------------------

  private appInfo(): AppInfo {
    return {
      version: '0.1.0',
      databasePath: `${HOME}/tcm.sqlite`,
      backupsDir: `${HOME}/backups`,
      openingError: this.db.damaged ? { kind: 'storage', message: this.db.damaged } : null,
    };
  }

  /** Named as tcm-store names them: `tcm-<kind>-<YYYYMMDD-HHMMSS>.sqlite`. */
  backupNow(kind: BackupKind, at: Date = this.now()): BackupView {
    const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const label = kind === 'before-migration' ? 'before-migration-v1' : kind;
    const backup: BackupView = {
      path: `${HOME}/backups/tcm-${label}-${stamp}.sqlite`,
      name: `tcm-${label}-${stamp}.sqlite`,
      kind,
      takenAt: at.toISOString(),
      sizeBytes: 180_224 + this.db.answers.length * 96,
    };
    this.db.backups.push(backup);
    return backup;
  }

  private restoreBackup(path: string): { previousSavedAs: string | null; damagedMovedTo: string | null } {
    const backup = this.db.backups.find((item) => item.path === path);
    if (!backup) fail('notFound', `${path}: no such backup`);
    const stamp = this.stamp().slice(0, 19).replace(/:/g, '-');
    const wasDamaged = this.db.damaged !== null;
    this.db.damaged = null;
    if (wasDamaged) return { previousSavedAs: null, damagedMovedTo: `${HOME}/tcm-damaged-${stamp}.sqlite` };
    const before = this.backupNow('before-restore');
    return { previousSavedAs: before.path, damagedMovedTo: null };
  }

  private defaultOpenFile(extensions: string[]): string {
    if (extensions.includes('tcm')) return `${DOCUMENTS}/audit-transports-riviere-2025.tcm`;
    return `${DOCUMENTS}/reponses-atelier.csv`;
  }

  private write(path: string, what: string): null {
    if (!path || !path.startsWith('/')) fail('invalidInput', `\`${path}\` is not an absolute path`);
    if (path.includes('/read-only/')) fail('storage', `${path}: permission denied (os error 13)`);
    this.db.files.push({ path, what, at: this.stamp() });
    return null;
  }

  private importTcm(path: string): ImportView {
    if (!path.toLowerCase().endsWith('.tcm')) fail('invalidInput', `${path} cannot be imported: not a .tcm file`);
    const source = this.db.assessments[0];
    if (!source) fail('invalidInput', `${path} cannot be imported: the file is empty`);
    const copy = this.createAssessment({
      organisation: { kind: 'existing', id: source.organisation },
      title: `${source.title} (import)`,
      mode: source.mode,
      language: source.language,
      questionnaireId: source.questionnaireId,
      targets: source.targets,
      firstRespondent: null,
    });
    let written = 0;
    const respondents = this.respondentsOf(source.id);
    for (const respondent of respondents) {
      const added = this.addRespondent(copy, { label: respondent.label, role: respondent.role, group: respondent.group });
      for (const answer of this.db.answers.filter((item) => item.respondent === respondent.id)) {
        this.db.answers.push({ ...answer, respondent: added.id });
        written += 1;
      }
    }
    for (const agreed of this.db.consensus.filter((item) => item.assessment === source.id))
      this.db.consensus.push({ ...agreed, assessment: copy });
    return { assessmentId: copy, outcome: 'created', answersWritten: written, respondentsAdded: respondents.length, ignoredColumns: [], backup: null, lost: [], conflicts: [], questionnaireModified: false };
  }

  private importResponses(id: number, path: string): ImportView {
    const assessment = this.assessment(id);
    const lower = path.toLowerCase();
    if (!lower.endsWith('.csv') && !lower.endsWith('.xlsx') && !lower.endsWith('.txt'))
      fail('invalidInput', `${path}: responses are read from .csv or .xlsx files`);
    const questionnaire = this.questionnaireOf(assessment);
    let label = 'Répondant importé';
    for (let n = 2; this.respondentsOf(id).some((respondent) => respondent.label === label); n++)
      label = `Répondant importé ${n}`;
    const respondent = this.addRespondent(id, { label, role: '', group: '' });
    const questions = questionnaire.questions.slice(0, Math.min(12, questionnaire.questions.length));
    questions.forEach((question, index) =>
      this.db.answers.push({ respondent: respondent.id, question: question.id, answer: String((index * 7) % 5) as AnswerValue, comment: '' }),
    );
    this.touch(assessment);
    return {
      assessmentId: id,
      outcome: 'responses',
      answersWritten: questions.length,
      respondentsAdded: 1,
      ignoredColumns: ['Horodatage', 'Adresse e-mail'],
      backup: null,
      lost: [],
      conflicts: [],
      questionnaireModified: false,
    };
  }

  private openDemo(): number {
    if (this.db.demo !== null && this.db.assessments.some((assessment) => assessment.id === this.db.demo))
      return this.db.demo;
    this.db.demo = seedDemo(this);
    return this.db.demo;
  }
}

// ---- seeded data -----------------------------------------------------------------------------

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedRespondent {
  label: string;
  role?: string;
  /** Share of the questionnaire answered, 0–1, in questionnaire order. */
  reach: number;
  /** Added to every stage's mean level. */
  bias: number;
}

/** Answers for one respondent: a mean level per stage, some noise, a few NA and "?". */
export function fillAnswers(
  backend: MockBackend,
  assessment: number,
  respondent: SeedRespondent,
  means: number[],
  seed: number,
  comments: Record<string, string> = {},
): number {
  const added = backend.addRespondent(assessment, { label: respondent.label, role: respondent.role ?? '', group: '' });
  const questionnaire = backend.questionnaireOf(backend.assessment(assessment));
  const next = random(seed);
  const count = Math.round(questionnaire.questions.length * respondent.reach);
  const stages = ['creative', 'active', 'curative', 'preventive', 'proactive'];
  questionnaire.questions.slice(0, count).forEach((question) => {
    const roll = next();
    let answer: AnswerValue;
    if (roll < 0.03) answer = 'NA';
    else if (roll < 0.06) answer = '?';
    else {
      const mean = means[stages.indexOf(question.stage)] + respondent.bias;
      answer = String(Math.max(0, Math.min(4, Math.round(mean + (next() - 0.5) * 2.2)))) as AnswerValue;
    }
    backend.db.answers.push({ respondent: added.id, question: question.id, answer, comment: comments[question.id] ?? '' });
  });
  const resume = questionnaire.questions[Math.min(count, questionnaire.questions.length - 1)];
  backend.respondent(added.id).resumeQuestion = count > 0 ? resume.id : null;
  return added.id;
}

function ago(now: Date, days: number, hours = 0): string {
  return new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();
}

function seedDemo(backend: MockBackend): number {
  const id = backend.createAssessment({
    organisation: { kind: 'new', name: 'Hôtels Les Quatre Saisons (démo)', sector: 'services', size: 'medium', notes: '' },
    title: 'Démonstration — atelier de direction',
    mode: 'workshop',
    language: 'fr',
    questionnaireId: 'tcm-92',
    targets: [4, 4, 3, 3, 3],
    firstRespondent: null,
  });
  const means = [2.6, 2.9, 2.1, 1.5, 1.1];
  const people: SeedRespondent[] = [
    { label: 'Direction générale', reach: 1, bias: 0.3 },
    { label: 'Réception et conciergerie', reach: 1, bias: -0.2 },
    { label: 'Ventes et marketing', reach: 1, bias: 0 },
  ];
  people.forEach((person, index) => fillAnswers(backend, id, person, means, 900 + index));
  return id;
}

/** The data the mock starts with: four organisations, five assessments, a few kept actions. */
export function seed(backend: MockBackend): void {
  const now = backend.now();
  const at = (days: number, hours = 0) => {
    const date = new Date(now.getTime() - (days * 24 + hours) * 3_600_000);
    return () => date;
  };
  const clock = backend.now;
  const create = (when: () => Date, input: NewAssessmentInput) => {
    backend.now = when;
    const id = backend.createAssessment(input);
    return id;
  };
  const fr = 'fr';

  // A workshop a year ago, then this year's (the previous audit shows on the radar).
  const earlier = create(at(380), {
    organisation: { kind: 'new', name: 'Transports Rivière', sector: 'services', size: 'medium', notes: 'Transport de voyageurs, 180 salariés, Nantes' },
    title: 'Audit TCM 2025',
    mode: 'workshop',
    language: fr,
    questionnaireId: 'tcm-92',
    targets: [4, 4, 4, 4, 4],
    firstRespondent: null,
  });
  fillAnswers(backend, earlier, { label: 'Comité de direction', reach: 1, bias: 0 }, [1.6, 2.1, 1.3, 0.9, 0.6], 11);
  backend.assessment(earlier).status = 'completed';

  const riviere = backend.db.organisations.find((organisation) => organisation.name === 'Transports Rivière')!.id;
  const current = create(at(12), {
    organisation: { kind: 'existing', id: riviere },
    title: 'Audit TCM 2026 — atelier direction',
    mode: 'workshop',
    language: fr,
    questionnaireId: 'tcm-92',
    targets: [4, 4, 3, 3, 3],
    firstRespondent: null,
  });
  const comments = {
    'cre-01': 'Segmentation par ligne et par abonnement seulement ; rien sur les usages.',
    'cre-06': 'Trois fichiers : billettique, service client, commercial entreprises.',
    'act-01': 'Baromètre annuel depuis 2023, résultats partagés en CODIR.',
    'cur-01': 'Pas de responsable unique des réclamations : chaque agence traite les siennes.',
  };
  const means = [2.3, 2.7, 1.8, 1.4, 1.0];
  fillAnswers(backend, current, { label: 'Claire Martin', role: 'Directrice commerciale', reach: 1, bias: 0.2 }, means, 21, comments);
  fillAnswers(backend, current, { label: 'Karim Benali', role: 'Responsable service client', reach: 0.78, bias: -0.3 }, means, 22);
  fillAnswers(backend, current, { label: 'Sophie Le Gall', role: 'Responsable marketing', reach: 0.64, bias: 0.1 }, means, 23);
  backend.assessment(current).updatedAt = ago(now, 0, 2);
  backend.now = at(3);
  const kept: ActionInput[] = [
    {
      questionId: 'cre-06',
      stage: null,
      title: 'Fusionner les fichiers clients',
      description: 'Billettique, service client et commercial entreprises dans un référentiel unique.',
      owner: 'Claire Martin',
      due: '2027-03-31',
      status: 'planned',
      impact: 3,
      effort: 3,
    },
    {
      questionId: 'cur-01',
      stage: null,
      title: 'Nommer un responsable des réclamations',
      description: 'Un responsable unique, un circuit écrit et un délai de réponse publié.',
      owner: 'Karim Benali',
      due: '2027-01-15',
      status: 'in-progress',
      impact: 3,
      effort: 1,
    },
    {
      questionId: null,
      stage: 'proactive',
      title: 'Créer un comité d’usagers',
      description: 'Réunir deux fois par an une dizaine d’abonnés pour tester les nouveaux services.',
      owner: 'Sophie Le Gall',
      due: null,
      status: 'planned',
      impact: 2,
      effort: 2,
    },
  ];
  for (const input of kept) backend.handle('keep_action', { assessment: current, input });
  // Two questions the committee already settled together.
  backend.handle('set_consensus', {
    input: { assessmentId: current, questionId: 'cre-01', value: '2', note: 'Segments par ligne et par abonnement ; les usages restent à intégrer.' },
  });
  backend.handle('set_consensus', {
    input: { assessmentId: current, questionId: 'act-01', value: '3', note: '' },
  });
  backend.assessment(current).updatedAt = ago(now, 0, 2);

  const dupain = create(at(40), {
    organisation: { kind: 'new', name: 'Boulangeries Maison Dupain', sector: 'retail', size: 'small', notes: '' },
    title: 'Auto-évaluation de printemps',
    mode: 'self',
    language: fr,
    questionnaireId: 'tcm-92',
    targets: [3, 4, 3, 3, 2],
    firstRespondent: null,
  });
  fillAnswers(backend, dupain, { label: 'Hélène Dupain', role: 'Gérante', reach: 1, bias: 0 }, [2.0, 3.1, 2.4, 1.9, 1.2], 31);
  backend.assessment(dupain).status = 'completed';
  backend.assessment(dupain).updatedAt = ago(now, 33);

  const school = create(at(6), {
    organisation: { kind: 'new', name: 'École de commerce de Nantes — Master 1', sector: 'public-sector', size: 'large', notes: '' },
    title: 'TD relation client — étude de cas Décathlon',
    mode: 'classroom',
    language: fr,
    questionnaireId: 'tcm-25-classroom',
    targets: [4, 4, 4, 4, 4],
    firstRespondent: null,
  });
  ['Groupe A', 'Groupe B', 'Groupe C', 'Groupe D'].forEach((label, index) =>
    fillAnswers(backend, school, { label, reach: index === 3 ? 0.6 : 1, bias: (index - 1.5) * 0.25 }, [3.0, 3.2, 2.6, 2.4, 2.9], 41 + index),
  );
  backend.assessment(school).updatedAt = ago(now, 1, 3);

  const mutuelle = create(at(0, 5), {
    organisation: { kind: 'new', name: 'Mutuelle Atlantique', sector: 'bank-insurance', size: 'large', notes: '' },
    title: 'Diagnostic initial',
    mode: 'self',
    language: 'en',
    questionnaireId: 'tcm-92',
    targets: [4, 4, 4, 4, 4],
    firstRespondent: null,
  });
  fillAnswers(backend, mutuelle, { label: 'Thomas Guérin', role: 'Directeur de la relation adhérents', reach: 0.08, bias: 0 }, [2.5, 2.5, 2.5, 2.0, 1.5], 51);
  backend.assessment(mutuelle).updatedAt = ago(now, 0, 0.4);

  backend.now = clock;
  backend.backupNow('before-migration', new Date(now.getTime() - 20 * 86_400_000));
  backend.backupNow('manual', new Date(now.getTime() - 4 * 86_400_000));
  backend.backupNow('auto', new Date(now.getTime() - 86_400_000));
  backend.backupNow('auto', new Date(now.getTime() - 2 * 3_600_000));
}
