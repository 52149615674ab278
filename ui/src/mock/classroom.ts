// The classroom as the mock backend serves it: shipped cases, class exercises, the folder import
// of the groups' files, grading, the debrief and the groups' sheets. Like the rest of the mock it
// grades nothing: `fixtures/classroom.json` holds what the real handlers answered (written by
// crates/tcm-api/tests/mock_fixtures.rs): each case's exercise, a folder of twelve groups' files
// imported into it (one refused: another case's) and, for every class state reached that way,
// the grading and each group's sheet. A state nobody recorded has no grading (an `internal` error).
import type { AnswerValue } from '../lib/bindings/AnswerValue';
import type { AnswerView } from '../lib/bindings/AnswerView';
import type { CaseOverview } from '../lib/bindings/CaseOverview';
import type { ClassExerciseListItem } from '../lib/bindings/ClassExerciseListItem';
import type { ClassExerciseView } from '../lib/bindings/ClassExerciseView';
import type { ClassGradeView } from '../lib/bindings/ClassGradeView';
import type { FolderImportView } from '../lib/bindings/FolderImportView';
import type { GroupSheetView } from '../lib/bindings/GroupSheetView';
import type { NewClassExerciseInput } from '../lib/bindings/NewClassExerciseInput';
import type { QuestionGradeView } from '../lib/bindings/QuestionGradeView';
import type { MockBackend } from './backend';
import { fail } from './backend';
import fixture from './fixtures/classroom.json';

interface ClassroomFixture {
  cases: CaseOverview[];
  /** Each case's exercise as the handler shows it, without id, class name or groups. */
  exercises: Record<string, ClassExerciseView>;
  /** By case: what importing the recorded folder answered, and the groups' answers it wrote. */
  folders: Record<string, { import: FolderImportView; groups: { label: string; answers: AnswerView[] }[] }>;
  /** By class state (`classKey`): the grading and every group's sheet. */
  grades: Record<string, { grade: ClassGradeView; sheets: Record<string, GroupSheetView> }>;
}

const CLASSROOM = fixture as unknown as ClassroomFixture;

/** The link between an assessment and its case (the store's class_exercises table). */
export interface StoredClassExercise {
  assessment: number;
  caseId: string;
  caseVersion: string;
}

/** The folder the mock's folder dialog answers. */
export const GROUP_FOLDER = '/home/claire/Documents/Rendus des groupes';

function exerciseOf(backend: MockBackend, assessment: number): StoredClassExercise {
  backend.assessment(assessment);
  const link = (backend.db.classExercises ?? []).find((item) => item.assessment === assessment);
  if (!link) fail('notFound', `assessment ${assessment} is not a class exercise`);
  return link;
}

function template(caseId: string, caseVersion: string): ClassExerciseView {
  const found = CLASSROOM.cases.find((item) => item.id === caseId && item.version === caseVersion);
  const exercise = found ? CLASSROOM.exercises[caseId] : undefined;
  if (!exercise)
    fail('notFound', `case \`${caseId}\` version ${caseVersion} is not shipped with this version of the app`);
  return exercise;
}

function view(backend: MockBackend, assessment: number): ClassExerciseView {
  const link = exerciseOf(backend, assessment);
  const stored = backend.assessment(assessment);
  const organisation = backend.db.organisations.find((item) => item.id === stored.organisation);
  return {
    ...template(link.caseId, link.caseVersion),
    assessmentId: assessment,
    className: organisation?.name ?? '',
    groups: backend.respondentsOf(assessment).map((respondent) => backend.respondentView(respondent)),
  };
}

function code(answer: AnswerValue): string {
  return answer === 'NA' ? 'N' : answer[0];
}

/** The class state, as `class_key` in crates/tcm-api/tests/mock_fixtures.rs writes it. */
export function classKey(backend: MockBackend, assessment: number): string {
  const exercise = view(backend, assessment);
  const lines = [`case=${exercise.caseId}@${exercise.caseVersion}`];
  const comments: string[] = [];
  for (const group of exercise.groups) {
    const answers = new Map(
      backend.db.answers.filter((answer) => answer.respondent === group.id).map((answer) => [answer.question, answer]),
    );
    let codes = '';
    for (const question of exercise.questions) {
      const answer = answers.get(question.id);
      codes += answer ? code(answer.answer) : '.';
      if (answer?.comment) comments.push(`m=${group.label}|${question.id}|${answer.comment}`);
    }
    lines.push(`g=${group.label}=${codes}`);
  }
  return [...lines, ...comments].join('\n');
}

function graded(backend: MockBackend, assessment: number) {
  const state = CLASSROOM.grades[classKey(backend, assessment)];
  if (!state)
    fail(
      'internal',
      `the mock has no grading for this state of class exercise ${assessment}: ` +
        'only a new exercise and the recorded folder import are graded (crates/tcm-api/tests/mock_fixtures.rs)',
    );
  return state;
}

function create(backend: MockBackend, input: NewClassExerciseInput): ClassExerciseView {
  const exercise = template(input.caseId, input.caseVersion);
  const className = input.className.trim();
  if (!className) fail('invalidInput', 'the class needs a name');
  const groups: string[] = [];
  for (const group of input.groups.map((item) => item.trim())) {
    if (!group) continue;
    if (groups.includes(group)) fail('invalidInput', `the group « ${group} » is listed twice`);
    groups.push(group);
  }
  const assessment = backend.createAssessment({
    organisation: { kind: 'new', name: className, sector: 'other', size: null, notes: '' },
    title: exercise.title[input.language],
    mode: 'classroom',
    language: input.language,
    questionnaireId: exercise.questionnaireId,
    targets: [4, 4, 4, 4, 4],
    firstRespondent: null,
  });
  (backend.db.classExercises ??= []).push({ assessment, caseId: input.caseId, caseVersion: input.caseVersion });
  for (const group of groups) backend.addRespondent(assessment, { label: group, role: '', group });
  return view(backend, assessment);
}

function list(backend: MockBackend): ClassExerciseListItem[] {
  return (backend.db.classExercises ?? [])
    .map((link) => {
      const exercise = view(backend, link.assessment);
      return {
        assessmentId: link.assessment,
        className: exercise.className,
        caseId: link.caseId,
        title: exercise.title,
        groups: exercise.groups.length,
        updatedAt: backend.assessment(link.assessment).updatedAt,
      };
    })
    .sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || y.assessmentId - x.assessmentId);
}

/**
 * The recorded folder of the exercise's case: every group written as the real import wrote it
 * (a group created here and still empty is filled), or refused as a duplicate when it already
 * answered. The figures of the outcome are the handler's.
 */
function importFolder(backend: MockBackend, assessment: number, folder: string): FolderImportView {
  const link = exerciseOf(backend, assessment);
  const recorded = CLASSROOM.folders[link.caseId];
  if (folder !== GROUP_FOLDER || !recorded)
    fail('storage', `cannot read the folder ${folder}: the mock only has ${GROUP_FOLDER}`);
  const answered = new Set(
    backend
      .respondentsOf(assessment)
      .filter((respondent) => backend.db.answers.some((answer) => answer.respondent === respondent.id))
      .map((respondent) => respondent.label),
  );
  const clash = recorded.groups.find((group) => answered.has(group.label));
  if (clash)
    fail('internal', `the mock has no recorded import for a class where « ${clash.label} » already answered`);
  for (const group of recorded.groups) {
    const existing = backend.respondentsOf(assessment).find((respondent) => respondent.label === group.label);
    const respondent = existing ?? backend.addRespondent(assessment, { label: group.label, role: '', group: group.label });
    for (const answer of group.answers)
      backend.db.answers.push({ respondent: respondent.id, question: answer.questionId, answer: answer.answer, comment: answer.comment });
  }
  backend.assessment(assessment).updatedAt = backend.now().toISOString();
  return { ...recorded.import, folder };
}

/** Answers a classroom command like the shell's command of that name. */
export function classroomCommand(backend: MockBackend, command: string, args: Record<string, unknown>): unknown {
  const assessment = args.assessment as number;
  switch (command) {
    case 'list_cases':
      return CLASSROOM.cases;
    case 'create_class_exercise':
      return create(backend, args.input as NewClassExerciseInput);
    case 'list_class_exercises':
      return list(backend);
    case 'class_exercise':
      return view(backend, assessment);
    case 'grade_class':
      return { ...graded(backend, assessment).grade, assessmentId: assessment };
    case 'group_sheet': {
      const group = args.group as string;
      const sheet = graded(backend, assessment).sheets[group];
      if (!sheet) fail('notFound', `there is no group « ${group} » in this class`);
      return sheet;
    }
    case 'class_debrief': {
      // The handler's debrief order, cut at the limit: a selection, nothing computed.
      const grade = graded(backend, assessment).grade;
      const limit = args.limit as number;
      return grade.debrief
        .slice(0, limit)
        .map((id) => grade.questions.find((question) => question.questionId === id))
        .filter((question): question is QuestionGradeView => question !== undefined);
    }
    case 'import_group_folder':
      return importFolder(backend, assessment, args.folder as string);
    default:
      return fail('internal', `command ${command} not found`);
  }
}

/** Whether the exercise exists (for exports). */
export function checkClassExercise(backend: MockBackend, assessment: number): void {
  exerciseOf(backend, assessment);
}
