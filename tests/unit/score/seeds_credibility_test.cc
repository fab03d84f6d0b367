// Credibility on the four seed articles, read in place from ../shared/seeds (never copied):
// what the two actors say on record about working together is graded above the romance
// the articles tell in their own voice or from anonymous sources; the article reasons quote
// only the articles' own words and never a name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "../../support/shared.h"
#include "../fuse/corpus_run.h"

namespace hearsay {
namespace {

bool IsOneOf(std::string_view s, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return s == x; });
}

std::string Joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += "; " + r;
  return out;
}

TEST(SeedClusters, OnRecordCollaborationAboveAnonymousRomance) {
  HEARSAY_REQUIRE_SHARED("seeds");
  testing::CorpusRun run;
  run.Analyze(testing::SharedDir() + "/seeds");
  const Entity* tom = run.Person("Tom Cruise");
  const Entity* ana = run.Person("Ana de Armas");
  ASSERT_TRUE(tom && ana) << "the two actors are not entities of the seeds";
  const std::set<std::string> pair = {tom->id, ana->id};

  // Clusters about the two of them, by their affirming claims' sources.
  std::vector<const ClaimCluster*> collaboration, romance;
  for (const ClaimCluster& c : run.result.corpus.clusters) {
    if (!c.object || std::set<std::string>{c.subject, *c.object} != pair) continue;
    bool named = false, anonymous = false;
    for (const ClaimRef& ref : c.claims) {
      const Claim& claim = run.result.analyses[ref.doc_idx].claims[ref.claim_idx];
      if (claim.polarity != Polarity::kAffirmed) continue;
      named |= claim.source.kind == SourceKind::kNamed;
      anonymous |= claim.source.kind == SourceKind::kAnonymous;
    }
    if (IsOneOf(hearsay::PredicateName(c.predicate), {"collaborates_with", "works_on"}) && named) collaboration.push_back(&c);
    if (IsOneOf(hearsay::PredicateName(c.predicate), {"dating", "romantic_interest"}) && anonymous && !named) romance.push_back(&c);
  }
  ASSERT_FALSE(collaboration.empty()) << "no on-record collaboration cluster between the two";
  ASSERT_FALSE(romance.empty()) << "no romance cluster told by anonymous sources";
  for (const ClaimCluster* work : collaboration) {
    EXPECT_NE(Joined(work->reasons).find("on record from a named source"), std::string::npos) << Joined(work->reasons);
    for (const ClaimCluster* love : romance) {
      EXPECT_GT(work->credibility, love->credibility)
          << work->predicate << " " << work->credibility << Joined(work->reasons) << "\n  vs " << love->predicate << " "
          << love->credibility << Joined(love->reasons);
      EXPECT_NE(Joined(love->reasons).find("anonymous"), std::string::npos) << Joined(love->reasons);
    }
  }
}

// Every word a seed's article reasons quote ("...") occurs in that article, and no reason
// holds a word of a person's name (the tagger's mentions, every form).
TEST(SeedArticles, ReasonsQuoteTheArticleAndNoName) {
  HEARSAY_REQUIRE_SHARED("seeds");
  testing::CorpusRun run;
  run.Analyze(testing::SharedDir() + "/seeds");
  ASSERT_FALSE(run.docs.empty());
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (size_t d = 0; d < run.docs.size(); ++d) {
    const DocumentAnalysis& a = run.result.analyses[d];
    ASSERT_TRUE(a.credibility.has_value()) << run.docs[d].path;
    ASSERT_FALSE(a.credibility_reasons.empty());
    std::string text = lower(run.docs[d].text);
    std::set<std::string> name_words;
    for (const Mention& m : a.mentions) {
      if (m.type != EntityType::kPerson || m.descriptor) continue;
      std::string name = run.docs[d].text.substr(m.byte_begin, m.byte_end - m.byte_begin);
      for (size_t b = 0, e; b < name.size(); b = e + 1) {
        e = std::min(name.find(' ', b), name.size());
        if (e - b >= 3) name_words.insert(lower(name.substr(b, e - b)));
      }
    }
    for (const std::string& r : a.credibility_reasons) {
      for (size_t open = r.find('"'); open != std::string::npos; open = r.find('"', open + 1)) {
        size_t close = r.find('"', open + 1);
        ASSERT_NE(close, std::string::npos) << r;
        std::string quoted = lower(r.substr(open + 1, close - open - 1));
        EXPECT_NE(text.find(quoted), std::string::npos) << run.docs[d].path << ": quotes a word not in the article: " << r;
        open = close;
      }
      std::string lr = lower(r);
      for (const std::string& w : name_words)
        for (size_t at = lr.find(w); at != std::string::npos; at = lr.find(w, at + 1)) {
          bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lr[at - 1]));
          bool ends = at + w.size() >= lr.size() || !std::isalpha(static_cast<unsigned char>(lr[at + w.size()]));
          EXPECT_FALSE(starts && ends) << run.docs[d].path << ": a reason holds the name word \"" << w << "\": " << r;
        }
    }
  }
}

}  // namespace
}  // namespace hearsay
