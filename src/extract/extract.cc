#include "extract/extract.h"

#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "extract/lexicon.h"

namespace hearsay::extract {

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis) {
  analysis->quotes.clear();
  analysis->claims.clear();
  analysis->citations.clear();
  if (analysis->layout.tokens.empty()) return;
  DocView view(doc, analysis, DefaultLexicon());
  PassState state;
  RunPasses(view, &state);
}

std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout) {
  const Lexicon& lex = DefaultLexicon();
  std::vector<bool> out(layout.sentences.size(), false);
  std::string lower;
  for (size_t si = 0; si < layout.sentences.size(); ++si) {
    const Sentence& s = layout.sentences[si];
    for (uint32_t t = s.token_begin; t < s.token_end && !out[si]; ++t) {
      const Token& tok = layout.tokens[t];
      if (tok.kind == TokenKind::kQuote) { out[si] = true; break; }
      if (tok.kind != TokenKind::kWord) continue;
      lower.assign(doc.text, tok.byte_begin, tok.byte_end - tok.byte_begin);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
      out[si] = lex.Cue(lower) || lex.Role(lower) || lex.Event(lower) || lex.verb_first.count(lower) ||
                lex.pair_first.count(lower) || lower == "according";
    }
  }
  return out;
}

void RunPasses(DocView& view, PassState* state) {
  FindOutlets(view, state);
  FindFrames(view, state);
  FindQuotes(view, state);
  FindAges(view, state);
  FindRelations(view, state);
}

}  // namespace hearsay::extract
