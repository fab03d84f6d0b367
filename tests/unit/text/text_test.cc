#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../../support/shared.h"
#include "common/file_io.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace hearsay::text {
namespace {

std::vector<std::string> Toks(const std::string& s) {
  std::vector<Token> toks;
  Tokenize(s, 0, static_cast<uint32_t>(s.size()), &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(s.substr(t.byte_begin, t.byte_end - t.byte_begin));
  return out;
}

using V = std::vector<std::string>;

struct TokCase {
  const char* input;
  V expected;
};

TEST(Tokenizer, SplitsLikeNewsText) {
  const TokCase cases[] = {
      {"the 62-year-old actor", {"the", "62-year-old", "actor"}},
      {"Mr. Smith met Dr. Jones in St. Ives.", {"Mr.", "Smith", "met", "Dr.", "Jones", "in", "St.", "Ives", "."}},
      {"a home in the U.K. now", {"a", "home", "in", "the", "U.K.", "now"}},
      {"J. R. Bloggs", {"J.", "R.", "Bloggs"}},
      {"Cruise's pursuit", {"Cruise", "'s", "pursuit"}},
      {"Cruise\xE2\x80\x99s pursuit", {"Cruise", "\xE2\x80\x99s", "pursuit"}},
      {"she don't know O'Brien", {"she", "don't", "know", "O'Brien"}},
      {"RadarOnline.com can reveal", {"RadarOnline.com", "can", "reveal"}},
      {"see https://x.example/a?b=1. Then", {"see", "https://x.example/a?b=1", ".", "Then"}},
      {"by @TCNews62 #TomCruise", {"by", "@TCNews62", "#TomCruise"}},
      {"in her 30s, worth $1,000", {"in", "her", "30s", ",", "worth", "$", "1,000"}},
      {"3.5 million", {"3.5", "million"}},
      {"He said: \"Yes!\"", {"He", "said", ":", "\"", "Yes", "!", "\""}},
      {"\xE2\x80\x9CHi,\xE2\x80\x9D she said", {"\xE2\x80\x9C", "Hi", ",", "\xE2\x80\x9D", "she", "said"}},
      {"star \xE2\x80\x93 who", {"star", "\xE2\x80\x93", "who"}},
      {"wait...what", {"wait", "...", "what"}},
      {"D\xC3\xAD" "az-Canel", {"D\xC3\xAD" "az-Canel"}},
      {"According toRadarOnline, the", {"According", "to", "RadarOnline", ",", "the"}},
      {"iPhone and YouTube", {"iPhone", "and", "YouTube"}},
      {"pic.twitter.com/XT6 \xE2\x80\x94 News", {"pic.twitter.com/XT6", "\xE2\x80\x94", "News"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Toks(c.input), c.expected) << "input: " << c.input;
}

TEST(Tokenizer, KindsAreAssigned) {
  std::string s = "Visit www.example.com or @abc #tag 2024 30s \" .";
  std::vector<Token> toks;
  Tokenize(s, 0, static_cast<uint32_t>(s.size()), &toks);
  std::vector<TokenKind> kinds;
  for (const Token& t : toks) kinds.push_back(t.kind);
  std::vector<TokenKind> expected = {TokenKind::kWord, TokenKind::kUrl, TokenKind::kWord, TokenKind::kHandle, TokenKind::kHashtag,
                                     TokenKind::kNumber, TokenKind::kNumber, TokenKind::kQuote, TokenKind::kPunct};
  EXPECT_EQ(kinds, expected);
}

TEST(Tokenizer, RespectsTheGivenRange) {
  std::string s = "xx Hello world yy";
  std::vector<Token> toks;
  Tokenize(s, 3, 14, &toks);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].byte_begin, 3u);
  EXPECT_EQ(toks[1].byte_end, 14u);
}

// A range that ends inside a character right after a URL: the URL stops before that
// character (found by fuzz_text: the token reached one byte past the range).
TEST(Tokenizer, UrlStopsAtACharacterTheRangeCuts) {
  std::string s = "see pic.example.com/abc\xC3\xA9 now";  // é is 2 bytes at 23..25
  std::vector<Token> toks;
  Tokenize(s, 4, 24, &toks);
  ASSERT_FALSE(toks.empty());
  for (const Token& k : toks) EXPECT_LE(k.byte_end, 24u);
  EXPECT_EQ(toks[0].kind, TokenKind::kUrl);
  EXPECT_EQ(toks[0].byte_end, 23u);
}

TEST(Sentences, SplitOnTerminatorsNotAbbreviations) {
  std::string s = "Title\nMr. Ash met Dr. Lee in the U.S. on Monday. They talked. \"Fine,\" he said. Was it? Yes.";
  TextLayout l = AnalyzeTextSpan(s, 0, 5);
  std::vector<std::string> got;
  for (const Sentence& x : l.sentences) got.push_back(s.substr(x.byte_begin, x.byte_end - x.byte_begin));
  V expected = {"Title", "Mr. Ash met Dr. Lee in the U.S. on Monday.", "They talked.", "\"Fine,\" he said.", "Was it?", "Yes."};
  EXPECT_EQ(got, expected);
}

TEST(Sentences, ClosingQuoteStaysWithItsSentence) {
  std::string s = "T\nShe said, \"It is over.\" Then she left.";
  TextLayout l = AnalyzeTextSpan(s, 0, 1);
  ASSERT_EQ(l.sentences.size(), 3u);
  EXPECT_EQ(s.substr(l.sentences[1].byte_begin, l.sentences[1].byte_end - l.sentences[1].byte_begin), "She said, \"It is over.\"");
}

TEST(Blocks, HeadingsAndCaptions) {
  EXPECT_TRUE(LooksLikeHeading("Family Rift"));
  EXPECT_TRUE(LooksLikeHeading("Perfect Match?"));
  EXPECT_TRUE(LooksLikeHeading("The Return of the Star"));
  EXPECT_FALSE(LooksLikeHeading("He left the party early."));
  EXPECT_FALSE(LooksLikeHeading("she was seen in town"));
  EXPECT_FALSE(LooksLikeHeading("Watch: @someone #tag"));
  EXPECT_TRUE(LooksLikeCaption("Ann Lee at the gala on May 2, 2025 in Rome, Italy. (Photo by Jo Bell/Getty Images)"));
  EXPECT_TRUE(LooksLikeCaption("Photo credit: Invented Images"));
  EXPECT_FALSE(LooksLikeCaption("She posed for photos with fans."));
}

TEST(Layout, KindsOfParagraphs) {
  std::string s = "A Headline About Things\nFirst paragraph here.\n\nFamily Rift\nBody again.\nA star at a gala. (Photo by A B/Some Images)\nLast words.";
  TextLayout l = AnalyzeTextSpan(s, 0, 23);
  std::vector<BlockKind> kinds;
  for (const Paragraph& p : l.paragraphs) kinds.push_back(p.kind);
  std::vector<BlockKind> expected = {BlockKind::kTitle, BlockKind::kBody, BlockKind::kHeading, BlockKind::kBody, BlockKind::kCaption,
                                     BlockKind::kBody};
  EXPECT_EQ(kinds, expected);
}

TEST(Quotes, SpansAcrossParagraphsAndMissingOpen) {
  std::string s =
      "T\n"
      "A source told us: \"One thing is clear.\n"
      "\"And another thing,\" one added.\n"
      "Then we left. It was over,\" the insider said.\n"
      "He said \xE2\x80\x9C" "fine\xE2\x80\x9D and went.";
  TextLayout l = AnalyzeTextSpan(s, 0, 1);
  std::vector<std::string> got;
  for (const QuoteSpan& q : l.quote_spans) got.push_back(s.substr(q.byte_begin, q.byte_end - q.byte_begin));
  V expected = {"\"One thing is clear.\n\"And another thing,\"", "It was over,\"", "\xE2\x80\x9C" "fine\xE2\x80\x9D"};
  EXPECT_EQ(got, expected);
  ASSERT_EQ(l.quote_spans.size(), 3u);
  EXPECT_TRUE(l.quote_spans[1].missing_open);
}

TEST(Quotes, SingleQuotedHeadlinePhrases) {
  std::string s = "Star's 'Relentless' Pursuit of 'A New Life'\nBody.";
  TextLayout l = AnalyzeTextSpan(s, 0, 43);
  std::vector<std::string> got;
  for (const QuoteSpan& q : l.quote_spans) got.push_back(s.substr(q.byte_begin, q.byte_end - q.byte_begin));
  EXPECT_EQ(got, (V{"'Relentless'", "'A New Life'"}));
}

// Invariants that every layout must satisfy.
void CheckInvariants(const std::string& text, const TextLayout& l, const std::string& name) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < l.tokens.size(); ++i) {
    const Token& t = l.tokens[i];
    ASSERT_LT(t.byte_begin, t.byte_end) << name << " token " << i;
    ASSERT_LE(t.byte_end, text.size()) << name;
    ASSERT_GE(t.byte_begin, prev_end) << name << " tokens overlap or are unsorted at " << i;
    for (uint32_t b = t.byte_begin; b < t.byte_end; ++b)
      ASSERT_FALSE(text[b] == ' ' || text[b] == '\n' || text[b] == '\t') << name << " token contains white space";
    prev_end = t.byte_end;
  }
  for (size_t p = 0; p < l.paragraphs.size(); ++p) {
    const Paragraph& para = l.paragraphs[p];
    ASSERT_LT(para.sentence_begin, para.sentence_end) << name << " empty paragraph " << p;
    // Sentences tile the paragraph's tokens in order.
    uint32_t expect_token = l.sentences[para.sentence_begin].token_begin;
    EXPECT_EQ(l.sentences[para.sentence_begin].byte_begin, para.byte_begin) << name;
    EXPECT_EQ(l.sentences[para.sentence_end - 1].byte_end, para.byte_end) << name;
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      const Sentence& sent = l.sentences[s];
      ASSERT_EQ(sent.token_begin, expect_token) << name << " sentences do not tile paragraph " << p;
      ASSERT_LT(sent.token_begin, sent.token_end);
      EXPECT_EQ(sent.paragraph_idx, p);
      EXPECT_EQ(sent.byte_begin, l.tokens[sent.token_begin].byte_begin);
      EXPECT_EQ(sent.byte_end, l.tokens[sent.token_end - 1].byte_end);
      expect_token = sent.token_end;
    }
  }
  for (const QuoteSpan& q : l.quote_spans) {
    ASSERT_LT(q.byte_begin, q.byte_end) << name;
    ASSERT_LE(q.byte_end, text.size()) << name;
  }
}

TEST(Layout, InvariantsHoldOnExamplesAndSeeds) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/examples"))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  HEARSAY_REQUIRE_SHARED("seeds");
  for (const auto& e : std::filesystem::directory_iterator(testing::SharedDir() + "/seeds")) files.push_back(e.path().string());
  ASSERT_GE(files.size(), 8u);
  for (const auto& f : files) {
    auto bytes = ReadWholeFile(f, 1 << 26);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    auto doc = ingest::ParsePlainText(f, *bytes);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    TextLayout l = AnalyzeText(*doc);
    EXPECT_GT(l.sentences.size(), 3u) << f;
    EXPECT_EQ(l.paragraphs.front().kind, BlockKind::kTitle) << f;
    CheckInvariants(doc->text, l, f);
  }
}

TEST(Layout, InvariantsHoldOnAwkwardInput) {
  const std::string inputs[] = {
      "", "\n\n\n", "\"", "\"\"\"", "''", "...", "a.b.c.d.", "\xE2\x80\x9C\n\xE2\x80\x9C\n\xE2\x80\x9D", "x\r\ny\r\n",
      "   leading and trailing   ", "@", "#", "http://", "U.S.A.", "1,2,3,4", "'s 's 's", std::string(5000, '.'),
      "Mr. \"A\" 'b' \xE2\x80\x98" "c\xE2\x80\x99 d\xE2\x80\x99s.", "\xC2\xA0\xC2\xA0word\xC2\xA0"};
  for (const auto& s : inputs) {
    TextLayout l = AnalyzeTextSpan(s, 0, static_cast<uint32_t>(std::min<size_t>(s.size(), 3)));
    CheckInvariants(s, l, "input[" + s.substr(0, 20) + "]");
  }
}

}  // namespace
}  // namespace hearsay::text
