// Judging the evidence, not the celebrity: six article texts written for this test, each
// with ten people's names (six famous in the GossipCop training data, four invented), run
// through the pipeline with the shipped models. The label may not flip and the scores may
// spread by at most 0.03 per text; no reason may quote a name. With the outlet prior off,
// moving an article to another outlet (URL and cited outlet) changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "hearsay/pipeline.h"
#include "score/article_model.h"
#include "test_docs.h"

namespace hearsay::score {
namespace {

using testing::MakeDoc;

struct Person {
  const char* full;
  const char* surname;
};
constexpr Person kPeople[] = {
    {"Jennifer Aniston", "Aniston"}, {"Brad Pitt", "Pitt"},     {"Kanye West", "West"},      {"Tom Hanks", "Hanks"},
    {"Taylor Swift", "Swift"},       {"Kim Kardashian", "Kardashian"}, {"John Smith", "Smith"}, {"Zorvella Quint", "Quint"},
    {"Marek Odunsi", "Odunsi"},      {"Priya Vantongeren", "Vantongeren"},
};

// Title and body with {A} for the full name and {S} for the surname.
struct Text {
  const char* title;
  const char* body;
};
constexpr Text kTexts[] = {
    {"{A} Attends Premiere Of New Family Drama",
     "{A} arrived at the premiere of the family drama in Los Angeles on Tuesday night. The film opens in theaters next "
     "month and follows three siblings who return home after their father falls ill.\n\n\"I am proud of this cast and of "
     "the story we told,\" {S} told reporters on the red carpet. The director said the production took two years.\n\n"
     "The studio confirmed that the film will also be shown at two festivals in the autumn."},
    {"{A} Secretly Engaged? Insider Spills Details",
     "{A} is reportedly engaged, a source close to the star told us. \"They have been planning it for months and only a "
     "few friends know,\" the insider said.\n\nAnother source claimed the couple may marry this summer in a private "
     "ceremony. Rumors of the engagement have swirled for weeks, and an onlooker said {S} seemed happier than ever.\n\n"
     "Representatives for {S} did not respond to a request for comment."},
    {"{A}'s Representative Denies Split Report",
     "A representative for {A} denied on Monday a tabloid report that the actor had split from a longtime partner. "
     "\"This story is false and there is no truth to it,\" the representative said in a statement.\n\nThe report had "
     "cited an unnamed friend. {S} was photographed at a restaurant with the partner on Sunday evening."},
    {"{A} Donates $1 Million To Children's Hospital",
     "{A} has donated $1 million to a children's hospital in Chicago, the hospital announced Thursday. The gift will fund "
     "a new wing for young cancer patients.\n\n\"We are grateful for this generosity,\" the hospital's president said. "
     "{S} visited patients last year and has supported the charity since 2015, according to the hospital."},
    {"{A} SLAMS Critics After Shocking Awards Snub!",
     "{A} was furious after being snubbed at the awards show, a pal of the star dished. \"Everyone is talking about it, "
     "the star feels betrayed!\" the source said.\n\nAccording to an insider, {S} allegedly stormed out of the after-party. "
     "Fans were stunned! Sources say a feud with the organizers could be next."},
    {"{A} Talks New Album And Touring In Interview",
     "{A} spoke about the new album in an interview published Wednesday. \"I wrote most of these songs at home during a "
     "quiet year,\" {S} said. \"Touring again feels like coming back to a family.\"\n\nThe album will be released in "
     "March, the label said, and a tour of 30 cities begins in April. {S} added that two of the songs were written with "
     "a childhood friend."},
};

std::string Fill(std::string t, const Person& p) {
  for (auto [key, value] : {std::pair{"{A}", p.full}, std::pair{"{S}", p.surname}})
    for (size_t at; (at = t.find(key)) != std::string::npos;) t.replace(at, 3, value);
  return t;
}

const Models& ShippedModels() {
  static const Models models = [] {
    auto m = LoadModels(std::string(HEARSAY_SOURCE_DIR) + "/models");
    return m.ok() ? std::move(m).value() : Models();
  }();
  return models;
}

TEST(NameSwap, SameTextWithOtherNamesScoresTheSame) {
  const Models& models = ShippedModels();
  ASSERT_TRUE(models.tagger && models.article_model) << "the shipped models (models/ner.hsm, models/credibility.hcm) are needed";
  const auto* model = dynamic_cast<const LinearArticleModel*>(models.article_model.get());
  ASSERT_NE(model, nullptr);
  for (const Text& text : kTexts) {
    double lo = 1, hi = 0;
    std::string lo_name, hi_name;
    size_t real = 0;
    for (const Person& p : kPeople) {
      Document d = MakeDoc(Fill(text.title, p), Fill(text.body, p));
      DocumentAnalysis a = AnalyzeDocument(d, models);
      ASSERT_TRUE(a.credibility.has_value());
      double s = *a.credibility;
      if (s < lo) lo = s, lo_name = p.full;
      if (s > hi) hi = s, hi_name = p.full;
      real += model->IsReal(s);
      for (const std::string& r : a.credibility_reasons)
        for (const char* part : {p.surname, p.full})
          EXPECT_EQ(r.find(part), std::string::npos) << "a reason quotes the name: " << r;
    }
    std::cout << "[ spread   ] " << hi - lo << " (" << lo << " .. " << hi << ") " << text.title << "\n";
    EXPECT_LE(hi - lo, 0.03) << text.title << ": " << lo_name << " " << lo << ", " << hi_name << " " << hi;
    EXPECT_TRUE(real == 0 || real == std::size(kPeople)) << text.title << ": " << real << " of " << std::size(kPeople) << " real";
  }
}

TEST(NameSwap, OtherOutletChangesNothingWithThePriorOff) {
  auto loaded = LoadArticleModelFile(std::string(HEARSAY_SOURCE_DIR) + "/models/" + kArticleModelFile);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  LinearArticleModel& model = **loaded;
  model.UseOutletPrior(false);
  const Models& models = ShippedModels();
  ASSERT_TRUE(models.tagger);
  std::vector<double> scores;
  std::vector<std::vector<std::string>> reasons;
  for (auto [host, cited] : {std::pair{"https://www.people.com/a", "Us Weekly"}, std::pair{"http://radaronline.com/a", "People"},
                             std::pair{"https://www.nytimes.com/a", "Variety"}}) {
    Document d = MakeDoc("Couple Splits After Five Years",
                         std::string("The couple has split after five years together, a source told ") + cited +
                             ". \"It was mutual,\" a friend said.",
                         host);
    DocumentAnalysis a = AnalyzeDocument(d, models);
    reasons.emplace_back();
    scores.push_back(model.Score(d, a, &reasons.back()));
  }
  for (size_t i = 1; i < scores.size(); ++i) {
    EXPECT_EQ(scores[i], scores[0]) << i;
    EXPECT_EQ(reasons[i], reasons[0]) << i;
  }
}

}  // namespace
}  // namespace hearsay::score
