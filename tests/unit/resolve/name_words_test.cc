// The name word files (data/names): every shipped row parses, bad rows are named with their
// file and line, and the classes and nicknames read as documented.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "resolve/name_words.h"

namespace hearsay::resolve {
namespace {

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(HEARSAY_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NameWords, ShippedFilesParseAndMatchTheCompiledInTables) {
  NameWords fresh;
  for (const char* rel : {"data/names/name_words.tsv", "data/names/nicknames.tsv"}) {
    std::string text = ReadSource(rel);
    ASSERT_FALSE(text.empty()) << rel;
    Status s = ParseNameWordsFile(rel, text, &fresh);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  const NameWords& built = DefaultNameWords();
  EXPECT_EQ(fresh.classes.size(), built.classes.size()) << "rebuild: the embedded files are stale";
  EXPECT_EQ(fresh.nicknames.size(), built.nicknames.size());
  EXPECT_GE(built.nicknames.size(), 50u);
}

TEST(NameWords, ClassesAndNicknamesReadAsDocumented) {
  const NameWords& w = DefaultNameWords();
  EXPECT_TRUE(w.Is("dr", NameWordClass::kTitle));
  EXPECT_TRUE(w.Is("duchess", NameWordClass::kRank));
  EXPECT_TRUE(w.Is("jr", NameWordClass::kSuffix));
  EXPECT_TRUE(w.Is("van", NameWordClass::kParticle));
  EXPECT_FALSE(w.Is("van", NameWordClass::kTitle));
  EXPECT_FALSE(w.Is("marla", NameWordClass::kTitle));
  EXPECT_EQ(w.CanonicalFirst("bob"), "robert");
  EXPECT_EQ(w.CanonicalFirst("harry"), "henry");
  EXPECT_EQ(w.CanonicalFirst("odessa"), "odessa") << "a name without a short form is itself";
}

TEST(NameWords, BadRowsNameTheFileAndLine) {
  NameWords w;
  Status cls = ParseNameWordsFile("data/names/name_words.tsv", "# header\ndr\ttitle\nbaron\tnobility\n", &w);
  ASSERT_FALSE(cls.ok());
  EXPECT_NE(cls.ToString().find("data/names/name_words.tsv:3"), std::string::npos) << cls.ToString();
  EXPECT_NE(cls.ToString().find("unknown class"), std::string::npos) << cls.ToString();
  EXPECT_FALSE(ParseNameWordsFile("data/names/nicknames.tsv", "bo\n", &w).ok()) << "one column";
  EXPECT_FALSE(ParseNameWordsFile("data/names/nicknames.tsv", "bo\trobert\nbo\tbeau\n", &w).ok()) << "given twice";
  EXPECT_EQ(ParseNameWordsFile("data/names/other.tsv", "", &w).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace hearsay::resolve
