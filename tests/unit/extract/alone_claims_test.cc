// Claims about one person alone (docs/extract.md, "Claims with no object"): a negated relation
// with a universal object ("has not dated anyone"), a state word ("is single", "has no
// children"), an intransitive "never married", an indefinite partner ("is dating someone").
// The object is null (DESIGN.md: object|null) and the time is normalised against the
// publication date. Texts are invented for this test.
#include <gtest/gtest.h>

#include "analyze_for_test.h"

namespace hearsay::extract {
namespace {

using testing::EntityName;

struct Result {
  Document doc;
  DocumentAnalysis a;
};

Result Analyze(const std::string& body, const std::string& published = "2025-06-01") {
  std::string raw = " date " + published + " Invented Test Headline\n" + body + "\n";
  auto doc = ingest::ParsePlainText("test.txt", raw);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Result r{*doc, {}};
  r.a = testing::AnalyzeForTest(r.doc);
  return r;
}

// The claims of `predicate` with no object whose subject's name contains `who`.
std::vector<const Claim*> Alone(const Result& r, const std::string& predicate, const std::string& who) {
  std::vector<const Claim*> out;
  for (const Claim& c : r.a.claims)
    if (hearsay::PredicateName(c.predicate) == predicate && c.object_entity < 0 && !c.object_text &&
        EntityName(r.a, c.subject_entity).find(who) != std::string::npos)
      out.push_back(&c);
  return out;
}

std::string Time(const Claim& c) { return c.time_from.value_or("-") + ".." + c.time_to.value_or("-"); }

// The one claim of `predicate` about `who` alone in `body`, its polarity and time ("" = any).
void ExpectAlone(const std::string& body, const std::string& predicate, const std::string& who, Polarity polarity,
                 const std::string& time) {
  Result r = Analyze(body);
  auto found = Alone(r, predicate, who);
  ASSERT_EQ(found.size(), 1u) << body;
  EXPECT_EQ(found[0]->polarity, polarity) << body;
  if (!time.empty()) {
    EXPECT_EQ(Time(*found[0]), time) << body;
  }
}

TEST(AloneClaims, FormsAndTheirTimes) {
  struct Row {
    const char* body;
    const char* predicate;
    const char* who;
    Polarity polarity;
    const char* time;  // "" = not checked
  };
  const Row rows[] = {
      // "since then": the date of the sentence before.
      {"Jenna Holloway divorced in 2016. Since then, she has not dated anyone.", "dating", "Holloway",
       Polarity::kDenied, "2016-01-01..2025-06-01"},
      {"Marcus Bell has been single since March, friends say.", "dating", "Bell", Polarity::kDenied,
       "2025-03-01..2025-06-01"},
      // "ever since": the date before it; the subject of the first conjunct.
      {"Marcus Bell split from Dana Price in March and has remained single ever since.", "dating", "Bell",
       Polarity::kDenied, "2025-03-01..2025-06-01"},
      // "since" governing an event with its date.
      {"Jenna Holloway has not dated anyone since her divorce in 2016.", "dating", "Holloway", Polarity::kDenied,
       "2016-01-01..2025-06-01"},
      // Present tense: the publication day.
      {"Jenna Holloway is not in a relationship with anyone.", "dating", "Holloway", Polarity::kDenied,
       "2025-06-01..2025-06-01"},
      {"Marcus Bell hasn't been linked to anyone since 2019.", "dating", "Bell", Polarity::kDenied,
       "2019-01-01..2025-06-01"},
      {"Jenna Holloway has dated no one since 2020.", "dating", "Holloway", Polarity::kDenied,
       "2020-01-01..2025-06-01"},
      // An unnamed partner, a negated state: affirmed.
      {"Marcus Bell is dating someone new, a friend said.", "dating", "Bell", Polarity::kAffirmed, ""},
      {"Jenna Holloway is no longer single.", "dating", "Holloway", Polarity::kAffirmed, ""},
  };
  for (const Row& row : rows) ExpectAlone(row.body, row.predicate, row.who, row.polarity, row.time);
  EXPECT_TRUE(Alone(Analyze(rows[2].body), "dating", "Price").empty());
}

TEST(AloneClaims, NeverMarriedAndNoChildrenAfterWho) {
  const char* body = "Marcus Bell, who has never married and has no children, lives in Ohio.";
  ExpectAlone(body, "spouse_of", "Bell", Polarity::kDenied, "-..2025-06-01");  // "never": no start
  ExpectAlone(body, "parent_of", "Bell", Polarity::kDenied, "");
}

TEST(AloneClaims, NotStatesOfOnePersonAlone) {
  // A noun phrase ("a single mother"), a pair ("no children with"), "anyone" without a negation.
  Result r = Analyze(
      "Jenna Holloway is a single mother. Marcus Bell has no children with Dana Price. "
      "Nobody asked whether Jenna Holloway was dating anyone.");
  EXPECT_TRUE(Alone(r, "dating", "Holloway").empty());
  EXPECT_TRUE(Alone(r, "parent_of", "Bell").empty());
  // A name's possessive before a record's title: "Marcus Bell's single "…"" is a song.
  Result s = Analyze(
      "Dana Price sang on Marcus Bell's single \"Start a Fire\", which topped the chart. Jenna "
      "Holloway's single, \"Paper Moons\", came out in May. Marcus Bell's single now.");
  EXPECT_TRUE(Alone(s, "dating", "Bell").size() == 1);  // the last sentence: "Bell is single"
  EXPECT_TRUE(Alone(s, "dating", "Holloway").empty());
}
}  // namespace
}  // namespace hearsay::extract
