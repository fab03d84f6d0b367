-- v2: documents kept with a repair (invalid UTF-8 replaced); one row per document and kind.
CREATE TABLE warnings (
  warning_id   INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL,
  path         TEXT NOT NULL,
  location     TEXT NOT NULL DEFAULT '',
  stage        TEXT NOT NULL,
  message      TEXT NOT NULL,
  run_id       INTEGER,
  UNIQUE (content_hash, stage, message)
);
