// The scope rules of relations (src/extract/internal/scope.h), one row of
// scope_examples.tsv per rule: an invented sentence, parsed, tagged and read as the pipeline
// does, must give the row's claim with its polarity, modality and ended flag.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyze_for_test.h"

namespace hearsay::extract {
namespace {

using testing::EntityName;

struct Row {
  std::string id, sentence, subject, predicate, object, polarity, modality;
  bool ended = false;
};

std::vector<Row> ReadRows() {
  std::ifstream in(std::string(HEARSAY_SOURCE_DIR) + "/tests/unit/extract/scope_examples.tsv");
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, '\t');) c.push_back(f);
    EXPECT_EQ(c.size(), 8u) << "scope_examples.tsv: " << line;
    if (c.size() != 8) continue;
    rows.push_back(Row{c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7] == "1"});
  }
  return rows;
}

TEST(Scope, EveryExampleRowGivesItsClaim) {
  std::vector<Row> rows = ReadRows();
  ASSERT_GE(rows.size(), 10u) << "scope_examples.tsv missing or short";
  ASSERT_NE(testing::ShippedParser(), nullptr) << "models/parser.hsp is needed: the rows test the tree";
  for (const Row& r : rows) {
    auto doc = ingest::ParsePlainText("scope.txt", " date 2025-06-01 Invented Test Headline\n" + r.sentence + "\n");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    DocumentAnalysis a = testing::AnalyzeForTest(*doc);
    bool found = false;
    std::string seen;
    for (const Claim& c : a.claims) {
      std::string s = EntityName(a, c.subject_entity), o = c.object_entity >= 0 ? EntityName(a, c.object_entity) : "-";
      seen += "\n  " + s + " " + std::string(hearsay::PredicateName(c.predicate)) + " " + o + " " + PolarityName(c.polarity) + " " +
              ModalityName(c.modality) + (c.ended ? " ended" : "");
      bool people = (s == r.subject && o == r.object) || (s == r.object && o == r.subject);
      if (people && hearsay::PredicateName(c.predicate) == r.predicate && PolarityName(c.polarity) == r.polarity &&
          ModalityName(c.modality) == r.modality && c.ended == r.ended)
        found = true;
    }
    EXPECT_TRUE(found) << r.id << ": \"" << r.sentence << "\" should give " << r.subject << " " << r.predicate << " "
                       << r.object << " " << r.polarity << " " << r.modality << (r.ended ? " ended" : "")
                       << "; found:" << seen;
  }
}

}  // namespace
}  // namespace hearsay::extract
