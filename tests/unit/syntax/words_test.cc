// UD word segmentation of hearsay tokens (syntax::SplitToken).
#include <gtest/gtest.h>

#include "syntax/internal/model.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::syntax {
namespace {

// The words of a text as strings, "|"-joined.
std::string Words(std::string_view text, const MultiwordTable* mw = nullptr) {
  std::vector<Token> tokens;
  text::Tokenize(text, 0, uint32_t(text.size()), &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const Token& t : tokens) SplitToken(text, t, mw, &spans);
  std::string out;
  uint32_t last_end = 0;
  for (auto [b, e] : spans) {
    EXPECT_LT(b, e);
    EXPECT_GE(b, last_end);  // words are ordered and disjoint
    last_end = e;
    if (!out.empty()) out += "|";
    out += std::string(text.substr(b, e - b));
  }
  return out;
}

TEST(SplitToken, NegationAndPronounClitics) {
  EXPECT_EQ(Words("Tessa doesn't know"), "Tessa|does|n't|know");
  EXPECT_EQ(Words("we can't go"), "we|ca|n't|go");
  EXPECT_EQ(Words("they're here and I'm not"), "they|'re|here|and|I|'m|not");
  EXPECT_EQ(Words("she'll say you'd won"), "she|'ll|say|you|'d|won");
}

TEST(SplitToken, PossessivesWithStraightAndCurlyApostrophes) {
  EXPECT_EQ(Words("Orla Venn's sister"), "Orla|Venn|'s|sister");
  EXPECT_EQ(Words("Orla Venn\xE2\x80\x99s sister"), "Orla|Venn|\xE2\x80\x99s|sister");
}

TEST(SplitToken, HyphenatedCompoundsAreSplitUnlessThePrefixIsKept) {
  EXPECT_EQ(Words("the 62-year-old actor"), "the|62|-|year|-|old|actor");
  MultiwordTable mw;
  mw.hyphen_prefixes["co"] = 1;
  EXPECT_EQ(Words("her co-star", &mw), "her|co-star");
  EXPECT_EQ(Words("her well-known co-star", &mw), "her|well|-|known|co-star");
  EXPECT_EQ(Words("call 555-0199 now"), "call|555-0199|now");  // digits only: one word
}

TEST(SplitToken, LearntMultiwordTokens) {
  MultiwordTable mw;
  mw.splits["cannot"] = {3};
  mw.splits["gonna"] = {3};
  EXPECT_EQ(Words("I Cannot say, we're gonna wait", &mw), "I|Can|not|say|,|we|'re|gon|na|wait");
}

TEST(SplitToken, NonWordTokensStayWhole) {
  EXPECT_EQ(Words("see https://example.org/a-b's and @kim_lee"), "see|https://example.org/a-b's|and|@kim_lee");
  EXPECT_EQ(Words("O'Hara left"), "O'Hara|left");
}

}  // namespace
}  // namespace hearsay::syntax
