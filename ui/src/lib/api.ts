// Typed wrappers around the desktop shell's commands. Each name matches a command registered
// in src-tauri/src/lib.rs (a Rust test checks both lists agree); argument and result types are
// generated from Rust by ts-rs into ./bindings. Every failure arrives as an ApiError
// ({kind, message}): branch on `kind`, show `message`.
import { invoke } from '@tauri-apps/api/core';
import type { ActionInput } from './bindings/ActionInput';
import type { ApiError } from './bindings/ApiError';
import type { ExportKind } from './bindings/ExportKind';
import type { ExportView } from './bindings/ExportView';
import type { LanguageCode } from './bindings/LanguageCode';
import type { LiveConsensusInput } from './bindings/LiveConsensusInput';
import type { LiveInterface } from './bindings/LiveInterface';
import type { LiveSessionView } from './bindings/LiveSessionView';
import type { LiveStartInput } from './bindings/LiveStartInput';
import type { AppInfo } from './bindings/AppInfo';
import type { AssessmentDetail } from './bindings/AssessmentDetail';
import type { AssessmentListItem } from './bindings/AssessmentListItem';
import type { AssessmentUpdate } from './bindings/AssessmentUpdate';
import type { BackupView } from './bindings/BackupView';
import type { ConsensusInput } from './bindings/ConsensusInput';
import type { ConsensusSheet } from './bindings/ConsensusSheet';
import type { FormChoices } from './bindings/FormChoices';
import type { ImportChoiceInput } from './bindings/ImportChoiceInput';
import type { ImportView } from './bindings/ImportView';
import type { NewAssessmentInput } from './bindings/NewAssessmentInput';
import type { ReauditInput } from './bindings/ReauditInput';
import type { ReauditView } from './bindings/ReauditView';
import type { OrganisationView } from './bindings/OrganisationView';
import type { PlanView } from './bindings/PlanView';
import type { QuestionnaireDetail } from './bindings/QuestionnaireDetail';
import type { QuestionnaireOverview } from './bindings/QuestionnaireOverview';
import type { RespondentAnswers } from './bindings/RespondentAnswers';
import type { RespondentInput } from './bindings/RespondentInput';
import type { RespondentView } from './bindings/RespondentView';
import type { RestoreView } from './bindings/RestoreView';
import type { ResultsView } from './bindings/ResultsView';
import type { SaveAnswerInput } from './bindings/SaveAnswerInput';
import type { SavedAnswer } from './bindings/SavedAnswer';
import type { CaseOverview } from './bindings/CaseOverview';
import type { ClassExerciseListItem } from './bindings/ClassExerciseListItem';
import type { ClassExerciseView } from './bindings/ClassExerciseView';
import type { ClassExportKind } from './bindings/ClassExportKind';
import type { ClassGradeView } from './bindings/ClassGradeView';
import type { FolderImportView } from './bindings/FolderImportView';
import type { GroupSheetView } from './bindings/GroupSheetView';
import type { NewClassExerciseInput } from './bindings/NewClassExerciseInput';
import type { QuestionGradeView } from './bindings/QuestionGradeView';
import type { StrategyView } from './bindings/StrategyView';
import type { Channel } from '@tauri-apps/api/core';
import type { ProgressView } from './bindings/ProgressView';

/** What the shell needs to report and cancel one long call: its number (the window's choice)
 *  and the channel its progress comes back on (see operation.svelte.ts). */
export interface Watch {
  operation: number;
  onProgress: Channel<ProgressView>;
}

/** The arguments that let the shell report a long call's progress and cancel it. */
function watched(watch: Watch | null): Record<string, unknown> {
  return { operation: watch?.operation ?? null, onProgress: watch?.onProgress ?? null };
}
import type { FollowUpView } from './bindings/FollowUpView';
import type { BenchmarkFilter } from './bindings/BenchmarkFilter';
import type { BenchmarkView } from './bindings/BenchmarkView';
import type { ReportSettingsInput } from './bindings/ReportSettingsInput';
import type { ReportSettingsView } from './bindings/ReportSettingsView';

/** Tells an ApiError ({kind, message}) from any other thrown value. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string'
  );
}

/** Turns whatever a command threw into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) return value;
  return { kind: 'internal', message: value instanceof Error ? value.message : String(value) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}


export const api = {
  // Questionnaires and forms
  listQuestionnaires: () => call<QuestionnaireOverview[]>('list_questionnaires'),
  questionnaireOverview: (id: string | null = null) =>
    call<QuestionnaireOverview>('questionnaire_overview', { id }),
  formChoices: () => call<FormChoices>('form_choices'),
  assessmentQuestionnaire: (assessment: number) =>
    call<QuestionnaireDetail>('assessment_questionnaire', { assessment }),

  // Organisations and assessments
  listOrganisations: () => call<OrganisationView[]>('list_organisations'),
  listAssessments: () => call<AssessmentListItem[]>('list_assessments'),
  createAssessment: (input: NewAssessmentInput) => call<number>('create_assessment', { input }),
  createReaudit: (input: ReauditInput) => call<ReauditView>('create_reaudit', { input }),
  assessmentDetail: (assessment: number) => call<AssessmentDetail>('assessment_detail', { assessment }),
  updateAssessment: (assessment: number, update: AssessmentUpdate) =>
    call<AssessmentDetail>('update_assessment', { assessment, update }),
  deleteAssessment: (assessment: number) => call<null>('delete_assessment', { assessment }),

  // Respondents and answers
  addRespondent: (assessment: number, input: RespondentInput) =>
    call<RespondentView>('add_respondent', { assessment, input }),
  updateRespondent: (respondent: number, input: RespondentInput) =>
    call<RespondentView>('update_respondent', { respondent, input }),
  removeRespondent: (respondent: number) => call<null>('remove_respondent', { respondent }),
  anonymiseRespondent: (respondent: number, keepComments: boolean) =>
    call<RespondentView>('anonymise_respondent', { respondent, keepComments }),
  eraseRespondent: (respondent: number, keepAnswers: boolean) =>
    call<RespondentView | null>('erase_respondent', { respondent, keepAnswers }),
  respondentAnswers: (respondent: number) => call<RespondentAnswers>('respondent_answers', { respondent }),
  saveAnswer: (input: SaveAnswerInput) => call<SavedAnswer>('save_answer', { input }),
  setResumeQuestion: (respondent: number, question: string) =>
    call<null>('set_resume_question', { respondent, question }),
  consensusSheet: (assessment: number) => call<ConsensusSheet>('consensus_sheet', { assessment }),
  setConsensus: (input: ConsensusInput) => call<SavedAnswer>('set_consensus', { input }),

  // Results (charts are SVG documents drawn by the same code as the PDF report)
  results: (assessment: number, language: LanguageCode) => call<ResultsView>('assessment_results', { assessment, language }),

  // Action plan
  // `language` words the proposals (the assessment's own language when null).
  actionPlan: (assessment: number, language: LanguageCode | null = null) =>
    call<PlanView>('action_plan', { assessment, language }),
  keepAction: (assessment: number, input: ActionInput, language: LanguageCode | null = null) =>
    call<PlanView>('keep_action', { assessment, input, language }),
  updateAction: (action: number, input: ActionInput, language: LanguageCode | null = null) =>
    call<PlanView>('update_action', { action, input, language }),
  deleteAction: (action: number, language: LanguageCode | null = null) =>
    call<PlanView>('delete_action', { action, language }),

  // Strategy: initiatives, waves, projection; the user's wave overrides (never re-derived)
  strategy: (assessment: number, language: LanguageCode | null = null) =>
    call<StrategyView>('assessment_strategy', { assessment, language }),
  setInitiativeWave: (assessment: number, initiative: string, wave: number, language: LanguageCode | null = null) =>
    call<StrategyView>('set_initiative_wave', { assessment, initiative, wave, language }),
  setInitiativeDates: (
    assessment: number,
    initiative: string,
    start: string,
    end: string,
    language: LanguageCode | null = null,
  ) => call<StrategyView>('set_initiative_dates', { assessment, initiative, start, end, language }),
  clearInitiativeWave: (assessment: number, initiative: string, language: LanguageCode | null = null) =>
    call<StrategyView>('clear_initiative_wave', { assessment, initiative, language }),
  // Follow-up across the organisation's audits, from `earlier` (the previous audit when null)
  followUp: (assessment: number, language: LanguageCode, earlier: number | null = null) =>
    call<FollowUpView>('assessment_follow_up', { assessment, earlier, language }),
  // The client among the consultant's other clients, with the .tcm files of the folder
  // remembered in the database (read with progress, cancellable)
  benchmark: (assessment: number, language: LanguageCode, filter: BenchmarkFilter = 'most-specific', watch: Watch | null = null) =>
    call<BenchmarkView>('assessment_benchmark', { assessment, filter, language, ...watched(watch) }),
  // Remembers the benchmark's folder (from chooseFolder) in the database, or forgets it (null)
  setBenchmarkFolder: (folder: string | null) => call<null>('set_benchmark_folder', { folder }),

  // Settings and backups
  appInfo: () => call<AppInfo>('app_info'),
  listBackups: () => call<BackupView[]>('list_backups'),
  backupNow: (watch: Watch | null = null) => call<BackupView>('backup_now', watched(watch)),
  restoreBackup: (path: string, watch: Watch | null = null) =>
    call<RestoreView>('restore_backup', { path, ...watched(watch) }),
  /** Works on another database file, picked with chooseOpenPath. */
  openDatabase: (path: string) => call<AppInfo>('open_database', { path }),
  quitApp: () => call<null>('quit_app'),
  // Stops a long call started with a Watch (see operation.svelte.ts); answers whether it ran
  cancelOperation: (operation: number) => call<boolean>('cancel_operation', { operation }),

  // Files (dialogs are native; they answer null when cancelled)
  chooseSavePath: (suggestedName: string, filterName: string, extensions: string[]) =>
    call<string | null>('choose_save_path', { suggestedName, filterName, extensions }),
  chooseOpenPath: (filterName: string, extensions: string[]) =>
    call<string | null>('choose_open_path', { filterName, extensions }),
  exportAssessment: (assessment: number, format: ExportKind, path: string, watch: Watch | null = null) =>
    call<ExportView>('export_assessment', { assessment, format, path, ...watched(watch) }),
  importTcm: (path: string, choice: ImportChoiceInput | null = null, watch: Watch | null = null) =>
    call<ImportView>('import_tcm', { path, choice, ...watched(watch) }),
  importResponses: (assessment: number, path: string, watch: Watch | null = null) =>
    call<ImportView>('import_responses', { assessment, path, ...watched(watch) }),
  exportReport: (assessment: number, language: LanguageCode, path: string, watch: Watch | null = null) =>
    call<ExportView>('export_report', { assessment, language, path, ...watched(watch) }),
  exportBlankGrid: (questionnaireId: string, language: LanguageCode, path: string) =>
    call<null>('export_blank_grid', { questionnaireId, language, path }),
  // The report settings remembered per organisation (firm, logo, cover, summary, sections)
  reportSettings: (organisation: number) => call<ReportSettingsView>('report_settings', { organisation }),
  saveReportSettings: (organisation: number, input: ReportSettingsInput) =>
    call<ReportSettingsView>('save_report_settings', { organisation, input }),
  setReportLogo: (organisation: number, path: string) =>
    call<ReportSettingsView>('set_report_logo', { organisation, path }),
  clearReportLogo: (organisation: number) => call<ReportSettingsView>('clear_report_logo', { organisation }),

  // The demonstration assessment (created on first use); answers its id
  openDemo: () => call<number>('open_demo'),

  // Live workshop session (one at a time; the server lives in Rust)
  liveInterfaces: () => call<LiveInterface[]>('live_interfaces'),
  liveStart: (input: LiveStartInput) => call<LiveSessionView>('live_start', { input }),
  liveStatus: () => call<LiveSessionView | null>('live_status'),
  /** The session's view comes back on `onChange` now and as it changes (`null` once stopped);
   *  answers whether a session runs. */
  liveFollow: (onChange: Channel<LiveSessionView | null>) => call<boolean>('live_follow', { onChange }),
  livePush: (question: string) => call<LiveSessionView>('live_push', { question }),
  liveReveal: (question: string) => call<LiveSessionView>('live_reveal', { question }),
  liveConsensus: (input: LiveConsensusInput) => call<LiveSessionView>('live_consensus', { input }),
  liveStop: () => call<null>('live_stop'),
  // The classroom: cases, class exercises, grading against the key, the groups' files
  chooseFolder: () => call<string | null>('choose_folder'),
  listCases: () => call<CaseOverview[]>('list_cases'),
  createClassExercise: (input: NewClassExerciseInput) =>
    call<ClassExerciseView>('create_class_exercise', { input }),
  listClassExercises: () => call<ClassExerciseListItem[]>('list_class_exercises'),
  classExercise: (assessment: number) => call<ClassExerciseView>('class_exercise', { assessment }),
  gradeClass: (assessment: number) => call<ClassGradeView>('grade_class', { assessment }),
  groupSheet: (assessment: number, group: string) => call<GroupSheetView>('group_sheet', { assessment, group }),
  classDebrief: (assessment: number, limit: number) =>
    call<QuestionGradeView[]>('class_debrief', { assessment, limit }),
  importGroupFolder: (assessment: number, folder: string, watch: Watch | null = null) =>
    call<FolderImportView>('import_group_folder', { assessment, folder, ...watched(watch) }),
  exportClass: (assessment: number, format: ClassExportKind, showRanking: boolean, path: string) =>
    call<null>('export_class', { assessment, format, showRanking, path }),
};
