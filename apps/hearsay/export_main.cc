// hearsay export --db FILE: the whole store analysed, as hearsay.json on stdout.
#include <iostream>
#include <optional>

#include "app.h"
#include "score/score.h"
#include "commands.h"
#include "common/parallel.h"
#include "hearsay/pipeline.h"
#include "report/report.h"

namespace hearsay::app {
namespace {

struct ExportOptions {
  std::string db;
  std::string models;
  int jobs = 0;
};

int RunExport(const ExportOptions& o) {
  auto store = store::Store::Open(o.db, store::OpenMode::kReadOnly);
  if (!store.ok()) return Fail(store.status());
  auto docs = (*store)->LoadDocuments();
  if (!docs.ok()) return Fail(docs.status());
  auto rejects = (*store)->LoadRejects();
  if (!rejects.ok()) return Fail(rejects.status());
  auto warnings = (*store)->LoadWarnings();
  if (!warnings.ok()) return Fail(warnings.status());
  HoldBackOversized(*docs, &*rejects);
  auto models = LoadModels(o.models.empty() ? DefaultModelsDir() : o.models);
  if (!models.ok()) return Fail(models.status());
  CorpusResult result = AnalyzeCorpus(*docs, *models, o.jobs > 0 ? o.jobs : DefaultJobs());
  report::ReportView view{&*docs, &result.analyses, &result.corpus, &*rejects, &*warnings, Version()};
  std::optional<report::CalibrationSummary> calibration = CalibrationOf(*models);
  if (calibration) view.calibration = &*calibration;
  view.cluster_grade_rules = score::ClusterGradeRules();
  std::cout << report::RenderJson(view);
  std::cout.flush();
  return std::cout.good() ? kExitOk : kExitRuntimeError;
}

}  // namespace

Runner AddExport(CLI::App& root);
static Registrar kAddExport("export", AddExport);

Runner AddExport(CLI::App& root) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = root.add_subcommand("export", "Analyse everything in a store and print hearsay.json to stdout");
  cmd->add_option("--db", o->db, "SQLite store")->required()->check(CLI::ExistingFile);
  cmd->add_option("--models", o->models, "Folder of model files (default: the project's models/)");
  cmd->add_option("--jobs", o->jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  return [o] { return RunExport(*o); };
}

}  // namespace hearsay::app
