// The learned family-relation scorer (extract/relation_scorer.h): its file round trip, what a
// stale file gets, the candidates it is given and what its thresholds do to the claims. Texts
// are invented for this test.
#include <gtest/gtest.h>

#include "analyze_for_test.h"
#include "extract/relation_scorer.h"

namespace hearsay::extract {
namespace {

using testing::EntityName;

struct Analysed {
  Document doc;
  DocumentAnalysis a;
};

Analysed Analyze(const std::string& body) {
  auto doc = ingest::ParsePlainText("test.txt", " date 2025-06-01 Invented Test Headline\n" + body + "\n");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Analysed r{*doc, {}};
  r.a = testing::AnalyzeForTest(r.doc);
  return r;
}

// A scorer with one feature's weight learnt and the given thresholds.
RelationScorer Scorer(float drop, float add) {
  RelationScorer s;
  const uint64_t f[1] = {42};
  s.linear.Update(f, 1, 1, 0);
  for (int i = 0; i < 3; ++i) s.linear.Tick();  // averaged over steps: the weight has to live a few
  s.linear.Finalize();
  s.drop_threshold = drop;
  s.add_threshold = add;
  s.provenance = "test";
  return s;
}

size_t Count(const DocumentAnalysis& a, Predicate p) {
  size_t n = 0;
  for (const Claim& c : a.claims) n += c.predicate == p;
  return n;
}

TEST(RelationScorer, RoundTripAndStaleFiles) {
  const RelationScorer s = Scorer(-1.5f, 2.5f);
  const std::string bytes = s.Serialize();
  auto back = RelationScorer::FromBytes(bytes, "mem");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->Serialize(), bytes);
  EXPECT_EQ((*back)->drop_threshold, -1.5f);
  EXPECT_EQ((*back)->add_threshold, 2.5f);
  EXPECT_EQ((*back)->Score({42}), s.Score({42}));
  EXPECT_GT(s.Score({42}), 0.0f);
  std::string stale = bytes;
  stale[12] = static_cast<char>(kRelationFeatureVersion + 1);  // the feature version's first byte
  auto refused = RelationScorer::FromBytes(stale, "mem");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().ToString().find("feature version"), std::string::npos);
  EXPECT_FALSE(RelationScorer::FromBytes("HSATTR\0\0", "mem").ok());
}

TEST(RelationScorer, CandidatesOfTheRulesAndOfKinWords) {
  Analysed r = Analyze("Nora Vell married Teo Brandt in 2019. Her son Milo Brandt was born a year later.");
  ASSERT_NE(testing::ShippedParser(), nullptr) << "models/parser.hsp is needed";
  DocumentAnalysis a = r.a;
  const std::vector<FamilyCandidate> cands = ExtractFamilyCandidates(r.doc, &a, nullptr);
  bool spouse = false, parent = false;
  for (const FamilyCandidate& c : cands) {
    EXPECT_FALSE(c.features.empty());
    const std::string x = EntityName(a, c.a), y = EntityName(a, c.b);
    if (c.family == Family::kSpouse && c.claim >= 0) spouse = spouse || (x + y == "Nora VellTeo Brandt" || x + y == "Teo BrandtNora Vell");
    if (c.family == Family::kParent) parent = parent || (x == "Nora Vell" && y == "Milo Brandt");
  }
  EXPECT_TRUE(spouse) << "the rules' spouse_of claim is a candidate";
  EXPECT_TRUE(parent) << "\"Her son Milo Brandt\": Nora Vell parent of Milo Brandt";
}

TEST(RelationScorer, ThresholdsDropAndKeep) {
  Analysed r = Analyze("Nora Vell married Teo Brandt in 2019. Her son Milo Brandt was born a year later.");
  const size_t rules = Count(r.a, Predicate::kSpouseOf);
  ASSERT_GE(rules, 1u);
  const RelationScorer keep_all = Scorer(-1e30f, 1e30f), drop_all = Scorer(1e30f, 1e30f);
  DocumentAnalysis kept = r.a, dropped = r.a;
  ExtractClaims(r.doc, &kept, nullptr, &keep_all);
  ExtractClaims(r.doc, &dropped, nullptr, &drop_all);
  EXPECT_EQ(Count(kept, Predicate::kSpouseOf), rules);
  EXPECT_EQ(Count(dropped, Predicate::kSpouseOf), 0u);
  EXPECT_EQ(Count(dropped, Predicate::kChildOf) + Count(dropped, Predicate::kParentOf), 0u);
}

}  // namespace
}  // namespace hearsay::extract
