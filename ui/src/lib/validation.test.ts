import { describe, expect, it } from 'vitest';
import { validateAction, validateAssessmentUpdate, validateNewAssessment, type AssessmentUpdateForm, type NewAssessmentForm } from './validation';

const form = (changes: Partial<NewAssessmentForm> = {}): NewAssessmentForm => ({
  organisationKind: 'new',
  organisationId: null,
  name: 'Transports Rivière',
  sector: 'services',
  size: '',
  title: 'Audit 2026',
  mode: 'workshop',
  language: 'fr',
  questionnaireId: 'tcm-92',
  targets: [4, 4, 4, 4, 4],
  firstRespondent: '',
  ...changes,
});

describe('validateNewAssessment', () => {
  it('accepts a complete form', () => {
    expect(validateNewAssessment(form())).toEqual({});
    expect(validateNewAssessment(form({ organisationKind: 'existing', organisationId: 3, name: '', sector: '' }))).toEqual({});
  });

  it('names every missing field', () => {
    expect(validateNewAssessment(form({ name: '  ', sector: '', title: '' }))).toEqual({
      name: 'nameRequired',
      sector: 'sectorRequired',
      title: 'titleRequired',
    });
    expect(validateNewAssessment(form({ organisationKind: 'existing' }))).toEqual({ organisation: 'organisationRequired' });
  });

  it('refuses names that are too long and targets out of range', () => {
    expect(validateNewAssessment(form({ title: 'x'.repeat(121) }))).toEqual({ title: 'tooLong' });
    expect(validateNewAssessment(form({ targets: [4, 4, 4, 4] }))).toEqual({ targets: 'targetRange' });
    expect(validateNewAssessment(form({ targets: [0, 4, 4, 4, 4] }))).toEqual({ targets: 'targetRange' });
  });
});

describe('validateAssessmentUpdate', () => {
  const update: AssessmentUpdateForm = {
    title: 'Audit 2026',
    mode: 'workshop',
    language: 'en',
    status: 'completed',
    targets: [4, 3, 3, 2, 1],
  };

  it('accepts a complete change', () => {
    expect(validateAssessmentUpdate(update)).toEqual({});
  });

  it('wants a title and five targets from 1 to 4', () => {
    expect(validateAssessmentUpdate({ ...update, title: ' ' })).toEqual({ title: 'titleRequired' });
    expect(validateAssessmentUpdate({ ...update, title: 'x'.repeat(121) })).toEqual({ title: 'tooLong' });
    expect(validateAssessmentUpdate({ ...update, targets: [4, 4, 4, 4, 5] })).toEqual({ targets: 'targetRange' });
    expect(validateAssessmentUpdate({ ...update, targets: [4, 4, 4, 4] })).toEqual({ targets: 'targetRange' });
  });
});

describe('validateAction', () => {
  it('wants a title, a real date and impact and effort from 1 to 3', () => {
    expect(validateAction({ title: 'Do it', due: '', impact: 2, effort: 1 })).toEqual({});
    expect(validateAction({ title: ' ', due: '2027-02-31x', impact: 0, effort: 4 })).toEqual({
      title: 'actionTitleRequired',
      due: 'dateInvalid',
      impact: 'scaleRange',
      effort: 'scaleRange',
    });
  });
});
