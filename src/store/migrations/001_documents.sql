-- v1: documents keyed by content hash, rejects, runs.
CREATE TABLE documents (
  seq              INTEGER PRIMARY KEY,          -- ingest order, 1-based, never reused
  content_hash     TEXT    NOT NULL UNIQUE,      -- hex SHA-256 of raw
  id               TEXT    NOT NULL,             -- JSONL id or "doc-" + hash prefix
  path             TEXT    NOT NULL,
  format           TEXT    NOT NULL,             -- text | jsonl | html | stdin
  title            TEXT    NOT NULL,
  outlet           TEXT,
  published        TEXT,                         -- YYYY-MM-DD
  url              TEXT,
  authors          TEXT    NOT NULL DEFAULT '[]',-- JSON array of strings
  metadata         TEXT    NOT NULL DEFAULT '{}',-- JSON object of strings
  text             TEXT    NOT NULL,             -- analysed text; all offsets point here
  title_byte_begin INTEGER NOT NULL,
  title_byte_end   INTEGER NOT NULL,
  body_byte_begin  INTEGER NOT NULL,
  raw_byte_shift   INTEGER NOT NULL,
  replaced_bytes   INTEGER NOT NULL,             -- invalid UTF-8 bytes replaced by '?'
  raw              BLOB    NOT NULL,             -- original bytes
  run_id           INTEGER
);
CREATE INDEX documents_id ON documents(id);
CREATE TABLE rejects (
  reject_id INTEGER PRIMARY KEY,
  path      TEXT NOT NULL,
  location  TEXT NOT NULL DEFAULT '',            -- "line 12", "byte 4096" or ''
  stage     TEXT NOT NULL,
  reason    TEXT NOT NULL,
  run_id    INTEGER,
  UNIQUE (path, location, stage, reason)
);
CREATE TABLE runs (
  run_id          INTEGER PRIMARY KEY,
  command         TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,
  documents_seen  INTEGER NOT NULL DEFAULT 0,
  documents_added INTEGER NOT NULL DEFAULT 0,
  rejects         INTEGER NOT NULL DEFAULT 0
);
