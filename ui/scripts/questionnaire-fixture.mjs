// Writes src/mock/fixtures/questionnaires.json from the bundled grids (questionnaires/*.toml),
// for the mock backend only. Run it again when a grid changes: `npm run fixture`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (name) => parse(readFileSync(join(root, 'questionnaires', name), 'utf-8'));
const text = (value) => ({ fr: value.fr, en: value.en });

const grid = read('tcm-92.toml');
const classroom = read('tcm-25-classroom.toml');

const fixture = {
  full: {
    id: grid.id,
    version: grid.version,
    title: text(grid.title),
    description: text(grid.description),
    scale: grid.scale.map((level) => ({
      level: level.level,
      label: text(level.label),
      description: text(level.description),
    })),
    stages: grid.stages.map((stage) => ({ id: stage.id, name: text(stage.name), purpose: text(stage.purpose) })),
    themes: grid.themes.map((theme) => ({
      id: theme.id,
      stage: theme.stage,
      name: text(theme.name),
      description: theme.description ? text(theme.description) : null,
    })),
    questions: grid.questions.map((question) => ({
      id: question.id,
      stage: question.stage,
      theme: question.theme,
      weight: question.weight ?? 1,
      source: question.source ?? '',
      text: text(question.text),
      help: text(question.help),
      rubric: question.rubric ? [0, 1, 2, 3, 4].map((level) => ({ fr: question.rubric.fr[level], en: question.rubric.en[level] })) : null,
      mayNotApply: question.may_not_apply ? text(question.may_not_apply) : null,
      dependsOn: question.depends_on ?? [],
      action: {
        title: text(question.action.title),
        description: text(question.action.description),
        impact: question.action.impact,
        effort: question.action.effort,
      },
    })),
  },
  variants: [
    {
      id: classroom.id,
      version: classroom.version,
      title: text(classroom.title),
      description: text(classroom.description),
      // An entry is an id, or a table with an id and a `look_for` line for students.
      questions: classroom.questions.map((entry) => (typeof entry === 'string' ? entry : entry.id)),
    },
  ],
};

const out = join(root, 'ui', 'src', 'mock', 'fixtures', 'questionnaires.json');
writeFileSync(out, JSON.stringify(fixture, null, 1) + '\n');
console.log(`wrote ${out}: ${fixture.full.questions.length} questions, ${fixture.variants.length} variant(s)`);
