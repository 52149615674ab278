import { describe, expect, it } from 'vitest';
import type { PlanItemView } from './bindings/PlanItemView';
import { counts, filterPlan, groupByStage, isOpen, matrix, matrixPlace, quadrant, toInput } from './plan';
import type { StageId } from './bindings/StageId';

const CYCLE: StageId[] = ['creative', 'active', 'curative', 'preventive', 'proactive'];

function item(key: string, changes: Partial<PlanItemView> = {}): PlanItemView {
  return {
    key,
    origin: 'proposal',
    actionId: null,
    questionId: key.replace('question:', ''),
    stage: 'creative',
    title: key,
    description: '',
    owner: '',
    due: null,
    status: 'proposed',
    impact: 2,
    effort: 2,
    gap: 1,
    priority: 1,
    label: null,
    ...changes,
  };
}

const plan = [
  item('question:pro-1', { stage: 'proactive', impact: 3, effort: 1, label: 'quickWin' }),
  item('question:cre-1', { stage: 'creative', impact: 1, effort: 3, label: 'structuralProject' }),
  item('action:7', { origin: 'kept', actionId: 7, stage: 'curative', status: 'done' }),
  item('question:cre-2', { stage: 'creative', status: 'dismissed', origin: 'kept', actionId: 8 }),
  item('action:9', { origin: 'kept', actionId: 9, questionId: null, stage: 'active', status: 'planned', gap: null, priority: null }),
];

describe('plan', () => {
  it('tells open items from closed ones', () => {
    expect(plan.map(isOpen)).toEqual([true, true, false, false, true]);
  });

  it('filters by stage, status and label', () => {
    const keys = (items: PlanItemView[]) => items.map((entry) => entry.key);
    expect(keys(filterPlan(plan, { stage: null, status: 'open', label: null }))).toEqual([
      'question:pro-1',
      'question:cre-1',
      'action:9',
    ]);
    expect(keys(filterPlan(plan, { stage: null, status: 'closed', label: null }))).toEqual(['action:7', 'question:cre-2']);
    expect(keys(filterPlan(plan, { stage: 'creative', status: 'all', label: null }))).toEqual([
      'question:cre-1',
      'question:cre-2',
    ]);
    expect(keys(filterPlan(plan, { stage: null, status: 'all', label: 'quickWin' }))).toEqual(['question:pro-1']);
  });

  it('groups by stage in the order of the cycle, keeping the plan order inside', () => {
    expect(groupByStage(plan, CYCLE).map((group) => [group.stage, group.items.map((entry) => entry.key)])).toEqual([
      ['creative', ['question:cre-1', 'question:cre-2']],
      ['active', ['action:9']],
      ['curative', ['action:7']],
      ['proactive', ['question:pro-1']],
    ]);
    expect(groupByStage([], CYCLE)).toEqual([]);
  });

  it('places items on the 3 × 3 matrix, high impact on top, low effort on the left', () => {
    expect(matrixPlace({ impact: 3, effort: 1 })).toEqual({ row: 0, column: 0 });
    expect(matrixPlace({ impact: 1, effort: 3 })).toEqual({ row: 2, column: 2 });
    expect(matrixPlace({ impact: 2, effort: 2 })).toEqual({ row: 1, column: 1 });
    // Out-of-range values stay on the grid.
    expect(matrixPlace({ impact: 9, effort: 0 })).toEqual({ row: 0, column: 0 });
    const cells = matrix(plan);
    expect(cells).toHaveLength(3);
    expect(cells.every((row) => row.length === 3)).toBe(true);
    expect(cells[0][0].map((entry) => entry.key)).toEqual(['question:pro-1']);
    expect(cells[2][2].map((entry) => entry.key)).toEqual(['question:cre-1']);
    expect(cells[1][1].map((entry) => entry.key)).toEqual(['action:7', 'question:cre-2', 'action:9']);
    expect(cells.flat(2)).toHaveLength(plan.length);
  });

  it('names the quadrants', () => {
    expect(quadrant(0, 0)).toBe('quickWins');
    expect(quadrant(1, 0)).toBe('quickWins');
    expect(quadrant(0, 2)).toBe('projects');
    expect(quadrant(2, 0)).toBe('fillIns');
    expect(quadrant(2, 1)).toBe('avoid');
  });

  it('builds the command input: a question link, or a stage for an added action', () => {
    expect(toInput(plan[0], { owner: 'Claire', due: '2027-03-31', status: 'planned' })).toEqual({
      questionId: 'pro-1',
      stage: null,
      title: 'question:pro-1',
      description: '',
      owner: 'Claire',
      due: '2027-03-31',
      status: 'planned',
      impact: 3,
      effort: 1,
    });
    expect(toInput(plan[4], { due: '' })).toMatchObject({ questionId: null, stage: 'active', due: null });
  });

  it('counts open items, quick wins, kept and done actions', () => {
    expect(counts(plan)).toEqual({ open: 3, quickWins: 1, kept: 3, done: 1 });
  });
});
