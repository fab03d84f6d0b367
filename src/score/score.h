#pragma once
// The score stage: credibility of each article (a learned model over text and evidence
// features, score/article_model.h) and of each claim cluster (from its evidence), each
// with reasons in words.
//
//   auto model = hearsay::score::LoadArticleModel("models");   // null when there is none
//   hearsay::score::ScoreDocument(doc, model->get(), &analysis); // sets analysis.credibility
//   ...
//   hearsay::score::ScoreClusters(docs, analyses, &corpus);      // sets cluster.credibility
//
// Article score: probability that the article is credible (GossipCop "real"), calibrated
// by cross-validation on GossipCop train (docs/credibility.md). Cluster: an evidence grade
// for the cluster's affirmed proposition (subject, predicate, object), from rules over its
// claims (ScoreClusters); not a probability (no labelled claims exist to calibrate one).
//
// Thread safety: ScoreDocument is a pure function of one document and the immutable model
// (parallel); ScoreClusters is one call per corpus.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/status.h"

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::score {

// How well an article model's scores matched labels on its evaluation set (GossipCop dev
// for the shipped model), measured at training time and stored in the model file, so a
// report can show how far a score can be trusted. Scores are calibrated P(real).
struct ModelCalibration {
  std::string dataset;  // e.g. "gossipcop dev"
  uint32_t n = 0;       // labelled articles
  double threshold = 0.5;  // the model's decision threshold; the label metrics are at it
  double macro_f1 = 0, accuracy = 0;
  double brier = 0;     // mean (score - label)^2
  double log_loss = 0;
  double ece = 0;       // expected calibration error over the bins
  struct Bin {
    double lo = 0, hi = 0;       // score range [lo, hi) (the last bin includes 1)
    uint32_t n = 0;              // articles whose score fell in it
    double mean_predicted = 0;   // their mean score
    double observed_real = 0;    // the share of them labelled real
  };
  std::vector<Bin> bins;  // reliability table, 10 equal-width bins from 0 to 1
};

class ArticleModel {
 public:
  virtual ~ArticleModel() = default;
  // Probability that the article is credible (GossipCop "real"), with reasons.
  virtual double Score(const Document& doc, const DocumentAnalysis& analysis, std::vector<std::string>* reasons) const = 0;
  // The dev-set quality stored with the model; null when the model carries none.
  virtual const ModelCalibration* calibration() const { return nullptr; }
  // Switches the outlet prior (the records of the article's outlet and of the outlets it
  // cites) on or off; models without one ignore it. Call before the model is shared.
  virtual void UseOutletPrior(bool /*on*/) {}
};

// Loads the article model `models_dir`/credibility.hcm; null (not an error) when there is
// none, an error when the file is there but empty, corrupt, of a newer format version or
// of another feature set (the message says expected vs found).
Result<std::unique_ptr<ArticleModel>> LoadArticleModel(const std::string& models_dir);

// Sets analysis->credibility and ->credibility_reasons; does nothing when `model` is null.
void ScoreDocument(const Document& doc, const ArticleModel* model, DocumentAnalysis* analysis);

// Scores every cluster in corpus->clusters from its claims (ClaimRef into `analyses`):
//
//   z = -0.3                                  prior: a claim alone is not yet believed
//     + support of the best-attributed affirming claim, one of (source-kind ordering)
//         +1.2 named on record  > +0.4 an outlet in its own words
//         > -0.2 the article's own unattributed voice  > -0.8 anonymous sources only
//     + 0.6 log2(independent_sources)          corroboration (other voices count here)
//     - 0.7 (hedged or speculative share)      - 1.8 [denied on record by a named source]
//     - 0.6 [denied by other sources only]     - 0.5 min(contradictions, 3)
//     - 0.4 [stale: last reported > 2 years before the newest document]
//     + 1.0 (mean article credibility - 0.5)   (when the articles were scored)
//   evidence_points = z; grade = strong (z >= 1.0) | moderate (>= 0.3) | weak (>= -0.5) | very weak
//   credibility = sigmoid(z): an index of the same order on 0..1, not a probability
//
// Only the best source sets the support, so one voice repeated is not counted twice;
// further independent sources raise it through corroboration. The weights are set by hand
// (there are no labelled claims to learn them from). The first reason states the grade and
// its rule ("evidence grade moderate: +0.6 points (strong >= +1.0, ...)"); every term that
// applies becomes a further reason ("on record from a named source (1 claim)", "only anonymous sources", "3
// independent sources", "denied on record by a named source"). Claim refs out of range are
// skipped.
void ScoreClusters(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus);

// The rules of ScoreClusters in words, one line each, for the report's explanation:
// "+1.2 points: the best supporting source is named, on record", ..., then the grades.
std::vector<std::string> ClusterGradeRules();

}  // namespace hearsay::score
