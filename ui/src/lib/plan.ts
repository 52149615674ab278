// The action plan as the screen arranges it: filters, groups by stage, the impact/effort
// matrix, and the input a change sends back.
import type { ActionInput } from './bindings/ActionInput';
import type { PlanItemView } from './bindings/PlanItemView';
import type { PlanLabel } from './bindings/PlanLabel';
import type { StageId } from './bindings/StageId';

export type StatusFilter = 'open' | 'all' | 'closed';

export interface PlanFilter {
  stage: StageId | null;
  status: StatusFilter;
  /** null for any. */
  label: PlanLabel | null;
}

/** Still to do: neither done nor dismissed. */
export function isOpen(item: Pick<PlanItemView, 'status'>): boolean {
  return item.status !== 'done' && item.status !== 'dismissed';
}

export function filterPlan(items: PlanItemView[], filter: PlanFilter): PlanItemView[] {
  return items.filter(
    (item) =>
      (filter.stage === null || item.stage === filter.stage) &&
      (filter.status === 'all' || (filter.status === 'open') === isOpen(item)) &&
      (filter.label === null || item.label === filter.label),
  );
}

/**
 * The stages that have items, in `cycle` order (the questionnaire's stages, as the backend
 * gives them); items keep their plan order.
 */
export function groupByStage(items: PlanItemView[], cycle: readonly StageId[]): { stage: StageId; items: PlanItemView[] }[] {
  const known = new Set<StageId>(cycle);
  const order = [...cycle, ...new Set(items.map((item) => item.stage).filter((stage) => !known.has(stage)))];
  return order
    .map((stage) => ({ stage, items: items.filter((item) => item.stage === stage) }))
    .filter((group) => group.items.length > 0);
}

const clamp = (value: number) => Math.min(3, Math.max(1, Math.round(value) || 1));

/** Row 0 is high impact (3), column 0 is low effort (1). */
export function matrixPlace(item: Pick<PlanItemView, 'impact' | 'effort'>): { row: number; column: number } {
  return { row: 3 - clamp(item.impact), column: clamp(item.effort) - 1 };
}

/** The 3 × 3 impact/effort grid: cells[row][column], each in plan order. */
export function matrix(items: PlanItemView[]): PlanItemView[][][] {
  const cells: PlanItemView[][][] = [0, 1, 2].map(() => [[], [], []]);
  for (const item of items) {
    const { row, column } = matrixPlace(item);
    cells[row][column].push(item);
  }
  return cells;
}

/** What a matrix cell means: do first, plan, consider, or avoid. */
export function quadrant(row: number, column: number): 'quickWins' | 'projects' | 'fillIns' | 'avoid' {
  const impact = 3 - row;
  const effort = column + 1;
  if (impact >= 2 && effort === 1) return 'quickWins';
  if (impact >= 2) return 'projects';
  if (effort === 1) return 'fillIns';
  return 'avoid';
}

export type ActionFields = Pick<ActionInput, 'title' | 'description' | 'owner' | 'due' | 'status' | 'impact' | 'effort'>;

/** The input for keeping or updating an item, with some fields changed. */
export function toInput(item: PlanItemView, changes: Partial<ActionFields> = {}): ActionInput {
  const fields: ActionFields = {
    title: item.title,
    description: item.description,
    owner: item.owner,
    due: item.due,
    status: item.status,
    impact: item.impact,
    effort: item.effort,
    ...changes,
  };
  return {
    questionId: item.questionId,
    stage: item.questionId ? null : item.stage,
    ...fields,
    due: fields.due ? fields.due : null,
  };
}

export interface PlanCounts {
  open: number;
  quickWins: number;
  kept: number;
  done: number;
}

export function counts(items: PlanItemView[]): PlanCounts {
  return {
    open: items.filter(isOpen).length,
    quickWins: items.filter((item) => isOpen(item) && item.label === 'quickWin').length,
    kept: items.filter((item) => item.origin === 'kept').length,
    done: items.filter((item) => item.status === 'done').length,
  };
}
