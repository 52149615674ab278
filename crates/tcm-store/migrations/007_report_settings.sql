-- Version 007: the report settings a consultant keeps per organisation: the firm's name and
-- logo (PNG or SVG bytes, checked by tcm-report before they are stored), the cover's lines,
-- the executive summary written by the consultant, the sections left out (a comma-separated
-- list of section keys) and the report's language (none: the assessment's own).
CREATE TABLE report_settings (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
    firm_name TEXT NOT NULL DEFAULT '' CHECK (length(firm_name) <= 200),
    logo BLOB CHECK (logo IS NULL OR length(logo) BETWEEN 1 AND 1048576),
    logo_format TEXT CHECK (logo_format IS NULL OR logo_format IN ('png', 'svg')),
    cover_title TEXT NOT NULL DEFAULT '' CHECK (length(cover_title) <= 300),
    prepared_by TEXT NOT NULL DEFAULT '' CHECK (length(prepared_by) <= 300),
    prepared_for TEXT NOT NULL DEFAULT '' CHECK (length(prepared_for) <= 300),
    confidentiality TEXT NOT NULL DEFAULT '' CHECK (length(confidentiality) <= 300),
    executive_summary TEXT NOT NULL DEFAULT '' CHECK (length(executive_summary) <= 20000),
    omitted_sections TEXT NOT NULL DEFAULT '' CHECK (length(omitted_sections) <= 400),
    language TEXT CHECK (language IS NULL OR language IN ('fr', 'en')),
    updated_at TEXT NOT NULL,
    CHECK ((logo IS NULL) = (logo_format IS NULL))
);
