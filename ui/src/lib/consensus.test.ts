import { describe, expect, it } from 'vitest';
import { consensusOffered, isConsensusValue, spreadOf } from './consensus';

const people = [{ label: 'Claire' }, { label: 'Karim' }, { label: 'Sophie' }];

describe('consensusOffered', () => {
  it('is offered where several people answer', () => {
    expect(consensusOffered('workshop', 1)).toBe(true);
    expect(consensusOffered('classroom', 4)).toBe(true);
    expect(consensusOffered('self', 2)).toBe(true);
    expect(consensusOffered('self', 1)).toBe(false);
    expect(consensusOffered('workshop', 0)).toBe(false);
  });
});

describe('isConsensusValue', () => {
  it('takes a level or NA, never “don’t know”', () => {
    expect(['0', '4', 'NA'].every(isConsensusValue)).toBe(true);
    expect(['?', '5', '', null, undefined].some(isConsensusValue)).toBe(false);
  });
});

describe('spreadOf', () => {
  it('lists every respondent in order, with their answer or none', () => {
    const spread = spreadOf(people, [
      { respondent: 'Sophie', answer: '1', comment: 'Only in two agencies' },
      { respondent: 'Claire', answer: '3', comment: '' },
    ]);
    expect(spread.rows).toEqual([
      { respondent: 'Claire', answer: '3', comment: '' },
      { respondent: 'Karim', answer: null, comment: '' },
      { respondent: 'Sophie', answer: '1', comment: 'Only in two agencies' },
    ]);
    expect(spread).toMatchObject({ mean: 2, min: 1, max: 3, answered: 2, levels: 2, unanimous: false });
  });

  it('leaves NA and ? out of the mean, and tells a unanimous group', () => {
    const spread = spreadOf(people, [
      { respondent: 'Claire', answer: '2', comment: '' },
      { respondent: 'Karim', answer: 'NA', comment: '' },
      { respondent: 'Sophie', answer: '2', comment: '' },
    ]);
    expect(spread).toMatchObject({ mean: 2, min: 2, max: 2, answered: 3, levels: 2, unanimous: true });
    expect(spreadOf(people, [{ respondent: 'Karim', answer: '?', comment: '' }])).toMatchObject({
      mean: null,
      min: null,
      answered: 1,
      levels: 0,
      unanimous: false,
    });
  });

  it('keeps answers of a respondent the list does not know yet', () => {
    const spread = spreadOf([{ label: 'Claire' }], [{ respondent: 'Nouveau', answer: '4', comment: '' }]);
    expect(spread.rows.map((row) => [row.respondent, row.answer])).toEqual([
      ['Claire', null],
      ['Nouveau', '4'],
    ]);
    expect(spread.mean).toBe(4);
  });
});
