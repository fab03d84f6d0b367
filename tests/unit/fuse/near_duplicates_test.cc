// Near-duplicate detection (fuse/near_duplicates.h).
#include "fuse/near_duplicates.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace hearsay::fuse {
namespace {

// Deterministic pseudo-text: `n` words from a 5,000-word vocabulary.
std::string Words(uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::string s;
  for (int i = 0; i < n; ++i) s += "w" + std::to_string(rng() % 5000) + (i % 17 == 16 ? ". " : " ");
  return s;
}

// Replaces every `every`-th word by a fresh one (a light rewrite).
std::string Rewrite(const std::string& text, int every) {
  std::string out, word;
  int idx = 0;
  for (char c : text + " ") {
    if (c != ' ') {
      word += c;
      continue;
    }
    if (!word.empty()) out += (++idx % every == 0 ? "changed" + std::to_string(idx) : word) + " ";
    word.clear();
  }
  return out;
}

Document Doc(std::string text) {
  Document d;
  d.text = std::move(text);
  return d;
}

TEST(Shingles, AreLowerCasedWordTriplesIgnoringPunctuation) {
  std::vector<uint64_t> a = ShingleHashes("The quick, brown fox!", 3);
  std::vector<uint64_t> b = ShingleHashes("the QUICK brown -- fox", 3);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(a, b);
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 1.0);
  EXPECT_TRUE(ShingleHashes("two words", 3).empty());
  // Apostrophes belong to words; accented letters too.
  EXPECT_NE(ShingleHashes("don't stop me now", 3), ShingleHashes("don t stop me now", 3));
  EXPECT_EQ(ShingleHashes("Renée is here today", 3).size(), 2u);
}

TEST(NearDuplicates, FindsALightRewriteAndNothingElse) {
  std::vector<Document> docs;
  for (uint32_t i = 0; i < 200; ++i) docs.push_back(Doc(Words(i, 300)));
  docs.push_back(Doc(Rewrite(docs[17].text, 12)));  // doc 200 rewrites doc 17
  std::vector<DuplicatePair> pairs = FindNearDuplicates(docs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 17u);
  EXPECT_EQ(pairs[0].b, 200u);
  EXPECT_GT(pairs[0].similarity, 0.5);
  EXPECT_LT(pairs[0].similarity, 0.9);
}

TEST(NearDuplicates, ShortDocumentsAreNotCompared) {
  std::vector<Document> docs = {Doc("Enter the characters you see below"), Doc("Enter the characters you see below")};
  EXPECT_TRUE(FindNearDuplicates(docs).empty());
}

TEST(NearDuplicates, LargeBucketsOfCopiesGiveAStarNotAllPairs) {
  // 300 copies of one page: 299 pairs (each to the first), not 44,850.
  std::vector<Document> docs(300, Doc(Words(7, 200)));
  std::vector<DuplicatePair> pairs = FindNearDuplicates(docs);
  EXPECT_EQ(pairs.size(), 299u);
  for (const DuplicatePair& p : pairs) EXPECT_EQ(p.a, 0u);
}

// Regression for the examples' 03/04 pair (a rewrite with Jaccard ≈ 0.68 on word
// 3-shingles): found, and no other pair among the twelve invented articles.
TEST(NearDuplicates, ExamplesPairIsFoundAndNoOther) {
  struct Collect : ingest::DocumentSink {
    void OnDocument(Document d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject) override {}
    std::vector<Document> docs;
  } sink;
  ASSERT_TRUE(ingest::IngestPaths({std::string(HEARSAY_SOURCE_DIR) + "/examples"}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 12u);
  std::vector<DuplicatePair> pairs = FindNearDuplicates(sink.docs);
  ASSERT_EQ(pairs.size(), 1u);
  std::string a = sink.docs[pairs[0].a].path, b = sink.docs[pairs[0].b].path;
  EXPECT_NE(a.find("03_starwire"), std::string::npos) << a;
  EXPECT_NE(b.find("04_popbeacon"), std::string::npos) << b;
  EXPECT_NEAR(pairs[0].similarity, 0.68, 0.05);
}

// Buckets found outside (a GROUP BY (band, key) over stored BandKeys, as the ClickHouse
// store does) give exactly the pairs of the in-memory banding, large buckets included.
TEST(NearDuplicates, BucketsFromBandKeysGiveTheSamePairs) {
  std::vector<Document> docs;
  for (uint32_t i = 0; i < 120; ++i) docs.push_back(Doc(Words(i, 300)));
  for (int i = 0; i < 3; ++i) docs.push_back(Doc(Rewrite(docs[5 + i].text, 10 + i)));
  for (int i = 0; i < 60; ++i) docs.push_back(Doc(docs[40].text));  // a bucket over max_bucket
  docs.push_back(Doc("too short to compare"));
  std::map<std::pair<int, uint64_t>, std::vector<uint32_t>> groups;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    std::vector<uint64_t> keys = BandKeys(docs[d].text);
    EXPECT_TRUE(keys.empty() ? d == docs.size() - 1 : keys.size() == 32u);
    for (size_t b = 0; b < keys.size(); ++b) groups[{static_cast<int>(b), keys[b]}].push_back(d);
  }
  std::vector<std::vector<uint32_t>> buckets;
  for (auto& [key, members] : groups) {
    std::vector<uint32_t> shuffled(members.rbegin(), members.rend());  // any order
    if (shuffled.size() > 1) buckets.push_back(shuffled);
  }
  NearDuplicateOptions given;
  given.buckets = &buckets;
  std::vector<DuplicatePair> expected = FindNearDuplicates(docs), got = FindNearDuplicates(docs, given);
  ASSERT_EQ(got.size(), expected.size());
  EXPECT_GE(expected.size(), 63u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].a, expected[i].a);
    EXPECT_EQ(got[i].b, expected[i].b);
    EXPECT_EQ(got[i].similarity, expected[i].similarity);
  }
}

}  // namespace
}  // namespace hearsay::fuse
