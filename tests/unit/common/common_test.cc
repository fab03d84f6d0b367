#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "common/parallel.h"
#include "common/sha256.h"
#include "common/utf8.h"
#include "hearsay/status.h"

namespace hearsay {
namespace {

TEST(Sha256, MatchesFipsVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  EXPECT_EQ(Sha256Hex(million), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// The path Sha256Hex takes on this CPU (the SHA extensions where it has them) against the
// portable code; on a CPU without them both sides are the portable code and the digests
// below still check it.
TEST(Sha256, HardwarePathMatchesPortableOnEveryLength) {
  const bool hw = internal::Sha256HardwareAvailable();
  RecordProperty("sha_extensions", hw ? "yes" : "no");
  std::string bytes;
  uint32_t x = 12345;
  for (size_t n = 0; n < 600; ++n) {  // every tail shape, one to ten blocks
    EXPECT_EQ(internal::Sha256HexWith(bytes, hw), internal::Sha256HexWith(bytes, false)) << n << " bytes";
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(x >> 16));
  }
  EXPECT_EQ(internal::Sha256HexWith("abc", hw), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string million(1000000, 'a');
  EXPECT_EQ(internal::Sha256HexWith(million, false), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Utf8, RepairReplacesEachBadByteKeepingLength) {
  std::string s = "ok \xC3\xA9 bad \xFF\xFE end \xE2\x82";  // é valid; FF FE invalid; truncated €
  size_t before = s.size();
  uint64_t first = 0;
  EXPECT_EQ(utf8::RepairUtf8(s, &first), 4u);
  EXPECT_EQ(s.size(), before);
  EXPECT_EQ(first, 10u);
  EXPECT_EQ(s, "ok \xC3\xA9 bad ?? end ??");
}

TEST(Utf8, RejectsOverlongsAndSurrogates) {
  std::string overlong = "\xC0\xAF";
  std::string surrogate = "\xED\xA0\x80";
  std::string too_big = "\xF4\x90\x80\x80";
  EXPECT_EQ(utf8::RepairUtf8(overlong), 2u);
  EXPECT_EQ(utf8::RepairUtf8(surrogate), 3u);
  EXPECT_EQ(utf8::RepairUtf8(too_big), 4u);
}

TEST(Utf8, ClassifiesCommonLetters) {
  int len = 0;
  EXPECT_TRUE(utf8::IsUpper(utf8::Decode("\xC3\x89", 0, &len)));   // É
  EXPECT_TRUE(utf8::IsLetter(utf8::Decode("\xC3\xAD", 0, &len)));  // í
  EXPECT_FALSE(utf8::IsLetter(utf8::Decode("\xE2\x80\x94", 0, &len)));  // —
  EXPECT_TRUE(utf8::IsDash(0x2014));
  EXPECT_TRUE(utf8::IsOpeningQuote(0x201C));
  EXPECT_FALSE(utf8::IsOpeningQuote(0x201D));
}

TEST(Status, CarriesCodeMessageAndContext) {
  Status s = DataLossError("line 3: not JSON");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.WithContext("a.jsonl").ToString(), "DATA_LOSS: a.jsonl: line 3: not JSON");
  Result<int> r = NotFoundError("x");
  EXPECT_FALSE(r.ok());
  Result<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
}

TEST(ParallelFor, VisitsEveryIndexOnce) {
  std::vector<std::atomic<int>> hits(1000);
  ParallelFor(hits.size(), 4, [&](size_t i) { hits[i]++; });
  for (auto& h : hits) EXPECT_EQ(h.load(), 1);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST(FoldedWords, FoldsAccentsCasePunctuationAndPossessives) {
  EXPECT_EQ(utf8::FoldedWords("Miguel Díaz-Canel"), (std::vector<std::string>{"miguel", "diaz", "canel"}));
  EXPECT_EQ(utf8::FoldedWords("Beyoncé"), utf8::FoldedWords("BEYONCE"));
  EXPECT_EQ(utf8::FoldedWords("Conan O\xE2\x80\x99" "Brien's"), (std::vector<std::string>{"conan", "obrien"}));
  EXPECT_EQ(utf8::FoldedWords("Łukasz Żak"), (std::vector<std::string>{"lukasz", "zak"}));
  EXPECT_TRUE(utf8::FoldedWords("  ").empty());
}

}  // namespace
}  // namespace hearsay
