// An in-memory fake of every command of the desktop shell, for development (`npm run dev:mock`)
// and browser tests. It validates like the real handlers (errors as ApiError {kind, message})
// and keeps everything in one plain object that can be saved to sessionStorage. It never
// scores: overall indexes, results and plans are the real handlers' answers for the same state,
// looked up in golden fixtures (golden.ts); a state nobody recorded has no results. Its seed is
// the list of operations the fixtures were recorded with. A test double: it never enters the
// production bundle.
import { WRITES } from './writes';
import type { ActionInput } from '../lib/bindings/ActionInput';
import type { AnswerValue } from '../lib/bindings/AnswerValue';
import type { AssessmentStatus } from '../lib/bindings/AssessmentStatus';
import type { BackupKind } from '../lib/bindings/BackupKind';
import type { ConsensusValue } from '../lib/bindings/ConsensusValue';
import type { ExportView } from '../lib/bindings/ExportView';
import type { LanguageCode } from '../lib/bindings/LanguageCode';
import type { Mode } from '../lib/bindings/Mode';
import type { StageId } from '../lib/bindings/StageId';
import type { ApiError } from '../lib/bindings/ApiError';
import type { ReadOnlyView } from '../lib/bindings/ReadOnlyView';
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
import type { ReauditInput } from '../lib/bindings/ReauditInput';
import type { ReauditView } from '../lib/bindings/ReauditView';
import type { OrganisationView } from '../lib/bindings/OrganisationView';
import type { PlanView } from '../lib/bindings/PlanView';
import type { RespondentAnswers } from '../lib/bindings/RespondentAnswers';
import type { RespondentInput } from '../lib/bindings/RespondentInput';
import type { RespondentView } from '../lib/bindings/RespondentView';
import type { ResultsView } from '../lib/bindings/ResultsView';
import type { SaveAnswerInput } from '../lib/bindings/SaveAnswerInput';
import type { SavedAnswer } from '../lib/bindings/SavedAnswer';
import type { StrategyView } from '../lib/bindings/StrategyView';
import type { ReportSettingsView } from '../lib/bindings/ReportSettingsView';
import { defaultReportSettings, savedReportSettings, withLogo } from './report-settings';
import formChoicesFixture from './fixtures/form-choices.json';
import strategyFixture from './fixtures/strategy-demo.json';
import followUpFixture from './fixtures/follow-up.json';
import reauditFixture from './fixtures/reaudit.json';
import benchmarkFixture from './fixtures/benchmark.json';
import type { FollowUpView } from '../lib/bindings/FollowUpView';
import type { BenchmarkFilter } from '../lib/bindings/BenchmarkFilter';
import type { BenchmarkView } from '../lib/bindings/BenchmarkView';
import maturityLevelsFixture from './fixtures/maturity-levels.json';
import { QUESTIONNAIRES, detail, overview, questionnaireById, type MockQuestionnaire } from './questionnaires';
import { golden, goldenStates, stateKey, type GoldenState, type StateParts } from './golden';
import { createOperation, describeCommand, recordingJourneys, reportJourney, type Journey, type JourneyOperation } from './journey';
import seedFixture from './fixtures/seed.json';
import { GROUP_FOLDER, checkClassExercise, classroomCommand, type StoredClassExercise } from './classroom';
import type { ActionStatus } from '../lib/bindings/ActionStatus';
import type { PlanItemView } from '../lib/bindings/PlanItemView';

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

export interface StoredAssessment {
  id: number;
  /** How the journeys and the seed name it (`a<id>` when created in the window). */
  name?: string;
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
  /** Report settings by organisation id (absent in data saved by an older mock). */
  reportSettings?: Record<string, ReportSettingsView>;
  /** The user's wave overrides (absent in data saved by an older mock). */
  waveOverrides?: StoredWaveOverride[];
  /** The benchmark's folder remembered in the database (absent in data saved by an older mock). */
  benchmarkFolder?: string | null;
  /** The remembered folder was moved away since (`__tcmMock.benchmarkFolderGone`). */
  benchmarkFolderGone?: boolean;
  /** Class exercises: which assessment audits which case (absent in data saved by an older mock). */
  classExercises?: StoredClassExercise[];
  /** Set when the database "could not be opened": every command but settings fails. */
  damaged: string | null;
  /** Set when the database was opened read-only: every command that writes it fails. */
  readOnly?: ReadOnlyView | null;
  /** The database file opened from the recovery screen instead of the usual one. */
  databasePath?: string;
  /** The configuration folder cannot be written: a database opened from the recovery screen
   *  is used but not remembered for the next start (`choiceNotKept`). */
  configReadOnly?: boolean;
  /** Set when the user quit the app (the mock has no window to close). */
  quit?: boolean;
  /** What was done since the scenario started, for tcm-api's tests to replay (see journey.ts). */
  journey?: Journey;
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
/** Follow-ups as the real handler derives them, keyed by the assessment's state (golden.ts). */
const FOLLOW_UP = followUpFixture as unknown as Record<string, Record<'fr' | 'en', FollowUpView>>;
/** Re-audits as the real handler made them, keyed by the state of the audit they follow: its
 * answer, and the actions and wave overrides it wrote (stored here as they are). */
const REAUDIT = reauditFixture as unknown as Record<
  string,
  {
    view: ReauditView;
    actions: Omit<StoredAction, 'id' | 'assessment'>[];
    overrides: Omit<StoredWaveOverride, 'assessment'>[];
  }
>;
/** Benchmarks as the real handler answers them for the seeded database, without and with the
 * recorded folder of past clients' files, keyed by the assessment's state, then filter and language. */
const BENCHMARK = benchmarkFixture as unknown as Record<
  string,
  Record<'database' | 'folder', Record<BenchmarkFilter, Record<'fr' | 'en', BenchmarkView>>>
>;

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

  /** What names the assessment's state in the golden fixtures. */
  stateParts(assessment: StoredAssessment): StateParts {
    const questions = this.questionnaireOf(assessment).questions.map((question) => question.id);
    const earlier = this.db.assessments
      .filter((other) => other.organisation === assessment.organisation && other.createdAt < assessment.createdAt)
      .sort((x, y) => y.createdAt.localeCompare(x.createdAt) || y.id - x.id)[0];
    return {
      questionnaireId: assessment.questionnaireId,
      questions,
      targets: assessment.targets,
      respondents: this.respondentsOf(assessment.id).map((respondent) => ({
        label: respondent.label,
        answers: new Map(
          this.db.answers.filter((answer) => answer.respondent === respondent.id).map((answer) => [answer.question, answer.answer]),
        ),
      })),
      consensus: new Map(
        this.db.consensus.filter((item) => item.assessment === assessment.id).map((item) => [item.question, item.value]),
      ),
      actions: this.db.actions
        .filter((action) => action.assessment === assessment.id)
        .sort((x, y) => x.id - y.id),
      previous: earlier ? this.stateParts(earlier) : null,
    };
  }

  /** The real handlers' figures for the assessment as it stands, when that state was recorded. */
  golden(assessment: StoredAssessment): GoldenState | null {
    return golden(this.stateParts(assessment));
  }

  private recorded(assessment: StoredAssessment, what: 'results' | 'plan', language: 'fr' | 'en'): GoldenState {
    const state = this.golden(assessment);
    if (!state?.[what]?.[language] && recordingJourneys()) {
      // Recording only: stand-in figures of another state, so that the journey goes on and
      // every read it makes is written down. Never served outside recording.
      const standIn = goldenStates().find(
        ([key, other]) => key.startsWith(`q=${assessment.questionnaireId}\n`) && other[what]?.[language],
      );
      if (standIn) return standIn[1];
    }
    if (!state?.[what]?.[language])
      fail(
        'internal',
        `the mock has no ${what} (${language}) for this state of assessment ${assessment.id}: ` +
          'record the journeys again (npm run journeys), then cargo test -p tcm-api',
      );
    return state;
  }

  /** Questions with an answer (any, NA and ? included) or a consensus value: a count, as the store keeps it. */
  answeredQuestions(assessment: StoredAssessment): number {
    const respondents = new Set(this.respondentsOf(assessment.id).map((respondent) => respondent.id));
    const answered = new Set(this.db.answers.filter((answer) => respondents.has(answer.respondent)).map((answer) => answer.question));
    for (const item of this.db.consensus) if (item.assessment === assessment.id) answered.add(item.question);
    return answered.size;
  }

  private touch(assessment: StoredAssessment): void {
    assessment.updatedAt = this.stamp();
  }

  // ---- commands ----------------------------------------------------------------------------

  /** While true (the seed being replayed), nothing is written to the journey. */
  quiet = false;
  /** Operations a command adds to the journey besides its own (imports), and the reads it made. */
  private pending: JourneyOperation[] = [];

  nameOf(id: number): string {
    const assessment = this.assessment(id);
    assessment.name ??= `a${assessment.id}`;
    return assessment.name;
  }

  /** Adds to the journey (not while replaying the seed). */
  note(operation: JourneyOperation): void {
    if (!this.quiet) this.pending.push(operation);
  }

  /** Runs a command like the shell's command of that name and writes it to the journey. */
  handle(command: string, args: Record<string, unknown> = {}): unknown {
    const describe = this.quiet ? null : describeCommand(this, command, args);
    this.pending = [];
    let result: unknown;
    try {
      result = this.dispatch(command, args);
    } catch (error) {
      // A read the fixtures cannot answer yet is still written down, to be recorded.
      this.journal(this.pending.filter((operation) => operation.op === 'record'));
      throw error;
    }
    this.journal([...(describe ? [describe(result)].filter((item) => item !== null) : []), ...this.pending]);
    return result;
  }

  private journal(operations: JourneyOperation[]): void {
    this.pending = [];
    if (!operations.length || !this.db.journey) return;
    this.db.journey.operations.push(...operations);
    reportJourney(this.db.journey);
  }

  private dispatch(command: string, args: Record<string, unknown>): unknown {
    const settings = ['app_info', 'list_backups', 'restore_backup', 'choose_save_path', 'choose_open_path', 'open_database', 'quit_app'];
    if (this.db.damaged && !settings.includes(command)) fail('storage', this.db.damaged);
    if (this.db.readOnly && WRITES.test(command)) {
      // As the handlers refuse: the English message, and the detail the UI words.
      const { path, reason } = this.db.readOnly;
      throw {
        kind: 'storage',
        message: `${path} is read-only (${command}); nothing was changed.`,
        detail: { code: 'readOnly', path, reason },
      } satisfies ApiError;
    }
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
      case 'create_reaudit':
        return this.createReaudit(a.input as ReauditInput);
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
      case 'anonymise_respondent':
        return this.anonymiseRespondent(a.respondent, a.keepComments as boolean);
      case 'erase_respondent':
        return this.eraseRespondent(a.respondent, a.keepAnswers as boolean);
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
      case 'assessment_follow_up':
        return this.followUp(a.assessment, a.earlier, a.language);
      case 'assessment_benchmark':
        return this.benchmark(a.assessment, a.filter, this.db.benchmarkFolder, a.language);
      case 'set_benchmark_folder': {
        const folder = a.folder as string | null;
        if (folder && folder !== GROUP_FOLDER) fail('storage', `the folder ${folder} does not exist: the mock only has ${GROUP_FOLDER}`);
        this.db.benchmarkFolder = folder;
        return null;
      }
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
      case 'open_database': {
        // As the handler: a sound file becomes the database in use (the mock's data stands
        // for its content); anything else is refused and the app stays where it was.
        const path = a.path as string;
        if (!/\.(sqlite|db)$/.test(path))
          throw {
            kind: 'storage',
            message: `${path} is damaged or is not a TCM Workbench database`,
            detail: { code: 'databaseDamaged', path },
          } satisfies ApiError;
        this.db.damaged = null;
        this.db.databasePath = path;
        if (!this.db.configReadOnly) return this.appInfo();
        const folder = '/home/claire/.config/tcm-workbench';
        const choiceNotKept: ApiError = {
          kind: 'storage',
          message: `${folder} is read-only (cannot create the folder of ${folder}/chosen-database.txt); nothing was changed.`,
          detail: { code: 'readOnly', path: folder, reason: 'folder' },
        };
        return { ...this.appInfo(), choiceNotKept };
      }
      case 'quit_app':
        this.db.quit = true;
        return null;
      case 'choose_save_path':
        return this.dialogs.cancel ? null : `${DOCUMENTS}/${a.suggestedName as string}`;
      case 'choose_open_path':
        return this.dialogs.cancel ? null : (this.dialogs.openFile ?? this.defaultOpenFile(a.extensions as string[]));
      case 'export_assessment': {
        const format = a.format as string;
        if (!['csv', 'xlsx', 'tcm', 'milestones', 'formxlsx', 'formxlsform', 'formscript', 'formword', 'formlimesurvey', 'formchoices', 'anonymousTcm', 'docx'].includes(format))
          fail('invalidInput', `unknown export format \`${format}\``);
        this.assessment(a.assessment);
        this.write(a.path as string, format);
        return this.exportTold(format === 'docx');
      }
      case 'export_report':
        this.assessment(a.assessment);
        this.checkLanguage(a.language as string);
        this.write(a.path as string, 'pdf');
        return this.exportTold(true);
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
      case 'report_settings':
        return this.reportSettings(a.organisation);
      case 'save_report_settings':
        return this.storeReportSettings(savedReportSettings(this.reportSettings(a.organisation), a.input, fail));
      case 'set_report_logo':
        return this.storeReportSettings(withLogo(this.reportSettings(a.organisation), a.path as string, fail));
      case 'clear_report_logo':
        return this.storeReportSettings({ ...this.reportSettings(a.organisation), logo: null });
      // Live sessions run a network server in Rust: the mock has none to offer.
      case 'live_interfaces':
        return [{ name: 'lo', address: '127.0.0.1', loopback: true }];
      case 'live_status':
        return null;
      case 'live_follow':
        // No session runs here: nothing to follow (the real app answers the same then).
        return false;
      case 'live_start':
      case 'live_push':
      case 'live_reveal':
      case 'live_consensus':
      case 'live_stop':
        return fail('invalidInput', 'live sessions need the desktop app');
      // The classroom (classroom.ts): its figures are the real handlers' (golden fixture).
      case 'list_cases':
      case 'create_class_exercise':
      case 'list_class_exercises':
      case 'class_exercise':
      case 'grade_class':
      case 'group_sheet':
      case 'class_debrief':
      case 'import_group_folder':
        return classroomCommand(this, command, a);
      case 'choose_folder':
        return this.dialogs.cancel ? null : GROUP_FOLDER;
      case 'export_class':
        if (!['xlsx', 'pdf'].includes(a.format as string)) fail('invalidInput', `unknown export format \`${a.format as string}\``);
        checkClassExercise(this, a.assessment);
        return this.write(a.path as string, `class-${a.format as string}`);
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

  /**
   * The follow-up across audits: the real handler's (fixture `follow-up.json`), recorded for
   * the assessment's state — its answers, targets, actions and its previous audit's — when its
   * organisation has exactly that one earlier audit. Ids are the mock's own; dates are the recording's.
   */
  private followUp(id: number, earlier: number | null | undefined, language: string): FollowUpView {
    const assessment = this.assessment(id);
    this.checkLanguage(language);
    const audits = this.db.assessments
      .filter((other) => other.organisation === assessment.organisation && other.createdAt < assessment.createdAt)
      .sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id - y.id);
    if (earlier !== null && earlier !== undefined && !audits.some((audit) => audit.id === earlier))
      fail('invalidInput', `assessment ${earlier} is not an earlier audit of the organisation of assessment ${id}`);
    const recorded = audits.length === 1 ? FOLLOW_UP[stateKey(this.stateParts(assessment))] : undefined;
    if (!recorded)
      fail('internal', `the mock has no recorded follow-up for assessment ${id} in this state (record it in crates/tcm-api/tests/mock_fixtures.rs)`);
    const base = recorded[language as 'fr' | 'en'];
    const mine = new Map([
      [base.audits[0].assessment, audits[0]],
      [base.audits[1].assessment, assessment],
    ]);
    const audit = (point: FollowUpView['audits'][number]) => {
      const stored = mine.get(point.assessment);
      return stored ? { ...point, assessment: stored.id } : point;
    };
    return {
      ...base,
      assessment: id,
      audits: base.audits.map(audit),
      comparison: base.comparison && { ...base.comparison, before: audit(base.comparison.before) },
    };
  }

  /**
   * The private benchmark: the real handler's (fixture `benchmark.json`), recorded for the
   * seeded database with or without the folder `choose_folder` returns, as remembered by
   * `set_benchmark_folder`. Ids are the mock's own.
   */
  private benchmark(id: number, filter: BenchmarkFilter, folder: string | null | undefined, language: string): BenchmarkView {
    const assessment = this.assessment(id);
    this.checkLanguage(language);
    // A folder gone is said and left out, as the handler does: the database's figures.
    const problem = this.goneFolder();
    const recorded = BENCHMARK[stateKey(this.stateParts(assessment))]?.[folder && !problem ? 'folder' : 'database']?.[filter];
    if (!recorded)
      fail('internal', `the mock has no recorded benchmark for assessment ${id} in this state (record it in crates/tcm-api/tests/mock_fixtures.rs)`);
    const view = { ...recorded[language as 'fr' | 'en'], assessment: id };
    return problem ? { ...view, folder: folder ?? null, folderProblem: problem } : view;
  }

  /** The remembered folder when it is gone (`benchmarkFolderGone`): the real handler's words. */
  private goneFolder(): ExportView['benchmarkFolderProblem'] {
    const folder = this.db.benchmarkFolder;
    if (!folder || !this.db.benchmarkFolderGone) return null;
    return {
      issue: 'missing',
      message: `the benchmark's folder ${folder} is gone (moved, renamed or deleted, or its disk is not connected): its audits are left out; choose the folder again`,
    };
  }

  /** What an export says besides writing: a report made without the remembered folder. */
  private exportTold(report: boolean): ExportView {
    const problem = report ? this.goneFolder() : null;
    return { benchmarkFolder: problem ? (this.db.benchmarkFolder ?? null) : null, benchmarkFolderProblem: problem };
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

  private reportSettings(organisation: number): ReportSettingsView {
    if (!this.db.organisations.some((item) => item.id === organisation))
      fail('notFound', `organisation ${organisation} does not exist`);
    return this.db.reportSettings?.[String(organisation)] ?? defaultReportSettings(organisation);
  }

  private storeReportSettings(settings: ReportSettingsView): ReportSettingsView {
    this.db.reportSettings = { ...(this.db.reportSettings ?? {}), [String(settings.organisationId)]: settings };
    return settings;
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
        const state = this.golden(assessment);
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
          answeredQuestions: this.answeredQuestions(assessment),
          questionCount: this.questionnaireOf(assessment).questions.length,
          // A state nobody recorded shows no index rather than one of the mock's own.
          overallScore: state?.overallScore ?? null,
          overallLevel: state?.overallLevel ?? null,
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

  /**
   * "New follow-up audit": what the real handler carried over from the audit in this state
   * (fixture `reaudit.json`), stored under the mock's ids. The mock decides nothing of it.
   */
  private createReaudit(input: ReauditInput): ReauditView {
    const from = this.assessment(input.from);
    const title = input.title.trim();
    if (!title) fail('invalidInput', 'an assessment needs a title');
    if (from.mode === 'classroom')
      fail('invalidInput', `assessment ${from.id} is a class exercise on a case, not an audit of an organisation`);
    const recorded = REAUDIT[stateKey(this.stateParts(from))];
    if (!recorded)
      fail('internal', `the mock has no recorded re-audit for assessment ${from.id} in this state (record it in crates/tcm-api/tests/mock_fixtures.rs)`);
    const id = this.id();
    const stamp = this.stamp();
    this.db.assessments.push({
      id,
      uuid: uuid(id),
      organisation: from.organisation,
      title,
      mode: from.mode,
      language: from.language,
      status: 'in-progress',
      targets: [...recorded.view.targets],
      questionnaireId: recorded.view.questionnaireId,
      questionnaireVersion: recorded.view.questionnaireVersion,
      createdAt: stamp,
      updatedAt: stamp,
    });
    for (const action of recorded.actions) this.db.actions.push({ ...action, id: this.id(), assessment: id });
    this.db.waveOverrides = [
      ...(this.db.waveOverrides ?? []),
      ...recorded.overrides.map((item) => ({ ...item, assessment: id })),
    ];
    return { ...recorded.view, assessment: id, from: from.id };
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
      answeredQuestions: this.answeredQuestions(assessment),
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
    this.db.classExercises = (this.db.classExercises ?? []).filter((item) => item.assessment !== id);
    this.db.assessments = this.db.assessments.filter((assessment) => assessment.id !== id);
    if (this.db.demo === id) this.db.demo = null;
    return null;
  }

  respondentView(respondent: StoredRespondent): RespondentView {
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

  /** A stand-in for tcm-store's rule: the label is only a distinct anonymous one. */
  private anonymiseRespondent(id: number, keepComments: boolean): RespondentView {
    const respondent = this.respondent(id);
    const taken = new Set(this.respondentsOf(respondent.assessment).map((item) => item.label));
    let number = 1;
    while (taken.has(`Participant ${number}`)) number += 1;
    Object.assign(respondent, { label: `Participant ${number}`, role: '' });
    if (!keepComments)
      for (const answer of this.db.answers) if (answer.respondent === id) answer.comment = '';
    this.touch(this.assessment(respondent.assessment));
    return this.respondentView(respondent);
  }

  private eraseRespondent(id: number, keepAnswers: boolean): RespondentView | null {
    if (!keepAnswers) return this.removeRespondent(id);
    this.anonymiseRespondent(id, false);
    const respondent = this.respondent(id);
    respondent.group = '';
    return this.respondentView(respondent);
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
    respondent.resumeQuestion = input.resumeQuestion ?? input.questionId;
    this.touch(assessment);
    return this.progress(assessment, input.questionId);
  }

  private progress(assessment: StoredAssessment, questionId: string): SavedAnswer {
    return {
      questionId,
      answeredQuestions: this.answeredQuestions(assessment),
      questionCount: this.questionnaireOf(assessment).questions.length,
      overallScore: this.golden(assessment)?.overallScore ?? null,
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

  /**
   * Proposals are worded in `language`, the assessment's own when it is null. The real plan for
   * this state, its kept actions renamed to the mock's ids (both kept in the same order).
   */
  plan(id: number, language: string | null = null): PlanView {
    const assessment = this.assessment(id);
    if (language !== null) this.checkLanguage(language);
    const wanted = (language ?? assessment.language) as 'fr' | 'en';
    this.note({ op: 'record', assessment: this.nameOf(id), what: 'plan', language: wanted });
    const recorded = this.recorded(assessment, 'plan', wanted).plan![wanted]!;
    const ours = this.db.actions.filter((action) => action.assessment === id).sort((x, y) => x.id - y.id);
    const theirs = recorded.items
      .map((item) => item.actionId)
      .filter((action): action is number => action !== null)
      .sort((x, y) => x - y);
    const rename = new Map(theirs.flatMap((action, index) => (ours[index] ? [[action, ours[index].id] as const] : [])));
    const items = recorded.items.map((item): PlanItemView => {
      if (item.actionId === null) return item;
      const actionId = rename.get(item.actionId) ?? item.actionId;
      return { ...item, actionId, key: `action:${actionId}` };
    });
    return { assessment: id, items };
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
    const wanted = language as 'fr' | 'en';
    this.note({ op: 'record', assessment: this.nameOf(id), what: 'results', language: wanted });
    return { ...this.recorded(assessment, 'results', wanted).results![wanted]!, assessmentId: id };
  }

  // ---- settings and files --------------------------------------------------------------------

  private appInfo(): AppInfo {
    return {
      version: '0.1.0',
      databasePath: this.db.databasePath ?? `${HOME}/tcm.sqlite`,
      backupsDir: `${HOME}/backups`,
      // As the handlers send it: the English message and the code the UI words it from.
      readOnly: this.db.readOnly ?? null,
      openingError: this.db.damaged
        ? {
            kind: 'storage',
            message: this.db.damaged,
            detail: { code: 'databaseDamaged', path: `${HOME}/tcm.sqlite` },
          }
        : null,
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
    if (extensions.includes('sqlite')) return `${DOCUMENTS}/copie-tcm.sqlite`;
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
    this.note(createOperation(this, copy));
    let written = 0;
    const respondents = this.respondentsOf(source.id);
    for (const respondent of respondents) {
      const input = { label: respondent.label, role: respondent.role, group: respondent.group };
      const added = this.addRespondent(copy, input);
      const answers: [string, AnswerValue, string][] = [];
      for (const answer of this.db.answers.filter((item) => item.respondent === respondent.id)) {
        this.db.answers.push({ ...answer, respondent: added.id });
        answers.push([answer.question, answer.answer, answer.comment]);
        written += 1;
      }
      this.note({ op: 'respondent', assessment: this.nameOf(copy), input, answers, resume: null });
    }
    for (const agreed of this.db.consensus.filter((item) => item.assessment === source.id)) {
      this.db.consensus.push({ ...agreed, assessment: copy });
      this.note({
        op: 'consensus',
        assessment: this.nameOf(copy),
        input: { questionId: agreed.question, value: agreed.value, note: agreed.note },
      });
    }
    return { assessmentId: copy, outcome: 'created', answersWritten: written, respondentsAdded: respondents.length, ignoredColumns: [], report: null, backup: null, lost: [], conflicts: [], questionnaireModified: false, classCase: null };
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
    const answers = questions.map((question, index): [string, AnswerValue, string] => [question.id, String((index * 7) % 5) as AnswerValue, '']);
    for (const [question, answer, comment] of answers) this.db.answers.push({ respondent: respondent.id, question, answer, comment });
    this.note({ op: 'respondent', assessment: this.nameOf(id), input: { label, role: '', group: '' }, answers, resume: null });
    this.touch(assessment);
    return {
      assessmentId: id,
      outcome: 'responses',
      answersWritten: questions.length,
      respondentsAdded: 1,
      ignoredColumns: ['Horodatage', 'Adresse e-mail'],
      report: {
        respondentColumn: null,
        otherRespondentColumns: ['Adresse e-mail'],
        anonymous: true,
        matchedByText: [],
        proposals: [],
        oneToFive: false,
      },
      backup: null,
      lost: [],
      conflicts: [],
      questionnaireModified: false, classCase: null,
    };
  }

  private openDemo(): number {
    if (this.db.demo !== null && this.db.assessments.some((assessment) => assessment.id === this.db.demo))
      return this.db.demo;
    this.db.demo = seedDemo(this);
    this.note({ op: 'demo' });
    return this.db.demo;
  }
}

// ---- seeded data -----------------------------------------------------------------------------

/** One operation of the seed, as crates/tcm-api/tests/mock_fixtures.rs replays it on the real handlers. */
export type SeedOperation =
  | { op: 'create'; as: string; hoursAgo: number; input: NewAssessmentInput }
  | { op: 'respondent'; assessment: string; input: RespondentInput; answers: [string, AnswerValue, string][]; resume: string | null }
  | { op: 'update'; assessment: string; update: AssessmentUpdate }
  | { op: 'keep'; assessment: string; input: ActionInput }
  | { op: 'consensus'; assessment: string; input: Omit<ConsensusInput, 'assessmentId'> }
  | { op: 'touch'; assessment: string; hoursAgo: number }
  | { op: 'record'; assessment: string };

const SEED = seedFixture as unknown as { seed: SeedOperation[]; demo: SeedOperation[] };

/** Replays operations; returns the ids of the assessments they created, by name. */
function replay(backend: MockBackend, operations: JourneyOperation[]): Map<string, number> {
  const quiet = backend.quiet;
  backend.quiet = true;
  try {
    return replayQuietly(backend, operations);
  } finally {
    backend.quiet = quiet;
  }
}

/**
 * Replays a journey recorded in the browser tests (`fixtures/journeys.json`) through the
 * commands, calling `read` where the journey read results or a plan (tests check that the
 * fixtures answer every such read).
 */
export function replayJourney(
  backend: MockBackend,
  operations: JourneyOperation[],
  read: (assessment: number, what: 'results' | 'plan', language: 'fr' | 'en') => void,
): void {
  replayQuietly(backend, operations, read, true);
}

function replayQuietly(
  backend: MockBackend,
  operations: JourneyOperation[],
  read: (assessment: number, what: 'results' | 'plan', language: 'fr' | 'en') => void = () => {},
  journey = false,
): Map<string, number> {
  const now = backend.now();
  const clock = backend.now;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const created = new Map<string, number>();
  const id = (name: string) => created.get(name) ?? backend.db.assessments.find((item) => item.name === name)!.id;
  const respondent = (assessment: string, label: string) =>
    backend.respondentsOf(id(assessment)).find((item) => item.label === label)!.id;
  const action = (assessment: string, rank: number) =>
    backend.db.actions.filter((item) => item.assessment === id(assessment)).sort((x, y) => x.id - y.id)[rank].id;
  for (const operation of operations) {
    switch (operation.op) {
      case 'create': {
        const input = operation.input;
        const organisation =
          input.organisation.kind === 'new'
            ? backend.db.organisations.find((item) => input.organisation.kind === 'new' && item.name === input.organisation.name)
            : undefined;
        backend.now = () => at(operation.hoursAgo);
        const made = backend.createAssessment(organisation ? { ...input, organisation: { kind: 'existing', id: organisation.id } } : input);
        backend.assessment(made).name = operation.as;
        created.set(operation.as, made);
        backend.now = clock;
        break;
      }
      case 'respondent': {
        const respondent = backend.addRespondent(id(operation.assessment), operation.input).id;
        for (const [question, answer, comment] of operation.answers)
          backend.db.answers.push({ respondent, question, answer, comment });
        backend.respondent(respondent).resumeQuestion = operation.resume;
        break;
      }
      case 'update':
        backend.handle('update_assessment', { assessment: id(operation.assessment), update: operation.update });
        break;
      case 'keep':
        // A journey keeps through the command (validated and trimmed as in the window); the seed
        // writes its actions directly, its intermediate states having no golden plan.
        if (journey) {
          backend.handle('keep_action', { assessment: id(operation.assessment), input: operation.input, language: 'fr' });
          break;
        }
        backend.db.actions.push({
          id: backend.db.nextId++,
          assessment: id(operation.assessment),
          questionId: operation.input.questionId,
          stage: operation.input.questionId ? null : operation.input.stage,
          title: operation.input.title,
          description: operation.input.description,
          owner: operation.input.owner,
          due: operation.input.due,
          status: operation.input.status,
          impact: operation.input.impact,
          effort: operation.input.effort,
        });
        break;
      case 'consensus':
        backend.handle('set_consensus', { input: { ...operation.input, assessmentId: id(operation.assessment) } });
        break;
      case 'touch':
        backend.assessment(id(operation.assessment)).updatedAt = at(operation.hoursAgo).toISOString();
        break;
      case 'answer': {
        const { question, answer, comment } = operation;
        const respondentId = respondent(operation.assessment, operation.respondent);
        backend.handle('save_answer', { input: { respondentId, questionId: question, answer, comment, resumeQuestion: null } });
        break;
      }
      case 'updateRespondent':
        backend.handle('update_respondent', { respondent: respondent(operation.assessment, operation.respondent), input: operation.input });
        break;
      case 'removeRespondent':
        backend.handle('remove_respondent', { respondent: respondent(operation.assessment, operation.respondent) });
        break;
      case 'updateAction':
      case 'deleteAction': {
        const target = action(operation.assessment, operation.action);
        if (operation.op === 'deleteAction') backend.handle('delete_action', { action: target, language: 'fr' });
        else backend.handle('update_action', { action: target, input: operation.input, language: 'fr' });
        break;
      }
      case 'delete':
        backend.handle('delete_assessment', { assessment: id(operation.assessment) });
        break;
      case 'demo':
        backend.handle('open_demo');
        break;
      case 'record':
        if ('what' in operation) read(id(operation.assessment), operation.what, operation.language);
        break;
    }
  }
  return created;
}

function seedDemo(backend: MockBackend): number {
  return [...replay(backend, SEED.demo).values()][0];
}

/** The data the mock starts with: four organisations, five assessments, kept actions, backups. */
export function seed(backend: MockBackend): void {
  const now = backend.now();
  replay(backend, SEED.seed);
  backend.backupNow('before-migration', new Date(now.getTime() - 20 * 86_400_000));
  backend.backupNow('manual', new Date(now.getTime() - 4 * 86_400_000));
  backend.backupNow('auto', new Date(now.getTime() - 86_400_000));
  backend.backupNow('auto', new Date(now.getTime() - 2 * 3_600_000));
}
