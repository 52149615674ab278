import { describe, expect, it } from 'vitest';
import type { QuestionnaireDetail } from './bindings/QuestionnaireDetail';
import {
  flatten,
  isAnswered,
  nextUnanswered,
  overallProgress,
  ratio,
  resumeIndex,
  stageProgress,
  themeProgress,
} from './progress';

const text = (value: string) => ({ fr: value, en: value });
const question = (id: string) => ({
  id,
  text: text(id),
  help: text(''),
  weight: 1,
  source: '',
  rubric: null,
  mayNotApply: null,
  dependsOn: [],
});

const detail: QuestionnaireDetail = {
  id: 'tiny',
  version: '1.0.0',
  title: text('Tiny'),
  scale: [],
  questionCount: 5,
  stages: [
    {
      id: 'creative',
      name: text('Créative'),
      purpose: text(''),
      themes: [
        { id: 'a', name: text('A'), description: null, questions: [question('c1'), question('c2')] },
        { id: 'b', name: text('B'), description: null, questions: [question('c3')] },
      ],
    },
    {
      id: 'active',
      name: text('Active'),
      purpose: text(''),
      themes: [{ id: 'c', name: text('C'), description: null, questions: [question('a1'), question('a2')] }],
    },
  ],
};

const flat = flatten(detail);

describe('progress', () => {
  it('lists the questions stage by stage, theme by theme', () => {
    expect(flat.map((item) => item.question.id)).toEqual(['c1', 'c2', 'c3', 'a1', 'a2']);
    expect(flat.map((item) => item.inStage)).toEqual([0, 1, 2, 0, 1]);
    expect(flat.map((item) => item.stageIndex)).toEqual([0, 0, 0, 1, 1]);
    expect(flat[2]).toMatchObject({ index: 2, stageId: 'creative', themeId: 'b' });
  });

  it('counts levels, NA and “don’t know” as answered', () => {
    expect(['0', '4', 'NA', '?'].every(isAnswered)).toBe(true);
    expect([undefined, null, ''].some(isAnswered)).toBe(false);
  });

  it('counts progress per stage, per theme and overall', () => {
    const answers = new Map([
      ['c1', '2'],
      ['c3', 'NA'],
      ['a2', '?'],
    ]);
    expect(stageProgress(flat, answers)).toEqual(
      new Map([
        ['creative', { answered: 2, total: 3 }],
        ['active', { answered: 1, total: 2 }],
      ]),
    );
    expect(themeProgress(flat, answers).get('a')).toEqual({ answered: 1, total: 2 });
    expect(overallProgress(flat, answers)).toEqual({ answered: 3, total: 5 });
    expect(ratio({ answered: 3, total: 5 })).toBe(0.6);
    expect(ratio({ answered: 0, total: 0 })).toBe(0);
  });

  it('resumes on the remembered question, else the first unanswered, else the first', () => {
    const answers = new Map([
      ['c1', '1'],
      ['c2', '3'],
    ]);
    expect(resumeIndex(flat, answers, 'a1')).toBe(3);
    expect(resumeIndex(flat, answers, 'c2')).toBe(1);
    expect(resumeIndex(flat, answers, 'gone')).toBe(2);
    expect(resumeIndex(flat, answers, null)).toBe(2);
    const all = new Map(flat.map((item) => [item.question.id, '4']));
    expect(resumeIndex(flat, all, null)).toBe(0);
  });

  it('finds the next unanswered question, wrapping round', () => {
    const answers = new Map([
      ['c2', '1'],
      ['c3', '1'],
      ['a1', '1'],
      ['a2', '1'],
    ]);
    expect(nextUnanswered(flat, answers, 1)).toBe(0);
    expect(nextUnanswered(flat, new Map(), 4)).toBe(0);
    expect(nextUnanswered(flat, new Map(flat.map((item) => [item.question.id, '2'])), 0)).toBeNull();
  });
});
