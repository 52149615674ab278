// The mock's classroom serves the real handlers' grading for the states they recorded, and
// refuses to invent one for any other.
import { describe, expect, it } from 'vitest';
import type { CaseOverview } from '../lib/bindings/CaseOverview';
import type { ClassExerciseView } from '../lib/bindings/ClassExerciseView';
import type { ClassGradeView } from '../lib/bindings/ClassGradeView';
import type { FolderImportView } from '../lib/bindings/FolderImportView';
import type { QuestionGradeView } from '../lib/bindings/QuestionGradeView';
import { MockBackend, emptyDatabase } from './backend';
import { GROUP_FOLDER } from './classroom';

function start(groups: string[] = []) {
  const backend = new MockBackend(emptyDatabase());
  const [first] = backend.handle('list_cases') as CaseOverview[];
  const exercise = backend.handle('create_class_exercise', {
    input: { caseId: first.id, caseVersion: first.version, className: ' M2 « 2026 » ', language: 'fr', groups },
  }) as ClassExerciseView;
  return { backend, exercise };
}

describe('mock classroom', () => {
  it('creates an exercise with its case text and questions, and lists it', () => {
    const { backend, exercise } = start(['Groupe 01']);
    expect(exercise.className).toBe('M2 « 2026 »');
    expect(exercise.questions.length).toBe(25);
    expect(exercise.text.fr.length).toBeGreaterThan(2000);
    expect(exercise.groups.map((group) => group.label)).toEqual(['Groupe 01']);
    expect(backend.handle('list_class_exercises')).toMatchObject([{ assessmentId: exercise.assessmentId, groups: 1 }]);
    expect(backend.handle('assessment_detail', { assessment: exercise.assessmentId })).toMatchObject({ mode: 'classroom' });
  });

  it('refuses an unknown case, an empty class name and a group listed twice', () => {
    const backend = new MockBackend(emptyDatabase());
    const attempt = (input: Record<string, unknown>) => {
      try {
        backend.handle('create_class_exercise', {
          input: { caseId: 'aurore-rappel', caseVersion: '1.1.0', className: 'C', language: 'fr', groups: [], ...input },
        });
      } catch (error) {
        return (error as { kind: string }).kind;
      }
      return 'created';
    };
    expect(attempt({ caseVersion: '0.0.1' })).toBe('notFound');
    expect(attempt({ className: '  ' })).toBe('invalidInput');
    expect(attempt({ groups: ['A', ' A '] })).toBe('invalidInput');
  });

  it('imports the recorded folder and serves the handlers’ grading, debrief and sheets', () => {
    const { backend, exercise } = start(['Groupe 01']);
    const id = exercise.assessmentId;
    const outcome = backend.handle('import_group_folder', { assessment: id, folder: GROUP_FOLDER }) as FolderImportView;
    expect(outcome.imported.length).toBe(12);
    expect(outcome.refused.map((file) => file.reason)).toEqual(['wrongCase']);
    const grade = backend.handle('grade_class', { assessment: id }) as ClassGradeView;
    expect(grade.assessmentId).toBe(id);
    expect(grade.groups.length).toBe(12);
    expect(grade.groups.every((group) => group.kappa === null || (group.kappa >= -1 && group.kappa <= 1))).toBe(true);
    const debrief = backend.handle('class_debrief', { assessment: id, limit: 5 }) as QuestionGradeView[];
    expect(debrief.map((question) => question.questionId)).toEqual(grade.debrief.slice(0, 5));
    expect(backend.handle('group_sheet', { assessment: id, group: 'Groupe 03' })).toMatchObject({ grade: { group: 'Groupe 03' } });
  });

  it('grades no state the handlers did not record', () => {
    const { backend, exercise } = start(['Groupe 01']);
    backend.handle('save_answer', {
      input: { respondentId: exercise.groups[0].id, questionId: exercise.questions[0].id, answer: '2', comment: '', resumeQuestion: null },
    });
    expect(() => backend.handle('grade_class', { assessment: exercise.assessmentId })).toThrow();
    try {
      backend.handle('grade_class', { assessment: exercise.assessmentId });
    } catch (error) {
      expect((error as { kind: string }).kind).toBe('internal');
    }
  });
});
