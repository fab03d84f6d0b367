// hearsay score PATH... [--models DIR] [--no-outlet-prior]: one JSON line per article on
// stdout, {"id": ..., "score": P(credible), "label": "fake"|"real", "reasons": [...]}
// where id is the JSON Lines id when there is one. Names are masked with the entity
// tagger's mentions, as in `hearsay analyze`. When the input carries GossipCop labels
// (JSON Lines "label": "real"|"fake"), their macro-F1, accuracy and Brier score at the
// model's threshold go to stderr at the end. Rejected inputs go to stderr.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.h"
#include "commands.h"
#include "entities/entities.h"
#include "ingest/ingest.h"
#include "score/article_model.h"
#include "text/text.h"

namespace hearsay::app {
namespace {

struct ScoreOptions {
  std::vector<std::string> paths;
  std::string models;
  bool no_outlet_prior = false;
};

// Scores each document as it arrives, so memory does not grow with the input.
class ScoringSink : public ingest::DocumentSink {
 public:
  ScoringSink(const score::LinearArticleModel& model, const entities::Tagger* tagger) : model_(model), tagger_(tagger) {}
  void OnDocument(Document doc) override {
    DocumentAnalysis analysis;
    analysis.layout = text::AnalyzeText(doc);
    entities::FindMentions(doc, analysis.layout, tagger_, &analysis.mentions);
    std::vector<std::string> reasons;
    double s = model_.Score(doc, analysis, &reasons);
    for (const auto& [key, value] : doc.metadata)
      if (key == "label" && (value == "real" || value == "fake")) Count(value == "real", s);
    nlohmann::json j = {{"id", doc.id}, {"score", std::round(s * 1e4) / 1e4}, {"label", model_.IsReal(s) ? "real" : "fake"},
                        {"reasons", reasons}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    ++scored;
  }
  void OnReject(Reject r) override {
    std::cerr << "hearsay: rejected " << r.path << (r.where ? " (" + *r.where + ")" : "") << ": " << r.reason << "\n";
    ++rejected;
  }
  size_t scored = 0, rejected = 0;

  // "labelled: n=1103 macro-F1 0.8611 accuracy 0.8650 Brier 0.1020 (threshold 0.47)", or "".
  std::string LabelledSummary() const {
    size_t n = tp_ + fp_ + tn_ + fn_;
    if (!n) return "";
    auto f1 = [](size_t tp, size_t fp, size_t fn) { return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0.0; };
    double macro = (f1(tp_, fp_, fn_) + f1(tn_, fn_, fp_)) / 2;
    char buf[200];
    std::snprintf(buf, sizeof buf, "labelled: n=%zu macro-F1 %.4f accuracy %.4f Brier %.4f (threshold %.2f, outlet prior %s)", n, macro,
                  static_cast<double>(tp_ + tn_) / n, brier_ / n, model_.head().threshold, model_.outlet_prior() ? "on" : "off");
    return buf;
  }

 private:
  void Count(bool real, double s) {
    bool said_real = model_.IsReal(s);
    (real ? (said_real ? tp_ : fn_) : (said_real ? fp_ : tn_))++;
    brier_ += (s - real) * (s - real);
  }
  const score::LinearArticleModel& model_;
  const entities::Tagger* tagger_;
  size_t tp_ = 0, fp_ = 0, tn_ = 0, fn_ = 0;  // "real" is the positive class
  double brier_ = 0;
};

int RunScore(const ScoreOptions& o) {
  std::string dir = o.models.empty() ? DefaultModelsDir() : o.models;
  auto model = score::LoadArticleModelFile(dir + "/" + score::kArticleModelFile);
  if (!model.ok()) return Fail(model.status());
  (*model)->UseOutletPrior(!o.no_outlet_prior);
  auto tagger = entities::LoadTagger(dir);
  if (!tagger.ok()) return Fail(tagger.status());
  if (!*tagger) std::cerr << "hearsay: no entity tagger (ner.hsm) in " << dir << ": names are not masked\n";
  ScoringSink sink(**model, tagger->get());
  if (Status s = ingest::IngestPaths(o.paths, {}, sink); !s.ok()) {
    std::cerr << "hearsay: " << s.ToString() << "\n";
    return kExitUsage;
  }
  std::cout.flush();
  if (std::string summary = sink.LabelledSummary(); !summary.empty()) std::cerr << "hearsay: " << summary << "\n";
  return sink.rejected ? kExitWithRejects : kExitOk;
}

}  // namespace

Runner AddScore(CLI::App& root);
static Registrar kAddScore("score", AddScore);

Runner AddScore(CLI::App& root) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = root.add_subcommand("score", "Score article credibility: one JSON line per article {id, score, label, reasons}");
  cmd->add_option("paths", o->paths, "Text files, folders (recursive), .jsonl files, or - for stdin")->required();
  cmd->add_option("--models", o->models, "Folder holding credibility.hcm and ner.hsm (default: the project's models/)");
  cmd->add_flag("--no-outlet-prior", o->no_outlet_prior, "Score without the outlet prior (the records of the article's outlet and of the outlets it cites)");
  cmd->footer("Exit codes: 0 ok, 1 runtime error (e.g. no or bad model), 2 usage error, 3 finished but some inputs were rejected.");
  return [o] { return RunScore(*o); };
}

}  // namespace hearsay::app
