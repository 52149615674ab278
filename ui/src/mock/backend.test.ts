// The test double answers like the real handlers: these checks keep it honest.
import { describe, expect, it } from 'vitest';
import type { ConsensusSheet } from '../lib/bindings/ConsensusSheet';
import type { NewAssessmentInput } from '../lib/bindings/NewAssessmentInput';
import type { PlanView } from '../lib/bindings/PlanView';
import type { ResultsView } from '../lib/bindings/ResultsView';
import type { SavedAnswer } from '../lib/bindings/SavedAnswer';
import { MockBackend, emptyDatabase, replayJourney, seed } from './backend';
import journeys from './fixtures/journeys.json';
import type { Journey } from './journey';
import { goldenStates } from './golden';
import type { BenchmarkView } from '../lib/bindings/BenchmarkView';
import type { FollowUpView } from '../lib/bindings/FollowUpView';
import { GROUP_FOLDER } from './classroom';
import type { StrategyView } from '../lib/bindings/StrategyView';
import type { ReauditView } from '../lib/bindings/ReauditView';
import type { AssessmentDetail } from '../lib/bindings/AssessmentDetail';

const input = (changes: Partial<NewAssessmentInput> = {}): NewAssessmentInput => ({
  organisation: { kind: 'new', name: 'Acme', sector: 'industry', size: null, notes: '' },
  title: 'Audit',
  mode: 'self',
  language: 'fr',
  questionnaireId: 'tcm-92',
  targets: [4, 4, 4, 4, 4],
  firstRespondent: 'Marie',
  ...changes,
});

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('MockBackend', () => {
  it('refuses bad input with an ApiError', () => {
    const backend = new MockBackend(emptyDatabase());
    expect(caught(() => backend.handle('create_assessment', { input: input({ title: ' ' }) }))).toEqual({
      kind: 'invalidInput',
      message: 'the assessment needs a title',
    });
    expect(caught(() => backend.handle('create_assessment', { input: input({ targets: [4, 4] }) }))).toMatchObject({
      kind: 'invalidInput',
    });
    expect(caught(() => backend.handle('assessment_detail', { assessment: 99 }))).toMatchObject({ kind: 'notFound' });
    expect(caught(() => backend.handle('no_such_command'))).toMatchObject({ kind: 'internal' });
  });

  it('saves answers and reports progress as the store does', () => {
    const backend = new MockBackend(emptyDatabase());
    const id = backend.handle('create_assessment', { input: input() }) as number;
    const respondent = backend.detail(id).respondents[0].id;
    const save = (questionId: string, answer: string | null) =>
      backend.handle('save_answer', { input: { respondentId: respondent, questionId, answer, comment: '' } }) as SavedAnswer;
    expect(save('cre-01', '4')).toMatchObject({ answeredQuestions: 1, questionCount: 92, overallScore: 100 });
    // NA and ? were dealt with: they count as answered (not in the scores).
    expect(save('cre-02', 'NA').answeredQuestions).toBe(2);
    expect(save('cre-03', '0')).toMatchObject({ answeredQuestions: 3, overallScore: 66.7 });
    expect(caught(() => save('cre-04', '7'))).toMatchObject({ kind: 'invalidInput' });
    expect(caught(() => save('nope', '1'))).toMatchObject({ kind: 'notFound' });
    expect(save('cre-03', null).answeredQuestions).toBe(2);
    expect(backend.handle('respondent_answers', { respondent })).toMatchObject({ resumeQuestion: 'cre-03' });
  });

  it('serves the real results of a recorded state, a stage without values at null', () => {
    const backend = new MockBackend(emptyDatabase());
    const id = backend.handle('create_assessment', { input: input() }) as number;
    const respondent = backend.detail(id).respondents[0].id;
    // cre-01 has weight 2: 100 × (2 × 4 + 1 × 2) / (2 × 4 + 1 × 4) = 83.3.
    for (const [questionId, answer] of [
      ['cre-01', '4'],
      ['cre-02', '2'],
      ['cre-03', '?'],
    ])
      backend.handle('save_answer', { input: { respondentId: respondent, questionId, answer, comment: '' } });
    const results = backend.handle('assessment_results', { assessment: id, language: 'en' }) as ResultsView;
    expect(results.stages[0]).toMatchObject({ score: 83.3, level: 5, answered: 2, applicable: 24 });
    expect(results.stages[1]).toMatchObject({ score: null, level: null });
    expect(results.overall).toBe(83.3);
    expect(results.overallLevel?.name.en).toBe('Partnership');
    expect(results.charts.radar).toContain('<svg');
    expect(results.charts.dispersion).toBeNull();
  });

  it('keeps, edits and forgets actions like the real plan', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const id = backend.db.assessments.find((assessment) => assessment.title.includes('2026'))!.id;
    const plan = backend.handle('action_plan', { assessment: id }) as PlanView;
    const proposal = plan.items.find((item) => item.origin === 'proposal')!;
    expect(proposal.key).toBe(`question:${proposal.questionId}`);
    const priorities = plan.items.map((item) => item.priority).filter((value) => value !== null);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const kept = backend.handle('keep_action', {
      assessment: id,
      input: { ...proposal, questionId: proposal.questionId, stage: null, owner: 'Claire', status: 'planned' },
    }) as PlanView;
    const item = kept.items.find((entry) => entry.questionId === proposal.questionId)!;
    expect(item).toMatchObject({ origin: 'kept', owner: 'Claire', key: `action:${item.actionId}` });
    const after = backend.handle('delete_action', { action: item.actionId }) as PlanView;
    expect(after.items.find((entry) => entry.questionId === proposal.questionId)?.origin).toBe('proposal');
    expect(
      caught(() =>
        backend.handle('keep_action', { assessment: id, input: { ...proposal, stage: null, due: '31/03/2027' } }),
      ),
    ).toMatchObject({ kind: 'invalidInput' });
  });

  it('fails every data command while the database is damaged, until a backup is restored', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    backend.db.damaged = 'file is not a database';
    expect(caught(() => backend.handle('list_assessments'))).toMatchObject({ kind: 'storage' });
    expect(backend.handle('app_info')).toMatchObject({ openingError: { kind: 'storage' } });
    const [backup] = backend.handle('list_backups') as { path: string }[];
    expect(backend.handle('restore_backup', { path: backup.path })).toMatchObject({ previousSavedAs: null });
    expect((backend.handle('list_assessments') as unknown[]).length).toBe(5);
  });

  it('sets, lists and removes consensus values; the real scores show them overriding the respondents', () => {
    const backend = new MockBackend(emptyDatabase());
    const id = backend.handle('create_assessment', { input: input({ mode: 'workshop', firstRespondent: 'Anne' }) }) as number;
    const anne = backend.detail(id).respondents[0].id;
    const bruno = backend.addRespondent(id, { label: 'Bruno', role: '', group: '' }).id;
    const answer = (respondentId: number, questionId: string, value: string, comment = '') =>
      backend.handle('save_answer', { input: { respondentId, questionId, answer: value, comment } });
    answer(anne, 'cre-02', '4', 'Everywhere');
    answer(bruno, 'cre-02', '0');
    answer(bruno, 'cre-03', '?');
    const stage = () => (backend.handle('assessment_results', { assessment: id, language: 'fr' }) as ResultsView).stages[0];
    // cre-02 (weight 1) is the mean, 2; cre-03 has no value.
    expect(stage()).toMatchObject({ score: 50, answered: 1 });
    const set = (questionId: string, value: string | null, note = '') =>
      backend.handle('set_consensus', { input: { assessmentId: id, questionId, value, note } }) as SavedAnswer;
    expect(set('cre-02', '3', ' Agreed after the debate ')).toMatchObject({ questionId: 'cre-02', answeredQuestions: 2, overallScore: 75 });
    expect(stage()).toMatchObject({ score: 75, answered: 1 });
    // A consensus alone answers a question nobody answered.
    expect(set('cre-04', 'NA').answeredQuestions).toBe(3);
    expect(stage()).toMatchObject({ applicable: 23 });
    const sheet = backend.handle('consensus_sheet', { assessment: id }) as ConsensusSheet;
    expect(sheet.values).toEqual([
      { questionId: 'cre-02', value: '3', note: 'Agreed after the debate' },
      { questionId: 'cre-04', value: 'NA', note: '' },
    ]);
    expect(sheet.answers).toEqual([
      {
        questionId: 'cre-02',
        answers: [
          { respondent: 'Anne', answer: '4', comment: 'Everywhere' },
          { respondent: 'Bruno', answer: '0', comment: '' },
        ],
      },
      { questionId: 'cre-03', answers: [{ respondent: 'Bruno', answer: '?', comment: '' }] },
    ]);
    expect(caught(() => set('cre-02', '?'))).toMatchObject({ kind: 'invalidInput' });
    expect(caught(() => set('cre-02', '5'))).toMatchObject({ kind: 'invalidInput' });
    expect(caught(() => set('nope', '1'))).toMatchObject({ kind: 'notFound' });
    expect(set('cre-02', null)).toMatchObject({ answeredQuestions: 3, overallScore: 50 });
    expect((backend.handle('consensus_sheet', { assessment: id }) as ConsensusSheet).values.map((value) => value.questionId)).toEqual([
      'cre-04',
    ]);
    backend.handle('delete_assessment', { assessment: id });
    expect(backend.db.consensus).toEqual([]);
  });

  it('words the proposals in the language asked, the assessment’s own by default', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const id = backend.db.assessments.find((assessment) => assessment.title.includes('2026'))!.id;
    const titles = (language?: string) =>
      (backend.handle('action_plan', { assessment: id, language }) as PlanView).items
        .filter((item) => item.origin === 'proposal')
        .map((item) => item.title);
    const french = titles();
    expect(titles('fr')).toEqual(french);
    const english = titles('en');
    expect(english).toHaveLength(french.length);
    expect(english).not.toEqual(french);
    expect(english).toContain('Segment on behaviour');
    // Kept actions keep the words they were kept with.
    const kept = (backend.handle('action_plan', { assessment: id, language: 'en' }) as PlanView).items.filter(
      (item) => item.origin === 'kept',
    );
    expect(kept.map((item) => item.title)).toContain('Fusionner les fichiers clients');
    expect(caught(() => backend.handle('action_plan', { assessment: id, language: 'de' }))).toMatchObject({ kind: 'invalidInput' });
    const proposal = (backend.handle('action_plan', { assessment: id }) as PlanView).items.find((item) => item.origin === 'proposal')!;
    const after = backend.handle('keep_action', {
      assessment: id,
      input: { ...proposal, stage: null },
      language: 'en',
    }) as PlanView;
    expect(after.items.filter((item) => item.origin === 'proposal').every((item) => english.includes(item.title))).toBe(true);
  });

  it('changes an assessment’s targets, and the plan follows them', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const assessment = backend.db.assessments.find((item) => item.title.includes('2026'))!;
    const proposals = () =>
      (backend.handle('action_plan', { assessment: assessment.id }) as PlanView).items.filter(
        (item) => item.origin === 'proposal' && item.stage === 'proactive',
      ).length;
    const before = proposals();
    const update = { title: 'Renamed', mode: 'workshop', language: 'en', status: 'completed', targets: [4, 4, 3, 3, 1] };
    expect(backend.handle('update_assessment', { assessment: assessment.id, update })).toMatchObject({
      title: 'Renamed',
      language: 'en',
      status: 'completed',
      targets: [4, 4, 3, 3, 1],
    });
    expect(proposals()).toBeLessThan(before);
    expect(caught(() => backend.handle('update_assessment', { assessment: assessment.id, update: { ...update, title: ' ' } }))).toMatchObject({
      kind: 'invalidInput',
    });
    expect(
      caught(() => backend.handle('update_assessment', { assessment: assessment.id, update: { ...update, targets: [4, 4, 4, 4, 5] } })),
    ).toMatchObject({ kind: 'invalidInput' });
    expect(caught(() => backend.handle('update_assessment', { assessment: assessment.id, update: { ...update, status: 'x' } }))).toMatchObject({
      kind: 'invalidInput',
    });
  });

  it('never scores: a state nobody recorded has no results and no plan, and no index in the list', () => {
    const backend = new MockBackend(emptyDatabase());
    const id = backend.handle('create_assessment', { input: input() }) as number;
    const respondent = backend.detail(id).respondents[0].id;
    backend.handle('save_answer', { input: { respondentId: respondent, questionId: 'pro-01', answer: '1', comment: '' } });
    expect(caught(() => backend.handle('assessment_results', { assessment: id, language: 'fr' }))).toMatchObject({ kind: 'internal' });
    expect(caught(() => backend.handle('action_plan', { assessment: id }))).toMatchObject({ kind: 'internal' });
    expect(backend.handle('list_assessments')).toMatchObject([{ answeredQuestions: 1, overallScore: null }]);
  });

  it('serves the real figures for every seeded assessment and the demo, and counts answers as the store does', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const demo = backend.handle('open_demo') as number;
    expect(backend.handle('open_demo')).toBe(demo);
    expect(backend.db.assessments).toHaveLength(6);
    for (const assessment of backend.db.assessments) {
      const state = backend.golden(assessment);
      expect(state?.results, assessment.title).toBeDefined();
      expect(backend.answeredQuestions(assessment)).toBe(state!.answeredQuestions);
      for (const language of ['fr', 'en']) {
        const results = backend.handle('assessment_results', { assessment: assessment.id, language }) as ResultsView;
        expect(results).toEqual({ ...state!.results![language as 'fr' | 'en'], assessmentId: assessment.id });
      }
    }
    const listed = backend.handle('list_assessments') as { title: string; overallScore: number | null }[];
    expect(listed.every((item) => item.overallScore !== null)).toBe(true);
    // The previous audit of Transports Rivière shows on this year's radar.
    const current = backend.db.assessments.find((assessment) => assessment.title.includes('2026'))!;
    expect((backend.handle('assessment_results', { assessment: current.id, language: 'fr' }) as ResultsView).previous).not.toBeNull();
    expect(goldenStates().length).toBeGreaterThan(12);
  });

  it('answers every read of the recorded browser journeys from the golden fixtures', () => {
    let reads = 0;
    for (const journey of journeys as unknown as Journey[]) {
      const backend = new MockBackend(emptyDatabase());
      if (journey.start === 'seeded') seed(backend);
      replayJourney(backend, journey.operations, (assessment, what, language) => {
        reads += 1;
        const command = what === 'results' ? 'assessment_results' : 'action_plan';
        expect(() => backend.handle(command, { assessment, language }), `${command} ${language} in ${JSON.stringify(journey).slice(0, 80)}`).not.toThrow();
      });
    }
    expect(reads).toBeGreaterThan(10);
  });

  it('serves the real demo strategy and keeps the user\'s wave moves until reset', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const id = backend.db.assessments[0].id;
    const strategy = (language?: string) => backend.handle('assessment_strategy', { assessment: id, language }) as StrategyView;
    const first = strategy('en').initiatives[0];
    expect(first.waveSource).toBe('derived');
    expect(strategy('en').initiatives.filter((initiative) => initiative.leads).length).toBeLessThanOrEqual(12);
    const moved = backend.handle('set_initiative_wave', { assessment: id, initiative: first.id, wave: 3 }) as StrategyView;
    const placed = moved.initiatives.find((initiative) => initiative.id === first.id)!;
    expect(placed).toMatchObject({ wave: 3, waveSource: 'userWave', start: moved.waves[2].start, end: moved.waves[2].end });
    // Another read, in another language, keeps the move.
    expect(strategy('fr').initiatives.find((initiative) => initiative.id === first.id)!.wave).toBe(3);
    expect(caught(() => backend.handle('set_initiative_wave', { assessment: id, initiative: 'nothing', wave: 2 }))).toMatchObject({
      kind: 'invalidInput',
    });
    expect(caught(() => backend.handle('set_initiative_wave', { assessment: id, initiative: first.id, wave: 4 }))).toMatchObject({
      kind: 'invalidInput',
    });
    backend.handle('clear_initiative_wave', { assessment: id, initiative: first.id });
    expect(strategy('en').initiatives[0]).toEqual(first);
  });

  it('serves the recorded follow-up of an audit with one earlier audit, and nothing for unrecorded states', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const riviere = backend.db.assessments.filter((assessment) => assessment.title.startsWith('Audit TCM 202'));
    const [earlier, later] = [...riviere].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((item) => item.id);
    const view = backend.handle('assessment_follow_up', { assessment: later, earlier: null, language: 'fr' }) as FollowUpView;
    expect(view.audits.map((audit) => audit.assessment)).toEqual([earlier, later]);
    expect(view.comparison!.before.assessment).toBe(earlier);
    expect(view.chart).toContain('<svg');
    expect(caught(() => backend.handle('assessment_follow_up', { assessment: earlier, earlier: later, language: 'fr' }))).toMatchObject({
      kind: 'invalidInput',
    });
    // The first audit alone was not recorded: no invented figures.
    expect(caught(() => backend.handle('assessment_follow_up', { assessment: earlier, earlier: null, language: 'en' }))).toMatchObject({
      kind: 'internal',
    });
  });

  it('stores the re-audit the real handler made, and makes none for an unrecorded state', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const riviere = backend.db.assessments.filter((assessment) => assessment.title.startsWith('Audit TCM 202'));
    const [earlier, later] = [...riviere].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((item) => item.id);
    const count = backend.db.assessments.length;
    expect(caught(() => backend.handle('create_reaudit', { input: { from: later, title: '  ' } }))).toMatchObject({ kind: 'invalidInput' });
    expect(caught(() => backend.handle('create_reaudit', { input: { from: earlier, title: 'Suivi' } }))).toMatchObject({ kind: 'internal' });
    expect(backend.db.assessments.length).toBe(count);

    const view = backend.handle('create_reaudit', { input: { from: later, title: ' Audit de suivi ' } }) as ReauditView;
    expect(view.from).toBe(later);
    const detail = backend.handle('assessment_detail', { assessment: view.assessment }) as AssessmentDetail;
    const source = backend.handle('assessment_detail', { assessment: later }) as AssessmentDetail;
    expect(detail.title).toBe('Audit de suivi');
    expect(detail.organisation.id).toBe(source.organisation.id);
    expect(detail.targets).toEqual(view.targets);
    expect(detail.respondents).toEqual([]);
    const carried = backend.db.actions.filter((action) => action.assessment === view.assessment);
    expect(carried.length).toBe(view.carriedActions);
    expect(carried.every((action) => action.status !== 'done' && action.status !== 'dismissed')).toBe(true);
  });

  it('serves the recorded benchmark: nothing from the seed alone, figures with the recorded folder', () => {
    const backend = new MockBackend(emptyDatabase());
    seed(backend);
    const riviere = backend.db.assessments.filter((assessment) => assessment.title.startsWith('Audit TCM 202'));
    const [earlier, later] = [...riviere].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((item) => item.id);
    const benchmark = (filter: string, language = 'fr') =>
      backend.handle('assessment_benchmark', { assessment: later, filter, language }) as BenchmarkView;
    const alone = benchmark('most-specific');
    expect(alone.figures).toEqual([]);
    expect(alone.filters).toEqual([]);
    backend.handle('set_benchmark_folder', { folder: GROUP_FOLDER });
    expect(backend.db.benchmarkFolder).toBe(GROUP_FOLDER);
    const added = benchmark('most-specific');
    expect(added.assessment).toBe(later);
    expect(added.figures).toHaveLength(6);
    expect(added.figures.every((figure) => figure.count >= 5)).toBe(true);
    expect(added.filesRead).toBe(14);
    expect(added.folder).toBe(GROUP_FOLDER);
    expect(benchmark('all', 'en').figures[0].sentence).toMatch(/of your \d+ audits$/);
    expect(caught(() => backend.handle('set_benchmark_folder', { folder: '/elsewhere' }))).toMatchObject({ kind: 'storage' });
    expect(backend.db.benchmarkFolder).toBe(GROUP_FOLDER);
    backend.handle('set_benchmark_folder', { folder: null });
    expect(benchmark('most-specific').figures).toEqual([]);
    // Another assessment's state was not recorded: no invented figures.
    expect(
      caught(() => backend.handle('assessment_benchmark', { assessment: earlier, filter: 'all', language: 'fr' })),
    ).toMatchObject({ kind: 'internal' });
  });
});
