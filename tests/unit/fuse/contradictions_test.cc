// Contradictions: polarity, the exclusion rule table, partners, ages (fuse/contradictions.h).
#include <gtest/gtest.h>

#include "corpus_builder.h"

namespace hearsay {
namespace {

using testing::CorpusBuilder;

std::vector<const Contradiction*> OfKind(const CorpusAnalysis& c, const std::string& kind) {
  std::vector<const Contradiction*> out;
  for (const Contradiction& k : c.contradictions)
    if (ContradictionKindName(k.kind) == kind) out.push_back(&k);
  return out;
}

TEST(Contradictions, AffirmedAgainstDeniedOnOneRelation) {
  CorpusBuilder b;
  auto& rumour = b.Doc("rumour", "2025-09-20", "StarWire");
  rumour.Claim(rumour.Person("Marisol Quenby"), "dating", rumour.Person("Teo Marchetti")).time_from = "2025-08";
  auto& copy = b.Doc("copy", "2025-09-21", "PopBeacon");
  copy.Claim(copy.Person("Marisol Quenby"), "dating", copy.Person("Teo Marchetti")).time_from = "2025-08";
  auto& denial = b.Doc("denial", "2025-10-08", "Celebrity Ledger Weekly", "She is not seeing Teo.");
  int q = denial.Person("Marisol Quenby"), m = denial.Person("Teo Marchetti");
  int rep = denial.Person("Priya Castellane");
  hearsay::Claim& no = denial.Deny(q, "dating", m);
  no.source = Attribution{SourceKind::kNamed, rep, "Priya Castellane", std::nullopt, -1};
  no.evidence_byte_end = 22;
  denial.Deny(q, "dating", m);  // said twice in one article: one contradiction
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "polarity");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->a, "c1");  // the first report
  EXPECT_EQ(found[0]->b, "c3");
  const std::string& why = found[0]->explanation;
  EXPECT_NE(why.find("StarWire, 2025-09-20"), std::string::npos) << why;
  EXPECT_NE(why.find("Marisol Quenby is dating Teo Marchetti since 2025-08"), std::string::npos) << why;
  EXPECT_NE(why.find("affirmed in 2 documents"), std::string::npos) << why;
  EXPECT_NE(why.find("Priya Castellane, on record"), std::string::npos) << why;
  EXPECT_NE(why.find("denies it (\"She is not seeing Teo.\")"), std::string::npos) << why;
}

TEST(Contradictions, DenialOfAnyoneExcludesOverlappingRelationships) {
  CorpusBuilder b;
  auto& rumour = b.Doc("rumour", "2025-09-20", "StarWire");
  rumour.Claim(rumour.Person("Marisol Quenby"), "dating", rumour.Person("Teo Marchetti")).time_from = "2025-08";
  auto& old = b.Doc("old", "2019-06-01", "Ledger");
  old.Claim(old.Person("Marisol Quenby"), "dating", old.Person("Someone Before"));  // before 2021
  auto& pursuit = b.Doc("pursuit", "2025-07-14", "StarWire");
  pursuit.Claim(pursuit.Person("Lorcan Ashby"), "romantic_interest", pursuit.Person("Marisol Quenby"));
  auto& denial = b.Doc("denial", "2025-10-08", "Ledger");
  denial.Deny(denial.Person("Marisol Quenby"), "dating").time_from = "2021";
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->a, c.clusters[c.claim_cluster[0][0]].id);
  EXPECT_EQ(found[0]->b, c.clusters[c.claim_cluster[3][0]].id);
  EXPECT_NE(found[0]->explanation.find("Marisol Quenby has not dated anyone from 2021"), std::string::npos)
      << found[0]->explanation;
  EXPECT_NE(found[0]->explanation.find("over 2025-08-01..2025-09-20"), std::string::npos) << found[0]->explanation;
}

TEST(Contradictions, NotDatedSinceAgainstALaterSplit) {
  // "has not publicly dated anyone since 2012" vs a 2024 split (they dated until then).
  CorpusBuilder b;
  auto& split = b.Doc("split", "2024-10-01", "Outlet A");
  split.Claim(split.Person("Tom Cruise"), "split_from", split.Person("Elsa Example")).time_from = "2024";
  auto& old_split = b.Doc("old", "2024-10-02", "Outlet B");
  old_split.Claim(old_split.Person("Tom Cruise"), "divorced_from", old_split.Person("Katie Holmes")).time_from = "2012";
  auto& untimed = b.Doc("untimed", "2024-10-03", "Outlet C");
  untimed.Claim(untimed.Person("Tom Cruise"), "split_from", untimed.Person("Someone Else"));  // when? unknown
  auto& denial = b.Doc("denial", "2025-03-07", "Outlet D");
  denial.Deny(denial.Person("Tom Cruise"), "dating").time_from = "2013";
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->a, c.clusters[c.claim_cluster[0][0]].id);
}

TEST(Contradictions, TheEventADenialStartsFromIsNoConflict) {
  // "has not dated anyone since his divorce in 2012" against that divorce (same year) and a
  // split inside the denied period, stated twice in the denying article: one contradiction.
  CorpusBuilder b;
  auto& denial = b.Doc("denial", "2025-03-07", "Outlet D");
  int tom = denial.Person("Tom Example");
  denial.Claim(tom, "divorced_from", denial.Person("Kay Example")).time_from = "2012";
  auto between = [](hearsay::Claim& claim, const char* from, const char* to) {
    claim.time_from = from;
    claim.time_to = to;
  };
  for (int i = 0; i < 2; ++i) between(denial.Deny(tom, "dating"), "2012-01-01", "2025-03-07");
  auto& split = b.Doc("split", "2024-07-29", "Outlet A");
  between(split.Claim(split.Person("Tom Example"), "split_from", split.Person("Elsa Example")), "2024-03-01",
          "2024-03-31");
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->a, c.clusters[c.claim_cluster[1][0]].id);
  for (const char* part : {"Tom Example has not dated anyone from 2012-01-01 to 2025-03-07",
                           "Tom Example split from Elsa Example in 2024-03-01..2024-03-31", "over 2024-03-01..2024-03-31"})
    EXPECT_NE(found[0]->explanation.find(part), std::string::npos) << found[0]->explanation;
}

TEST(Contradictions, AnUntimedDenialHoldsOnItsPublicationDayOnly) {
  // "is not seeing anyone" (no time) does not reach back to an earlier relationship; "never"
  // (an end without a start) does.
  CorpusBuilder b;
  auto& old = b.Doc("old", "2019-06-01", "Ledger");
  old.Claim(old.Person("Marisol Quenby"), "dating", old.Person("Someone Before"));
  old.Claim(old.Person("Lorcan Ashby"), "spouse_of", old.Person("Early Spouse"));
  auto& now = b.Doc("now", "2025-10-08", "Ledger");
  now.Deny(now.Person("Marisol Quenby"), "dating");
  now.Deny(now.Person("Lorcan Ashby"), "spouse_of").time_to = "2025-10-08";
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0]->explanation.find("Lorcan Ashby has not been married up to 2025-10-08"), std::string::npos)
      << found[0]->explanation;
}

TEST(Contradictions, OnePartnerAtATime) {
  CorpusBuilder b;
  auto& rumour = b.Doc("rumour", "2025-09-20", "StarWire");
  rumour.Claim(rumour.Person("Marisol Quenby"), "dating", rumour.Person("Teo Marchetti")).time_from = "2025-08";
  auto& engaged = b.Doc("engaged", "2025-11-24", "Ledger");
  int teo = engaged.Person("Teo Marchetti"), nadia = engaged.Person("Nadia Ferrante");
  engaged.Claim(teo, "dating", nadia).time_from = "2025-04";
  engaged.Claim(teo, "engaged_to", nadia);
  auto& past = b.Doc("past", "2025-02-03", "Marquee");
  past.Claim(past.Person("Nadia Ferrante"), "split_from", past.Person("Lorcan Ashby")).time_from = "2025-01";
  auto& earlier = b.Doc("earlier", "2025-02-03", "Marquee");
  hearsay::Claim& was = earlier.Claim(earlier.Person("Lorcan Ashby"), "dating", earlier.Person("Nadia Ferrante"));
  was.time_from = "2022";
  was.time_to = "2025-01";
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  // Teo: Marisol (2025-08..09-20) vs Nadia (2025-04..11-24). Nadia: Lorcan (until 2025-01)
  // does not overlap Teo (from 2025-04); dating and engaged_to with one partner never conflict.
  ASSERT_EQ(found.size(), 1u) << (found.size() > 1 ? found[1]->explanation : "");
  EXPECT_NE(found[0]->explanation.find("Teo Marchetti cannot be with both Nadia Ferrante and Marisol Quenby over "
                                       "2025-08-01..2025-09-20"),
            std::string::npos)
      << found[0]->explanation;
}

TEST(Contradictions, OnePartnerAtATimeSparesEndedRumouredSameNamedAndOneArticlePartners) {
  CorpusBuilder b;
  // Married to Hugo since 2004 (a 2018 article), divorced in 2016 (2016 article): the
  // marriage ends there, so a 2018 romance with Teo does not conflict with it.
  auto& wed = b.Doc("wed", "2018-05-03", "Ledger");
  wed.Claim(wed.Person("Ines Calloway"), "spouse_of", wed.Person("Hugo Brandt")).time_from = "2004";
  auto& divorce = b.Doc("divorce", "2016-06-01", "Ledger");
  divorce.Claim(divorce.Person("Ines Calloway"), "divorced_from", divorce.Person("Hugo Brandt")).time_from = "2016-05";
  auto& romance = b.Doc("romance", "2018-05-02", "StarWire");
  romance.Claim(romance.Person("Ines Calloway"), "dating", romance.Person("Teo Marchetti"));
  // A rumour ("could be dating") is not a state that excludes anything.
  auto& rumour = b.Doc("rumour", "2018-05-02", "PopBeacon");
  rumour.Claim(rumour.Person("Ines Calloway"), "dating", rumour.Person("Dex Okafor")).modality = Modality::kSpeculative;
  // "Teo" alone and "Teo Marchetti": one partner written two ways. (Teo Vance, also seen
  // with Ines, keeps cross-document resolution from deciding which Teo it is.)
  wed.Person("Teo Vance");
  auto& short_name = b.Doc("short", "2018-05-02", "GlossDaily");
  short_name.Claim(short_name.Person("Ines Calloway"), "dating", short_name.Person("Teo"));
  // One article naming two partners of one man tells his history, not a contradiction.
  auto& history = b.Doc("history", "2018-05-02", "ReelTalk");
  int dex = history.Person("Dex Okafor");
  history.Claim(dex, "dating", history.Person("Mara Kellow"));
  history.Claim(dex, "spouse_of", history.Person("Nadia Ferrante"));
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  EXPECT_TRUE(found.empty()) << found.size() << ": " << (found.empty() ? "" : found[0]->explanation);
  // Control: the same romance while the marriage still holds (no divorce) is reported.
  CorpusBuilder control;
  auto& wed2 = control.Doc("wed", "2018-05-01", "Ledger");
  wed2.Claim(wed2.Person("Ines Calloway"), "spouse_of", wed2.Person("Hugo Brandt")).time_from = "2004";
  auto& romance2 = control.Doc("romance", "2018-05-01", "StarWire");
  romance2.Claim(romance2.Person("Ines Calloway"), "dating", romance2.Person("Teo Marchetti"));
  EXPECT_EQ(OfKind(control.Run(), "exclusive_state").size(), 1u);
}

TEST(Contradictions, NoChildrenAgainstAChildWhateverTheTime) {
  CorpusBuilder b;
  auto& a = b.Doc("a", "2025-02-03");
  a.Deny(a.Person("Lorcan Ashby"), "parent_of");
  auto& k = b.Doc("k", "2020-01-01");
  k.Claim(k.Person("Kid Ashby"), "child_of", k.Person("Lorcan Ashby"));
  auto& other = b.Doc("other", "2020-01-01");
  other.Claim(other.Person("Lorcan Ashby"), "child_of", other.Person("Old Ashby"));  // he is a child: no conflict
  CorpusAnalysis c = b.Run();
  auto found = OfKind(c, "exclusive_state");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->a, c.clusters[c.claim_cluster[1][0]].id);
}

TEST(Contradictions, UndatedWithoutEstimateTakesNoPartInTimedRules) {
  CorpusBuilder b;
  auto& u = b.Doc("u");
  u.Claim(u.Person("Teo Marchetti"), "dating", u.Person("Marisol Quenby"));
  auto& d = b.Doc("d", "2025-11-24");
  d.Claim(d.Person("Teo Marchetti"), "dating", d.Person("Nadia Ferrante"));
  CorpusAnalysis c = b.Run();
  EXPECT_TRUE(c.contradictions.empty());
}

}  // namespace
}  // namespace hearsay
