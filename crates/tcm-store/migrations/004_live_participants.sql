-- Version 004: participants of live workshop sessions. A participant is a respondent of the
-- assessment (their name or "Participant N", their group and where they are live on the
-- respondent row); this table only maps the SHA-256 of the token their device holds to that
-- respondent, so that a device resumes after the app restarts. The token itself is never stored.
CREATE TABLE live_participant (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
    issued_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX live_participant_by_assessment ON live_participant (assessment_id);
