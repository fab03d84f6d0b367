#include "score/features.h"

#include <gtest/gtest.h>

#include "test_docs.h"
#include "text/text.h"

namespace hearsay::score {
namespace {

using testing::MakeDoc;

ArticleFeatures Extract(const Document& doc, const std::vector<Mention>& mentions = {}) {
  CueTable cues(DefaultLexicons());
  ArticleFeatures f;
  ExtractFeatures(doc, text::AnalyzeText(doc), mentions, cues, 16, &f);
  return f;
}

// Mentions of `type` at every occurrence of `name` in the document.
std::vector<Mention> MentionsOf(const Document& d, const std::string& name, EntityType type) {
  std::vector<Mention> out;
  for (size_t at = d.text.find(name); at != std::string::npos; at = d.text.find(name, at + 1))
    out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size()), type});
  return out;
}

void ExpectSameFeatures(const ArticleFeatures& a, const ArticleFeatures& b) {
  ASSERT_EQ(a.hashed.size(), b.hashed.size());
  for (size_t i = 0; i < a.hashed.size(); ++i) {
    EXPECT_EQ(a.hashed[i].index, b.hashed[i].index) << i;
    EXPECT_EQ(a.hashed[i].value, b.hashed[i].value) << i;
  }
  EXPECT_EQ(a.dense, b.dense);
}

TEST(Features, PersonNamesAreMaskedInEveryForm) {
  // Only the full name is a mention; the surname alone later is masked as another form of it.
  const char* tmpl = "NAME Wins Award\n\nNAME accepted the award on Sunday. \"I am grateful,\" SUR said. Later SUR thanked fans.";
  auto make = [&](const std::string& full, const std::string& sur) {
    std::string t = tmpl;
    for (size_t at; (at = t.find("NAME")) != std::string::npos;) t.replace(at, 4, full);
    for (size_t at; (at = t.find("SUR")) != std::string::npos;) t.replace(at, 3, sur);
    size_t nl = t.find("\n\n");
    Document d = MakeDoc(t.substr(0, nl), t.substr(nl + 2));
    return Extract(d, MentionsOf(d, full, EntityType::kPerson));
  };
  ArticleFeatures a = make("Brad Pitt", "Pitt"), b = make("Zorvella Quint", "Quint"), c = make("Cher Li", "Li");
  ExpectSameFeatures(a, b);
  ExpectSameFeatures(a, c);
  // Without mentions (names the tagger missed) their shape masks them: a run of capitalised
  // words, a capitalised word inside a sentence, and those words anywhere else.
  Document d = MakeDoc("Brad Pitt Wins Award", "Brad Pitt accepted the award. Fans cheered for Pitt. Pitt smiled.");
  Document e = MakeDoc("Zorvella Quint Wins Award", "Zorvella Quint accepted the award. Fans cheered for Quint. Quint smiled.");
  ExpectSameFeatures(Extract(d), Extract(e));
  // A capitalised word opening a sentence and nowhere else is no name.
  Document f = MakeDoc("Award", "Yesterday the award was given.");
  Document g = MakeDoc("Award", "Today the award was given.");
  EXPECT_NE(Extract(f).hashed[1].index, Extract(g).hashed[1].index);
}

TEST(Features, CurlyApostropheAndDatesAreNoNames) {
  // "he’s" splits into "he" and "’s": that is no capital, so it stays a word (it was read as
  // a name and masked); an accented capital still opens a name ("Élodie" masked inside a sentence).
  CueTable cues(DefaultLexicons());
  Document d = MakeDoc("Tour Ends", "The singer said he\u2019s tired and didn\u2019t rest. Fans met \u00c9lodie Varn later on Friday, March 24.");
  std::string words = MaskedWords(d, text::AnalyzeText(d), {}, cues);
  EXPECT_NE(words.find("he \u2019s tired"), std::string::npos) << words;
  EXPECT_NE(words.find("didn\u2019t rest"), std::string::npos) << words;
  EXPECT_NE(words.find("met <person> later"), std::string::npos) << words;
  EXPECT_NE(words.find("later on Friday March 24"), std::string::npos) << words;  // months and weekdays stay words
  EXPECT_EQ(words.find("Varn"), std::string::npos) << words;
}

TEST(Features, FurnitureAndTheSiteNameAreDropped) {
  Document plain = MakeDoc("Show renewed", "The network renewed the show for a third season after strong ratings last spring.\n\nFilming starts in May.");
  Document furnished = MakeDoc("Show renewed",
                               "The network renewed the show for a third season after strong ratings last spring. Image zoom\n\nAdvertisement\n\n"
                               "Get push notifications with news, features and more.\n\nFilming starts in May.");
  ExpectSameFeatures(Extract(plain), Extract(furnished));
  Document site = MakeDoc("Show renewed", "Gossip Cop says the network renewed the show.");
  Document outlet = MakeDoc("Show renewed", "The Tattler says the network renewed the show.");
  ExpectSameFeatures(Extract(site), Extract(outlet, MentionsOf(outlet, "The Tattler", EntityType::kOutlet)));
}

TEST(Features, CitedOutletsAreKeyedWithoutTheOwnOutlet) {
  Document d = MakeDoc("Split", "The couple split, E! Online reported. People magazine confirmed it to Us Weekly.",
                       "https://www.eonline.com/news/1");
  std::vector<Mention> m = MentionsOf(d, "E! Online", EntityType::kOutlet);
  for (const char* name : {"People", "Us Weekly"})
    for (const Mention& x : MentionsOf(d, name, EntityType::kOutlet)) m.push_back(x);
  ArticleFeatures f = Extract(d, m);
  EXPECT_EQ(f.cited_outlets, (std::vector<std::string>{"people", "usweekly"}));
  EXPECT_EQ(f.cited_names, (std::vector<std::string>{"People", "Us Weekly"}));
  EXPECT_EQ(OutletKey("The Hollywood Reporter's"), "hollywoodreporter");
  EXPECT_EQ(OutletKey("https://www.usmagazine.com"), "usmagazine");
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
