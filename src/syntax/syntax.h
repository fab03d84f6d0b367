#pragma once
// The syntax stage: UD words, part-of-speech tags, lemmas and a labelled dependency tree
// for every sentence of a document, from one model file (models/parser.hsp) trained on
// UD English EWT (train/; docs/syntax.md).
//
// Words. The parser reads Universal Dependencies words, which are hearsay tokens or parts
// of them: clitics ("do|n't", "Kim|'s", "you|'re"), hyphenated compounds ("62|-|year|-|old")
// and the multi-word tokens learnt from the treebank ("can|not", "gon|na"). A word is a
// byte range inside one token, so every offset still points into Document::text.
//
//   auto parser = syntax::Parser::Load("models/parser.hsp");   // Result<unique_ptr<Parser>>
//   syntax::Syntax s = (*parser)->ParseDocument(doc.text, layout);
//   for (const syntax::Word& w : s.words) ... w.head, w.rel, w.upos, w.lemma
//
// Thread safety: a loaded Parser is immutable; ParseDocument is const and thread-safe.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/records.h"
#include "hearsay/syntax.h"
#include "hearsay/status.h"

namespace hearsay::syntax {

// Splits one token's bytes [begin, end) of `text` into UD words (begin/end pairs appended).
// `multiword` holds lower-cased surface forms split by the treebank with their split
// points (e.g. "cannot" -> {3}); it may be empty.
struct MultiwordTable;
void SplitToken(std::string_view text, const Token& token, const MultiwordTable* multiword,
                std::vector<std::pair<uint32_t, uint32_t>>* out);

class ParserModel;

class Parser {
 public:
  ~Parser();
  static Result<std::unique_ptr<Parser>> Load(const std::string& path);
  static Result<std::unique_ptr<Parser>> FromBytes(std::string bytes, const std::string& name);
  explicit Parser(std::unique_ptr<ParserModel> model);

  // Words, tags, lemmas and trees for every sentence. `select`, when given, says which
  // sentences are analysed; the others get no words (an empty range; parsed = false).
  Syntax ParseDocument(std::string_view text, const TextLayout& layout,
                       const std::vector<bool>* select = nullptr) const;

  // Tags and parses given words (byte ranges into `text`) as one sentence; for evaluation
  // on gold words. The words' `token` fields are left 0.
  void ParseWords(std::string_view text, std::vector<Word>* words) const;

  // Drops weights with |w| <= threshold (model size against accuracy; `hearsay parse --prune`).
  // Returns the model's size report and serialised size.
  std::string Prune(float threshold);

  std::string_view XposName(uint8_t id) const;
  std::string_view LabelName(uint8_t id) const;
  const ParserModel& model() const { return *model_; }
  const MultiwordTable& model_multiwords() const;

 private:
  std::unique_ptr<ParserModel> model_;
};

}  // namespace hearsay::syntax
