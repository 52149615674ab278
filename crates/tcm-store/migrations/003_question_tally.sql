-- Version 3: per-question counts of an assessment's answers, kept current by every write of
-- an answer, so that saving one answer refreshes the assessment's summary in time
-- proportional to the number of questions rather than of answers (see src/tally.rs).
CREATE TABLE question_tally (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    level_sum INTEGER NOT NULL DEFAULT 0,
    levels INTEGER NOT NULL DEFAULT 0,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    dont_know INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

INSERT INTO question_tally (assessment_id, question_id, level_sum, levels, not_applicable, dont_know)
SELECT r.assessment_id, a.question_id,
       sum(CASE WHEN a.value IN ('0', '1', '2', '3', '4') THEN CAST(a.value AS INTEGER) ELSE 0 END),
       sum(a.value IN ('0', '1', '2', '3', '4')),
       sum(a.value = 'NA'),
       sum(a.value = '?')
  FROM answer a JOIN respondent r ON r.id = a.respondent_id
 GROUP BY r.assessment_id, a.question_id;

-- Imports look respondents up by label: one index makes that a lookup, not a scan.
CREATE INDEX IF NOT EXISTS respondent_by_assessment ON respondent (assessment_id);
