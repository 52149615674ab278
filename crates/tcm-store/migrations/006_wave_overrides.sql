-- Version 005: the user's wave overrides in an assessment's roadmap. An initiative (named by
-- its id, derived from its themes: `stage:<stage>` or `theme+theme`) is either moved to a
-- wave (1, 2 or 3) or given explicit dates (ISO days, end never before start). Deriving the
-- strategy again reads these rows and never writes them: only the user sets or clears one.
CREATE TABLE wave_override (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    initiative_id TEXT NOT NULL CHECK (length(initiative_id) BETWEEN 1 AND 400),
    wave INTEGER CHECK (wave BETWEEN 1 AND 3),
    start_date TEXT CHECK (start_date IS NULL OR length(start_date) = 10),
    end_date TEXT CHECK (end_date IS NULL OR length(end_date) = 10),
    updated_at TEXT NOT NULL,
    CHECK (
        (wave IS NOT NULL AND start_date IS NULL AND end_date IS NULL)
        OR (wave IS NULL AND start_date IS NOT NULL AND end_date IS NOT NULL AND start_date <= end_date)
    ),
    PRIMARY KEY (assessment_id, initiative_id)
) WITHOUT ROWID;
