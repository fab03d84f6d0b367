// Birth windows, stale ages and undated articles through Fuse (fuse/time_reasoning.h).
// The people and ages are those of the invented examples (examples/README.md).
#include <gtest/gtest.h>

#include "corpus_builder.h"

namespace hearsay {
namespace {

using testing::CorpusBuilder;

const Entity* Named(const CorpusAnalysis& c, const std::string& name) {
  for (const Entity& e : c.entities)
    if (e.name == name) return &e;
  return nullptr;
}

void AddAshbyAges(CorpusBuilder& b) {
  const std::pair<const char*, const char*> ages[] = {
      {"2025-02-03", "47"}, {"2025-07-14", "48"}, {"2025-09-20", "48"}, {"2025-10-08", "48"},
      {"2025-11-24", "46"}, {"2025-12-03", "48"}, {"2026-02-17", "48"}};
  int i = 0;
  for (const auto& [date, age] : ages) {
    ++i;
    auto& d = b.Doc("ashby" + std::to_string(i), date, "Outlet" + std::to_string(i));
    d.Age(d.Person("Lorcan Ashby"), age);
  }
}

TEST(TimeReasoning, IntersectsBirthWindowsAndFlagsTheStaleAge) {
  CorpusBuilder b;
  AddAshbyAges(b);
  CorpusAnalysis c = b.Run();
  const Entity* ashby = Named(c, "Lorcan Ashby");
  ASSERT_TRUE(ashby && ashby->birth_window);
  EXPECT_EQ(ashby->birth_window->earliest, "1977-02-18");
  EXPECT_EQ(ashby->birth_window->latest, "1977-07-14");
  // 6 supporting statements and one left out, each in words.
  ASSERT_EQ(ashby->birth_window->basis.size(), 7u);
  EXPECT_NE(ashby->birth_window->basis.back().find("stale"), std::string::npos);
  ASSERT_EQ(c.contradictions.size(), 1u);
  const Contradiction& k = c.contradictions[0];
  EXPECT_EQ(k.kind, ContradictionKind::kAge);
  EXPECT_NE(k.explanation.find("46"), std::string::npos) << k.explanation;
  EXPECT_NE(k.explanation.find("1978-11-25..1979-11-24"), std::string::npos) << k.explanation;
  // a is the cluster of the 46, b a cluster of the consensus.
  const ClaimCluster* stale = nullptr;
  for (const ClaimCluster& cl : c.clusters)
    if (cl.id == k.a) stale = &cl;
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->value, "46");
}

TEST(TimeReasoning, AnInferredAgeNarrowsTheWindowWhenItAgreesAndIsNeverCalledStale) {
  CorpusBuilder b;
  AddAshbyAges(b);
  // "the 16-year-old ..." taken to be Ashby: someone else's age, not a stale one.
  auto& d = b.Doc("descriptor", "2025-08-01", "Outlet9");
  d.Age(d.Person("Lorcan Ashby"), "16").subject_inferred = true;
  // "the 48-year-old actor" on 2025-06-10: agrees, and moves the earliest birth day.
  auto& e = b.Doc("agrees", "2025-06-10", "Outlet10");
  e.Age(e.Person("Lorcan Ashby"), "48").subject_inferred = true;
  CorpusAnalysis c = b.Run();
  const Entity* ashby = Named(c, "Lorcan Ashby");
  ASSERT_TRUE(ashby && ashby->birth_window);
  EXPECT_EQ(ashby->birth_window->earliest, "1977-02-18");
  EXPECT_EQ(ashby->birth_window->latest, "1977-06-10");
  size_t age_contradictions = 0;
  for (const Contradiction& k : c.contradictions) {
    if (ContradictionKindName(k.kind) != std::string("age")) continue;
    ++age_contradictions;
    EXPECT_EQ(k.explanation.find(" 16"), std::string::npos) << k.explanation;
  }
  EXPECT_EQ(age_contradictions, 1u) << "only the named 46 is stale";
  bool explained = false;
  for (const std::string& line : ashby->birth_window->basis)
    if (line.find("aged 16") != std::string::npos && line.find("unnamed") != std::string::npos) explained = true;
  EXPECT_TRUE(explained) << "the window's basis says why the 16 was left out";
}

TEST(TimeReasoning, DatesAnUndatedArticleFromItsAges) {
  CorpusBuilder b;
  const std::pair<const char*, const char*> quenby[] = {{"2025-07-14", "34"}, {"2025-08-02", "34"}, {"2025-09-20", "34"},
                                                        {"2025-10-08", "34"}, {"2025-12-03", "35"}, {"2026-02-17", "35"},
                                                        {"2026-05-12", "35"}};
  int i = 0;
  for (const auto& [date, age] : quenby) {
    auto& d = b.Doc("q" + std::to_string(i++), date);
    d.Age(d.Person("Marisol Quenby"), age);
  }
  auto& f0 = b.Doc("f0", "2025-08-02");
  f0.Age(f0.Person("Finn Rourke"), "19");
  auto& f1 = b.Doc("f1", "2026-05-12");
  f1.Age(f1.Person("Finn Rourke"), "20");
  auto& undated = b.Doc("undated");
  undated.Age(undated.Person("Marisol Quenby"), "35");
  undated.Age(undated.Person("Finn Rourke"), "19");
  undated.Age(undated.Person("Nobody Known"), "50");  // no window: does not bound the date
  CorpusAnalysis c = b.Run();

  EXPECT_EQ(Named(c, "Marisol Quenby")->birth_window->earliest, "1990-10-09");
  EXPECT_EQ(Named(c, "Marisol Quenby")->birth_window->latest, "1990-12-03");
  EXPECT_EQ(Named(c, "Finn Rourke")->birth_window->earliest, "2005-08-03");
  EXPECT_EQ(Named(c, "Finn Rourke")->birth_window->latest, "2006-05-12");
  // The undated article's ages do not feed the windows they are dated by.
  EXPECT_FALSE(Named(c, "Nobody Known")->birth_window);

  const size_t u = c.estimated_published.size() - 1;
  ASSERT_TRUE(c.estimated_published[u]);
  EXPECT_EQ(c.estimated_published[u]->earliest, "2025-10-09");
  EXPECT_EQ(c.estimated_published[u]->latest, "2026-05-11");
  ASSERT_EQ(c.estimated_published[u]->basis.size(), 2u);
  EXPECT_NE(c.estimated_published[u]->basis[0].find("Marisol Quenby is 35 here"), std::string::npos);
  for (size_t d = 0; d < u; ++d) EXPECT_FALSE(c.estimated_published[d]) << "dated documents get no estimate";
  EXPECT_TRUE(c.contradictions.empty());
}

TEST(TimeReasoning, UndatedArticleWithADisagreeingAgeKeepsTheMajority) {
  CorpusBuilder b;
  auto& a = b.Doc("a", "2025-03-07");
  a.Age(a.Person("Ana de Armas"), "36");
  auto& t = b.Doc("t", "2025-03-07");
  t.Age(t.Person("Tom Cruise"), "62");
  auto& u = b.Doc("u");
  u.Age(u.Person("Ana de Armas"), "37");
  u.Age(u.Person("Tom Cruise"), "62");
  u.Age(u.Person("Tom Cruise"), "70");  // a slip: cannot fit with the others
  CorpusAnalysis c = b.Run();
  ASSERT_TRUE(c.estimated_published[2]);
  // Ana 37 with birth 1988-03-08..1989-03-07: from 2025-03-08; Tom 62: until 2026-03-06.
  EXPECT_EQ(c.estimated_published[2]->earliest, "2025-03-08");
  EXPECT_EQ(c.estimated_published[2]->latest, "2026-03-06");
  EXPECT_NE(c.estimated_published[2]->basis[2].find("left out"), std::string::npos);
}

TEST(TimeReasoning, DeniedOrUnresolvedAgesAreIgnored) {
  CorpusBuilder b;
  auto& d = b.Doc("a", "2025-03-07");
  int p = d.Person("Tom Cruise");
  d.Age(p, "62");
  d.Age(p, "sixty").polarity = Polarity::kAffirmed;
  d.Age(p, "40").polarity = Polarity::kDenied;
  d.Age(-1, "30");
  CorpusAnalysis c = b.Run();
  ASSERT_TRUE(c.entities[0].birth_window);
  EXPECT_EQ(c.entities[0].birth_window->basis.size(), 1u);
}

}  // namespace
}  // namespace hearsay
