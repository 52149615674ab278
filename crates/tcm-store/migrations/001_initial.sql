-- TCM Workbench schema, version 1. Times are RFC 3339 texts in UTC. Every table that belongs
-- to an assessment is deleted with it.

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sector TEXT NOT NULL CHECK (sector IN ('industry', 'services', 'bank-insurance', 'retail', 'public-sector', 'association', 'other')),
    size TEXT CHECK (size IN ('micro', 'small', 'medium', 'large')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The questionnaire an assessment uses, kept whole (format-1 TOML), so that an old assessment
-- stays readable and scorable after the grid changes. Shared by assessments using the same one.
CREATE TABLE questionnaire_snapshot (
    id INTEGER PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    version TEXT NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (questionnaire_id, version, content)
);

CREATE TABLE assessment (
    id INTEGER PRIMARY KEY,
    -- A global id: how a portable .tcm file recognises the same assessment on import.
    uuid TEXT NOT NULL UNIQUE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    questionnaire_snapshot_id INTEGER NOT NULL REFERENCES questionnaire_snapshot (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    mode TEXT NOT NULL CHECK (mode IN ('self', 'workshop', 'classroom')),
    language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    target_creative INTEGER NOT NULL DEFAULT 4 CHECK (target_creative BETWEEN 1 AND 4),
    target_active INTEGER NOT NULL DEFAULT 4 CHECK (target_active BETWEEN 1 AND 4),
    target_curative INTEGER NOT NULL DEFAULT 4 CHECK (target_curative BETWEEN 1 AND 4),
    target_preventive INTEGER NOT NULL DEFAULT 4 CHECK (target_preventive BETWEEN 1 AND 4),
    target_proactive INTEGER NOT NULL DEFAULT 4 CHECK (target_proactive BETWEEN 1 AND 4),
    status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'archived')),
    -- Kept up to date on every change, so that lists never rescore: questions with a value,
    -- questions in the questionnaire, and the overall TCM index (NULL when there is none).
    answered_questions INTEGER NOT NULL DEFAULT 0,
    question_count INTEGER NOT NULL,
    overall_score REAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assessment_by_organisation ON assessment (organisation_id);
CREATE INDEX assessment_by_update ON assessment (updated_at);

CREATE TABLE respondent (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    role TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (assessment_id, label)
);

CREATE TABLE answer (
    respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value TEXT NOT NULL CHECK (value IN ('0', '1', '2', '3', '4', 'NA', '?')),
    comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (respondent_id, question_id)
) WITHOUT ROWID;

CREATE TABLE consensus (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value TEXT NOT NULL CHECK (value IN ('0', '1', '2', '3', '4', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

-- Actions the user keeps in the plan: proposals taken up, edited, closed or dismissed (linked
-- to a question), and actions they added (linked to a stage).
CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    question_id TEXT,
    stage TEXT CHECK (stage IN ('creative', 'active', 'curative', 'preventive', 'proactive')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'planned', 'in-progress', 'done', 'dismissed')),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 3),
    effort INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 3),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((question_id IS NULL) <> (stage IS NULL))
);
CREATE UNIQUE INDEX action_per_question ON action (assessment_id, question_id) WHERE question_id IS NOT NULL;
CREATE INDEX action_by_assessment ON action (assessment_id);

-- Finalised scores, for comparisons over time.
CREATE TABLE score_snapshot (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL,
    respondents INTEGER NOT NULL,
    overall REAL,
    creative REAL,
    active REAL,
    curative REAL,
    preventive REAL,
    proactive REAL
);
CREATE INDEX score_snapshot_by_assessment ON score_snapshot (assessment_id, taken_at);
