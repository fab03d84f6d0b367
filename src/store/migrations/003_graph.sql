-- v3: the analysed graph (docs/store.md). Ids are those of hearsay.json: documents by
-- seq (documents.seq) and their hearsay.json id (document_results.doc_id), entities
-- "e<seq>.<n>", quotes "q1", claims "c1", clusters "k<seq>.<n>". Every analyze run updates
-- the graph in one transaction; cached per-document analyses (analyses) are kept.
-- Later schema versions only add tables and columns.

-- Per-document analysis cache: the per-document stages' result for one content hash,
-- made by one pipeline (version + models); reused by incremental runs.
CREATE TABLE analyses (
  content_hash TEXT    NOT NULL,
  pipeline     TEXT    NOT NULL,                 -- pipeline key: version, codec, model digest
  body         BLOB    NOT NULL,                 -- versioned binary DocumentAnalysis
  run_id       INTEGER,
  PRIMARY KEY (content_hash, pipeline)
) WITHOUT ROWID;

-- One row per analysed document of the graph: corpus-level results of a document.
CREATE TABLE document_results (
  doc_seq          INTEGER PRIMARY KEY,          -- documents.seq
  doc_id           TEXT    NOT NULL UNIQUE,      -- id in hearsay.json (repeated ids get "~2")
  ord              INTEGER NOT NULL UNIQUE,      -- sort key: hearsay.json documents[] order
  outlet           TEXT,                         -- metadata outlet, else the one read from the text
  detected_outlet  TEXT,                         -- the outlet read from the text
  credibility      REAL,                         -- article model score 0..1, NULL without a model
  est_earliest     TEXT,                         -- estimated publication window, NULL if none
  est_latest       TEXT,
  est_basis        TEXT,                         -- JSON array of strings
  tokens           INTEGER NOT NULL,
  sentences        INTEGER NOT NULL,
  paragraphs       INTEGER NOT NULL,
  quote_spans      INTEGER NOT NULL,
  first_run_id     INTEGER                       -- run that first analysed the document
);
CREATE INDEX document_results_outlet ON document_results(outlet);
CREATE INDEX document_results_credibility ON document_results(credibility);

-- The per-document rows (blocks through citations) of each document, as a digest of every
-- value they hold: a run rewrites only the documents whose rows change.
CREATE TABLE document_rows (
  doc_seq INTEGER PRIMARY KEY,
  digest  TEXT    NOT NULL
);

-- Entities and clusters as written by the last graph, as a digest of their rows (kind
-- entity: entities, entity_aliases, entities_fts; kind cluster: clusters, cluster_claims,
-- cluster_documents, cluster_outlets, their credibility_reasons): rewritten when changed.
CREATE TABLE corpus_rows (
  kind   TEXT NOT NULL,
  id     TEXT NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE blocks (
  doc_seq   INTEGER NOT NULL,
  idx       INTEGER NOT NULL,
  kind      TEXT    NOT NULL,                    -- title | heading | caption | body
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  PRIMARY KEY (doc_seq, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
  entity_id        TEXT    PRIMARY KEY,          -- "e<seq>.<n>"
  ord              INTEGER NOT NULL UNIQUE,      -- sort key: hearsay.json entities[] order
  name             TEXT    NOT NULL,
  type             TEXT    NOT NULL,             -- PERSON ORG LOC WORK OUTLET MISC AGE DATE MONEY HANDLE
  merge_confidence REAL    NOT NULL,
  birth_earliest   TEXT,                         -- birth window, NULL if unknown
  birth_latest     TEXT,
  birth_basis      TEXT,                         -- JSON array of strings
  mention_count    INTEGER NOT NULL,
  document_count   INTEGER NOT NULL
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_type ON entities(type, document_count);

CREATE TABLE entity_aliases (
  entity_id TEXT    NOT NULL,
  idx       INTEGER NOT NULL,
  alias     TEXT    NOT NULL,
  PRIMARY KEY (entity_id, idx)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);

-- Names and aliases for search (MATCH); rowid = entities.ord.
CREATE VIRTUAL TABLE entities_fts USING fts5(name, aliases, tokenize = 'unicode61 remove_diacritics 2');

-- The entities of one document after in-document coreference.
CREATE TABLE local_entities (
  doc_seq   INTEGER NOT NULL,
  idx       INTEGER NOT NULL,
  name      TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  gender    TEXT    NOT NULL,                    -- female | male | ''
  aliases   TEXT    NOT NULL,                    -- JSON array of strings
  entity_id TEXT,                                -- the corpus entity, NULL if none
  PRIMARY KEY (doc_seq, idx)
) WITHOUT ROWID;
CREATE INDEX local_entities_entity ON local_entities(entity_id);

CREATE TABLE mentions (
  doc_seq      INTEGER NOT NULL,
  idx          INTEGER NOT NULL,
  start        INTEGER NOT NULL,                 -- byte offsets into documents.text
  end          INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  confidence   REAL    NOT NULL,
  descriptor   INTEGER NOT NULL,                 -- 1: pronoun or descriptor
  local_entity INTEGER,                          -- local_entities.idx
  entity_id    TEXT,                             -- corpus entity of local_entity
  entity_ord   INTEGER,                          -- position in hearsay.json entities[].mentions
  PRIMARY KEY (doc_seq, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, doc_seq);

CREATE TABLE quotes (
  quote_id             TEXT    PRIMARY KEY,      -- "q1"
  doc_seq              INTEGER NOT NULL,
  idx                  INTEGER NOT NULL,
  start                INTEGER NOT NULL,
  end                  INTEGER NOT NULL,
  text                 TEXT    NOT NULL,
  speaker_kind         TEXT    NOT NULL,         -- named | anonymous | outlet | author | unknown
  speaker_entity       TEXT,
  speaker_text         TEXT    NOT NULL,
  speaker_via_outlet   TEXT,
  speaker_anonymous_id INTEGER,                  -- same anonymous source within a document
  cue_start            INTEGER,
  cue_end              INTEGER,
  UNIQUE (doc_seq, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_kind ON quotes(speaker_kind);

-- Issue 13's contract: every attribution, direct or reported.
CREATE TABLE attributions (
  attribution_id    TEXT    PRIMARY KEY,         -- "a1"
  doc_seq           INTEGER NOT NULL,
  idx               INTEGER NOT NULL,
  kind              TEXT    NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
  source_kind       TEXT    NOT NULL,
  source_entity     TEXT,
  source_text       TEXT    NOT NULL,
  source_start      INTEGER,
  source_end        INTEGER,
  source_via_outlet TEXT,
  cue_start         INTEGER,
  cue_end           INTEGER,
  cue_text          TEXT,
  content_start     INTEGER NOT NULL,
  content_end       INTEGER NOT NULL,
  content_text      TEXT    NOT NULL,
  quote_id          TEXT,
  UNIQUE (doc_seq, idx)
);
CREATE INDEX attributions_source ON attributions(source_entity);
CREATE INDEX attributions_kind ON attributions(source_kind);

CREATE TABLE claims (
  claim_id            TEXT    PRIMARY KEY,       -- "c1"
  doc_seq             INTEGER NOT NULL,
  idx                 INTEGER NOT NULL,
  subject             TEXT,                      -- entity id
  subject_local       INTEGER,
  subject_inferred    INTEGER NOT NULL,
  predicate           TEXT    NOT NULL,
  object_entity       TEXT,                      -- entity id, or NULL
  object_local        INTEGER,
  object_text         TEXT,                      -- when the object is not an entity
  value               TEXT,
  polarity            TEXT    NOT NULL,          -- affirmed | denied
  negated             INTEGER NOT NULL,          -- 1 when denied
  modality            TEXT    NOT NULL,          -- asserted | reported | hedged | speculative
  time_from           TEXT,
  time_to             TEXT,
  source_kind         TEXT    NOT NULL,
  source_entity       TEXT,
  source_text         TEXT    NOT NULL,
  source_via_outlet   TEXT,
  source_anonymous_id INTEGER,
  evidence_start      INTEGER NOT NULL,
  evidence_end        INTEGER NOT NULL,
  evidence_text       TEXT    NOT NULL,
  cluster_id          TEXT,
  confidence          REAL,                      -- the cluster's score (sigmoid of its points), NULL if none
  UNIQUE (doc_seq, idx)
);
CREATE INDEX claims_subject ON claims(subject, predicate);
CREATE INDEX claims_object ON claims(object_entity);
CREATE INDEX claims_predicate ON claims(predicate);
CREATE INDEX claims_cluster ON claims(cluster_id);
CREATE INDEX claims_source ON claims(source_kind, source_entity);

CREATE TABLE citations (
  doc_seq INTEGER NOT NULL,
  idx     INTEGER NOT NULL,
  outlet  TEXT    NOT NULL,
  kind    TEXT    NOT NULL,                      -- cites | quotes
  start   INTEGER NOT NULL,
  end     INTEGER NOT NULL,
  PRIMARY KEY (doc_seq, idx)
) WITHOUT ROWID;
CREATE INDEX citations_outlet ON citations(outlet);

CREATE TABLE clusters (
  cluster_id          TEXT    PRIMARY KEY,       -- "k<seq>.<n>"
  ord                 INTEGER NOT NULL UNIQUE,   -- sort key: hearsay.json clusters[] order
  subject             TEXT    NOT NULL,          -- entity id
  predicate           TEXT    NOT NULL,
  object              TEXT,                      -- entity id or literal
  value               TEXT,
  first_doc_seq       INTEGER NOT NULL,          -- first report
  first_date          TEXT,
  independent_sources INTEGER NOT NULL,
  score               REAL    NOT NULL,          -- sigmoid(points), an index of the grade
  grade               TEXT    NOT NULL,          -- strong | moderate | weak | very weak
  points              REAL    NOT NULL,
  claim_count         INTEGER NOT NULL,
  document_count      INTEGER NOT NULL
);
CREATE INDEX clusters_subject ON clusters(subject, predicate);
CREATE INDEX clusters_object ON clusters(object);
CREATE INDEX clusters_first ON clusters(first_doc_seq);

CREATE TABLE cluster_claims (
  cluster_id TEXT    NOT NULL,
  idx        INTEGER NOT NULL,
  claim_id   TEXT    NOT NULL,
  PRIMARY KEY (cluster_id, idx)
) WITHOUT ROWID;

-- The chain of a cluster: its documents in report order, each re-reporting an earlier one
-- (rereport_of_seq) or an independent origin (NULL).
CREATE TABLE cluster_documents (
  cluster_id      TEXT    NOT NULL,
  idx             INTEGER NOT NULL,
  doc_seq         INTEGER NOT NULL,
  rereport_of_seq INTEGER,
  PRIMARY KEY (cluster_id, idx)
) WITHOUT ROWID;
CREATE INDEX cluster_documents_doc ON cluster_documents(doc_seq);

CREATE TABLE cluster_outlets (
  cluster_id TEXT    NOT NULL,
  idx        INTEGER NOT NULL,
  outlet     TEXT    NOT NULL,
  PRIMARY KEY (cluster_id, idx)
) WITHOUT ROWID;
CREATE INDEX cluster_outlets_outlet ON cluster_outlets(outlet);

-- Credibility reasons of a document (doc_seq set) or of a cluster (cluster_id set).
CREATE TABLE credibility_reasons (
  doc_seq    INTEGER,
  cluster_id TEXT,
  idx        INTEGER NOT NULL,
  reason     TEXT    NOT NULL,
  CHECK ((doc_seq IS NULL) <> (cluster_id IS NULL))
);
CREATE INDEX credibility_reasons_doc ON credibility_reasons(doc_seq, idx);
CREATE INDEX credibility_reasons_cluster ON credibility_reasons(cluster_id, idx);

CREATE TABLE contradictions (
  contradiction_id INTEGER PRIMARY KEY,          -- position in hearsay.json, 1-based
  a                TEXT    NOT NULL,             -- claim id (polarity) or cluster id
  b                TEXT    NOT NULL,
  refs             TEXT    NOT NULL,             -- claim | cluster: what a and b name
  kind             TEXT    NOT NULL,             -- polarity | exclusive_state | age
  explanation      TEXT    NOT NULL,
  confidence       REAL    NOT NULL,             -- the weaker side's cluster score
  subject          TEXT                          -- entity id of the person concerned
);
CREATE INDEX contradictions_subject ON contradictions(subject);
CREATE INDEX contradictions_confidence ON contradictions(confidence);

CREATE TABLE provenance (
  edge_id    INTEGER PRIMARY KEY,                -- position in hearsay.json, 1-based
  doc_seq    INTEGER NOT NULL,
  outlet     TEXT    NOT NULL,
  kind       TEXT    NOT NULL,                   -- cites | quotes | near_duplicate
  evidence   TEXT    NOT NULL,
  target_seq INTEGER                             -- the document the edge leads to, or NULL
);
CREATE INDEX provenance_doc ON provenance(doc_seq);
CREATE INDEX provenance_target ON provenance(target_seq);
CREATE INDEX provenance_outlet ON provenance(outlet, kind);

-- First report of each cluster: which article and date.
CREATE VIEW first_reports AS
  SELECT c.cluster_id, c.subject, c.predicate, c.object, c.value, c.first_doc_seq AS doc_seq,
         c.first_date AS date, r.outlet
  FROM clusters c LEFT JOIN document_results r ON r.doc_seq = c.first_doc_seq;

CREATE TABLE duplicates (
  pair_id    INTEGER PRIMARY KEY,                -- position in hearsay.json, 1-based
  a_seq      INTEGER NOT NULL,
  b_seq      INTEGER NOT NULL,
  similarity REAL    NOT NULL
);
CREATE INDEX duplicates_a ON duplicates(a_seq);
CREATE INDEX duplicates_b ON duplicates(b_seq);

-- What each analyze run changed: kind document | claim | contradiction | first_report;
-- ref the id in this run's graph, key a stable key (content hash, or the proposition).
CREATE TABLE run_changes (
  run_id  INTEGER NOT NULL,
  kind    TEXT    NOT NULL,
  ref     TEXT    NOT NULL,
  doc_seq INTEGER,
  key     TEXT    NOT NULL,
  detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX run_changes_run ON run_changes(run_id, kind);

-- Facts about the current graph: key/value (graph_run_id, pipeline, calibration JSON,
-- documents).
CREATE TABLE graph_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

ALTER TABLE runs ADD COLUMN documents_analysed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN documents_reused INTEGER NOT NULL DEFAULT 0;

-- Full text of documents (title and text), kept in step with documents by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content = 'documents', content_rowid = 'seq',
                                              tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
