// Development tool (not a test): prints what the extract stage finds in articles, with the
// mentions the tests see (the shipped tagger and resolve, else the test-only heuristic).
//   extract_dump FILE...
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "analyze_for_test.h"

using namespace hearsay;

static std::string Name(const DocumentAnalysis& a, int32_t e) {
  return e >= 0 && e < static_cast<int32_t>(a.local_entities.size()) ? a.local_entities[e].name : "-";
}

static std::string Src(const DocumentAnalysis& a, const Attribution& s) {
  std::string r = SourceKindName(s.kind);
  r += "(" + (s.entity_idx >= 0 ? Name(a, s.entity_idx) : s.text);
  if (s.anonymous_id >= 0) r += " #" + std::to_string(s.anonymous_id);
  if (s.via_outlet) r += " via " + *s.via_outlet;
  return r + ")";
}

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    struct Collect : ingest::DocumentSink {
      void OnDocument(Document d) override { docs.push_back(std::move(d)); }
      void OnReject(Reject r) override { std::cerr << "reject " << r.path << ": " << r.reason << "\n"; }
      std::vector<Document> docs;
    } sink;
    (void)ingest::IngestPaths({argv[i]}, {}, sink);
    for (const Document& doc : sink.docs) {
      DocumentAnalysis a = testing::AnalyzeForTest(doc);
      std::cout << "== " << doc.path << " outlet=" << (a.detected_outlet ? *a.detected_outlet : "-")
                << " published=" << doc.published.value_or("-") << "\n";
      if (std::getenv("DUMP_MENTIONS"))
        for (const auto& m : a.mentions)
          std::cout << "  M " << EntityTypeName(m.type) << " " << m.entity_idx << " "
                    << doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin) << "\n";
      for (const auto& c : a.citations)
        std::cout << "  cite " << ProvenanceKindName(c.kind) << " " << c.outlet << "\n";
      if (std::getenv("DUMP_SPANS"))
        for (const auto& q : a.layout.quote_spans)
          std::cout << "  S " << q.byte_begin << "-" << q.byte_end << (q.missing_open ? " missing_open" : "") << " <"
                    << doc.text.substr(q.byte_begin, q.byte_end - q.byte_begin) << ">\n";
      for (const auto& q : a.quotes)
        std::cout << "  Q " << Src(a, q.speaker) << " | " << doc.text.substr(q.byte_begin, std::min<size_t>(70, q.byte_end - q.byte_begin)) << "\n";
      for (const auto& c : a.claims) {
        std::cout << "  C " << Name(a, c.subject_entity) << " " << hearsay::PredicateName(c.predicate) << " "
                  << (c.object_entity >= 0 ? Name(a, c.object_entity) : c.object_text.value_or(""))
                  << (c.value ? " =" + *c.value : "") << " [" << PolarityName(c.polarity) << ","
                  << ModalityName(c.modality) << "," << Src(a, c.source) << "]"
                  << (c.time_from || c.time_to ? " " + c.time_from.value_or("?") + ".." + c.time_to.value_or("?") : "")
                  << "  <" << doc.text.substr(c.evidence_byte_begin, std::min<size_t>(60, c.evidence_byte_end - c.evidence_byte_begin)) << ">\n";
      }
    }
  }
  return 0;
}
