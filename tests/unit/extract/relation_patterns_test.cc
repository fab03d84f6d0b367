// The relation patterns (data/relations/relation_patterns.tsv, src/extract/internal/patterns.h):
// the shipped file compiles, a bad row is reported with file, line, column and fragment, and
// every row's example sentence, parsed and tagged as the pipeline does, gives the row's triple
// through that row alone.
#include <gtest/gtest.h>

#include "analyze_for_test.h"
#include "extract/internal/patterns.h"
#include "hearsay/predicate.h"

namespace hearsay::extract {
namespace {

using testing::EntityName;

TEST(RelationPatterns, ShippedFileCompiles) {
  const PatternSet& set = DefaultPatterns();
  EXPECT_GE(set.rows.size(), 20u) << "data/relations/relation_patterns.tsv did not compile (see stderr)";
  for (const RelationPattern& p : set.rows) EXPECT_FALSE(p.example.empty()) << p.id;
}

TEST(RelationPatterns, ErrorsNameFileLineColumnAndFragment) {
  const Lexicon& lex = DefaultLexicon();
  struct Case {
    std::string row, fragment;
  };
  const Case cases[] = {
      {"x\tlemma=marry\tsubj\t>objj\tspouse_of(S,O)\tA married B.\tA|spouse_of|B", ">objj"},
      {"x\tlema=marry\tsubj\t>obj\tspouse_of(S,O)\tA married B.\tA|spouse_of|B", "lema=marry"},
      {"x\tlemma=marry\tsubj\t>obj\tmarried(S,O)\tA married B.\tA|spouse_of|B", "married(S,O)"},
      {"x\tclass=verbs\tsubj\t>obj\t@(S,O)\tA married B.\tA|spouse_of|B", "class=verbs"},
      {"x\tlemma=marry\tsubj\t>obl[child=case:to\tspouse_of(S,O)\tA married B.\tA|spouse_of|B", ">obl[child=case:to"},
      {"x\tlemma=marry\tsubj\t>obj\tspouse_of(S,O) loud\tA married B.\tA|spouse_of|B", "loud"},
      {"x\tlemma=marry\tsubj\t>obj\tspouse_of(S,O)\tA married B.", "A married B."},
  };
  for (const Case& c : cases) {
    std::string text = "# header\n\n" + c.row + "\n";
    Result<PatternSet> r = CompilePatterns("data/relations/test.tsv", text, lex);
    ASSERT_FALSE(r.ok()) << c.row;
    const std::string msg = r.status().ToString();
    EXPECT_NE(msg.find("data/relations/test.tsv:3:"), std::string::npos) << msg;
    EXPECT_NE(msg.find(c.fragment), std::string::npos) << msg;
  }
  Result<PatternSet> dup = CompilePatterns(
      "f.tsv",
      "a\tlemma=marry\tsubj\t>obj\tspouse_of(S,O)\tA married B.\tA|spouse_of|B\n"
      "a\tlemma=wed\tsubj\t>obj\tspouse_of(S,O)\tA wed B.\tA|spouse_of|B\n",
      lex);
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().ToString().find("f.tsv:2: column id: duplicate"), std::string::npos);
}

TEST(RelationPatterns, EveryRowsExampleGivesItsTriple) {
  ASSERT_NE(testing::ShippedParser(), nullptr) << "models/parser.hsp is needed: the patterns read the tree";
  const PatternSet& set = DefaultPatterns();
  ASSERT_FALSE(set.rows.empty());
  for (uint32_t r = 0; r < set.rows.size(); ++r) {
    const RelationPattern& p = set.rows[r];
    auto doc = ingest::ParsePlainText("pattern.txt", " date 2025-06-01 Invented Test Headline\n" + p.example + "\n");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    DocumentAnalysis a = testing::AnalyzeForTest(*doc);
    DocView v(*doc, &a, DefaultLexicon());
    bool found = false;
    std::string seen;
    for (const PatternMatch& m : MatchPatterns(v, set, int(r))) {
      int32_t s = m.subject, o = m.object;
      if (p.swap) std::swap(s, o);
      const std::string sn = EntityName(a, s), on = o >= 0 ? EntityName(a, o) : "-";
      seen += "\n  " + sn + "|" + std::string(hearsay::PredicateName(m.predicate)) + "|" + on;
      const bool people = (sn == p.expect_subject && on == p.expect_object) ||
                          (IsSymmetric(m.predicate) && sn == p.expect_object && on == p.expect_subject);
      if (people && hearsay::PredicateName(m.predicate) == p.expect_predicate) found = true;
    }
    EXPECT_TRUE(found) << set.file << ":" << p.line << " row " << p.id << ": \"" << p.example << "\" should give "
                       << p.expect_subject << "|" << p.expect_predicate << "|" << p.expect_object
                       << "; the row matched:" << seen;
  }
}

}  // namespace
}  // namespace hearsay::extract
