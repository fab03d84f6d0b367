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

void RunPasses(DocView& view, PassState* state) {
  FindOutlets(view, state);
  FindFrames(view, state);
  FindQuotes(view, state);
  FindAges(view, state);
  FindRelations(view, state);
}

}  // namespace hearsay::extract
