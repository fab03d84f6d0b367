#include "score/features.h"

#include <gtest/gtest.h>

#include "test_docs.h"
#include "text/text.h"

namespace hearsay::score {
namespace {

using testing::MakeDoc;

ArticleFeatures Extract(const Document& doc) {
  CueTable cues(DefaultLexicons());
  ArticleFeatures f;
  ExtractFeatures(doc, text::AnalyzeText(doc), cues, 16, &f);
  return f;
}

TEST(Features, CountsAnonymousAttributionsHedgesAndExclusive) {
  Document d = MakeDoc("EXCLUSIVE: Pop Star Secretly Engaged?!",
                       "A source close to the singer told us the couple may marry soon. \"They are smitten,\" an insider "
                       "added. Sources say the ring was reportedly custom made.");
  ArticleFeatures f = Extract(d);
  EXPECT_EQ(f.evidence.anonymous_sources, 3u);
  EXPECT_GE(f.evidence.hedges, 1u);  // "may"
  EXPECT_EQ(f.evidence.hearsay_words, 1u);
  EXPECT_GE(f.evidence.exclusive_marks, 1u);
  EXPECT_TRUE(f.evidence.title_exclaim);
  EXPECT_TRUE(f.evidence.title_question);
  EXPECT_EQ(f.evidence.title_caps_words, 1u);
  EXPECT_EQ(f.evidence.named_quotes, 0u);  // the quote's speaker is an insider
  EXPECT_GT(f.dense[static_cast<size_t>(Dense::kAnonymousShare)], 0.5f);
}

TEST(Features, NamedQuoteIsOnRecord) {
  Document d = MakeDoc("Director confirms sequel",
                       "\"We start shooting in March,\" director Jane Doe said at the festival. The studio confirmed the date.");
  ArticleFeatures f = Extract(d);
  EXPECT_EQ(f.evidence.named_quotes, 1u);
  EXPECT_EQ(f.evidence.anonymous_sources, 0u);
}

TEST(Features, FriendWithNameIsNotAnonymous) {
  Document d = MakeDoc("Dinner", "Her friend Maria Lopez said they had dinner together.");
  EXPECT_EQ(Extract(d).evidence.anonymous_sources, 0u);
}

TEST(Features, IgnoresLabelMetadataAndUrlScheme) {
  // The scheme is a crawl artefact of GossipCop (real URLs carry it, fake mostly not) and the
  // label sits in metadata: neither may change a feature.
  Document a = MakeDoc("Title", "Body text here.", "https://www.people.com/story");
  Document b = MakeDoc("Title", "Body text here.", "people.com/story");
  b.metadata.emplace_back("label", "fake");
  a.metadata.emplace_back("label", "real");
  ArticleFeatures fa = Extract(a), fb = Extract(b);
  ASSERT_EQ(fa.hashed.size(), fb.hashed.size());
  for (size_t i = 0; i < fa.hashed.size(); ++i) EXPECT_EQ(fa.hashed[i].index, fb.hashed[i].index);
  EXPECT_EQ(fa.host, "people.com");
  EXPECT_EQ(fb.host, "people.com");
}

TEST(Features, NormalizedHostTable) {
  struct Row {
    const char* url;
    const char* host;
  } rows[] = {
      {"https://www.People.com/x", "people.com"},
      {"www.newsite.com.au/a-b", "newsite.com.au"},
      {"http://web.archive.org/web/2018/http://www.example.com/x", "example.com"},
      {"not a url", ""},
      {"", ""},
  };
  for (const Row& r : rows) EXPECT_EQ(NormalizedHost(r.url), r.host) << r.url;
}

TEST(Features, UrlPathWordsTable) {
  struct Row {
    const char* url;
    std::vector<std::string_view> words;
  } rows[] = {
      {"https://x.com/news/star-weds-2018/", {"news", "star", "weds"}},
      {"x.com/Celebrity_News/a1b?utm=feed#top", {"Celebrity", "News", "a1b"}},
      {"http://web.archive.org/web/2018/http://www.example.com/gossip/item", {"gossip", "item"}},
      {"https://x.com", {}},
      {"", {}},
  };
  for (const Row& r : rows) EXPECT_EQ(UrlPathWords(r.url), r.words) << r.url;
}

TEST(Features, ParseLexiconSkipsCommentsAndBlankLines) {
  auto terms = ParseLexicon("#Verbs\nSuggest\n\n  of course \r\n#x\nmay");
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0], "suggest");
  EXPECT_EQ(terms[1], "of course");
  EXPECT_EQ(terms[2], "may");
}

TEST(Features, FingerprintIsStable) { EXPECT_EQ(FeatureFingerprint(), FeatureFingerprint()); }

}  // namespace
}  // namespace hearsay::score
