// The four seed articles, read in place from ../shared/seeds (never copied). Expectations are
// words searched for in the seed text at run time: a quote is identified by a word it
// contains, a person by a part of their name.
#include <gtest/gtest.h>

#include "analyze_for_test.h"
#include "support/shared.h"

namespace hearsay::extract {
namespace {

using testing::AnalyzeForTest;
using testing::EntityName;

struct Seed {
  Document doc;
  DocumentAnalysis a;
};

Seed Load(const std::string& file) {
  auto docs = testing::ReadDocs(testing::SharedDir() + "/seeds/" + file);
  Seed s;
  if (docs.empty()) return s;
  s.doc = std::move(docs[0]);
  s.a = AnalyzeForTest(s.doc);
  return s;
}

const Quote* QuoteWith(const Seed& s, const std::string& words) {
  for (const Quote& q : s.a.quotes)
    if (s.doc.text.substr(q.byte_begin, q.byte_end - q.byte_begin).find(words) != std::string::npos) return &q;
  return nullptr;
}

void ExpectSpeaker(const Seed& s, const std::string& words, SourceKind kind, const std::string& person = "") {
  const Quote* q = QuoteWith(s, words);
  ASSERT_NE(q, nullptr) << "no quote containing \"" << words << "\" in " << s.doc.path;
  EXPECT_EQ(SourceKindName(q->speaker.kind), std::string(SourceKindName(kind)))
      << "speaker of the quote with \"" << words << "\" (" << q->speaker.text << ")";
  if (!person.empty()) {
    EXPECT_NE(EntityName(s.a, q->speaker.entity_idx).find(person), std::string::npos)
        << "speaker of the quote with \"" << words << "\" is \"" << EntityName(s.a, q->speaker.entity_idx) << "\"";
  }
}

void ExpectSameSource(const Seed& s, const std::string& a, const std::string& b) {
  const Quote* qa = QuoteWith(s, a);
  const Quote* qb = QuoteWith(s, b);
  ASSERT_TRUE(qa && qb) << a << " / " << b;
  EXPECT_GE(qa->speaker.anonymous_id, 0);
  EXPECT_EQ(qa->speaker.anonymous_id, qb->speaker.anonymous_id) << "\"" << a << "\" and \"" << b << "\"";
}

void ExpectAge(const Seed& s, const std::string& person, const std::string& value) {
  for (const Claim& c : s.a.claims)
    if (c.predicate == hearsay::Predicate::kAge && c.value == value && EntityName(s.a, c.subject_entity).find(person) != std::string::npos)
      return;
  ADD_FAILURE() << "no age " << value << " for " << person << " in " << s.doc.path;
}

// A claim `subject predicate object` (name parts; either order for symmetric predicates)
// with the given polarity and source kind.
void ExpectClaim(const Seed& s, const std::string& subject, const std::string& predicate, const std::string& object,
                 SourceKind kind, Polarity polarity = Polarity::kAffirmed) {
  auto has = [&](int32_t e, const std::string& part) { return EntityName(s.a, e).find(part) != std::string::npos; };
  bool symmetric = predicate == "dating" || predicate == "spouse_of" || predicate == "divorced_from" ||
                   predicate == "split_from" || predicate == "estranged_from" || predicate == "collaborates_with";
  for (const Claim& c : s.a.claims) {
    if (hearsay::PredicateName(c.predicate) != predicate || c.polarity != polarity || c.source.kind != kind) continue;
    std::string object_text = c.object_text.value_or("");
    auto object_is = [&](int32_t e, const std::string& part) {
      return has(e, part) || (e < 0 && object_text.find(part) != std::string::npos);
    };
    if ((has(c.subject_entity, subject) && object_is(c.object_entity, object)) ||
        (symmetric && has(c.subject_entity, object) && object_is(c.object_entity, subject)))
      return;
  }
  ADD_FAILURE() << "no " << PolarityName(polarity) << " claim " << subject << " " << predicate << " " << object
                << " from a " << SourceKindName(kind) << " source in " << s.doc.path;
}

bool Cites(const Seed& s, const std::string& outlet) {
  for (const CitedOutlet& c : s.a.citations)
    if (c.outlet.find(outlet) != std::string::npos) return true;
  return false;
}

// A denied `dating` claim with no object (object null) over [from, to].
bool DeniedDatingAlone(const Seed& s, const std::string& from, const std::string& to) {
  for (const Claim& c : s.a.claims)
    if (c.predicate == hearsay::Predicate::kDating && c.polarity == Polarity::kDenied && c.object_entity < 0 && !c.object_text &&
        c.time_from.value_or("") == from && c.time_to.value_or("") == to)
      return true;
  return false;
}

TEST(ExtractSeeds, Seed000QuotesAgesOutlet) {
  HEARSAY_REQUIRE_SHARED("seeds/000_ec1f5256a4997789.txt");
  Seed s = Load("000_ec1f5256a4997789.txt");
  EXPECT_EQ(s.a.detected_outlet.value_or(""), "RadarOnline");
  ExpectSpeaker(s, "another child", SourceKind::kAnonymous);
  ExpectSpeaker(s, "does not exist", SourceKind::kAnonymous);
  ExpectSpeaker(s, "any contact", SourceKind::kAnonymous);
  ExpectSameSource(s, "does not exist", "any contact");
  ExpectSpeaker(s, "impossible", SourceKind::kNamed, "Cruise");
  ExpectSpeaker(s, "wonderful stories", SourceKind::kNamed, "Cruise");
  ExpectSpeaker(s, "suppressive", SourceKind::kAnonymous);
  ExpectSpeaker(s, "deal-breaker", SourceKind::kAnonymous);
  ExpectSpeaker(s, "feel safe", SourceKind::kAnonymous);
  ExpectSpeaker(s, "older men", SourceKind::kAnonymous);
  ExpectSpeaker(s, "affectionate", SourceKind::kAnonymous);
  ExpectSameSource(s, "older men", "affectionate");
  ExpectAge(s, "Cruise", "62");
  ExpectAge(s, "Armas", "37");
  ExpectAge(s, "Connor", "29");
  ExpectAge(s, "Isabella", "31");
  ExpectAge(s, "Affleck", "52");
  ExpectAge(s, "Armas", "30-39");
  // Family, romance, split, estrangement and membership, in the article's own voice.
  ExpectClaim(s, "Cruise", "romantic_interest", "Armas", SourceKind::kAuthor);
  ExpectClaim(s, "Suri", "child_of", "Tom Cruise", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "estranged_from", "Suri", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "divorced_from", "Holmes", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "divorced_from", "Kidman", SourceKind::kAuthor);
  ExpectClaim(s, "Connor", "adopted_child_of", "Tom Cruise", SourceKind::kAuthor);
  ExpectClaim(s, "Isabella", "adopted_child_of", "Tom Cruise", SourceKind::kAuthor);
  ExpectClaim(s, "Armas", "split_from", "Affleck", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "member_of", "Scientology", SourceKind::kAuthor);
}

TEST(ExtractSeeds, Seed001QuotesAgesOutlet) {
  HEARSAY_REQUIRE_SHARED("seeds/001_dd73e6ea577dbc7d.txt");
  Seed s = Load("001_dd73e6ea577dbc7d.txt");
  EXPECT_EQ(s.a.detected_outlet.value_or(""), "RadarOnline");
  ExpectSpeaker(s, "likes Tom", SourceKind::kAnonymous);
  ExpectSpeaker(s, "spotlight", SourceKind::kAnonymous);
  ExpectSameSource(s, "likes Tom", "spotlight");
  ExpectSpeaker(s, "external boundaries", SourceKind::kNamed, "Armas");
  ExpectSpeaker(s, "more used to it", SourceKind::kNamed, "Armas");
  ExpectSpeaker(s, "negative side", SourceKind::kNamed, "Armas");
  ExpectSpeaker(s, "minimum of respect", SourceKind::kNamed, "Armas");
  ExpectSpeaker(s, "so much fun", SourceKind::kNamed, "Armas");
  ExpectSpeaker(s, "tremendous ability", SourceKind::kNamed, "Cruise");
  ExpectAge(s, "Armas", "37");
  ExpectAge(s, "Cruise", "62");
  // Working together: on record from de Armas herself, and from the anonymous source.
  ExpectClaim(s, "Armas", "collaborates_with", "Cruise", SourceKind::kNamed);
  ExpectClaim(s, "Armas", "collaborates_with", "Cruise", SourceKind::kAnonymous);
  ExpectClaim(s, "Cruise", "romantic_interest", "Armas", SourceKind::kAuthor);
}

TEST(ExtractSeeds, Seed002QuotesAgesCitations) {
  HEARSAY_REQUIRE_SHARED("seeds/002_4bb767ab6d875cd4.txt");
  Seed s = Load("002_4bb767ab6d875cd4.txt");
  EXPECT_TRUE(Cites(s, "RadarOnline"));
  EXPECT_TRUE(Cites(s, "FandomWire"));
  EXPECT_TRUE(Cites(s, "In Touch"));
  ExpectSpeaker(s, "phenomenal actress", SourceKind::kAnonymous);
  ExpectSpeaker(s, "intimidated", SourceKind::kAnonymous);
  ExpectSameSource(s, "phenomenal actress", "intimidated");
  // The quote that lost its opening mark, spoken by the source who "told In Touch".
  ExpectSpeaker(s, "buzzing", SourceKind::kAnonymous);
  const Quote* q = QuoteWith(s, "buzzing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.via_outlet.value_or(""), "In Touch");
  ExpectSpeaker(s, "rewarding", SourceKind::kNamed, "Armas");
  ExpectAge(s, "Cruise", "62");
  ExpectAge(s, "Armas", "36");
  ExpectAge(s, "Cuesta", "27");
  // "has not publicly dated anyone" after the sentence naming the 2012 divorce: a denial
  // with no object (object null) from 2012 to the publication date.
  EXPECT_TRUE(DeniedDatingAlone(s, "2012-01-01", "2025-03-07"));
  ExpectClaim(s, "Armas", "dating", "Anido Cuesta", SourceKind::kAnonymous);
  ExpectClaim(s, "Anido Cuesta", "stepchild_of", "Díaz-Canel", SourceKind::kAnonymous);
  ExpectClaim(s, "Cruise", "romantic_interest", "Armas", SourceKind::kAnonymous);
  ExpectClaim(s, "Cruise", "dating", "Armas", SourceKind::kAnonymous, Polarity::kDenied);  // "strictly professional"
  ExpectClaim(s, "Cruise", "divorced_from", "Holmes", SourceKind::kAuthor);
}

TEST(ExtractSeeds, Seed003QuotesAgesCitations) {
  HEARSAY_REQUIRE_SHARED("seeds/003_a099b6302a507ff5.txt");
  Seed s = Load("003_a099b6302a507ff5.txt");
  EXPECT_TRUE(Cites(s, "In Touch"));
  ExpectSpeaker(s, "fantastic way", SourceKind::kOutlet);
  ExpectSpeaker(s, "rushing ahead", SourceKind::kOutlet);
  ExpectSpeaker(s, "bad blood", SourceKind::kAnonymous);
  ExpectSpeaker(s, "different ideas", SourceKind::kAnonymous);
  ExpectSameSource(s, "bad blood", "different ideas");
  ExpectSpeaker(s, "How could there be", SourceKind::kOutlet);
  const Quote* q = QuoteWith(s, "bad blood");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.via_outlet.value_or(""), "In Touch");
  ExpectAge(s, "Cruise", "62");
  ExpectAge(s, "Isabella", "31");
  ExpectAge(s, "Connor", "29");
  // "split from X in March and has remained single ever since": single from March 2024.
  EXPECT_TRUE(DeniedDatingAlone(s, "2024-03-01", "2024-07-29"));
  ExpectClaim(s, "Cruise", "split_from", "Khayrova", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "estranged_from", "Suri", SourceKind::kAuthor);
  ExpectClaim(s, "Cruise", "divorced_from", "Holmes", SourceKind::kAuthor);
}

}  // namespace
}  // namespace hearsay::extract
