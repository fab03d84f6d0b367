#include "extract/extract.h"

#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "extract/lexicon.h"
#include "extract/relation_scorer.h"

namespace hearsay::extract {

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis) { ExtractClaims(doc, analysis, nullptr); }

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model) {
  ExtractClaims(doc, analysis, model, nullptr);
}

// Clears what the extract stage writes and runs its passes; false when there is no text.
static bool Extract(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model,
                    const RelationScorer* relations, const OwnOutletModel* own_outlet,
                    std::vector<FamilyCandidate>* candidates, bool all_pairs) {
  analysis->quotes.clear();
  analysis->attributions.clear();
  analysis->claims.clear();
  analysis->citations.clear();
  analysis->detected_outlet.reset();
  if (analysis->layout.tokens.empty()) return false;
  DocView view(doc, analysis, DefaultLexicon());
  PassState state;
  state.own_outlet = own_outlet;
  RunPasses(view, &state, model, relations);
  if (candidates) *candidates = FamilyCandidates(view, 0, all_pairs);
  return true;
}

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model,
                   const RelationScorer* relations) {
  Extract(doc, analysis, model, relations, nullptr, nullptr, false);
}

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model,
                   const RelationScorer* relations, const OwnOutletModel* own_outlet) {
  Extract(doc, analysis, model, relations, own_outlet, nullptr, false);
}

std::vector<FamilyCandidate> ExtractFamilyCandidates(const Document& doc, DocumentAnalysis* analysis,
                                                     const AttributionModel* model, bool all_pairs) {
  std::vector<FamilyCandidate> out;
  Extract(doc, analysis, model, nullptr, nullptr, &out, all_pairs);
  return out;
}

std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout) {
  const Lexicon& lex = DefaultLexicon();
  std::vector<bool> out(layout.sentences.size(), false);
  std::string lower;
  for (size_t si = 0; si < layout.sentences.size(); ++si) {
    const Sentence& s = layout.sentences[si];
    bool quote = false, cue = false;
    for (uint32_t t = s.token_begin; t < s.token_end && !(quote && cue); ++t) {
      const Token& tok = layout.tokens[t];
      quote = quote || tok.kind == TokenKind::kQuote;
      if (tok.kind != TokenKind::kWord || cue) continue;
      lower.assign(doc.text, tok.byte_begin, tok.byte_end - tok.byte_begin);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
      cue = lex.Cue(lower) != nullptr;
    }
    out[si] = quote && cue;
  }
  return out;
}

std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout,
                                   const std::vector<Mention>& mentions) {
  std::vector<bool> out = SentencesToParse(doc, layout);
  std::vector<bool> rel = RelationSentencesToParse(doc, layout, mentions);
  for (size_t i = 0; i < out.size(); ++i) out[i] = out[i] || rel[i];
  return out;
}

void RunPasses(DocView& view, PassState* state, const AttributionModel* model, const RelationScorer* relations) {
  FindOutlets(view, state);
  FindFrames(view, state);
  FindQuotes(view, state);
  BuildAttributions(view, *state);
  AddColonAttributions(view, state);
  if (model) AddModelAttributions(view, state, *model);
  if (model) RefineAttributions(view, *model);
  SpeakQuotesFromParagraphs(view);
  ResolveQuoteSpeakers(view);
  DropUnspokenFragments(view);
  FindAges(view, state);
  FindRelations(view, state, relations);
}

}  // namespace hearsay::extract
