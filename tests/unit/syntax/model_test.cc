// CoNLL-U reading, the model file (round trip, damage detection) and training
// determinism, on a tiny invented treebank.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "syntax/conllu.h"
#include "syntax/internal/linear.h"
#include "syntax/train/train.h"

namespace hearsay::syntax {
namespace {

// Three invented sentences in CoNLL-U.
constexpr const char* kTiny =
    "# text = Mara loves Teo.\n"
    "1\tMara\tMara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tloves\tlove\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "3\tTeo\tTeo\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Teo didn't call.\n"
    "1\tTeo\tTeo\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tcall\tcall\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = The singer was seen in Oslo.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tsinger\tsinger\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\tseen\tsee\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tOslo\tOslo\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

std::string TempFile(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() / ("hearsay_syntax_" + std::to_string(::getpid()) + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string TrainTiny() {
  train::Options o;
  o.train_path = TempFile("tiny.conllu", kTiny);
  o.tagger_epochs = o.parser_epochs = o.labeller_epochs = 3;
  o.folds = 2;
  o.verbose = false;
  auto m = train::Train(o);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  std::filesystem::remove(o.train_path);
  return m.ok() ? (*m)->Serialize() : std::string();
}

TEST(Conllu, ReadsWordsMultiwordsAndText) {
  auto s = ParseConllu(kTiny, "tiny");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[1].text, "Teo didn't call.");
  ASSERT_EQ((*s)[1].multiwords.size(), 1u);
  EXPECT_EQ((*s)[1].words[2].lemma, "not");
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  EXPECT_EQ(WordsText((*s)[1], &ranges), "Teo didn't call. ");
  EXPECT_EQ(ranges[2], (std::pair<uint32_t, uint32_t>{7, 10}));  // "n't" inside "didn't"
}

TEST(Conllu, MalformedRowsNameTheLineAndReason) {
  auto bad = ParseConllu("1\tKim\tKim\n", "bad.conllu");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.conllu:1:"), std::string::npos);
  EXPECT_NE(bad.status().message().find("10 tab-separated columns"), std::string::npos);
  auto head = ParseConllu("1\tKim\tKim\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n\n", "h.conllu");
  ASSERT_FALSE(head.ok());
  EXPECT_NE(head.status().message().find("beyond"), std::string::npos);
}

TEST(ParserModelFile, RoundTripsByteIdenticallyAndTrainingIsDeterministic) {
  std::string a = TrainTiny(), b = TrainTiny();
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  auto p = Parser::FromBytes(a, "tiny.hsp");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->model().Serialize(), a);
  // The model parses its own training words into a tree: one root, heads in range.
  std::vector<Word> words;
  std::string text = "Mara loves Teo .";
  for (uint32_t b0 : {0u, 5u, 11u, 15u}) words.push_back(Word{b0, uint32_t(text.find_first_of(" ", b0) == std::string::npos ? text.size() : text.find(' ', b0)), 0});
  (*p)->ParseWords(text, &words);
  int roots = 0;
  for (const Word& w : words) {
    roots += w.head < 0;
    EXPECT_LT(w.head, int(words.size()));
  }
  EXPECT_EQ(roots, 1);
}

TEST(ParserModelFile, DamageAndVersionMismatchAreClearErrors) {
  std::string bytes = TrainTiny();
  ASSERT_GT(bytes.size(), 100u);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  auto damaged = Parser::FromBytes(flipped, "m.hsp");
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.status().message().find("checksum"), std::string::npos);
  auto truncated = Parser::FromBytes(bytes.substr(0, bytes.size() - 3), "m.hsp");
  EXPECT_FALSE(truncated.ok());
  auto other = Parser::FromBytes("not a model at all, just some text", "m.hsp");
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("HSPARSER"), std::string::npos);
}

// The shared opening of the attribution, coref, own-outlet and relation model files.
TEST(ModelHeader, RoundTripsAndNamesEachMismatch) {
  constexpr char kMagic[8] = {'H', 'S', 'T', 'E', 'S', 'T', 0, 0};
  const ModelHeader h{kMagic, 2, 5, "example"};
  std::string bytes;
  PutHeader(&bytes, h);
  bytes += "rest";
  std::string_view in = bytes;
  EXPECT_EQ(GetHeader(&in, h), "");
  EXPECT_EQ(in, "rest");
  std::string_view short_in = std::string_view(bytes).substr(0, 5);
  EXPECT_EQ(GetHeader(&short_in, h), "wrong magic (expected HSTEST)");
  in = bytes;
  EXPECT_EQ(GetHeader(&in, ModelHeader{kMagic, 3, 5, "example"}), "format version 2, expected 3");
  in = bytes;
  EXPECT_EQ(GetHeader(&in, ModelHeader{kMagic, 2, 6, "example"}),
            "feature version 5, this build expects 6 (retrain: hearsay train example)");
}

}  // namespace
}  // namespace hearsay::syntax
