// Store::WriteGraph: the graph tables of schema 3 (docs/store.md) from one analysis.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "common/sha256.h"
#include "common/step_timer.h"
#include "store/analysis_codec.h"
#include "store/graph_keys.h"
#include "store/stmt.h"
#include "store/store.h"

namespace hearsay::store {
namespace {

// Steps `s` once and resets it for the next row. On failure: "cannot VERB WHAT[ ID]: <SQLite's
// message>", made only then (no string per row).
Status StepOnce(sqlite3* db, Stmt& s, const char* verb, const char* what, const std::string& id = std::string()) {
  int rc = s.Step();
  s.Reset();
  if (rc == SQLITE_DONE) return Status::Ok();
  return UnavailableError(std::string("cannot ") + verb + " " + what + (id.empty() ? "" : " " + id) + ": " + sqlite3_errmsg(db));
}

using Json = nlohmann::json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Binds bytes [b, e) of t without a copy (t outlives the statement's step): e clamped to
// t, empty when b is past its end, the rest of t from b when e < b (as t.substr did).
void BindSlice(Stmt& s, int i, const std::string& t, uint32_t b, uint32_t e) {
  if (b > t.size()) return s.TextRef(i, "", 0);
  const size_t end = std::min<size_t>(e, t.size());
  s.TextRef(i, t.data() + b, end >= b ? end - b : t.size() - b);
}

// Tables rewritten as a whole by every WriteGraph.
const char* const kCorpusTables[] = {"contradictions", "provenance", "duplicates", "graph_meta"};
// Per-document tables, rewritten for a document when its digest changes.
const char* const kDocumentTables[] = {"document_results", "blocks", "local_entities", "mentions", "quotes", "attributions",
                                       "claims", "citations", "credibility_reasons", "document_rows"};

// The sort key of an id "<letter><seq>.<n>" (StabilizeIds), else `position`.
int64_t OrdOf(const std::string& id, size_t position) {
  size_t dot = id.find('.');
  if (id.size() < 4 || dot == std::string::npos || id.find_first_not_of("0123456789.", 1) != std::string::npos)
    return static_cast<int64_t>(position);
  return (std::stoll(id.substr(1, dot - 1)) << 32) | std::stoll(id.substr(dot + 1));
}

std::string Bits(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%a", v);
  return buf;
}

// The digests of one kind of corpus item (entity, cluster) in the previous graph: which
// items to write, and the rows of the items that are gone or changed deleted.
class RowDiff {
 public:
  RowDiff(sqlite3* db, const char* kind, const std::vector<std::string>& clear_sql)
      : db_(db), kind_(kind), put_(db, "INSERT INTO corpus_rows(kind, id, digest) VALUES(?,?,?)") {
    Stmt old(db, "SELECT id, digest FROM corpus_rows WHERE kind = ?");
    old.Text(1, kind_);
    while (old.ok() && old.Step() == SQLITE_ROW) old_[old.ColText(0)] = old.ColText(1);
    for (const std::string& sql : clear_sql) clear_.push_back(std::make_unique<Stmt>(db, sql.c_str()));
    clear_.push_back(std::make_unique<Stmt>(db, "DELETE FROM corpus_rows WHERE kind = ?2 AND id = ?1"));
  }
  // True when item `id` is to be written (new or changed); its old rows are deleted first.
  Result<bool> Changed(const std::string& id, const std::string& values) {
    const std::string digest = Sha256Hex(values);
    auto it = old_.find(id);
    if (it != old_.end()) {
      bool same = it->second == digest;
      old_.erase(it);
      if (same) return false;
      HEARSAY_RETURN_IF_ERROR(Clear(id));
    }
    put_.Text(1, kind_);
    put_.Text(2, id);
    put_.Text(3, digest);
    HEARSAY_RETURN_IF_ERROR(StepOnce(db_, put_, "store", "a digest"));
    return true;
  }
  // Deletes the rows of the previous graph's items not met since.
  Status DropUnseen() {
    for (const auto& [id, digest] : old_) HEARSAY_RETURN_IF_ERROR(Clear(id));
    old_.clear();
    return Status::Ok();
  }

 private:
  Status Clear(const std::string& id) {
    for (auto& c : clear_) {
      c->Text(1, id);
      if (sqlite3_bind_parameter_count(c->get()) > 1) c->Text(2, kind_);
      int rc = c->Step();
      c->Reset();
      if (rc != SQLITE_DONE) return UnavailableError("cannot delete the rows of " + id + ": " + sqlite3_errmsg(db_));
    }
    return Status::Ok();
  }
  sqlite3* db_;
  std::string kind_;
  Stmt put_;
  std::unordered_map<std::string, std::string> old_;  // id -> digest
  std::vector<std::unique_ptr<Stmt>> clear_;
};

// Writes the rows of one graph; every Put* returns the first failure.
class GraphWriter {
 public:
  GraphWriter(sqlite3* db, const Graph& g) : db_(db), g_(g), ids_(g), texts_(g.docs, g.texts.get()) {}

  // The per-document rows of the documents whose digest is not `old` (doc_seq -> digest);
  // first_run: doc_seq -> the run that first analysed it.
  Status PutDocumentRows(const std::map<int64_t, std::string>& old, const std::map<int64_t, int64_t>& first_run);
  Status PutEntities();
  Status PutClusters();
  Status PutEdges();
  Status PutMeta();
  const GraphIds& ids() const { return ids_; }

 private:
  // Steps and resets s; the error names `what` and `id` (no string is built per row).
  Status Done(Stmt& s, const char* what, const std::string& id = std::string()) {
    return StepOnce(db_, s, "store", what, id);
  }
  Status PutDocumentParts(size_t d);
  std::string ClusterDigest(size_t i) const;
  Status PutQuotes(size_t d);
  Status PutAttributions(size_t d);
  Status PutClaims(size_t d);
  // A digest of every value the per-document rows of document d hold.
  std::string Digest(size_t d, int64_t first_run) const;
  Status PutDocumentResult(size_t d, int64_t first_run);
  void BindSource(Stmt& s, int first, size_t d, const Attribution& a) {
    s.Text(first, SourceKindName(a.kind));
    s.OptText(first + 1, ids_.Entity(d, a.entity_idx));
    s.Text(first + 2, a.text);
    s.OptText(first + 3, a.via_outlet);
  }
  int64_t Seq(size_t d) const { return static_cast<int64_t>(g_.docs[d].ingest_seq); }
  // A statement prepared once per writer (the per-document ones run for every document).
  Stmt& Prepared(const char* sql) {
    std::unique_ptr<Stmt>& s = prepared_[sql];
    if (!s) s = std::make_unique<Stmt>(db_, sql);
    return *s;
  }

  sqlite3* db_;
  const Graph& g_;
  GraphIds ids_;
  DocumentTexts texts_;  // each document's text, read back once per document written
  std::map<std::string, std::unique_ptr<Stmt>> prepared_;
};

Status GraphWriter::PutDocumentResult(size_t d, int64_t first_run) {
  Stmt& s = Prepared(
         "INSERT INTO document_results(doc_seq, doc_id, ord, outlet, detected_outlet, credibility, est_earliest, est_latest,"
         " est_basis, tokens, sentences, paragraphs, quote_spans, first_run_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  const Document& doc = g_.docs[d];
  const DocumentAnalysis& a = g_.analyses[d];
  s.Int(1, Seq(d));
  s.Text(2, doc.id);
  s.Int(3, static_cast<int64_t>(d));
  s.OptText(4, doc.outlet ? doc.outlet : a.detected_outlet);
  s.OptText(5, a.detected_outlet);
  s.OptReal(6, a.credibility);
  const auto& w = d < g_.corpus.estimated_published.size() ? g_.corpus.estimated_published[d] : std::nullopt;
  s.OptText(7, w ? std::optional<std::string>(w->earliest) : std::nullopt);
  s.OptText(8, w ? std::optional<std::string>(w->latest) : std::nullopt);
  s.OptText(9, w ? std::optional<std::string>(Dump(w->basis)) : std::nullopt);
  s.Int(10, static_cast<int64_t>(a.layout.token_count()));
  s.Int(11, static_cast<int64_t>(a.layout.sentence_count()));
  s.Int(12, static_cast<int64_t>(a.layout.paragraphs.size()));
  s.Int(13, static_cast<int64_t>(a.layout.quote_spans.size()));
  s.Int(14, first_run);
  return Done(s, "document", doc.id);
}

std::string GraphWriter::Digest(size_t d, int64_t first_run) const {
  std::string v = g_.pipeline + "|" + g_.docs[d].content_hash + "|" + ids_.ClaimId(d, 0) + "|" + ids_.QuoteId(d, 0) + "|" +
                  ids_.AttributionId(d, 0) + "|" +
                  g_.docs[d].id + "|" + std::to_string(d) + "|" + std::to_string(first_run) + "|";
  const auto& w = d < g_.corpus.estimated_published.size() ? g_.corpus.estimated_published[d] : std::nullopt;
  if (w) v += w->earliest + "/" + w->latest + "/" + Dump(w->basis) + "|";
  const DocumentAnalysis& a = g_.analyses[d];
  for (size_t i = 0; i < a.local_entities.size(); ++i) v += ids_.Entity(d, static_cast<int32_t>(i)).value_or("-") + ",";
  for (size_t i = 0; i < a.mentions.size(); ++i) v += std::to_string(ids_.MentionOrd(d, i).value_or(-1)) + ",";
  char buf[40];
  for (size_t c = 0; c < a.claims.size(); ++c) {
    int32_t k = ids_.ClusterOfClaim(d, c);
    std::snprintf(buf, sizeof buf, "%a", k >= 0 ? g_.corpus.clusters[k].credibility : -1.0);
    v += (k >= 0 ? g_.corpus.clusters[k].id : "-") + ":" + buf + ",";
  }
  return Sha256Hex(v);
}

Status GraphWriter::PutDocumentRows(const std::map<int64_t, std::string>& old, const std::map<int64_t, int64_t>& first_run) {
  std::vector<std::unique_ptr<Stmt>> clear;
  for (const char* t : kDocumentTables)
    clear.push_back(std::make_unique<Stmt>(db_, (std::string("DELETE FROM ") + t + " WHERE doc_seq = ?").c_str()));
  std::set<int64_t> in_graph;
  Stmt digest(db_, "INSERT INTO document_rows(doc_seq, digest) VALUES(?,?)");
  auto drop = [&](int64_t seq) {
    for (auto& c : clear) {
      c->Int(1, seq);
      HEARSAY_RETURN_IF_ERROR(Done(*c, "old rows of document seq", std::to_string(seq)));
    }
    return Status::Ok();
  };
  for (size_t d = 0; d < g_.docs.size(); ++d) {
    in_graph.insert(Seq(d));
    auto fr = first_run.find(Seq(d));
    int64_t run = fr != first_run.end() ? fr->second : g_.run_id;
    std::string dg = Digest(d, run);
    auto it = old.find(Seq(d));
    if (it != old.end() && it->second == dg) continue;
    if (it != old.end()) HEARSAY_RETURN_IF_ERROR(drop(Seq(d)));
    HEARSAY_RETURN_IF_ERROR(PutDocumentResult(d, run));
    HEARSAY_RETURN_IF_ERROR(PutDocumentParts(d));
    HEARSAY_RETURN_IF_ERROR(PutQuotes(d));
    HEARSAY_RETURN_IF_ERROR(PutAttributions(d));
    HEARSAY_RETURN_IF_ERROR(PutClaims(d));
    digest.Int(1, Seq(d));
    digest.Text(2, dg);
    HEARSAY_RETURN_IF_ERROR(Done(digest, "document digest"));
  }
  for (const auto& [seq, dg] : old)
    if (!in_graph.count(seq)) HEARSAY_RETURN_IF_ERROR(drop(seq));
  return Status::Ok();
}

// Blocks, reasons, local entities, mentions and citations of document d.
Status GraphWriter::PutDocumentParts(size_t d) {
  const DocumentAnalysis& a = g_.analyses[d];
  const std::string& text = texts_.Of(d);
  Stmt& b = Prepared("INSERT INTO blocks(doc_seq, idx, kind, start, end, sentences) VALUES(?,?,?,?,?,?)");
  for (size_t i = 0; i < a.layout.paragraphs.size(); ++i) {
    const Paragraph& p = a.layout.paragraphs[i];
    b.Int(1, Seq(d));
    b.Int(2, static_cast<int64_t>(i));
    b.Text(3, BlockKindName(p.kind));
    b.Int(4, p.byte_begin);
    b.Int(5, p.byte_end);
    b.Int(6, p.sentence_end - p.sentence_begin);
    HEARSAY_RETURN_IF_ERROR(Done(b, "block"));
  }
  Stmt& r = Prepared("INSERT INTO credibility_reasons(doc_seq, idx, reason) VALUES(?,?,?)");
  for (size_t i = 0; i < a.credibility_reasons.size(); ++i) {
    r.Int(1, Seq(d));
    r.Int(2, static_cast<int64_t>(i));
    r.Text(3, a.credibility_reasons[i]);
    HEARSAY_RETURN_IF_ERROR(Done(r, "credibility reason"));
  }
  Stmt& l = Prepared("INSERT INTO local_entities(doc_seq, idx, name, type, gender, aliases, entity_id) VALUES(?,?,?,?,?,?,?)");
  for (size_t i = 0; i < a.local_entities.size(); ++i) {
    const LocalEntity& e = a.local_entities[i];
    l.Int(1, Seq(d));
    l.Int(2, static_cast<int64_t>(i));
    l.Text(3, e.name);
    l.Text(4, EntityTypeName(e.type));
    l.Text(5, e.gender);
    l.Text(6, Dump(e.aliases));
    l.OptText(7, ids_.Entity(d, static_cast<int32_t>(i)));
    HEARSAY_RETURN_IF_ERROR(Done(l, "local entity"));
  }
  Stmt& m = Prepared(
         "INSERT INTO mentions(doc_seq, idx, start, end, text, type, confidence, descriptor, local_entity, entity_id,"
         " entity_ord) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& x = a.mentions[i];
    m.Int(1, Seq(d));
    m.Int(2, static_cast<int64_t>(i));
    m.Int(3, x.byte_begin);
    m.Int(4, x.byte_end);
    BindSlice(m, 5, text, x.byte_begin, x.byte_end);
    m.Text(6, EntityTypeName(x.type));
    m.Real(7, x.confidence);
    m.Int(8, x.descriptor ? 1 : 0);
    m.OptInt(9, x.entity_idx >= 0 ? std::optional<int64_t>(x.entity_idx) : std::nullopt);
    m.OptText(10, ids_.Entity(d, x.entity_idx));
    m.OptInt(11, ids_.MentionOrd(d, i));
    HEARSAY_RETURN_IF_ERROR(Done(m, "mention"));
  }
  Stmt& c = Prepared("INSERT INTO citations(doc_seq, idx, outlet, kind, start, end) VALUES(?,?,?,?,?,?)");
  for (size_t i = 0; i < a.citations.size(); ++i) {
    const CitedOutlet& x = a.citations[i];
    c.Int(1, Seq(d));
    c.Int(2, static_cast<int64_t>(i));
    c.Text(3, x.outlet);
    c.Text(4, ProvenanceKindName(x.kind));
    c.Int(5, x.byte_begin);
    c.Int(6, x.byte_end);
    HEARSAY_RETURN_IF_ERROR(Done(c, "citation"));
  }
  return Status::Ok();
}

Status GraphWriter::PutEntities() {
  Stmt s(db_,
         "INSERT INTO entities(entity_id, ord, name, type, merge_confidence, birth_earliest, birth_latest, birth_basis,"
         " mention_count, document_count) VALUES(?,?,?,?,?,?,?,?,?,?)");
  Stmt al(db_, "INSERT INTO entity_aliases(entity_id, idx, alias) VALUES(?,?,?)");
  Stmt fts(db_, "INSERT INTO entities_fts(rowid, name, aliases) VALUES(?,?,?)");
  RowDiff diff(db_, "entity",
               {"DELETE FROM entities_fts WHERE rowid = (SELECT ord FROM entities WHERE entity_id = ?1)",
                "DELETE FROM entities WHERE entity_id = ?1", "DELETE FROM entity_aliases WHERE entity_id = ?1"});
  for (size_t i = 0; i < g_.corpus.entities.size(); ++i) {
    const Entity& e = g_.corpus.entities[i];
    std::set<uint32_t> docs;
    for (const MentionRef& r : e.mentions) docs.insert(r.doc_idx);
    const int64_t ord = OrdOf(e.id, i);
    std::string digest = std::to_string(ord) + "|" + e.name + "|" + EntityTypeName(e.type) + "|" + Bits(e.merge_confidence) +
                         "|" + std::to_string(e.mentions.size()) + "|" + std::to_string(docs.size()) + "|" + Dump(e.aliases);
    if (e.birth_window) digest += "|" + e.birth_window->earliest + "|" + e.birth_window->latest + "|" + Dump(e.birth_window->basis);
    auto changed = diff.Changed(e.id, digest);
    if (!changed.ok()) return changed.status();
    if (!*changed) continue;
    s.Text(1, e.id);
    s.Int(2, ord);
    s.Text(3, e.name);
    s.Text(4, EntityTypeName(e.type));
    s.Real(5, e.merge_confidence);
    const auto& w = e.birth_window;
    s.OptText(6, w ? std::optional<std::string>(w->earliest) : std::nullopt);
    s.OptText(7, w ? std::optional<std::string>(w->latest) : std::nullopt);
    s.OptText(8, w ? std::optional<std::string>(Dump(w->basis)) : std::nullopt);
    s.Int(9, static_cast<int64_t>(e.mentions.size()));
    s.Int(10, static_cast<int64_t>(docs.size()));
    HEARSAY_RETURN_IF_ERROR(Done(s, "entity", e.id));
    std::string all;
    for (size_t k = 0; k < e.aliases.size(); ++k) {
      al.Text(1, e.id);
      al.Int(2, static_cast<int64_t>(k));
      al.Text(3, e.aliases[k]);
      HEARSAY_RETURN_IF_ERROR(Done(al, "alias"));
      all += (k ? " | " : "") + e.aliases[k];
    }
    fts.Int(1, ord);
    fts.Text(2, e.name);
    fts.Text(3, all);
    HEARSAY_RETURN_IF_ERROR(Done(fts, "entity search row"));
  }
  return diff.DropUnseen();
}

Status GraphWriter::PutQuotes(size_t d) {
  Stmt& q = Prepared(
         "INSERT INTO quotes(quote_id, doc_seq, idx, start, end, text, speaker_kind, speaker_entity, speaker_text,"
         " speaker_via_outlet, speaker_anonymous_id, cue_start, cue_end) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  const std::string& text = texts_.Of(d);
  const auto& quotes = g_.analyses[d].quotes;
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& x = quotes[i];
    std::string id = ids_.QuoteId(d, i);
    bool cue = x.cue_byte_end > x.cue_byte_begin;
    q.Text(1, id);
    q.Int(2, Seq(d));
    q.Int(3, static_cast<int64_t>(i));
    q.Int(4, x.byte_begin);
    q.Int(5, x.byte_end);
    BindSlice(q, 6, text, x.byte_begin, x.byte_end);
    BindSource(q, 7, d, x.speaker);
    q.OptInt(11, x.speaker.anonymous_id >= 0 ? std::optional<int64_t>(x.speaker.anonymous_id) : std::nullopt);
    q.OptInt(12, cue ? std::optional<int64_t>(x.cue_byte_begin) : std::nullopt);
    q.OptInt(13, cue ? std::optional<int64_t>(x.cue_byte_end) : std::nullopt);
    HEARSAY_RETURN_IF_ERROR(Done(q, "quote", id));
  }
  return Status::Ok();
}

// Attributions (issue 13's contract): source, cue and content, and the quote it is.
Status GraphWriter::PutAttributions(size_t d) {
  Stmt& at = Prepared(
          "INSERT INTO attributions(attribution_id, doc_seq, idx, kind, source_kind, source_entity, source_text,"
          " source_via_outlet, source_start, source_end, cue_start, cue_end, cue_text, content_start, content_end,"
          " content_text, quote_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  const std::string& text = texts_.Of(d);
  const auto& records = g_.analyses[d].attributions;
  auto span = [&](int first, uint32_t b, uint32_t e) {
    bool has = e > b;
    at.OptInt(first, has ? std::optional<int64_t>(b) : std::nullopt);
    at.OptInt(first + 1, has ? std::optional<int64_t>(e) : std::nullopt);
    return has;
  };
  for (size_t i = 0; i < records.size(); ++i) {
    const AttributionRecord& x = records[i];
    const std::string id = ids_.AttributionId(d, i);
    at.Text(1, id);
    at.Int(2, Seq(d));
    at.Int(3, static_cast<int64_t>(i));
    at.Text(4, AttributionKindName(x.kind));
    BindSource(at, 5, d, x.source);
    span(9, x.source.byte_begin, x.source.byte_end);
    bool cue = span(11, x.cue_byte_begin, x.cue_byte_end);
    if (cue) BindSlice(at, 13, text, x.cue_byte_begin, x.cue_byte_end);
    else at.Null(13);
    at.Int(14, x.content_byte_begin);
    at.Int(15, x.content_byte_end);
    BindSlice(at, 16, text, x.content_byte_begin, x.content_byte_end);
    at.OptText(17, x.quote_idx >= 0 ? std::optional<std::string>(ids_.QuoteId(d, static_cast<size_t>(x.quote_idx))) : std::nullopt);
    HEARSAY_RETURN_IF_ERROR(Done(at, "attribution", id));
  }
  return Status::Ok();
}

Status GraphWriter::PutClaims(size_t d) {
  Stmt& s = Prepared(
         "INSERT INTO claims(claim_id, doc_seq, idx, subject, subject_local, subject_inferred, predicate, object_entity,"
         " object_local, object_text, value, polarity, negated, modality, time_from, time_to, source_kind, source_entity,"
         " source_text, source_via_outlet, source_anonymous_id, evidence_start, evidence_end, evidence_text, cluster_id,"
         " confidence, ended) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  auto local = [](int32_t v) { return v >= 0 ? std::optional<int64_t>(v) : std::nullopt; };
  {
    const auto& claims = g_.analyses[d].claims;
    for (size_t c = 0; c < claims.size(); ++c) {
      const Claim& x = claims[c];
      std::string id = ids_.ClaimId(d, c);
      int32_t k = ids_.ClusterOfClaim(d, c);
      s.Text(1, id);
      s.Int(2, Seq(d));
      s.Int(3, static_cast<int64_t>(c));
      s.OptText(4, ids_.Entity(d, x.subject_entity));
      s.OptInt(5, local(x.subject_entity));
      s.Int(6, x.subject_inferred ? 1 : 0);
      s.Text(7, std::string(PredicateName(x.predicate)));
      s.OptText(8, x.object_entity >= 0 ? ids_.Entity(d, x.object_entity) : std::nullopt);
      s.OptInt(9, local(x.object_entity));
      s.OptText(10, x.object_text);
      s.OptText(11, x.value);
      s.Text(12, PolarityName(x.polarity));
      s.Int(13, x.polarity == Polarity::kDenied ? 1 : 0);
      s.Text(14, ModalityName(x.modality));
      s.OptText(15, x.time_from);
      s.OptText(16, x.time_to);
      BindSource(s, 17, d, x.source);
      s.OptInt(21, x.source.anonymous_id >= 0 ? std::optional<int64_t>(x.source.anonymous_id) : std::nullopt);
      s.Int(22, x.evidence_byte_begin);
      s.Int(23, x.evidence_byte_end);
      BindSlice(s, 24, texts_.Of(d), x.evidence_byte_begin, x.evidence_byte_end);
      s.OptText(25, k >= 0 ? std::optional<std::string>(g_.corpus.clusters[k].id) : std::nullopt);
      s.OptReal(26, k >= 0 ? std::optional<double>(g_.corpus.clusters[k].credibility) : std::nullopt);
      s.Int(27, x.ended ? 1 : 0);
      HEARSAY_RETURN_IF_ERROR(Done(s, "claim", id));
    }
  }
  return Status::Ok();
}

std::string GraphWriter::ClusterDigest(size_t i) const {
  const ClaimCluster& k = g_.corpus.clusters[i];
  std::string v = std::to_string(OrdOf(k.id, i)) + "|" + k.subject + "|" + std::string(PredicateName(k.predicate)) + "|" + k.object.value_or("\x01") + "|" +
                  k.value.value_or("\x01") + "|" + std::to_string(Seq(k.first_doc)) + "|" + k.first_date.value_or("\x01") + "|" +
                  std::to_string(k.independent_sources) + "|" + Bits(k.credibility) + "|" + k.grade + "|" +
                  Bits(k.evidence_points) + "|";
  for (const ClaimRef& r : k.claims) v += ids_.ClaimId(r.doc_idx, r.claim_idx) + ",";
  for (size_t j = 0; j < k.documents.size(); ++j) {
    int32_t of = j < k.rereport_of.size() ? k.rereport_of[j] : -1;
    v += std::to_string(Seq(k.documents[j])) + "<" + (of >= 0 ? std::to_string(Seq(of)) : "-") + ",";
  }
  return v + "|" + Dump(k.outlets) + "|" + Dump(k.reasons);
}

Status GraphWriter::PutClusters() {
  Stmt s(db_,
         "INSERT INTO clusters(cluster_id, ord, subject, predicate, object, value, first_doc_seq, first_date,"
         " independent_sources, score, grade, points, claim_count, document_count) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt mc(db_, "INSERT INTO cluster_claims(cluster_id, idx, claim_id) VALUES(?,?,?)");
  Stmt md(db_, "INSERT INTO cluster_documents(cluster_id, idx, doc_seq, rereport_of_seq) VALUES(?,?,?,?)");
  Stmt mo(db_, "INSERT INTO cluster_outlets(cluster_id, idx, outlet) VALUES(?,?,?)");
  Stmt mr(db_, "INSERT INTO credibility_reasons(cluster_id, idx, reason) VALUES(?,?,?)");
  auto row = [&](Stmt& st, const std::string& id, size_t i) {
    st.Text(1, id);
    st.Int(2, static_cast<int64_t>(i));
  };
  RowDiff diff(db_, "cluster",
               {"DELETE FROM clusters WHERE cluster_id = ?1", "DELETE FROM cluster_claims WHERE cluster_id = ?1",
                "DELETE FROM cluster_documents WHERE cluster_id = ?1", "DELETE FROM cluster_outlets WHERE cluster_id = ?1",
                "DELETE FROM credibility_reasons WHERE cluster_id = ?1"});
  for (size_t i = 0; i < g_.corpus.clusters.size(); ++i) {
    const ClaimCluster& k = g_.corpus.clusters[i];
    auto changed = diff.Changed(k.id, ClusterDigest(i));
    if (!changed.ok()) return changed.status();
    if (!*changed) continue;
    row(s, k.id, static_cast<size_t>(OrdOf(k.id, i)));
    s.Text(3, k.subject);
    s.Text(4, std::string(PredicateName(k.predicate)));
    s.OptText(5, k.object);
    s.OptText(6, k.value);
    s.Int(7, Seq(k.first_doc));
    s.OptText(8, k.first_date);
    s.Int(9, k.independent_sources);
    s.Real(10, k.credibility);
    s.Text(11, k.grade);
    s.Real(12, k.evidence_points);
    s.Int(13, static_cast<int64_t>(k.claims.size()));
    s.Int(14, static_cast<int64_t>(k.documents.size()));
    HEARSAY_RETURN_IF_ERROR(Done(s, "cluster", k.id));
    for (size_t j = 0; j < k.claims.size(); ++j) {
      row(mc, k.id, j);
      mc.Text(3, ids_.ClaimId(k.claims[j].doc_idx, k.claims[j].claim_idx));
      HEARSAY_RETURN_IF_ERROR(Done(mc, "cluster claim"));
    }
    for (size_t j = 0; j < k.documents.size(); ++j) {
      row(md, k.id, j);
      md.Int(3, Seq(k.documents[j]));
      int32_t of = j < k.rereport_of.size() ? k.rereport_of[j] : -1;
      md.OptInt(4, of >= 0 ? std::optional<int64_t>(Seq(of)) : std::nullopt);
      HEARSAY_RETURN_IF_ERROR(Done(md, "cluster document"));
    }
    for (size_t j = 0; j < k.outlets.size(); ++j) {
      row(mo, k.id, j);
      mo.Text(3, k.outlets[j]);
      HEARSAY_RETURN_IF_ERROR(Done(mo, "cluster outlet"));
    }
    for (size_t j = 0; j < k.reasons.size(); ++j) {
      row(mr, k.id, j);
      mr.Text(3, k.reasons[j]);
      HEARSAY_RETURN_IF_ERROR(Done(mr, "cluster reason"));
    }
  }
  return diff.DropUnseen();
}

Status GraphWriter::PutEdges() {
  Stmt c(db_,
         "INSERT INTO contradictions(contradiction_id, a, b, refs, kind, explanation, confidence, subject)"
         " VALUES(?,?,?,?,?,?,?,?)");
  for (size_t i = 0; i < g_.corpus.contradictions.size(); ++i) {
    const Contradiction& x = g_.corpus.contradictions[i];
    const int32_t ka = ids_.ClusterOfRef(x.a);
    c.Int(1, static_cast<int64_t>(i + 1));
    c.Text(2, x.a);
    c.Text(3, x.b);
    c.Text(4, ids_.IsClaimRef(x.a) ? "claim" : "cluster");
    c.Text(5, ContradictionKindName(x.kind));
    c.Text(6, x.explanation);
    c.Real(7, x.confidence);
    c.OptText(8, ka >= 0 ? std::optional<std::string>(g_.corpus.clusters[ka].subject) : std::nullopt);
    HEARSAY_RETURN_IF_ERROR(Done(c, "contradiction"));
  }
  Stmt p(db_, "INSERT INTO provenance(edge_id, doc_seq, outlet, kind, evidence, target_seq) VALUES(?,?,?,?,?,?)");
  for (size_t i = 0; i < g_.corpus.provenance.size(); ++i) {
    const ProvenanceEdge& e = g_.corpus.provenance[i];
    p.Int(1, static_cast<int64_t>(i + 1));
    p.Int(2, Seq(e.doc_idx));
    p.Text(3, e.outlet);
    p.Text(4, ProvenanceKindName(e.kind));
    p.Text(5, e.evidence);
    p.OptInt(6, e.target_doc >= 0 ? std::optional<int64_t>(Seq(e.target_doc)) : std::nullopt);
    HEARSAY_RETURN_IF_ERROR(Done(p, "provenance edge"));
  }
  Stmt u(db_, "INSERT INTO duplicates(pair_id, a_seq, b_seq, similarity) VALUES(?,?,?,?)");
  for (size_t i = 0; i < g_.corpus.duplicates.size(); ++i) {
    const DuplicatePair& x = g_.corpus.duplicates[i];
    u.Int(1, static_cast<int64_t>(i + 1));
    u.Int(2, Seq(x.a));
    u.Int(3, Seq(x.b));
    u.Real(4, x.similarity);
    HEARSAY_RETURN_IF_ERROR(Done(u, "duplicate pair"));
  }
  return Status::Ok();
}

Status GraphWriter::PutMeta() {
  Stmt s(db_, "INSERT INTO graph_meta(key, value) VALUES(?,?)");
  const std::pair<const char*, std::string> rows[] = {{"graph_run_id", std::to_string(g_.run_id)},
                                                      {"pipeline", g_.pipeline},
                                                      {"calibration", g_.calibration},
                                                      {"documents", std::to_string(g_.docs.size())}};
  for (const auto& [k, v] : rows) {
    s.Text(1, k);
    s.Text(2, v);
    HEARSAY_RETURN_IF_ERROR(Done(s, "graph fact", k));
  }
  return Status::Ok();
}

Status CacheOne(sqlite3* db, Stmt& cache, const std::string& content_hash, const std::string& pipeline, const std::string& body,
                int64_t run_id) {
  cache.Text(1, content_hash);
  cache.Text(2, pipeline);
  cache.Blob(3, body);
  cache.Int(4, run_id);
  return StepOnce(db, cache, "cache", "an analysis");
}

// The secondary indexes of the graph tables, for a first graph written in bulk: each
// row inserted into an empty table would update every index of the table one key at a
// time, in key order unrelated to the insert order; dropping them (inside the write's
// transaction) and creating them again after the inserts builds each by one sort.
class DeferredIndexes {
 public:
  // Drops the indexes of the per-document and corpus graph tables; remembers their SQL.
  Status Drop(sqlite3* db) {
    Stmt list(db,
              "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN"
              " ('document_results', 'blocks', 'local_entities', 'mentions', 'quotes', 'attributions', 'claims',"
              " 'citations', 'credibility_reasons', 'entities', 'entity_aliases', 'clusters', 'cluster_claims',"
              " 'cluster_documents', 'cluster_outlets', 'contradictions', 'provenance', 'duplicates') ORDER BY rowid");
    std::vector<std::string> names;
    while (list.ok() && list.Step() == SQLITE_ROW) {
      names.push_back(list.ColText(0));
      sql_.push_back(list.ColText(1));
    }
    for (const std::string& name : names)
      if (sqlite3_exec(db, ("DROP INDEX \"" + name + "\"").c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return UnavailableError("cannot drop index " + name + ": " + sqlite3_errmsg(db));
    return Status::Ok();
  }
  // Creates the dropped indexes again, with their own SQL.
  Status Create(sqlite3* db) {
    for (const std::string& sql : sql_)
      if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return UnavailableError("cannot create an index again (" + sql + "): " + sqlite3_errmsg(db));
    sql_.clear();
    return Status::Ok();
  }

 private:
  std::vector<std::string> sql_;
};

// Page cache of the connection while it writes a graph (KiB; SQLite's default is 2,000):
// the graph's index pages stay in memory instead of being read back from the file. SQLite
// sizes the sorters of the deferred index builds by it too, and both are held at the run's
// peak (the renders and every document's records beside them): 16 MB, not 64 (issue 19).
constexpr int kGraphWriteCacheKiB = 16384;

// Sets the connection's page cache for the lifetime of the object, then the previous size.
class CacheSizeFor {
 public:
  CacheSizeFor(sqlite3* db, int kib) : db_(db) {
    Stmt get(db, "PRAGMA cache_size");
    if (get.ok() && get.Step() == SQLITE_ROW) previous_ = get.ColInt(0);
    (void)sqlite3_exec(db, ("PRAGMA cache_size = -" + std::to_string(kib)).c_str(), nullptr, nullptr, nullptr);
  }
  ~CacheSizeFor() {
    (void)sqlite3_exec(db_, ("PRAGMA cache_size = " + std::to_string(previous_)).c_str(), nullptr, nullptr, nullptr);
  }
  CacheSizeFor(const CacheSizeFor&) = delete;
  CacheSizeFor& operator=(const CacheSizeFor&) = delete;

 private:
  sqlite3* db_;
  int64_t previous_ = -2000;
};

constexpr const char* kCacheSql = "INSERT OR REPLACE INTO analyses(content_hash, pipeline, body, run_id) VALUES(?,?,?,?)";

}  // namespace

Status Store::CacheAnalyses(const std::vector<CachedAnalysis>& batch, const std::string& pipeline, int64_t run_id) {
  HEARSAY_RETURN_IF_ERROR(ExecRetryingBusy("BEGIN IMMEDIATE").WithContext(path_));
  Stmt cache(db_, kCacheSql);
  for (const CachedAnalysis& c : batch) {
    if (Status s = CacheOne(db_, cache, c.content_hash, pipeline, c.body, run_id); !s.ok()) {
      (void)Exec("ROLLBACK");
      return s.WithContext(path_);
    }
  }
  Status committed = Exec("COMMIT");
  if (!committed.ok()) (void)Exec("ROLLBACK");
  return committed.WithContext(path_);
}

Result<GraphChanges> Store::WriteGraph(const Graph& graph, const std::vector<bool>& fresh) {
  StepTimer timer("  store", StepTimer::CpuClock::kThread);  // HEARSAY_FUSE_TIMING=1: this thread's steps
  CacheSizeFor cache_size(db_, kGraphWriteCacheKiB);
  HEARSAY_RETURN_IF_ERROR(ExecRetryingBusy("BEGIN IMMEDIATE").WithContext(path_));
  auto fail = [&](const Status& s) {
    (void)Exec("ROLLBACK");
    return s.WithContext(path_);
  };
  Stmt cache(db_, kCacheSql);
  uint64_t analysed = 0;
  for (size_t d = 0; d < graph.docs.size(); ++d) {
    if (d >= fresh.size() || !fresh[d]) continue;
    ++analysed;
    const TextLayout& layout = graph.analyses[d].layout;
    // Cached already, or released (pipeline.h ReleaseForCorpus): the cache would lose its
    // tokens, so it stays uncached and a later run analyses the document again.
    if (graph.analyses_cached || layout.released_tokens || layout.released_sentences) continue;
    Status s = CacheOne(db_, cache, graph.docs[d].content_hash, graph.pipeline, EncodeAnalysis(graph.analyses[d]), graph.run_id);
    if (!s.ok()) return fail(s);
  }
  {  // analyses of other pipelines (an older build or model) are never read again
    Stmt prune(db_, "DELETE FROM analyses WHERE pipeline <> ?");
    prune.Text(1, graph.pipeline);
    if (prune.Step() != SQLITE_DONE) return fail(UnavailableError(std::string("cannot prune analyses: ") + sqlite3_errmsg(db_)));
  }
  timer.Step("cache, prune");
  Result<PreviousGraph> before = ReadPreviousGraph(db_);
  if (!before.ok()) return fail(before.status());
  std::map<int64_t, std::string> digests;
  {
    Stmt old(db_, "SELECT doc_seq, digest FROM document_rows");
    while (old.ok() && old.Step() == SQLITE_ROW) digests[old.ColInt(0)] = old.ColText(1);
  }
  for (const char* table : kCorpusTables)
    if (Status s = Exec(std::string("DELETE FROM ") + table); !s.ok()) return fail(s);
  DeferredIndexes deferred;
  const bool bulk = digests.empty() && before->first_run.empty();  // no graph yet: every row is new
  if (bulk)
    if (Status s = deferred.Drop(db_); !s.ok()) return fail(s);
  timer.Step("previous graph");
  GraphWriter w(db_, graph);
  timer.Step("graph ids");
  if (Status s = w.PutDocumentRows(digests, before->first_run); !s.ok()) return fail(s);
  timer.Step("document rows");
  if (Status s = w.PutEntities(); !s.ok()) return fail(s);
  timer.Step("entities");
  if (Status s = w.PutClusters(); !s.ok()) return fail(s);
  timer.Step("clusters");
  if (Status s = w.PutEdges(); !s.ok()) return fail(s);
  if (Status s = w.PutMeta(); !s.ok()) return fail(s);
  timer.Step("edges, meta");
  if (Status s = deferred.Create(db_); !s.ok()) return fail(s);
  timer.Step("indexes");
  Result<GraphChanges> changes = RecordChanges(db_, graph, w.ids(), *before);
  if (!changes.ok()) return fail(changes.status());
  timer.Step("run changes");
  Stmt run(db_, "UPDATE runs SET documents_analysed = ?, documents_reused = ? WHERE run_id = ?");
  run.Int(1, static_cast<int64_t>(analysed));
  run.Int(2, static_cast<int64_t>(graph.docs.size() - analysed));
  run.Int(3, graph.run_id);
  if (run.Step() != SQLITE_DONE) return fail(UnavailableError(std::string("cannot count the run: ") + sqlite3_errmsg(db_)));
  if (Status s = Exec("COMMIT"); !s.ok()) return fail(s);
  timer.Step("commit");
  return changes;
}

}  // namespace hearsay::store
