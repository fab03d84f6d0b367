// hearsay ingest PATH... --db FILE [--quiet]: store only; incremental.
#include <iostream>

#include "app.h"
#include "commands.h"

namespace hearsay::app {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db;
  bool quiet = false;
  bool follow_symlinks = false;
};

int RunIngest(const IngestOptions& o) {
  auto store = store::Store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  auto run_id = (*store)->BeginRun("ingest");
  if (!run_id.ok()) return Fail(run_id.status());
  auto summary = IngestToStore(o.paths, **store, *run_id, o.quiet, o.follow_symlinks);
  if (!summary.ok()) return Fail(summary.status());
  auto total = (*store)->CountDocuments();
  if (!o.quiet) {
    std::cerr << "hearsay: " << summary->seen << " documents read, " << summary->added << " new, " << summary->rejects.size()
              << " rejected, " << summary->warnings.size() << " repaired";
    if (summary->skipped) std::cerr << ", " << summary->skipped << " files skipped";
    std::cerr << "; " << (total.ok() ? *total : -1) << " in " << o.db << "\n";
  }
  return summary->rejects.empty() && summary->warnings.empty() ? kExitOk : kExitWithRejects;
}

}  // namespace

Runner AddIngest(CLI::App& root);
static Registrar kAddIngest("ingest", AddIngest);

Runner AddIngest(CLI::App& root) {
  auto o = std::make_shared<IngestOptions>();
  CLI::App* cmd = root.add_subcommand("ingest", "Read articles into the store only (incremental: known content is skipped)");
  cmd->add_option("paths", o->paths, "Files, folders (recursive), .jsonl files, or - for stdin")->required();
  cmd->add_option("--db", o->db, "SQLite store to add to (created if missing)")->required();
  cmd->add_flag("--quiet,-q", o->quiet, "No progress or summary on stderr");
  cmd->add_flag("--follow-symlinks", o->follow_symlinks, "In folders, follow symbolic links leading outside the input paths");
  cmd->footer("Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 finished but some inputs were rejected or repaired.");
  return [o] { return RunIngest(*o); };
}

}  // namespace hearsay::app
