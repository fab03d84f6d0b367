// hearsay.json writer. Key order is fixed (ordered_json) so output is byte-stable.
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "report/report.h"

namespace hearsay::report {
namespace {

using Json = nlohmann::ordered_json;

Json OptStr(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json Window(const std::optional<DateWindow>& w) {
  if (!w) return nullptr;
  return Json{{"earliest", w->earliest}, {"latest", w->latest}, {"basis", w->basis}};
}

std::string Slice(const std::string& t, uint32_t b, uint32_t e) {
  if (b > t.size()) return {};
  return t.substr(b, std::min<size_t>(e, t.size()) - b);
}

// Writes hearsay.json member by member to a stream, each array element as soon as it is
// built, so neither the whole tree nor the whole text ever exists at once (a million small
// documents made a tree of gigabytes, whose destructor itself needed memory under a limit).
// The bytes are exactly those of dump(1) of the whole object: an element at depth d is
// dumped alone and every line after its first is indented by d more spaces (dumped
// strings hold no raw newline). tests/unit/report/json_stream_test.cc checks this.
class StreamWriter {
 public:
  explicit StreamWriter(std::ostream& out) : out_(out) {}
  void Value(const std::string& key, const Json& value) {
    Key(key);
    Append(value, 1);
  }
  void BeginArray(const std::string& key) {
    Key(key);
    out_ << '[';
    first_item_ = true;
  }
  void Item(const Json& value) {
    out_ << (first_item_ ? "\n  " : ",\n  ");
    first_item_ = false;
    Append(value, 2);
  }
  // An item whose last member is an array of n elements, written one by one (element(i)
  // gives each) after the rest of `head`, whose last member is that array left empty: the
  // bytes of Item(head with the array filled), without the array's tree (an entity with tens
  // of thousands of mentions).
  template <class Element>
  void ItemEndingInArray(const Json& head, size_t n, const Element& element) {
    if (n == 0) return Item(head);
    out_ << (first_item_ ? "\n  " : ",\n  ");
    first_item_ = false;
    Dump(head, 2);  // ends in "[]\n  }": the members at depth 3, the array's elements at 4
    constexpr std::string_view kEmptyTail = "[]\n  }";
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size() - kEmptyTail.size()));
    out_ << "[\n    ";
    for (size_t i = 0; i < n; ++i) {
      if (i) out_ << ",\n    ";
      Append(element(i), 4);
    }
    out_ << "\n   ]\n  }";
  }
  void EndArray() { out_ << (first_item_ ? "]" : "\n ]"); }
  void Finish() { out_ << "\n}\n"; }

 private:
  void Key(const std::string& key) {
    out_ << (first_member_ ? "{\n " : ",\n ");
    first_member_ = false;
    out_ << Json(key).dump() << ": ";
  }
  // The serializer's own indentation offset (current_indent) puts `depth` more spaces after
  // every line break, as re-indenting dump(1) would; the buffer is reused across elements.
  void Append(const Json& value, size_t depth) {
    Dump(value, depth);
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  }
  void Dump(const Json& value, size_t depth) {
    text_.clear();
    nlohmann::detail::serializer<Json> s(nlohmann::detail::output_adapter<char, std::string>(text_), ' ',
                                         nlohmann::json::error_handler_t::replace);
    s.dump(value, true, false, 1, static_cast<unsigned int>(depth));
  }
  std::ostream& out_;
  std::string text_;
  bool first_member_ = true;
  bool first_item_ = true;
};

// The sections of hearsay.json, each written in one pass over the records; one document's
// text in memory at a time.
class JsonSections {
 public:
  JsonSections(const ReportView& v, std::ostream& stream)
      : v_(v), docs_(*v.docs), analyses_(*v.analyses), corpus_(*v.corpus), texts_(docs_, v.texts), out_(stream) {}

  void Write() {
    out_.Value("generator", v_.generator);
    Documents();
    Entities();
    Quotes();
    Attributions();
    Claims();
    Clusters();
    Links();
    Calibration();
    out_.Finish();
  }

 private:
  Json EntityId(size_t d, int32_t local) const {
    if (local < 0 || d >= corpus_.local_to_global.size()) return nullptr;
    const auto& map = corpus_.local_to_global[d];
    if (static_cast<size_t>(local) >= map.size() || map[local] < 0) return nullptr;
    return corpus_.entities[map[local]].id;
  }
  Json Source(size_t d, const Attribution& a) const {
    return Json{{"kind", SourceKindName(a.kind)}, {"entity", EntityId(d, a.entity_idx)}, {"text", a.text},
                {"via_outlet", OptStr(a.via_outlet)}};
  }

  void Documents() {
    out_.BeginArray("documents");
    for (size_t d = 0; d < docs_.size(); ++d) out_.Item(DocumentJson(d));
    out_.EndArray();
  }

  Json DocumentJson(size_t d) {
    const Document& doc = docs_[d];
    const DocumentAnalysis& a = analyses_[d];
    Json j;
    j["id"] = doc.id;
    j["path"] = doc.path;
    j["title"] = doc.title;
    j["outlet"] = doc.outlet ? Json(*doc.outlet) : a.detected_outlet ? Json(*a.detected_outlet) : Json(nullptr);
    j["published"] = OptStr(doc.published);
    j["estimated_published"] = d < corpus_.estimated_published.size() ? Window(corpus_.estimated_published[d]) : Json(nullptr);
    if (a.credibility) {
      j["credibility"] = Json{{"score", *a.credibility}, {"reasons", a.credibility_reasons}};
    } else {
      j["credibility"] = nullptr;
    }
    j["format"] = SourceFormatName(doc.format);
    j["url"] = OptStr(doc.url);
    j["authors"] = doc.authors;
    Json meta = Json::object();
    for (const auto& [k, val] : doc.metadata) meta[k] = val;
    j["metadata"] = meta;
    j["content_hash"] = doc.content_hash;
    j["replaced_bytes"] = doc.replaced_bytes;
    j["text_bytes"] = texts_.Size(d);
    j["counts"] = Json{{"tokens", a.layout.token_count()}, {"sentences", a.layout.sentence_count()},
                       {"paragraphs", a.layout.paragraphs.size()}, {"quote_spans", a.layout.quote_spans.size()}};
    Json blocks = Json::array();
    for (const Paragraph& p : a.layout.paragraphs)
      blocks.push_back(Json{{"kind", BlockKindName(p.kind)}, {"start", p.byte_begin}, {"end", p.byte_end},
                            {"sentences", p.sentence_end - p.sentence_begin}});
    j["blocks"] = std::move(blocks);
    j["text"] = texts_.Of(d);
    return j;
  }

  void Entities() {
    out_.BeginArray("entities");
    for (const Entity& e : corpus_.entities) {
      Json j;
      j["id"] = e.id;
      j["name"] = e.name;
      j["type"] = EntityTypeName(e.type);
      j["aliases"] = e.aliases;
      j["birth_window"] = Window(e.birth_window);
      j["merge_confidence"] = e.merge_confidence;
      j["mentions"] = Json::array();  // written one by one
      out_.ItemEndingInArray(j, e.mentions.size(), [&](size_t i) {
        const MentionRef& r = e.mentions[i];
        const Mention& m = analyses_[r.doc_idx].mentions[r.mention_idx];
        return Json{{"doc", docs_[r.doc_idx].id}, {"start", m.byte_begin}, {"end", m.byte_end},
                    {"text", texts_.Slice(r.doc_idx, m.byte_begin, std::min<size_t>(m.byte_end, texts_.Size(r.doc_idx)))}};
      });
    }
    out_.EndArray();
  }

  void Quotes() {
    out_.BeginArray("quotes");
    size_t quote_no = 0;
    for (size_t d = 0; d < docs_.size(); ++d) {
      for (const Quote& q : analyses_[d].quotes) {
        out_.Item(Json{{"id", "q" + std::to_string(++quote_no)}, {"doc", docs_[d].id}, {"start", q.byte_begin},
                               {"end", q.byte_end}, {"text", Slice(texts_.Of(d), q.byte_begin, q.byte_end)},
                               {"speaker", Source(d, q.speaker)}});
      }
    }
    out_.EndArray();
  }

  // attributions[]: every attribution relation, its source's words and the quote it is.
  void Attributions() {
    out_.BeginArray("attributions");
    size_t attribution_no = 0, quote_base = 0;
    for (size_t d = 0; d < docs_.size(); ++d) {
      const std::string& text = texts_.Of(d);
      auto span = [&](uint32_t b, uint32_t e) { return Json{{"start", b}, {"end", e}, {"text", Slice(text, b, e)}}; };
      for (const AttributionRecord& r : analyses_[d].attributions) {
        bool has_words = r.source.byte_end > r.source.byte_begin;
        Json src{{"kind", SourceKindName(r.source.kind)}, {"entity", EntityId(d, r.source.entity_idx)},
                 {"text", r.source.text}, {"start", has_words ? Json(r.source.byte_begin) : Json(nullptr)},
                 {"end", has_words ? Json(r.source.byte_end) : Json(nullptr)}, {"via_outlet", OptStr(r.source.via_outlet)}};
        out_.Item(Json{{"id", "a" + std::to_string(++attribution_no)}, {"doc", docs_[d].id},
                      {"kind", AttributionKindName(r.kind)}, {"source", src},
                      {"cue", r.cue_byte_end > r.cue_byte_begin ? span(r.cue_byte_begin, r.cue_byte_end) : Json(nullptr)},
                      {"content", span(r.content_byte_begin, r.content_byte_end)},
                      {"quote", r.quote_idx >= 0 ? Json("q" + std::to_string(quote_base + r.quote_idx + 1)) : Json(nullptr)}});
      }
      quote_base += analyses_[d].quotes.size();
    }
    out_.EndArray();
  }

  void Claims() {
    size_t claim_no = 0;
    out_.BeginArray("claims");
    for (size_t d = 0; d < docs_.size(); ++d) {
      const auto& claims = analyses_[d].claims;
      for (size_t c = 0; c < claims.size(); ++c) {
        const Claim& cl = claims[c];
        Json j;
        j["id"] = "c" + std::to_string(++claim_no);
        j["doc"] = docs_[d].id;
        j["subject"] = EntityId(d, cl.subject_entity);
        j["subject_inferred"] = cl.subject_inferred;
        j["predicate"] = PredicateName(cl.predicate);
        j["object"] = cl.object_entity >= 0 ? EntityId(d, cl.object_entity) : OptStr(cl.object_text);
        j["value"] = OptStr(cl.value);
        j["polarity"] = PolarityName(cl.polarity);
        j["modality"] = ModalityName(cl.modality);
        j["time"] = (cl.time_from || cl.time_to) ? Json{{"from", OptStr(cl.time_from)}, {"to", OptStr(cl.time_to)}} : Json(nullptr);
        j["ended"] = cl.ended;
        j["source"] = Source(d, cl.source);
        j["evidence"] = Json{{"start", cl.evidence_byte_begin}, {"end", cl.evidence_byte_end},
                             {"text", Slice(texts_.Of(d), cl.evidence_byte_begin, cl.evidence_byte_end)}};
        int32_t k = d < corpus_.claim_cluster.size() && c < corpus_.claim_cluster[d].size() ? corpus_.claim_cluster[d][c] : -1;
        j["cluster"] = k >= 0 ? Json(corpus_.clusters[k].id) : Json(nullptr);
        out_.Item(j);
      }
    }
    out_.EndArray();
  }

  void Clusters() {
    // Claim ids in corpus order, for cluster membership.
    std::vector<size_t> claim_base(docs_.size(), 0);
    for (size_t d = 1; d < docs_.size(); ++d) claim_base[d] = claim_base[d - 1] + analyses_[d - 1].claims.size();
    out_.BeginArray("clusters");
    for (const ClaimCluster& k : corpus_.clusters) {
      Json members = Json::array(), kdocs = Json::array();
      for (const ClaimRef& r : k.claims) members.push_back("c" + std::to_string(claim_base[r.doc_idx] + r.claim_idx + 1));
      Json rereports = Json::array();
      for (size_t i = 0; i < k.documents.size(); ++i) {
        kdocs.push_back(docs_[k.documents[i]].id);
        if (i < k.rereport_of.size() && k.rereport_of[i] >= 0)
          rereports.push_back(Json{{"doc", docs_[k.documents[i]].id}, {"of", docs_[k.rereport_of[i]].id}});
      }
      out_.Item(Json{{"id", k.id}, {"subject", k.subject}, {"predicate", PredicateName(k.predicate)}, {"object", OptStr(k.object)},
                               {"value", OptStr(k.value)}, {"claims", members}, {"documents", kdocs}, {"outlets", k.outlets},
                               {"first_reported", Json{{"doc", docs_[k.first_doc].id}, {"date", OptStr(k.first_date)}}},
                               {"independent_sources", k.independent_sources}, {"rereports", rereports},
                               {"credibility", Json{{"score", k.credibility}, {"grade", k.grade}, {"points", k.evidence_points},
                                                                  {"scale", "evidence grade by rules, not a probability"},
                                                                  {"reasons", k.reasons}}}});
    }
    out_.EndArray();
  }

  // contradictions[], provenance[], duplicates[], rejects[], warnings[].
  void Links() {
    out_.BeginArray("contradictions");
    for (const Contradiction& c : corpus_.contradictions)
      out_.Item(Json{{"a", c.a}, {"b", c.b}, {"kind", ContradictionKindName(c.kind)}, {"explanation", c.explanation},
                    {"confidence", c.confidence}});
    out_.EndArray();

    out_.BeginArray("provenance");
    for (const ProvenanceEdge& p : corpus_.provenance)
      out_.Item(Json{{"doc", docs_[p.doc_idx].id}, {"outlet", p.outlet}, {"kind", ProvenanceKindName(p.kind)}, {"evidence", p.evidence},
                            {"target", p.target_doc >= 0 ? Json(docs_[p.target_doc].id) : Json(nullptr)}});
    out_.EndArray();

    out_.BeginArray("duplicates");
    for (const DuplicatePair& p : corpus_.duplicates)
      out_.Item(Json{{"a", docs_[p.a].id}, {"b", docs_[p.b].id}, {"similarity", p.similarity}});
    out_.EndArray();

    out_.BeginArray("rejects");
    for (const Reject& r : *v_.rejects)
      out_.Item(Json{{"path", r.path}, {"where", OptStr(r.where)}, {"stage", r.stage}, {"reason", r.reason}});
    out_.EndArray();

    out_.BeginArray("warnings");
    if (v_.warnings)
      for (const Warning& w : *v_.warnings)
        out_.Item(Json{{"path", w.path}, {"where", w.where.empty() ? Json(nullptr) : Json(w.where)}, {"stage", w.stage},
                             {"message", w.message}});
    out_.EndArray();
  }

  void Calibration() {
    if (v_.calibration) {
      Json bins = Json::array();
      for (const ReliabilityBin& b : v_.calibration->bins)
        bins.push_back(Json{{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}, {"mean_predicted", b.mean_predicted},
                            {"observed", b.observed}});
      out_.Value("calibration", Json{{"dataset", v_.calibration->dataset}, {"brier", v_.calibration->brier},
                                {"ece", v_.calibration->ece}, {"macro_f1", v_.calibration->macro_f1}, {"bins", bins}});
    } else {
      out_.Value("calibration", nullptr);
    }
  }

  const ReportView& v_;
  const std::vector<Document>& docs_;
  const std::vector<DocumentAnalysis>& analyses_;
  const CorpusAnalysis& corpus_;
  DocumentTexts texts_;
  StreamWriter out_;
};

}  // namespace

std::string RenderJson(const ReportView& v) {
  std::ostringstream out;
  WriteJson(v, out);
  return std::move(out).str();
}

void WriteJson(const ReportView& v, std::ostream& stream) { JsonSections(v, stream).Write(); }

}  // namespace hearsay::report
