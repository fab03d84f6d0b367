// hearsay analyze PATH... [--out DIR] [--db FILE] [--jobs N] [--models DIR] [--no-outlet-prior] [--quiet]
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <optional>

#include "app.h"
#include "cluster.h"
#include "graph.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/memory.h"
#include "common/parallel.h"
#include "common/step_timer.h"
#include "hearsay/pipeline.h"
#include "report/report.h"
#include "score/score.h"

namespace hearsay::app {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::string out = "report";
  std::string db;
  int jobs = 0;
  std::string models;
  bool quiet = false;
  bool follow_symlinks = false;
  bool no_outlet_prior = false;
  bool no_report = false;
  std::string store;  // clickhouse://host:port/db: the ClickHouse store (cluster.h)
  std::string shard;  // K/N: only this worker's share of the inputs (needs --store)
};

// hearsay.json and index.html rendered from `graph`, the two at once when `parallel`.
Status WriteOutputs(const store::Graph& graph, const std::vector<Reject>& rejects, const std::vector<Warning>& warnings,
                    const std::string& json_path, const std::string& html_path, bool parallel) {
  GraphViewParts parts;
  report::ReportView view = ViewOf(graph, rejects, warnings, parts);
  auto html = std::async(parallel ? std::launch::async : std::launch::deferred, [&] {
    StepTimer timer("  render", StepTimer::CpuClock::kThread);
    Status s = WriteFileStreamed(html_path, [&](std::ostream& out) { report::WriteHtml(view, out); });
    timer.Step("index.html");
    return s;
  });
  StepTimer timer("  render", StepTimer::CpuClock::kThread);
  Status json = WriteFileStreamed(json_path, [&](std::ostream& out) { report::WriteJson(view, out); });
  timer.Step("hearsay.json");
  Status h = html.get();
  return json.ok() ? h : json;
}

// The models and the pipeline key (their digests) of a run, loaded while the inputs are
// ingested: neither depends on the documents.
struct RunModels {
  Result<Models> models;
  Result<std::string> pipeline;
};
RunModels LoadRunModels(const AnalyzeOptions& o) {
  const std::string models_dir = o.models.empty() ? DefaultModelsDir() : o.models;
  RunModels r{LoadModels(models_dir), PipelineKey(models_dir, !o.no_outlet_prior)};
  if (r.models.ok() && r.models->article_model) r.models->article_model->UseOutletPrior(!o.no_outlet_prior);
  return r;
}

// Every stored document analysed (cached analyses reused, new ones cached as they are
// made), the corpus stages over all of them, the graph written to the store and, unless
// `paths` is null, rendered to paths->first (hearsay.json) and paths->second (index.html)
// from the same graph (what LoadGraph would give back), while the store writes it when
// there are two jobs or more. Returns the run's changes and how many documents were
// analysed in *analysed.
Result<store::GraphChanges> UpdateGraph(const AnalyzeOptions& o, store::Store& store, int64_t run_id, IngestSummary& summary,
                                        std::future<RunModels>& loading, size_t* analysed, StepTimer& timer,
                                        const std::pair<std::string, std::string>* paths) {
  auto docs = store.LoadDocuments(nullptr, store::RawBytes::kDrop);  // checked, then freed: never read after
  if (!docs.ok()) return docs.status();
  std::vector<Reject> held = HoldBackOversized(*docs, &summary.rejects);
  if (!held.empty()) {
    std::vector<Document> none;
    auto stored = store.AddBatch(none, held, {}, run_id);
    if (!stored.ok()) return stored.status();
  }
  MakeIdsUnique(*docs);
  timer.Step("load documents");
  RunModels loaded = loading.get();
  timer.Step("models (loaded during ingest)");
  // From here a record of every document is held beside per-document temporaries; ingest
  // keeps glibc's own threshold (its batches are freed whole; a fixed one made it need more
  // address space under a memory limit: test Hostile.OutOfMemoryEndsTheRun...).
  KeepRecordsApartFromTemporaries();
  auto& models = loaded.models;
  if (!models.ok()) return models.status();
  auto& pipeline = loaded.pipeline;
  if (!pipeline.ok()) return pipeline.status();
  const int jobs = o.jobs > 0 ? o.jobs : DefaultJobs();
  auto built = BuildGraph(store, std::move(*docs), *models, *pipeline, jobs, o.quiet, run_id);
  if (!built.ok()) return built.status();
  timer.Step("analyse (cached analyses, new documents, corpus stages)");
  built->graph.run_id = run_id;
  built->graph.calibration = CalibrationToJson(CalibrationOf(*models, !o.no_outlet_prior));
  *analysed = built->analysed;
  auto rejects = store.LoadRejects();
  if (!rejects.ok()) return rejects.status();
  auto warnings = store.LoadWarnings();
  if (!warnings.ok()) return warnings.status();
  // `jobs` threads here: the store's and jobs - 1 rendering. With two, the renders take turns
  // on one thread: they need less CPU than the store write (4.8 s against 6.3 s at 10,200
  // articles), which a third thread on two cores would slow down.
  std::future<Status> rendered;
  if (paths)
    rendered = std::async(jobs >= 2 ? std::launch::async : std::launch::deferred, [&] {
      return WriteOutputs(built->graph, *rejects, *warnings, paths->first, paths->second, jobs >= 3);
    });
  auto changes = store.WriteGraph(built->graph, built->fresh);
  Status render = rendered.valid() ? rendered.get() : Status::Ok();
  timer.Step(paths ? "write graph and render" : "write graph");
  if (!changes.ok()) return changes.status();
  if (!render.ok()) return render;
  return changes;
}

// --store clickhouse://...: the cluster path of cluster.h.
int AnalyzeIntoClickHouse(const AnalyzeOptions& o) {
  if (o.store.empty()) return Fail(InvalidArgumentError("--shard needs --store clickhouse://HOST:PORT/DB (docs/scale.md)"));
  if (!o.db.empty()) return Fail(InvalidArgumentError("--db and --store name two stores; give one"));
  ClusterOptions c{o.paths, o.store, o.shard.empty() ? "1/1" : o.shard, o.out, o.models, o.jobs, o.quiet,
                   o.follow_symlinks, o.no_outlet_prior, o.no_report};
  return app::RunAnalyzeClickHouse(c, !o.shard.empty());
}

int RunAnalyze(const AnalyzeOptions& o) {
  namespace fs = std::filesystem;
  if (!o.store.empty() || !o.shard.empty()) return AnalyzeIntoClickHouse(o);
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) return Fail(UnavailableError(o.out + ": cannot create output folder (" + ec.message() + ")"));
  std::string db_path = o.db.empty() ? (fs::path(o.out) / "hearsay.db").string() : o.db;
  auto store = store::Store::Open(db_path);
  if (!store.ok()) return Fail(store.status());
  auto run_id = (*store)->BeginRun("analyze");
  if (!run_id.ok()) return Fail(run_id.status());
  std::string json_path = (fs::path(o.out) / "hearsay.json").string();
  std::string html_path = (fs::path(o.out) / "index.html").string();
  // Never read what this run writes: the output folder (unless an input lies in it), and
  // in any case the two files and their temporaries.
  std::vector<std::string> outputs{o.out, json_path, html_path, json_path + ".tmp", html_path + ".tmp"};
  StepTimer timer("analyze");  // HEARSAY_FUSE_TIMING=1 prints the time of each step
  std::future<RunModels> loading = std::async(std::launch::async, [&o] { return LoadRunModels(o); });
  auto summary = IngestToStore(o.paths, **store, *run_id, o.quiet, o.follow_symlinks, outputs, o.jobs > 0 ? o.jobs : DefaultJobs());
  if (!summary.ok()) return Fail(summary.status());
  timer.Step("ingest");
  ReturnFreedMemory();  // the input files' bytes and the ingest batches, before the documents are loaded
  // The output covers the whole store: every stored document, analysed or read back.
  size_t analysed = 0;
  const std::pair<std::string, std::string> paths{json_path, html_path};
  auto changes = UpdateGraph(o, **store, *run_id, *summary, loading, &analysed, timer, o.no_report ? nullptr : &paths);
  if (!changes.ok()) return Fail(changes.status());
  if (!o.quiet) {
    auto total = (*store)->CountDocuments();
    std::cerr << "hearsay: " << (total.ok() ? *total : 0) << " documents in the store (" << summary->added << " new, "
              << analysed << " analysed), " << changes->claims << " new claims, " << changes->contradictions
              << " new contradictions, " << changes->first_reports << " new first reports; " << summary->rejects.size()
              << " rejected, " << summary->warnings.size() << " repaired";
    if (summary->skipped) std::cerr << ", " << summary->skipped << " files skipped (not .txt/.jsonl/.html)";
    if (summary->excluded) std::cerr << ", " << summary->excluded << " of its own outputs not read";
    std::cerr << "; wrote " << (o.no_report ? "" : json_path + ", " + html_path + ", ") << db_path << "\n";
  }
  return summary->rejects.empty() && summary->warnings.empty() ? kExitOk : kExitWithRejects;
}

}  // namespace

Runner AddAnalyze(CLI::App& root);
static Registrar kAddAnalyze("analyze", AddAnalyze);

Runner AddAnalyze(CLI::App& root) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = root.add_subcommand("analyze", "Ingest articles, run the whole pipeline, write hearsay.json, index.html and the store");
  cmd->add_option("paths", o->paths, "Files, folders (recursive), .jsonl files, or - for stdin")->required();
  cmd->add_option("--out", o->out, "Output folder for hearsay.json and index.html")->capture_default_str();
  cmd->add_option("--db", o->db, "SQLite store (default: OUT/hearsay.db)");
  cmd->add_option("--store", o->store, "A ClickHouse store instead of SQLite: clickhouse://HOST[:PORT]/DATABASE (docs/scale.md)");
  cmd->add_option("--shard", o->shard, "K/N: analyse only shard K of N into --store, no corpus stage (then `hearsay fuse`)");
  cmd->add_option("--jobs", o->jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--models", o->models, "Folder of model files (default: the project's models/)");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress or summary on stderr");
  cmd->add_flag("--follow-symlinks", o->follow_symlinks, "In folders, follow symbolic links leading outside the input paths");
  cmd->add_flag("--no-report", o->no_report, "Update the store only; write no hearsay.json or index.html (export and serve render them)");
  cmd->add_flag("--no-outlet-prior", o->no_outlet_prior, "Score articles without the outlet prior (the records of their outlet and of the outlets they cite)");
  cmd->footer("Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 finished but some inputs were rejected or repaired.");
  return [o] { return RunAnalyze(*o); };
}

}  // namespace hearsay::app
