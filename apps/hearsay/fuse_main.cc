// hearsay fuse --store clickhouse://HOST:PORT/DB [--out DIR]: the corpus stages over a
// ClickHouse store that sharded workers filled (docs/scale.md).
#include "cluster.h"
#include "commands.h"
#include "common/memory.h"

namespace hearsay::app {

Runner AddFuse(CLI::App& root);
static Registrar kAddFuse("fuse", AddFuse);

Runner AddFuse(CLI::App& root) {
  auto o = std::make_shared<ClusterOptions>();
  CLI::App* cmd = root.add_subcommand(
      "fuse", "Run the corpus stages over a ClickHouse store filled by `analyze --store ... --shard K/N` workers; write hearsay.json and index.html");
  cmd->add_option("--store", o->store, "The ClickHouse store: clickhouse://HOST[:PORT]/DATABASE (PORT: the server's http_port)")->required();
  cmd->add_option("--out", o->out, "Output folder for hearsay.json and index.html")->capture_default_str();
  cmd->add_option("--jobs", o->jobs, "Worker threads for documents the workers left unanalysed (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--models", o->models, "Folder of model files (default: the project's models/)");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress or summary on stderr");
  cmd->add_flag("--no-report", o->no_report, "Write the graph tables only; no hearsay.json or index.html");
  cmd->add_flag("--no-outlet-prior", o->no_outlet_prior, "Use the analyses made without the outlet prior");
  cmd->footer("Exit codes: 0 ok, 1 runtime error (the ClickHouse server's message is shown), 2 usage error.");
  return [o] {
    KeepRecordsApartFromTemporaries();  // the fuse holds every document's records, as analyze does
    return RunFuseClickHouse(*o);
  };
}

}  // namespace hearsay::app
