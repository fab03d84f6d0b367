#include "extract/extract.h"

#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "extract/lexicon_data.h"

namespace hearsay::extract {
namespace {

TEST(Lexicon, EveryEmbeddedFileParses) {
  for (const auto& f : generated::kLexiconFiles) {
    Lexicon lex;
    Status s = ParseLexiconFile(f.path, f.text, &lex);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_NE(DefaultLexicon().Cue("gushed"), nullptr);
  EXPECT_NE(DefaultLexicon().Role("stepson"), nullptr);
}

}  // namespace
}  // namespace hearsay::extract
