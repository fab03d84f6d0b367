// hearsay export --db FILE [--format json|csv|gexf|quickstatements] [--out PATH]: the graph of the store.
#include <iostream>
#include <map>
#include <optional>

#include "app.h"
#include "common/file_io.h"
#include "report/exports.h"
#include "graph.h"
#include "score/score.h"
#include "commands.h"
#include "common/parallel.h"
#include "hearsay/pipeline.h"
#include "report/report.h"

namespace hearsay::app {
namespace {

struct ExportOptions {
  std::string db;
  std::string format = "json";
  std::string out;
  std::string wikidata;
  bool quiet = false;
  std::string models;
  int jobs = 0;
};

// The graph of the whole store: the stored one when it covers every analysable document,
// else (a store only ingested, or documents added since) analysed in memory from the
// cached analyses and the documents; the store is opened read-only either way.
Result<store::Graph> CurrentGraph(store::Store& store, const ExportOptions& o) {
  auto docs = store.LoadDocuments();
  if (!docs.ok()) return docs.status();
  std::vector<Reject> ignored;
  HoldBackOversized(*docs, &ignored);
  auto stored = store.LoadGraph();
  if (!stored.ok() && stored.status().code() != StatusCode::kNotFound) return stored.status();
  if (stored.ok() && stored->docs.size() == docs->size()) {
    bool same = true;
    for (size_t d = 0; d < docs->size() && same; ++d) same = (*docs)[d].content_hash == stored->docs[d].content_hash;
    if (same) return stored;
  }
  if (!o.quiet) std::cerr << "hearsay: the store's graph does not cover every document; analysing in memory (the store is not changed)\n";
  MakeIdsUnique(*docs);
  const std::string models_dir = o.models.empty() ? DefaultModelsDir() : o.models;
  auto models = LoadModels(models_dir);
  if (!models.ok()) return models.status();
  auto pipeline = PipelineKey(models_dir, true);
  if (!pipeline.ok()) return pipeline.status();
  auto built = BuildGraph(store, std::move(*docs), *models, *pipeline, o.jobs > 0 ? o.jobs : DefaultJobs(), true);
  if (!built.ok()) return built.status();
  built->graph.calibration = CalibrationToJson(CalibrationOf(*models));
  return std::move(built->graph);
}

// "Name<TAB>Q123" lines (# comments and blank lines ignored).
Result<std::map<std::string, std::string>> ReadWikidataIds(const std::string& path) {
  auto text = ReadWholeFile(path, 64u << 20);
  if (!text.ok()) return text.status();
  std::map<std::string, std::string> ids;
  size_t line_no = 0, pos = 0;
  while (pos < text->size()) {
    size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    std::string line = text->substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string q = tab == std::string::npos ? "" : line.substr(tab + 1);
    if (q.size() < 2 || q[0] != 'Q' || q.find_first_not_of("0123456789", 1) != std::string::npos)
      return InvalidArgumentError(path + ":" + std::to_string(line_no) + ": expected \"name<TAB>Q<digits>\"");
    ids[line.substr(0, tab)] = q;
  }
  return ids;
}

int RunExport(const ExportOptions& o) {
  auto store = store::Store::Open(o.db, store::OpenMode::kReadOnly);
  if (!store.ok()) return Fail(store.status());
  auto graph = CurrentGraph(**store, o);
  if (!graph.ok()) return Fail(graph.status());
  auto rejects = (*store)->LoadRejects();
  if (!rejects.ok()) return Fail(rejects.status());
  auto warnings = (*store)->LoadWarnings();
  if (!warnings.ok()) return Fail(warnings.status());
  std::map<std::string, std::string> wikidata;
  if (!o.wikidata.empty()) {
    auto ids = ReadWikidataIds(o.wikidata);
    if (!ids.ok()) return Fail(ids.status());
    wikidata = std::move(*ids);
  }
  GraphViewParts parts;
  report::ReportView view = ViewOf(*graph, *rejects, *warnings, parts);
  std::string out = o.format == "csv"    ? report::RenderCsv(view)
                    : o.format == "gexf" ? report::RenderGexf(view)
                    : o.format == "quickstatements" ? report::RenderQuickStatements(view, wikidata)
                                                    : report::RenderJson(view);
  if (!o.out.empty()) {
    if (Status s = WriteWholeFile(o.out, out); !s.ok()) return Fail(s);
    return kExitOk;
  }
  std::cout << out;
  std::cout.flush();
  return std::cout.good() ? kExitOk : kExitRuntimeError;
}

}  // namespace

Runner AddExport(CLI::App& root);
static Registrar kAddExport("export", AddExport);

Runner AddExport(CLI::App& root) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = root.add_subcommand("export", "The graph of a store as hearsay.json, CSV, GEXF (Gephi) or QuickStatements (Wikidata)");
  cmd->add_option("--db", o->db, "SQLite store")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", o->format, "json (hearsay.json), csv (claims), gexf (entities and relations) or quickstatements")
      ->check(CLI::IsMember({"json", "csv", "gexf", "quickstatements"}))
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Write to this file instead of stdout");
  cmd->add_option("--wikidata", o->wikidata, "quickstatements: a file of \"name<TAB>Q-id\" lines mapping people to Wikidata items")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--quiet,-q", o->quiet, "No notes on stderr");
  cmd->add_option("--models", o->models, "Folder of model files (default: the project's models/)");
  cmd->add_option("--jobs", o->jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  return [o] { return RunExport(*o); };
}

}  // namespace hearsay::app
