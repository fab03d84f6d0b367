// hearsay score PATH... [--models DIR]: one JSON line per article on stdout,
//   {"id": ..., "score": P(credible), "label": "fake"|"real", "reasons": [...]}
// where id is the JSON Lines id when there is one. Rejected inputs go to stderr.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.h"
#include "commands.h"
#include "ingest/ingest.h"
#include "score/article_model.h"
#include "text/text.h"

namespace hearsay::app {
namespace {

struct ScoreOptions {
  std::vector<std::string> paths;
  std::string models;
};

// Scores each document as it arrives, so memory does not grow with the input.
class ScoringSink : public ingest::DocumentSink {
 public:
  explicit ScoringSink(const score::LinearArticleModel& model) : model_(model) {}
  void OnDocument(Document doc) override {
    DocumentAnalysis analysis;
    analysis.layout = text::AnalyzeText(doc);
    std::vector<std::string> reasons;
    double s = model_.Score(doc, analysis, &reasons);
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

 private:
  const score::LinearArticleModel& model_;
};

int RunScore(const ScoreOptions& o) {
  std::string dir = o.models.empty() ? DefaultModelsDir() : o.models;
  auto model = score::LoadArticleModelFile(dir + "/" + score::kArticleModelFile);
  if (!model.ok()) return Fail(model.status());
  ScoringSink sink(**model);
  if (Status s = ingest::IngestPaths(o.paths, {}, sink); !s.ok()) {
    std::cerr << "hearsay: " << s.ToString() << "\n";
    return kExitUsage;
  }
  std::cout.flush();
  return sink.rejected ? kExitWithRejects : kExitOk;
}

}  // namespace

Runner AddScore(CLI::App& root);
static Registrar kAddScore("score", AddScore);

Runner AddScore(CLI::App& root) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = root.add_subcommand("score", "Score article credibility: one JSON line per article {id, score, label, reasons}");
  cmd->add_option("paths", o->paths, "Text files, folders (recursive), .jsonl files, or - for stdin")->required();
  cmd->add_option("--models", o->models, "Folder holding credibility.hcm (default: the project's models/)");
  cmd->footer("Exit codes: 0 ok, 1 runtime error (e.g. no or bad model), 2 usage error, 3 finished but some inputs were rejected.");
  return [o] { return RunScore(*o); };
}

}  // namespace hearsay::app
