-- Version 008: the database's own settings, kept in the file so that they travel with it (a
-- copy, a backup, a file opened on another computer). One row per setting, by key:
-- `benchmark_folder` is the folder of past clients' `.tcm` files the consultant chose for the
-- private benchmark, as the native dialog returned it. Keys are named in tcm-store's
-- `database_settings.rs`, the only module that writes this table.
CREATE TABLE database_setting (
    key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 4096),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
