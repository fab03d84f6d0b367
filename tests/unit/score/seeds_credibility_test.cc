// Cluster credibility on the four seed articles, read in place from ../shared/seeds (never
// copied): what the two actors say on record about working together is believed more than
// the romance the articles tell in their own voice or from anonymous sources.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../../support/shared.h"
#include "../fuse/corpus_run.h"

namespace hearsay {
namespace {

bool IsOneOf(const std::string& s, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return s == x; });
}

std::string Joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += "; " + r;
  return out;
}

TEST(SeedClusters, OnRecordCollaborationAboveAnonymousRomance) {
  HEARSAY_REQUIRE_SHARED("seeds");
  testing::CorpusRun run;
  run.Analyze(testing::SharedDir() + "/seeds");
  const Entity* tom = run.Person("Tom Cruise");
  const Entity* ana = run.Person("Ana de Armas");
  ASSERT_TRUE(tom && ana) << "the two actors are not entities of the seeds";
  const std::set<std::string> pair = {tom->id, ana->id};

  // Clusters about the two of them, by their affirming claims' sources.
  std::vector<const ClaimCluster*> collaboration, romance;
  for (const ClaimCluster& c : run.result.corpus.clusters) {
    if (!c.object || std::set<std::string>{c.subject, *c.object} != pair) continue;
    bool named = false, anonymous = false;
    for (const ClaimRef& ref : c.claims) {
      const Claim& claim = run.result.analyses[ref.doc_idx].claims[ref.claim_idx];
      if (claim.polarity != Polarity::kAffirmed) continue;
      named |= claim.source.kind == SourceKind::kNamed;
      anonymous |= claim.source.kind == SourceKind::kAnonymous;
    }
    if (IsOneOf(c.predicate, {"collaborates_with", "works_on"}) && named) collaboration.push_back(&c);
    if (IsOneOf(c.predicate, {"dating", "romantic_interest"}) && anonymous && !named) romance.push_back(&c);
  }
  ASSERT_FALSE(collaboration.empty()) << "no on-record collaboration cluster between the two";
  ASSERT_FALSE(romance.empty()) << "no romance cluster told by anonymous sources";
  for (const ClaimCluster* work : collaboration) {
    EXPECT_NE(Joined(work->reasons).find("on record from a named source"), std::string::npos) << Joined(work->reasons);
    for (const ClaimCluster* love : romance) {
      EXPECT_GT(work->credibility, love->credibility)
          << work->predicate << " " << work->credibility << Joined(work->reasons) << "\n  vs " << love->predicate << " "
          << love->credibility << Joined(love->reasons);
      EXPECT_NE(Joined(love->reasons).find("anonymous"), std::string::npos) << Joined(love->reasons);
    }
  }
}

}  // namespace
}  // namespace hearsay
