#include "score/score.h"

namespace hearsay::score {

void ScoreDocument(const Document& doc, const ArticleModel* model, DocumentAnalysis* analysis) {
  if (!model) return;
  analysis->credibility_reasons.clear();
  analysis->credibility = model->Score(doc, *analysis, &analysis->credibility_reasons);
}

void ScoreClusters(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus) {
  (void)docs;
  (void)analyses;
  for (ClaimCluster& c : corpus->clusters) {
    c.credibility = 0.5;
    c.reasons = {"not scored"};
  }
}

}  // namespace hearsay::score
