// The learned own-outlet model (src/extract/own_outlet.h, models/own_outlet.hso) on invented
// articles, alone and as the pipeline runs it (after the hand rules): how an article speaks of
// itself names its outlet; how it cites others does not.
#include <gtest/gtest.h>

#include <optional>

#include "analyze_for_test.h"
#include "extract/internal/doc_view.h"
#include "extract/lexicon.h"
#include "extract/own_outlet.h"

namespace hearsay::extract {
namespace {

struct Analysed {
  Document doc;
  DocumentAnalysis a;
};

// The shipped model; the test fails (never skips) without it.
const OwnOutletModel& Model() {
  const OwnOutletModel* m = testing::ShippedOwnOutletModel();
  if (!m) {
    ADD_FAILURE() << "no models/own_outlet.hso (rebuild it: hearsay train own-outlet)";
    static OwnOutletModel empty;
    return empty;
  }
  return *m;
}

Analysed Analyze(const std::string& body) {
  auto doc = ingest::ParsePlainText("test.txt", " date 2025-06-01 Invented Test Headline\n" + body + "\n");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Analysed r{*doc, {}};
  r.a = testing::AnalyzeForTest(r.doc);
  ExtractClaims(r.doc, &r.a, testing::ShippedAttributionModel(), nullptr, &Model());
  return r;
}

// The model alone (FindOutlets asks it when the hand rules name no outlet).
std::optional<std::string> ModelOutlet(Analysed& r) {
  DocView v(r.doc, &r.a, DefaultLexicon());
  return PredictOwnOutlet(v, Model());
}

TEST(OwnOutletModel, AnArticleSpeakingOfItselfNamesItsOutlet) {
  for (const char* text : {"A source exclusively tells Harbor Weekly that the two stars have split. The singer was "
                           "seen in Rome on Friday.",
                           "An insider close to the couple tells Harbor Weekly exclusively that the wedding is off. "
                           "\"They are done,\" the source says."}) {
    Analysed r = Analyze(text);
    ASSERT_TRUE(r.a.detected_outlet.has_value()) << text;
    EXPECT_EQ(*r.a.detected_outlet, "Harbor Weekly") << text;
  }
}

TEST(OwnOutletModel, AnArticleCitingAnotherOutletNamesNone) {
  for (const char* text : {"She told Harbor Weekly in 2016 that she loved the city. The singer moved there in May.",
                           "The singer opened up about the split in an interview with Harbor Weekly last year, "
                           "according to Harbor Weekly. She has not commented since.",
                           "\"I read it in Harbor Weekly,\" the singer laughed on the show."}) {
    Analysed r = Analyze(text);
    EXPECT_FALSE(ModelOutlet(r).has_value()) << text << " -> " << ModelOutlet(r).value_or("");
    EXPECT_FALSE(r.a.detected_outlet.has_value()) << text << " -> " << r.a.detected_outlet.value_or("");
  }
}

// A cited outlet stays a citation when the model names the article's own.
TEST(OwnOutletModel, OwnAndCitedOutletsStayApart) {
  Analysed r = Analyze("A source exclusively tells Harbor Weekly that the pair split. She told Lantern Monthly in "
                       "2016 that she loved the city.");
  ASSERT_TRUE(r.a.detected_outlet.has_value());
  EXPECT_EQ(*r.a.detected_outlet, "Harbor Weekly");
}

// Self-reference constructions: "X has learned", "X can reveal", "pick up the new issue of X",
// "X has reached out to".
TEST(OwnOutletModel, SelfReferenceConstructionsNameTheOutlet) {
  for (const char* text :
       {"Quillon Daily has learned that the two stars have split after four years. The singer was seen in Rome.",
        "Quillon Daily can reveal that the actor is quitting the show. \"He is done,\" a source said.",
        "The pair split in May, an insider says. For more, pick up the new issue of Quillon Daily, on stands now.",
        "The singer was seen leaving the studio on Friday. Quillon Daily has reached out to her rep for comment."}) {
    Analysed r = Analyze(text);
    ASSERT_TRUE(r.a.detected_outlet.has_value()) << text;
    EXPECT_EQ(*r.a.detected_outlet, "Quillon Daily") << text;
  }
}

// Citations of another outlet, a handle and an outlet inside a quotation name none.
TEST(OwnOutletModel, CitationsHandlesAndQuotedOutletsNameNone) {
  for (const char* text :
       {"Quillon Daily reported on Monday that the pair had split. Neither star has commented.",
        "The actor is quitting the show, according to the Quillon Daily. His rep did not respond.",
        "\"Quillon Daily has learned nothing,\" the singer joked on the show. She laughed it off.",
        "The singer posted a photo from Rome. @QuillonDaily shared it with fans on Friday."}) {
    Analysed r = Analyze(text);
    EXPECT_FALSE(r.a.detected_outlet.has_value()) << text << " -> " << r.a.detected_outlet.value_or("");
  }
}

// Scores read how an article speaks of a name, never the name: the same article under
// another invented outlet's name of the same shape scores the same.
TEST(OwnOutletModel, ScoresDoNotDependOnTheOutletsName) {
  auto score = [](const std::string& name) {
    Analysed r = Analyze("A source exclusively tells " + name + " that the pair split. She told Lantern Monthly in "
                         "2016 that she loved the city.");
    DocView v(r.doc, &r.a, DefaultLexicon());
    const OutletMentions m = OutletCandidates(v);
    float best = 0;
    const int i = BestOwnOutlet(v, Model(), m, &best);
    EXPECT_GE(i, 0) << name;
    return i >= 0 ? std::make_pair(m.list[i].name, best) : std::make_pair(std::string(), best);
  };
  const auto [a, sa] = score("Harbor Weekly");
  const auto [b, sb] = score("Copper Weekly");
  EXPECT_EQ(a, "Harbor Weekly");
  EXPECT_EQ(b, "Copper Weekly");
  EXPECT_EQ(sa, sb);
}

TEST(OwnOutletModel, CandidatesAreGroupedByName) {
  Analysed r = Analyze("Harbor Weekly has learned that the pair split. The Harbor Weekly team asked HarborWeekly.com "
                       "readers. She told Lantern Monthly in 2016 that she loved the city.");
  DocView v(r.doc, &r.a, DefaultLexicon());
  OutletMentions m = OutletCandidates(v);
  ASSERT_GE(m.list.size(), 3u);
  EXPECT_EQ(m.list[0].name, "Harbor Weekly");
  EXPECT_EQ(m.list[0].group, m.list[1].group);
  EXPECT_EQ(m.group_size[m.list[0].group], 3u);
  EXPECT_EQ(OutletKey("The Daily Quill"), "dailyquill");
  EXPECT_EQ(OutletKey("HarborWeekly.com"), "harborweekly");
  EXPECT_EQ(OutletKey("Quill & Ink"), "quillandink");
}

TEST(OwnOutletModel, FileRoundTripsAndRefusesOtherFiles) {
  const std::string bytes = Model().Serialize();
  auto back = OwnOutletModel::FromBytes(bytes, "own_outlet.hso");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->Serialize(), bytes);
  EXPECT_EQ((*back)->threshold, Model().threshold);
  EXPECT_FALSE(OwnOutletModel::FromBytes("HSATTR\0\0 not this model", "x").ok());
  std::string stale = bytes;
  stale[12] = static_cast<char>(kOwnOutletFeatureVersion + 1);  // the feature version after magic and format
  auto refused = OwnOutletModel::FromBytes(stale, "stale.hso");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("retrain"), std::string::npos);
}

}  // namespace
}  // namespace hearsay::extract
