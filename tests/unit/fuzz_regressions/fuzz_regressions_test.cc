// Bugs found by fuzzing the readers (tests/fuzz/run.sh), each test named after the bug.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/ingest.h"
#include "text/text.h"

namespace hearsay::ingest {
namespace {

std::string Repeat(const std::string& piece, int n) {
  std::string s;
  s.reserve(piece.size() * n);
  for (int i = 0; i < n; ++i) s += piece;
  return s;
}

double SecondsToParse(const std::string& page, const IngestOptions& options, Result<Document>* out) {
  auto t0 = std::chrono::steady_clock::now();
  *out = ParseHtml("deep.html", page, options);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Bug: the depth pre-scan counted every end tag as closing an element and "<div/>" as
// void, so these pages passed it; gumbo then built a 50,000-deep tree recording one parse
// error per tag with a copy of the open-element stack: ~10 GB and 1.5-3 minutes for a
// 450 KB page before the post-parse depth check rejected it.
TEST(HtmlDepthBound, UnmatchedEndTagsAndSelfClosingDivsAreRejectedQuickly) {
  for (const std::string piece : {"<div></x>", "<span></p>", "<div/>", "<span><div></span>", "<div><table></div>"}) {
    std::string page = "<html><body>" + Repeat(piece, 20000) + "deep text</body></html>";
    Result<Document> d = DataLossError("unset");
    double seconds = SecondsToParse(page, {}, &d);
    ASSERT_FALSE(d.ok()) << piece;
    EXPECT_EQ(d.status().code(), StatusCode::kOutOfRange) << piece << ": " << d.status().ToString();
    EXPECT_LT(seconds, 5.0) << piece;
  }
}

// Bug: gumbo_destroy_output frees the tree recursively, one stack frame per level, so a
// page deep enough (allowed by a raised max_html_depth, or slipping past the pre-scan)
// overflowed the stack when freed. The parser's memory now comes from an arena.
TEST(HtmlDepthBound, VeryDeepTreeIsFreedWithoutRecursion) {
  IngestOptions options;
  options.max_html_depth = 200000;
  const std::string body = "deep text, long enough to be the main text of an article";
  std::string page = "<html><body><article><h1>T</h1>" + Repeat("<span>", 60000) + body + "</article></body></html>";
  Result<Document> d = DataLossError("unset");
  SecondsToParse(page, options, &d);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "T\n\n" + body);
}

// The tighter pre-scan must not reject sloppy but shallow pages: unclosed phrasing tags
// inside blocks that are closed, thousands of paragraphs, self-closing SVG children.
TEST(HtmlDepthBound, SloppyShallowPagesAreRead) {
  std::string page = "<html><body><article><h1>T</h1>" + Repeat("<div><span><b>text</div>", 6000) +
                     Repeat("<p>para <a href=x>link", 6000) + "<svg>" + Repeat("<path d=\"M0\"/>", 6000) +
                     "</svg></article></body></html>";
  auto d = ParseHtml("sloppy.html", page, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
}

// Bug (found by bench/text_bench BM_Tokenizer_DottedRun): the domain-name rule scanned
// the whole run of dotted segments from every word in it, so 1 MB of "ab.ab.ab…" took
// minutes. The scan now stops at 253 bytes, the longest domain name.
TEST(TokenizerDottedRun, LongDottedRunIsLinear) {
  std::string text = Repeat("ab.", 350000);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Token> tokens;
  text::Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(tokens.size(), 700000u);  // "ab" "." per repeat
  EXPECT_LT(seconds, 5.0);
  // Real domain names are still one token.
  tokens.clear();
  std::string news = "Read it on pic.twitter.com/x or www.RadarOnline.com today.";
  text::Tokenize(news, 0, static_cast<uint32_t>(news.size()), &tokens);
  ASSERT_GE(tokens.size(), 5u);
  EXPECT_EQ(news.substr(tokens[3].byte_begin, tokens[3].byte_end - tokens[3].byte_begin), "pic.twitter.com/x");
  EXPECT_EQ(tokens[3].kind, TokenKind::kUrl);
}

}  // namespace
}  // namespace hearsay::ingest
