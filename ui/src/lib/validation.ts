// What the forms check before sending (the backend checks again and has the last word).
// Each problem is a catalogue key under `validation.`. Closed lists (mode, language, status,
// sector, size) are typed by the generated bindings: a value outside them does not compile.
import type { AssessmentStatus } from './bindings/AssessmentStatus';
import type { LanguageCode } from './bindings/LanguageCode';
import type { Mode } from './bindings/Mode';
import type { OrganisationSize } from './bindings/OrganisationSize';
import type { Sector } from './bindings/Sector';

export interface NewAssessmentForm {
  organisationKind: 'new' | 'existing';
  organisationId: number | null;
  name: string;
  /** Empty until the user picks one. */
  sector: Sector | '';
  /** Empty: not given. */
  size: OrganisationSize | '';
  title: string;
  mode: Mode;
  language: LanguageCode;
  questionnaireId: string;
  targets: number[];
  firstRespondent: string;
}

export type NewAssessmentErrors = Partial<Record<'organisation' | 'name' | 'sector' | 'title' | 'targets' | 'questionnaire', string>>;

export const MAX_NAME = 120;

export function validateNewAssessment(form: NewAssessmentForm): NewAssessmentErrors {
  const errors: NewAssessmentErrors = {};
  if (form.organisationKind === 'existing') {
    if (form.organisationId === null) errors.organisation = 'organisationRequired';
  } else {
    if (!form.name.trim()) errors.name = 'nameRequired';
    else if (form.name.trim().length > MAX_NAME) errors.name = 'tooLong';
    if (!form.sector) errors.sector = 'sectorRequired';
  }
  // In the order of the form: the first one gets the focus.
  const { title, targets } = validateAssessmentUpdate(form);
  if (title) errors.title = title;
  if (!form.questionnaireId) errors.questionnaire = 'questionnaireRequired';
  if (targets) errors.targets = targets;
  return errors;
}

/** What can change once an assessment started (`AssessmentUpdate`). */
export interface AssessmentUpdateForm {
  title: string;
  mode: Mode;
  language: LanguageCode;
  status: AssessmentStatus;
  targets: number[];
}

export type AssessmentUpdateErrors = Partial<Record<'title' | 'targets', string>>;

export function validateAssessmentUpdate(
  form: Pick<AssessmentUpdateForm, 'title' | 'targets'> & Partial<AssessmentUpdateForm>,
): AssessmentUpdateErrors {
  const errors: AssessmentUpdateErrors = {};
  if (!form.title.trim()) errors.title = 'titleRequired';
  else if (form.title.trim().length > MAX_NAME) errors.title = 'tooLong';
  if (form.targets.length !== 5 || form.targets.some((target) => !Number.isInteger(target) || target < 1 || target > 4))
    errors.targets = 'targetRange';
  return errors;
}

export interface ActionForm {
  title: string;
  due: string;
  impact: number;
  effort: number;
}

export function validateAction(form: ActionForm): Partial<Record<'title' | 'due' | 'impact' | 'effort', string>> {
  const errors: Partial<Record<'title' | 'due' | 'impact' | 'effort', string>> = {};
  if (!form.title.trim()) errors.title = 'actionTitleRequired';
  if (form.due && (!/^\d{4}-\d{2}-\d{2}$/.test(form.due) || Number.isNaN(Date.parse(form.due)))) errors.due = 'dateInvalid';
  for (const field of ['impact', 'effort'] as const)
    if (!Number.isInteger(form[field]) || form[field] < 1 || form[field] > 3) errors[field] = 'scaleRange';
  return errors;
}
