// The shipped parser (models/parser.hsp) on invented sentences of the kind hearsay reads:
// subjects, objects, passives, control, negation and speech verbs read from its trees.
#include <gtest/gtest.h>

#include "syntax/internal/model.h"
#include "syntax/syntax.h"
#include "syntax/tree.h"
#include "text/text.h"

namespace hearsay::syntax {
namespace {

const Parser& Shipped() {
  static auto p = Parser::Load(HEARSAY_SOURCE_DIR "/models/parser.hsp");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return **p;
}

struct Parsed {
  std::string text;
  Syntax syntax;
  // Index of the first word whose text is `form`, or -1.
  int W(std::string_view form) const {
    for (size_t i = 0; i < syntax.words.size(); ++i)
      if (std::string_view(text).substr(syntax.words[i].byte_begin,
                                        syntax.words[i].byte_end - syntax.words[i].byte_begin) == form)
        return int(i);
    return -1;
  }
  std::string Form(int i) const {
    if (i < 0) return "(none)";
    return text.substr(syntax.words[i].byte_begin, syntax.words[i].byte_end - syntax.words[i].byte_begin);
  }
};

Parsed Parse(const std::string& text) {
  Parsed p{text, {}};
  Document d;
  d.text = text;
  TextLayout layout = text::AnalyzeTextSpan(d.text, 0, 0);
  p.syntax = Shipped().ParseDocument(d.text, layout);
  return p;
}

TEST(ParseExamples, SpeechVerbSubjectAndReportedClause) {
  Parsed p = Parse("Mara Quill told Spotlight Weekly that she had split from Dario Venn.");
  Tree t(p.syntax);
  int told = p.W("told");
  ASSERT_GE(told, 0);
  EXPECT_EQ(p.Form(t.Subject(told)), "Mara");
  int split = p.W("split");
  EXPECT_EQ(t.Head(split), told);
  EXPECT_EQ(p.Form(t.Subject(split)), "she");
}

TEST(ParseExamples, PassiveSubject) {
  Parsed p = Parse("The singer was spotted with her new boyfriend in Malibu on Sunday.");
  Tree t(p.syntax);
  int spotted = p.W("spotted");
  EXPECT_TRUE(t.IsPassive(spotted));
  EXPECT_EQ(p.Form(t.Subject(spotted)), "singer");
}

TEST(ParseExamples, ControlVerbsLendTheirSubject) {
  Parsed p = Parse("Lena Ortiz wants to marry Tomas Reyes.");
  Tree t(p.syntax);
  EXPECT_EQ(p.Form(t.Subject(p.W("marry"))), "Lena");
  std::string object = p.Form(t.Object(p.W("marry")));
  EXPECT_TRUE(object == "Tomas" || object == "Reyes") << object;  // the name's head, either convention
}

TEST(ParseExamples, NegationScopesOverItsVerbOnly) {
  Parsed p = Parse("The actor did not attend the premiere, but his wife arrived early.");
  Tree t(p.syntax);
  EXPECT_TRUE(t.Negated(p.W("attend")));
  EXPECT_FALSE(t.Negated(p.W("arrived")));
  Parsed q = Parse("She celebrated her first birthday without her mother.");
  EXPECT_FALSE(Tree(q.syntax).Negated(q.W("celebrated")));
}

TEST(ParseExamples, QuoteWithTrailingCue) {
  Parsed p = Parse("\"We are just friends,\" the singer said.");
  Tree t(p.syntax);
  int said = p.W("said");
  EXPECT_EQ(p.Form(t.Subject(said)), "singer");
  // "said" and the quoted clause are linked (either way round).
  int friends = p.W("friends");
  EXPECT_TRUE(t.Head(said) == friends || t.Dominates(said, friends));
}

// The decoder keeps the weight sums of the one-word templates per (role, word); its trees
// must be those of scoring every feature of ParseFeatures at every step.
TEST(ParseExamples, KeptRoleSumsDecodeAsScoringEveryFeature) {
  const ParserModel& m = Shipped().model();
  ASSERT_TRUE(m.transitions.HasInlineRows());
  for (const char* text : {"Mara Quill told Spotlight Weekly that she had split from Dario Venn.",
                           "\"We are not getting back together,\" the 34-year-old singer said on Tuesday, adding that "
                           "she wished him well and that their two children came first.",
                           "Teo, who was obliged not to publicly date anyone, didn't attend the premiere in Malibu."}) {
    Parsed p = Parse(text);
    std::vector<WordInfo> info;
    for (size_t i = 0; i < p.syntax.words.size(); ++i) info.push_back(MakeWordInfo(p.Form(int(i))));
    m.FillClusters(&info);
    std::vector<int> tags;
    m.Tag(info, &tags);
    std::vector<ParseWord> w;
    for (size_t i = 0; i < info.size(); ++i)
      w.push_back(ParseWord{info[i].low, info[i].cluster, m.tag_classes[tags[i]].xpos, m.xpos_closed[m.tag_classes[tags[i]].xpos]});
    std::vector<int> kept;
    ParseSentence(m.transitions, w, &kept);
    ParseState s(int(w.size()));
    uint64_t feats[kMaxParseFeatures];
    while (!s.Terminal()) {
      float scores[kNumMoves] = {0, 0, 0};
      const int n = ParseFeatures(w, s, feats);
      ASSERT_EQ(n, 79);
      m.transitions.Score(feats, size_t(n), scores);
      int best = -1;
      for (int mv = 0; mv < kNumMoves; ++mv)
        if (s.Legal(Move(mv)) && (best < 0 || scores[mv] > scores[best])) best = mv;
      s.Apply(Move(best));
    }
    EXPECT_EQ(kept, s.head) << text;
  }
}

}  // namespace
}  // namespace hearsay::syntax
