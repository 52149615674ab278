-- Version 005: class exercises. A class exercise is an assessment (mode 'classroom') whose
-- respondents are the groups of a class auditing a case study; this table names the case
-- (id and version, as the case file gives them) so that the app shows its text beside the
-- questions and grades the groups against its key.
CREATE TABLE class_exercise (
    assessment_id INTEGER PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    case_id TEXT NOT NULL CHECK (length(trim(case_id)) > 0),
    case_version TEXT NOT NULL,
    created_at TEXT NOT NULL
);
