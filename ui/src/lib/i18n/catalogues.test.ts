// The catalogues are complete and consistent: same keys in French and English, every key the
// code uses exists, and French text follows French typography.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../bindings/ErrorDetail';
import type { ErrorKind } from '../bindings/ErrorKind';
import en from './en.json';
import fr from './fr.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'bindings' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const here = dirname(fileURLToPath(import.meta.url));
const french = flatten(fr as Catalogue);
const english = flatten(en as Catalogue);

/** Keys the code builds from a value (`level.${n}`, `error.kind.${kind}`…). */
function builtKeys(): string[] {
  const kinds: ErrorKind[] = ['invalidQuestionnaire', 'notFound', 'invalidInput', 'storage', 'cancelled', 'internal'];
  const modes = ['self', 'workshop', 'classroom'];
  // Every code the backend sends (a new one missing here fails `npm run check`).
  const everyErrorCode: Record<ErrorDetail['code'], true> = {
    databaseDamaged: true,
    databaseNewer: true,
    databaseUpdateFailed: true,
    notAFile: true,
    diskFull: true,
    readOnly: true,
    diskFailure: true,
    textTooLong: true,
    textOnlyControls: true,
    notFound: true,
    cancelled: true,
    forbiddenOutput: true,
    noDataFolder: true,
    chosenDatabaseMissing: true,
  };
  const errorCodes = Object.keys(everyErrorCode);
  return [
    ...kinds.map((kind) => `error.kind.${kind}`),
    ...errorCodes.map((code) => `errors.${code}`),
    ...[1, 2, 3, 4, 5].map((level) => `level.${level}`),
    ...['import', 'export', 'report', 'backup', 'restore', 'classImport', 'benchmark'].map((kind) => `operation.title.${kind}`),
    ...['reading', 'checking', 'gathering', 'rendering', 'copying', 'writing', 'saving'].map(
      (step) => `operation.step.${step}`,
    ),
    ...[1, 2, 3, 4].map((level) => `scale.${level}`),
    ...[1, 2, 3].map((level) => `plan.scale${level}`),
    ...['quickWins', 'projects', 'fillIns', 'avoid'].map((quadrant) => `plan.quadrant.${quadrant}`),
    ...['impact', 'effort'].map((axis) => `plan.${axis}`),
    ...['auto', 'manual', 'before-migration', 'before-restore', 'other'].map((kind) => `backups.kinds.${kind}`),
    ...['created', 'updated', 'alreadyPresent', 'copied', 'replaced', 'merged', 'responses'].map((outcome) => `import.outcome.${outcome}`),
    ...['xlsx', 'xlsform', 'script', 'word', 'lss', 'choices'].flatMap((form) => ['name', 'help', 'file'].map((part) => `forms.${part}.${form}`)),
    ...['pdf', 'docx', 'xlsx', 'milestones', 'csv', 'tcm', 'anonymousTcm', 'grid', 'responses'].flatMap((kind) =>
      ['working', 'done', 'failed'].map((state) => `export.${state}.${kind}`),
    ),
    ...modes.flatMap((mode) => [
      `newAssessment.modeHelp.${mode}`,
      `newAssessment.respondentLabel.${mode}`,
      `newAssessment.respondentHint.${mode}`,
      `respondent.who.${mode}`,
      `respondent.many.${mode}`,
      `consensus.choice.${mode}`,
      `respondent.firstTitle.${mode}`,
      `respondent.firstText.${mode}`,
    ]),
    ...['questionnaire', 'results', 'plan', 'export'].map((tab) => `nav.${tab}`),
    ...['anonymiseKeep', 'anonymiseRemove', 'eraseKeep', 'eraseRemove'].flatMap((choice) =>
      ['choice', 'confirmTitle', 'confirm', 'explain'].map((part) => `privacy.${part}.${choice}`),
    ),
    ...['saved', 'savedTargets'].map((outcome) => `assessment.${outcome}`),
    ...['fr', 'en'].map((language) => `language.${language}`),
    ...['read', 'files', 'grade', 'debrief'].map((view) => `class.tab.${view}`),
    ...['unreadable', 'wrongCase', 'wrongQuestionnaire', 'duplicateGroup', 'noAnswers'].map(
      (reason) => `class.files.reasons.${reason}`,
    ),
    ...['exact', 'nearMiss', 'farMiss', 'bothNotApplicable', 'notApplicableMismatch', 'unanswered'].map(
      (outcome) => `class.grade.outcome.${outcome}`,
    ),
    ...['organisationRequired', 'nameRequired', 'sectorRequired', 'titleRequired', 'tooLong'].map(
      (problem) => `validation.${problem}`,
    ),
    ...['questionnaireRequired', 'targetRange', 'actionTitleRequired', 'dateInvalid', 'scaleRange'].map(
      (problem) => `validation.${problem}`,
    ),
  ];
}

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('hold every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(here, '..', '..'))) {
      const text = readFileSync(file, 'utf-8');
      for (const match of text.matchAll(/\$_\(\s*'([\w.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((key) => !french.has(key) || !english.has(key));
    expect(missing).toEqual([]);
  });

  it('hold every key the code builds from a value', () => {
    const families = builtKeys();
    const missing = families.filter((key) => !french.has(key) || !english.has(key));
    expect(missing).toEqual([]);
  });

  it('hold no key that nothing uses', () => {
    const text = sourceFiles(join(here, '..', '..'))
      .map((file) => readFileSync(file, 'utf-8'))
      .join('\n');
    const built = new Set(builtKeys());
    const unused = [...french.keys()].filter((key) => !built.has(key) && !text.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('hold ICU messages that parse, with the same placeholders in both languages', () => {
    const names = (message: string, locale: string): string[] => {
      const found = new Set<string>();
      type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
      const walk = (elements: Element[]) => {
        for (const element of elements) {
          // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural.
          if (element.type >= 1 && element.type <= 6) found.add(String(element.value));
          for (const option of Object.values(element.options ?? {})) walk(option.value);
        }
      };
      walk(new IntlMessageFormat(message, locale).getAst() as Element[]);
      return [...found].sort();
    };
    const different: string[] = [];
    for (const [key, text] of french) {
      expect(text.trim(), key).not.toBe('');
      expect(english.get(key)?.trim(), key).not.toBe('');
      if (names(text, 'fr').join() !== names(english.get(key) ?? '', 'en').join()) different.push(key);
    }
    expect(different).toEqual([]);
  });

  it('write French with non-breaking spaces before ? ! ; : and inside « »', () => {
    const problems: string[] = [];
    for (const [key, text] of french) {
      const plain = text.replace(/\{[^{}]*\}/g, 'x');
      if (/ [?!;:]/.test(plain) || /[^\u00a0\u202f][?!;]/.test(plain.replace(/^[?!;]/, ''))) problems.push(key);
      if (/« |(?<!\u00a0)»/.test(text) || /«(?!\u00a0)/.test(text)) problems.push(key);
      if (/'/.test(plain)) problems.push(`${key} (typographic apostrophe ’ expected)`);
    }
    expect(problems).toEqual([]);
  });
});
