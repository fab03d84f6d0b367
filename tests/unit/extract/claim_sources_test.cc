// Whose claim it is (docs/extract.md, "Sources"): a claim read inside a reported-speech frame
// takes the frame's source. Texts are invented for this test.
#include <gtest/gtest.h>

#include "analyze_for_test.h"
#include "extract/extract.h"

namespace hearsay::extract {
namespace {

DocumentAnalysis Analyze(const std::string& body) {
  auto doc = ingest::ParsePlainText("test.txt", " date 2025-06-01 Invented Test Headline\n" + body + "\n");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  DocumentAnalysis a = testing::AnalyzeForTest(*doc);
  ExtractClaims(*doc, &a, nullptr);
  return a;
}

// "According to OUTLET, X told <a person> that …": X spoke to someone in the story, not to the
// press; the outlet reports it, so the claims of the sentence are the outlet's.
TEST(ClaimSources, SpeechToAPersonInsideAnOutletsReportStaysTheOutlets) {
  DocumentAnalysis a = Analyze(
      "Marla Quint bought a new house in Denver last month.\n\n"
      "According to the Daily Ledger report, Quint told her ex-husband Doran Pell that she would cut the "
      "payments for their daughter Elsie, 9.");
  int divorced = 0;
  for (const Claim& c : a.claims) {
    if (c.predicate != Predicate::kDivorcedFrom) continue;
    ++divorced;
    EXPECT_EQ(c.source.kind, SourceKind::kOutlet);
    EXPECT_EQ(c.source.text, "Daily Ledger");
  }
  EXPECT_EQ(divorced, 1);
}

// "According to OUTLET, a source told OUTLET2 …" and "… an insider claims …": the inner source
// spoke to the press; it is the claim's source, via the outlet.
TEST(ClaimSources, AnInnerSourceSpeakingToThePressIsTheSource) {
  DocumentAnalysis a = Analyze(
      "Marla Quint bought a new house in Denver last month.\n\n"
      "According to the Harbor Weekly, an insider claims that Quint is dating the painter Soren Ives.");
  int dating = 0;
  for (const Claim& c : a.claims) {
    if (c.predicate != Predicate::kDating) continue;
    ++dating;
    EXPECT_EQ(c.source.kind, SourceKind::kAnonymous);
    ASSERT_TRUE(c.source.via_outlet.has_value());
    EXPECT_EQ(*c.source.via_outlet, "Harbor Weekly");
  }
  EXPECT_EQ(dating, 1);
}

}  // namespace
}  // namespace hearsay::extract
