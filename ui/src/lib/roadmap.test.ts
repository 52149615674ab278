import { describe, expect, it } from 'vitest';
import type { InitiativeView } from './bindings/InitiativeView';
import type { WaveView } from './bindings/WaveView';
import { dayNumber, focused, owners, place, progress, quarters, spanOf, waveAt } from './roadmap';

const WAVES: WaveView[] = [
  { number: 1, name: 'Vague 1', start: '2026-11-23', end: '2027-02-23' },
  { number: 2, name: 'Vague 2', start: '2027-02-23', end: '2027-11-23' },
  { number: 3, name: 'Vague 3', start: '2027-11-23', end: '2028-11-23' },
];

function initiative(id: string, changes: Partial<InitiativeView> = {}): InitiativeView {
  return {
    id,
    rank: 1,
    stage: 'creative',
    themes: [id],
    title: id,
    goal: '',
    questions: [],
    actions: [],
    effort: 1,
    impact: 1,
    priority: 1,
    current: null,
    reached: null,
    foundation: false,
    prerequisite: false,
    quickWin: false,
    after: [],
    wave: 1,
    start: '2026-11-23',
    end: '2027-02-23',
    waveSource: 'derived',
    leads: true,
    ...changes,
  };
}

function action(owner: string, status: InitiativeView['actions'][number]['status']) {
  return { questionId: null, title: 't', owner, due: null, status, impact: 1, effort: 1, label: null };
}

describe('roadmap layout', () => {
  const span = spanOf(WAVES, []);

  it('counts days without daylight-saving drift', () => {
    expect(dayNumber('2027-03-29') - dayNumber('2027-03-27')).toBe(2);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('spans the waves, and widens for dates the user set outside them', () => {
    expect(span).toEqual({ start: dayNumber('2026-11-23'), end: dayNumber('2028-11-23') });
    const wider = spanOf(WAVES, [initiative('a', { start: '2026-10-01', end: '2029-01-01' })]);
    expect(wider).toEqual({ start: dayNumber('2026-10-01'), end: dayNumber('2029-01-01') });
    expect(spanOf([], [])).toEqual({ start: 0, end: 1 });
  });

  it('places bars in percent of the span, never outside it and never invisible', () => {
    const first = place('2026-11-23', '2027-02-23', span);
    expect(first.left).toBe(0);
    expect(first.width).toBeCloseTo((92 / 731) * 100, 5);
    const last = place('2027-11-23', '2028-11-23', span);
    expect(last.left + last.width).toBeCloseTo(100, 5);
    expect(place('2026-11-23', '2026-11-23', span).width).toBe(1);
    const outside = place('2030-01-01', '2031-01-01', span);
    expect(outside.left).toBe(99);
    expect(outside.width).toBe(1);
  });

  it('labels the quarters the span covers, cut at its edges', () => {
    const labels = quarters(span, 'T');
    expect(labels.map((quarter) => quarter.label)).toEqual([
      'T4 2026',
      'T1 2027',
      'T2 2027',
      'T3 2027',
      'T4 2027',
      'T1 2028',
      'T2 2028',
      'T3 2028',
      'T4 2028',
    ]);
    expect(labels[0].left).toBe(0);
    const total = labels.reduce((sum, quarter) => sum + quarter.width, 0);
    expect(total).toBeCloseTo(100, 5);
  });

  it('finds the wave under a point of the timeline, the nearest outside', () => {
    expect(waveAt(0, span, WAVES)).toBe(1);
    expect(waveAt(0.1, span, WAVES)).toBe(1);
    expect(waveAt(0.3, span, WAVES)).toBe(2);
    expect(waveAt(0.9, span, WAVES)).toBe(3);
    expect(waveAt(1, span, WAVES)).toBe(3);
    expect(waveAt(-5, span, WAVES)).toBe(1);
    expect(waveAt(Number.NaN, span, WAVES)).toBeNull();
    expect(waveAt(0.5, span, [])).toBeNull();
  });
});

describe('initiatives', () => {
  it('lists owners once each, in order, ignoring blanks', () => {
    const one = initiative('a', {
      actions: [action('Claire', 'planned'), action(' ', 'proposed'), action('Marc', 'done'), action('Claire ', 'planned')],
    });
    expect(owners(one)).toEqual(['Claire', 'Marc']);
  });

  it('is started once an action is in progress or done', () => {
    expect(progress(initiative('a', { actions: [action('', 'proposed'), action('', 'planned')] }))).toBe('notStarted');
    expect(progress(initiative('a', { actions: [action('', 'in-progress')] }))).toBe('started');
    expect(progress(initiative('a', { actions: [action('', 'done')] }))).toBe('started');
  });

  it('leads with the focused initiatives and keeps every other one reachable', () => {
    const all = [initiative('a'), initiative('b', { leads: false }), initiative('c')];
    const { lead, rest } = focused(all);
    expect(lead.map((i) => i.id)).toEqual(['a', 'c']);
    expect(rest.map((i) => i.id)).toEqual(['b']);
  });
});
