#include <gtest/gtest.h>

#include "score/score.h"

namespace hearsay::score {
namespace {

Claim MakeClaim(SourceKind kind, Polarity polarity = Polarity::kAffirmed, Modality modality = Modality::kAsserted) {
  Claim c;
  c.predicate = hearsay::Predicate::kDating;
  c.source.kind = kind;
  c.polarity = polarity;
  c.modality = modality;
  return c;
}

// One document per claim; one cluster holding them all.
struct Corpus {
  std::vector<Document> docs;
  std::vector<DocumentAnalysis> analyses;
  CorpusAnalysis corpus;

  explicit Corpus(const std::vector<Claim>& claims, uint32_t independent) {
    ClaimCluster cluster;
    cluster.id = "k1";
    cluster.predicate = hearsay::Predicate::kDating;
    cluster.independent_sources = independent;
    for (const Claim& c : claims) {
      Document d;
      d.id = "d" + std::to_string(docs.size());
      docs.push_back(d);
      DocumentAnalysis a;
      a.claims.push_back(c);
      analyses.push_back(a);
      cluster.claims.push_back({static_cast<uint32_t>(docs.size() - 1), 0});
      cluster.documents.push_back(static_cast<uint32_t>(docs.size() - 1));
    }
    corpus.clusters.push_back(cluster);
  }
  const ClaimCluster& Score() {
    ScoreClusters(docs, analyses, &corpus);
    return corpus.clusters[0];
  }
};

bool Mentions(const ClaimCluster& c, const std::string& words) {
  for (const auto& r : c.reasons)
    if (r.find(words) != std::string::npos) return true;
  return false;
}

TEST(ScoreClusters, NamedCorroboratedAboveAnonymousHedged) {
  Corpus on_record({MakeClaim(SourceKind::kNamed), MakeClaim(SourceKind::kOutlet), MakeClaim(SourceKind::kNamed)}, 3);
  Corpus gossip({MakeClaim(SourceKind::kAnonymous, Polarity::kAffirmed, Modality::kHedged),
                 MakeClaim(SourceKind::kAnonymous, Polarity::kAffirmed, Modality::kSpeculative)},
                1);
  const ClaimCluster& a = on_record.Score();
  const ClaimCluster& b = gossip.Score();
  EXPECT_GT(a.credibility, b.credibility);
  EXPECT_GT(a.credibility, 0.5);
  EXPECT_LT(b.credibility, 0.5);
  EXPECT_TRUE(Mentions(a, "on record from a named source")) << ::testing::PrintToString(a.reasons);
  EXPECT_TRUE(Mentions(a, "3 independent sources")) << ::testing::PrintToString(a.reasons);
  EXPECT_TRUE(Mentions(b, "only anonymous sources")) << ::testing::PrintToString(b.reasons);
  EXPECT_TRUE(Mentions(b, "hedged or speculative in 2 of 2 claims")) << ::testing::PrintToString(b.reasons);
  EXPECT_TRUE(Mentions(b, "one independent source")) << ::testing::PrintToString(b.reasons);
}

TEST(ScoreClusters, BestSourceKindOrdersSupport) {
  // One affirming claim each, same corroboration: named > outlet > author's voice > anonymous.
  double last = 2;
  for (SourceKind kind : {SourceKind::kNamed, SourceKind::kOutlet, SourceKind::kAuthor, SourceKind::kAnonymous}) {
    Corpus one({MakeClaim(kind)}, 1);
    double score = one.Score().credibility;
    EXPECT_LT(score, last) << SourceKindName(kind);
    last = score;
  }
  // A repeated voice does not add support; the best one sets it.
  Corpus named_and_gossip({MakeClaim(SourceKind::kNamed), MakeClaim(SourceKind::kAnonymous), MakeClaim(SourceKind::kAuthor)}, 1);
  Corpus named({MakeClaim(SourceKind::kNamed)}, 1);
  const ClaimCluster& mixed = named_and_gossip.Score();
  EXPECT_DOUBLE_EQ(mixed.credibility, named.Score().credibility);
  EXPECT_TRUE(Mentions(mixed, "on record from a named source (1 claim)")) << ::testing::PrintToString(mixed.reasons);
  EXPECT_TRUE(Mentions(mixed, "1 anonymous-source claim among the support")) << ::testing::PrintToString(mixed.reasons);
  Corpus voice({MakeClaim(SourceKind::kAuthor), MakeClaim(SourceKind::kAuthor)}, 1);
  const ClaimCluster& v = voice.Score();
  EXPECT_TRUE(Mentions(v, "unattributed: only the article's own voice (2 claims)")) << ::testing::PrintToString(v.reasons);
}

TEST(ScoreClusters, DeniedOnRecordLowers) {
  Corpus plain({MakeClaim(SourceKind::kAnonymous), MakeClaim(SourceKind::kOutlet)}, 2);
  Corpus denied({MakeClaim(SourceKind::kAnonymous), MakeClaim(SourceKind::kOutlet), MakeClaim(SourceKind::kNamed, Polarity::kDenied)}, 2);
  double before = plain.Score().credibility;
  const ClaimCluster& after = denied.Score();
  EXPECT_LT(after.credibility, before - 0.2);
  EXPECT_TRUE(Mentions(after, "denied on record by a named source")) << ::testing::PrintToString(after.reasons);
}

TEST(ScoreClusters, ContradictionsAndArticleScoresCount) {
  Corpus base({MakeClaim(SourceKind::kOutlet)}, 1);
  double plain = base.Score().credibility;
  Corpus contradicted({MakeClaim(SourceKind::kOutlet)}, 1);
  contradicted.corpus.contradictions.push_back({"k1", "k2", ContradictionKind::kExclusiveState, "dating someone else", 0.5});
  const ClaimCluster& c = contradicted.Score();
  EXPECT_LT(c.credibility, plain);
  EXPECT_TRUE(Mentions(c, "contradicted 1 time"));
  Corpus trusted({MakeClaim(SourceKind::kOutlet)}, 1);
  trusted.analyses[0].credibility = 0.95;
  const ClaimCluster& t = trusted.Score();
  EXPECT_GT(t.credibility, plain);
  EXPECT_TRUE(Mentions(t, "credibility 0.95 on average"));
}

TEST(ScoreClusters, StaleAndEmptyClusters) {
  Corpus stale({MakeClaim(SourceKind::kNamed), MakeClaim(SourceKind::kNamed)}, 2);
  stale.docs[0].published = "2015-01-01";
  stale.docs[1].published = "2015-02-01";
  Document newer;
  newer.published = "2024-06-01";
  stale.docs.push_back(newer);
  stale.analyses.emplace_back();
  const ClaimCluster& s = stale.Score();
  EXPECT_TRUE(Mentions(s, "stale: last reported 2015-02-01")) << ::testing::PrintToString(s.reasons);

  Corpus empty({}, 0);
  empty.corpus.clusters[0].claims.push_back({7, 3});  // out of range: skipped, not a crash
  const ClaimCluster& e = empty.Score();
  EXPECT_DOUBLE_EQ(e.credibility, 0.5);
  EXPECT_TRUE(Mentions(e, "no claims to judge"));
}

}  // namespace
}  // namespace hearsay::score
