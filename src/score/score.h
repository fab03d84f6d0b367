#pragma once
// The score stage: credibility of each article (a learned model over text and evidence
// features) and of each claim cluster (from its evidence), each with reasons in words.
//
// Thread safety: ScoreDocument is a pure function of one document and the immutable model
// (parallel); ScoreClusters is one call per corpus.
// Status of this stage: interface only; without a model, articles get no score (null in
// hearsay.json) and clusters keep the neutral 0.5 with the reason "not scored".

#include <memory>
#include <string>
#include <vector>

#include "hearsay/status.h"

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::score {

class ArticleModel {
 public:
  virtual ~ArticleModel() = default;
  // Probability that the article is credible (GossipCop "real"), with reasons.
  virtual double Score(const Document& doc, const DocumentAnalysis& analysis, std::vector<std::string>* reasons) const = 0;
};

// Loads the article model from `models_dir`; null (not an error) when there is none, an
// error when the file is there but corrupt or of another version.
Result<std::unique_ptr<ArticleModel>> LoadArticleModel(const std::string& models_dir);

void ScoreDocument(const Document& doc, const ArticleModel* model, DocumentAnalysis* analysis);

void ScoreClusters(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus);

}  // namespace hearsay::score
