// TextSpill and DocumentTexts (common/text_spill.h): a text moved to the spill file reads
// back as the same bytes, whole or in slices clamped as std::string::substr clamps; texts
// not moved are read from the documents; a document is moved once.
#include "common/text_spill.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace hearsay {
namespace {

std::vector<Document> Docs() {
  std::vector<Document> docs(4);
  docs[0].text = "Mara Quill said the tour is off.";
  docs[1].text = "";
  docs[2].text = std::string(70000, 'x') + "\xE2\x80\x9C" + "end";  // larger than a page, not ASCII
  docs[3].text = "kept in memory";
  return docs;
}

TEST(TextSpill, MovedTextsReadBackAsTheSameBytes) {
  std::vector<Document> docs = Docs(), original = Docs();
  auto spill = TextSpill::Create(std::filesystem::temp_directory_path().string(), docs.size());
  ASSERT_NE(spill, nullptr);
  for (size_t d = 0; d < 3; ++d) EXPECT_TRUE(spill->Move(docs, d));
  EXPECT_FALSE(spill->Move(docs, 0));  // once
  EXPECT_FALSE(spill->Move(docs, 9));  // out of range
  EXPECT_TRUE(docs[0].text.empty());   // freed
  EXPECT_FALSE(spill->Holds(3));
  DocumentTexts texts(docs, spill.get());
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_EQ(texts.Size(d), original[d].text.size());
    EXPECT_EQ(texts.Of(d), original[d].text);
  }
  // Slices read alone (not the last text read) and from the last text read give the same.
  for (size_t d : {0u, 2u, 3u})
    for (size_t b : {size_t{0}, size_t{5}, original[d].text.size(), original[d].text.size() + 3})
      for (size_t e : {size_t{0}, size_t{4}, size_t{12}, original[d].text.size() + 10}) {
        std::string want = b > original[d].text.size() ? std::string() : original[d].text.substr(b, e - b);
        DocumentTexts fresh(docs, spill.get());
        EXPECT_EQ(fresh.Slice(d, b, e), want) << d << " " << b << " " << e;
        (void)texts.Of(d);
        EXPECT_EQ(texts.Slice(d, b, e), want) << d << " " << b << " " << e;
      }
}

TEST(TextSpill, WithoutASpillTextsAreTheDocuments) {
  std::vector<Document> docs = Docs();
  DocumentTexts texts(docs, nullptr);
  EXPECT_EQ(&texts.Of(0), &docs[0].text);
  EXPECT_EQ(texts.Slice(0, 5, 10), docs[0].text.substr(5, 5));
  EXPECT_EQ(TextSpill::Create("/nonexistent/folder", 1), nullptr);
}

}  // namespace
}  // namespace hearsay
