// Claim clusters, independent sources, first reports and provenance (fuse/clusters.h).
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include <random>

#include "corpus_builder.h"
#include "fuse/clusters.h"

namespace hearsay {
namespace {

using testing::CorpusBuilder;
using testing::DocBuilder;

std::string Words(uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::string s;
  for (int i = 0; i < n; ++i) s += "w" + std::to_string(rng() % 5000) + " ";
  return s;
}

struct Rumour {
  CorpusBuilder b;
  CorpusAnalysis c;
  // Each document says Quenby is dating Marchetti (since August 2025).
  DocBuilder& Add(const std::string& id, std::optional<std::string> date, std::optional<std::string> outlet,
                  std::string text = "", bool reversed = false) {
    DocBuilder& d = b.Doc(id, std::move(date), std::move(outlet), std::move(text));
    int q = d.Person("Marisol Quenby"), m = d.Person("Teo Marchetti");
    hearsay::Claim& claim = reversed ? d.Claim(m, "dating", q) : d.Claim(q, "dating", m);
    claim.time_from = "2025-08";
    claim.evidence_byte_begin = 0;
    claim.evidence_byte_end = 40;
    return d;
  }
};

TEST(Clusters, EqualClaimsFormOneClusterWithIndependentOrigins) {
  Rumour r;
  const std::string original = Words(1, 300);
  std::string copy = original;
  copy.replace(0, 4, "zzzz");  // a near-duplicate copy
  r.Add("origin", "2025-09-20", "StarWire", original);
  r.Add("copy", "2025-09-21", "PopBeacon", copy);
  DocBuilder& relay = r.Add("relay", "2025-10-08", "Celebrity Ledger Weekly", Words(2, 300));
  relay.analysis.citations.push_back(CitedOutlet{"StarWire", ProvenanceKind::kCites, 10, 30});  // inside the evidence
  r.Add("independent", "2025-10-10", "GlossDaily.com", Words(3, 300), /*reversed=*/true);
  r.Add("late", "2025-10-01", "StarWire", Words(4, 300));  // same outlet as the origin
  r.c = r.b.Run();

  ASSERT_EQ(r.c.duplicates.size(), 1u);
  ASSERT_EQ(r.c.clusters.size(), 1u);
  const ClaimCluster& k = r.c.clusters[0];
  EXPECT_EQ(k.id, "k1");
  EXPECT_EQ(k.predicate, hearsay::Predicate::kDating);
  EXPECT_EQ(k.claims.size(), 5u);
  // Report order: by date, whatever the ingest order.
  EXPECT_EQ(k.documents, (std::vector<uint32_t>{0, 1, 4, 2, 3}));
  EXPECT_EQ(k.first_doc, 0u);
  EXPECT_EQ(k.first_date, "2025-09-20");
  EXPECT_EQ(k.outlets, (std::vector<std::string>{"StarWire", "PopBeacon", "Celebrity Ledger Weekly", "GlossDaily.com"}));
  // origin, its copy, its relay and its own later article are one origin; GlossDaily another.
  EXPECT_EQ(k.independent_sources, 2u);
  EXPECT_EQ(k.rereport_of, (std::vector<int32_t>{-1, 0, 0, 0, -1}));
  for (size_t d = 0; d < 5; ++d) EXPECT_EQ(r.c.claim_cluster[d][0], 0);
}

TEST(Clusters, RelayThroughAnOutletIsNotIndependent) {
  Rumour r;
  r.Add("origin", "2025-01-01", "In Touch");
  r.Add("relay", "2025-01-02", "RadarOnline.com").analysis.claims[0].source.via_outlet = "In Touch Weekly";
  r.Add("relay2", "2025-01-03", "Radar Online");  // same outlet as relay, spelled differently
  r.Add("outside", "2025-01-04", "Gossip Cop").analysis.claims[0].source.via_outlet = "Us Weekly";
  r.Add("outside2", "2025-01-05", "Hollywood Life").analysis.claims[0].source.via_outlet = "Us Weekly";
  r.c = r.b.Run();
  ASSERT_EQ(r.c.clusters.size(), 1u);
  // "In Touch Weekly" is "In Touch": origin, relay and relay2 (one outlet, spelled two ways)
  // are one origin; the two relays of Us Weekly (not in the corpus) another.
  EXPECT_EQ(r.c.clusters[0].independent_sources, 2u);
}

TEST(Clusters, IncompatibleTimesSplitAndUntimedClaimsJoin) {
  CorpusBuilder b;
  auto& d0 = b.Doc("old", "2025-02-03");
  d0.Claim(d0.Person("Lorcan Ashby"), "dating", d0.Person("Nadia Ferrante")).time_from = "2022";
  d0.analysis.claims[0].time_to = "2025-01";
  auto& d1 = b.Doc("new", "2025-09-01");
  d1.Claim(d1.Person("Nadia Ferrante"), "dating", d1.Person("Lorcan Ashby")).time_from = "2025-08";
  auto& d2 = b.Doc("untimed", "2025-09-02");
  d2.Claim(d2.Person("Lorcan Ashby"), "dating", d2.Person("Nadia Ferrante"));
  CorpusAnalysis c = b.Run();
  ASSERT_EQ(c.clusters.size(), 2u);
  EXPECT_EQ(c.claim_cluster[0][0], 0);
  EXPECT_EQ(c.claim_cluster[1][0], 1);
  EXPECT_EQ(c.claim_cluster[2][0], 0);
}

TEST(Clusters, BothPolaritiesShareTheClusterAndDifferentValuesDoNot) {
  CorpusBuilder b;
  auto& d0 = b.Doc("a", "2025-01-01");
  int tom = d0.Person("Tom Cruise");
  d0.Claim(tom, "dating", d0.Person("Ana de Armas"));
  d0.Age(tom, "62");
  auto& d1 = b.Doc("b", "2025-01-02");
  d1.Deny(d1.Person("Ana de Armas"), "dating", d1.Person("Tom Cruise"));
  d1.Age(d1.Person("Tom Cruise"), "63");
  d1.Claim(0, "dating");  // no object: a different proposition ("dating someone")
  CorpusAnalysis c = b.Run();
  EXPECT_EQ(c.claim_cluster[1][0], c.claim_cluster[0][0]);
  EXPECT_NE(c.claim_cluster[1][1], c.claim_cluster[0][1]);
  EXPECT_NE(c.claim_cluster[1][2], c.claim_cluster[0][0]);
  EXPECT_EQ(c.clusters.size(), 4u);
}

TEST(Clusters, UndatedDocumentsReportLastUnlessEstimated) {
  CorpusBuilder b;
  auto& u = b.Doc("undated");
  u.Claim(u.Person("Tom Cruise"), "lives_in").object_text = "London";
  auto& d = b.Doc("dated", "2025-01-01");
  d.Claim(d.Person("Tom Cruise"), "lives_in").object_text = "london";
  CorpusAnalysis c = b.Run();
  ASSERT_EQ(c.clusters.size(), 1u);
  EXPECT_EQ(c.clusters[0].first_doc, 1u);
  EXPECT_EQ(c.clusters[0].object, "London");
}

TEST(Provenance, CitationsResolveToTheCitedArticleAndCopiesToTheirOriginal) {
  Rumour r;
  const std::string original = Words(5, 300);
  std::string copy = original;
  copy.replace(0, 4, "zzzz");
  r.Add("copy", "2025-09-21", "PopBeacon", copy);  // ingested first, published later
  r.Add("origin", "2025-09-20", "StarWire", original);
  auto& other = r.b.Doc("other-starwire", "2025-09-25", "StarWire", Words(6, 300));
  other.Person("Someone Else");
  auto& relay = r.Add("relay", "2025-10-08", "Celebrity Ledger Weekly", Words(7, 300));
  relay.Cites("StarWire");
  relay.Cites("Us Weekly", ProvenanceKind::kQuotes);  // not in the corpus
  auto& unrelated = r.b.Doc("unrelated", "2025-12-01", "GlossDaily", Words(8, 300));
  unrelated.Person("Someone Else");
  unrelated.Cites("StarWire");  // no shared claim: the latest StarWire article before it naming one of its people
  auto& stranger = r.b.Doc("stranger", "2025-12-02", "GlossDaily", Words(9, 300));
  stranger.Person("Nobody Shared");
  stranger.Cites("StarWire");  // issue 14: no StarWire article names its people: no target
  r.c = r.b.Run();

  const std::vector<ProvenanceEdge>& p = r.c.provenance;
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].doc_idx, 3u);
  EXPECT_EQ(p[0].outlet, "StarWire");
  EXPECT_EQ(p[0].target_doc, 1);  // the origin, which carries the relayed claim
  EXPECT_EQ(p[1].kind, ProvenanceKind::kQuotes);
  EXPECT_EQ(p[1].target_doc, -1);
  EXPECT_EQ(p[2].doc_idx, 4u);
  EXPECT_EQ(p[2].target_doc, 2);
  EXPECT_EQ(p[3].doc_idx, 5u);
  EXPECT_EQ(p[3].target_doc, -1);
  EXPECT_EQ(p[4].kind, ProvenanceKind::kNearDuplicate);
  EXPECT_EQ(p[4].doc_idx, 0u);  // the later copy points at the earlier original
  EXPECT_EQ(p[4].target_doc, 1);
  EXPECT_EQ(p[4].outlet, "StarWire");
  EXPECT_NE(p[4].evidence.find("Jaccard"), std::string::npos);
}

// Groups of claims sharing a ClaimKey in the resolved corpus, as a store's GROUP BY over
// the rows of ClaimKeysOf joined with the global entities finds them (reverse order).
std::vector<std::vector<ClaimRef>> ClaimGroupsFromKeys(const std::vector<DocumentAnalysis>& analyses, const CorpusAnalysis& c) {
  std::map<std::tuple<hearsay::Predicate, int32_t, int32_t, std::string, std::string>, std::vector<ClaimRef>> by_key;
  auto global = [&](uint32_t d, int32_t local) { return local < 0 ? -1 : c.local_to_global[d][local]; };
  for (uint32_t d = 0; d < analyses.size(); ++d)
    for (const fuse::ClaimKeyRow& row : fuse::ClaimKeysOf(analyses[d])) {
      fuse::ClaimKey k = fuse::ClaimKeyOf(row, global(d, row.subject), global(d, row.object));
      by_key[{k.predicate, k.subject, k.object, k.object_text, k.value}].push_back({d, row.claim});
    }
  std::vector<std::vector<ClaimRef>> groups;
  for (auto& [key, members] : by_key)
    if (members.size() > 1) groups.emplace_back(members.rbegin(), members.rend());
  return groups;
}

TEST(Clusters, GroupsFromKeysGiveTheSameClusters) {
  const char* people[] = {"Marisol Quenby", "Teo Marchetti", "Ines Vantani", "Bo Quill"};
  const char* predicates[] = {"dating", "split_from", "collaborates_with", "member_of", "age", "engaged_to"};
  const char* times[] = {"", "2025-08", "2024-01", "2025-09"};
  std::mt19937 rng(7);
  CorpusBuilder b;
  for (int d = 0; d < 120; ++d) {
    DocBuilder& doc = b.Doc("d" + std::to_string(d), "2025-10-" + std::to_string(10 + d % 20), "Outlet " + std::to_string(d % 6));
    std::vector<int> locals;
    for (const char* p : people) locals.push_back(doc.Person(p));
    for (int k = 0, n = 1 + static_cast<int>(rng() % 4); k < n; ++k) {
      std::string predicate = predicates[rng() % std::size(predicates)];
      int subject = locals[rng() % locals.size()], object = rng() % 3 ? locals[rng() % locals.size()] : -1;
      hearsay::Claim& claim = rng() % 4 ? doc.Claim(subject, predicate, object) : doc.Deny(subject, predicate, object);
      if (predicate == "age") claim.object_entity = -1, claim.value = std::to_string(30 + rng() % 3);
      else if (object < 0 && rng() % 2) claim.object_text = rng() % 2 ? "a  Film" : "A film";
      std::string time = times[rng() % std::size(times)];
      if (!time.empty()) claim.time_from = time;
    }
  }
  CorpusAnalysis want = b.Run();
  std::vector<std::vector<ClaimRef>> groups = ClaimGroupsFromKeys(b.analyses, want);
  CorpusAnalysis got;
  resolve::ResolveAcrossDocuments(b.documents, b.analyses, &got);
  fuse::Fuse(b.documents, b.analyses, &got, nullptr, &groups);
  ASSERT_EQ(got.clusters.size(), want.clusters.size());
  EXPECT_GT(want.clusters.size(), 20u);
  for (size_t k = 0; k < want.clusters.size(); ++k) {
    const ClaimCluster &g = got.clusters[k], &w = want.clusters[k];
    EXPECT_EQ(g.id, w.id);
    EXPECT_EQ(g.subject, w.subject);
    EXPECT_EQ(g.predicate, w.predicate);
    EXPECT_EQ(g.object, w.object);
    EXPECT_EQ(g.value, w.value);
    EXPECT_EQ(g.documents, w.documents);
    EXPECT_EQ(g.independent_sources, w.independent_sources);
    EXPECT_EQ(g.rereport_of, w.rereport_of);
    ASSERT_EQ(g.claims.size(), w.claims.size()) << w.id;
    for (size_t i = 0; i < w.claims.size(); ++i) {
      EXPECT_EQ(g.claims[i].doc_idx, w.claims[i].doc_idx);
      EXPECT_EQ(g.claims[i].claim_idx, w.claims[i].claim_idx);
    }
  }
  EXPECT_EQ(got.claim_cluster, want.claim_cluster);
  // The groups are what joins claims: without them every claim is a cluster of its own.
  std::vector<std::vector<ClaimRef>> none;
  CorpusAnalysis apart;
  resolve::ResolveAcrossDocuments(b.documents, b.analyses, &apart);
  fuse::Fuse(b.documents, b.analyses, &apart, nullptr, &none);
  EXPECT_GT(apart.clusters.size(), want.clusters.size() + 100);
}

}  // namespace
}  // namespace hearsay
