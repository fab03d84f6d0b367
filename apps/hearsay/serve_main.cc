// hearsay serve --db FILE [--host 127.0.0.1] [--port 8080] [--allow-ingest --token T]
#include <filesystem>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "serve/serve.h"

namespace hearsay::app {
namespace {

int RunServe(serve::ServeOptions o) {
  if (o.models_dir.empty()) o.models_dir = DefaultModelsDir();
  std::error_code ec;
  o.executable = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  Status s = serve::Serve(o);
  if (!s.ok()) return s.code() == StatusCode::kInvalidArgument ? (Fail(s), kExitUsage) : Fail(s);
  return kExitOk;
}

}  // namespace

Runner AddServe(CLI::App& root);
static Registrar kAddServe("serve", AddServe);

Runner AddServe(CLI::App& root) {
  auto o = std::make_shared<serve::ServeOptions>();
  CLI::App* cmd = root.add_subcommand("serve", "Serve a store over HTTP: a JSON API and the web UI (search, people, claims, outlets)");
  cmd->add_option("--db", o->db_path, "SQLite store written by `hearsay analyze`")->required()->check(CLI::ExistingFile);
  cmd->add_option("--host", o->host, "Address to listen on (loopback by default; another address exposes the store)")
      ->capture_default_str();
  cmd->add_option("--port", o->port, "Port (0: any free port, printed on stderr)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_flag("--allow-ingest", o->allow_ingest, "Enable POST /api/documents (new articles are analysed into the store); needs --token");
  cmd->add_option("--token", o->token, "Bearer token that POST /api/documents must carry (at least 8 characters)");
  cmd->add_option("--models", o->models_dir, "Folder of model files for ingest (default: the project's models/)");
  cmd->add_option("--jobs", o->jobs, "Pipeline threads for ingest")->check(CLI::Range(1, 1024));
  cmd->add_option("--rate", o->limits.requests_per_second, "Requests per second per client address (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--threads", o->limits.threads, "Worker threads answering requests")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->footer("Stop with Ctrl-C. Exit codes: 0 stopped, 1 runtime error (store, port), 2 usage error.");
  return [o] { return RunServe(*o); };
}

}  // namespace hearsay::app
