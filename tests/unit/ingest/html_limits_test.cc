// Issue 18, finding 2: one tag with 300,000 attributes (3.5 MB) stalled the HTML parser
// for minutes (gumbo's cost grows with the square of the attributes of one tag). The
// pre-check rejects such a page at once and lets real pages through.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/ingest.h"
#include "ingest/internal/html_limits.h"

namespace hearsay::ingest {
namespace {

std::string PageWithAttributes(size_t n, const std::string& form = " a%zu=\"v\"") {
  std::string page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Intro text.</p><div";
  char buf[64];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, form.c_str(), i);
    page += buf;
  }
  page += "><p>An article body with enough words to be read as the main text of the page.</p></div></body></html>";
  return page;
}

TEST(HtmlLimits, HundredThousandAttributesAreRejectedQuickly) {
  std::string page = PageWithAttributes(100000);
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = ParseHtml("many.html", page, IngestOptions{});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0) << "gumbo alone took about 29 s on this page";
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kOutOfRange);
  EXPECT_NE(doc.status().message().find("at byte 74 has more than 1000 attributes"), std::string::npos)
      << doc.status().message();
}

TEST(HtmlLimits, CountsEveryAttributeForm) {
  uint64_t at = 0, count = 0;
  for (const char* form : {" a%zu", " a%zu=v", " a%zu='x>y'", "\na%zu = \"q\"", "/a%zu"}) {
    std::string page = PageWithAttributes(1001, form);
    EXPECT_TRUE(internal::TagWithTooManyAttributes(page, 1000, &at, &count)) << form;
    EXPECT_EQ(at, 74u) << form;
    EXPECT_FALSE(internal::TagWithTooManyAttributes(PageWithAttributes(1000, form), 1000, &at, &count)) << form;
  }
}

TEST(HtmlLimits, CommentsScriptsAndQuotedValuesAreNotTags) {
  std::string words;
  for (int i = 0; i < 3000; ++i) words += " w" + std::to_string(i);
  uint64_t at = 0, count = 0;
  EXPECT_FALSE(internal::TagWithTooManyAttributes("<p>x</p><!-- <div" + words + " -->", 1000, &at, &count));
  EXPECT_FALSE(internal::TagWithTooManyAttributes("<script>if (a <b" + words + ") {}</script><p>x</p>", 1000, &at, &count));
  EXPECT_FALSE(internal::TagWithTooManyAttributes("<p title=\"<div" + words + "\">x</p>", 1000, &at, &count));
  EXPECT_TRUE(internal::TagWithTooManyAttributes("<script>x</SCRIPT><div" + words + ">", 1000, &at, &count));
}

TEST(HtmlLimits, OrdinaryPagesParse) {
  Result<Document> doc = ParseHtml("ok.html", PageWithAttributes(200), IngestOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
}

}  // namespace
}  // namespace hearsay::ingest
