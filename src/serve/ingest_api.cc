#include "serve/ingest_api.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace hearsay::serve {
namespace {

// A private folder (mode 0700) removed with everything in it when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hearsay-ingest-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs argv[0] with argv, stdout and stderr into `log`; the exit code, or -1.
int RunProcess(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return s.size() > 4000 ? s.substr(s.size() - 4000) : s;
}

}  // namespace

bool TokenMatches(const std::string& given, const std::string& expected) {
  unsigned diff = given.size() == expected.size() ? 0u : 1u;
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(expected[i % (expected.size() + 1)]);
  return diff == 0 && !expected.empty();
}

std::string BodyAsJsonLines(const std::string& body) {
  Json all = Json::parse(body, nullptr, false);
  if (all.is_object()) return all.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  if (!all.is_array()) return body;  // JSON Lines, or not JSON: the ingest stage reads it by line
  std::string out;
  for (const Json& item : all) out += item.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return out;
}

Result<std::unique_ptr<Ingester>> Ingester::Create(const ServeOptions& options, Db& db) {
  if (options.executable.empty()) return InvalidArgumentError("ingest needs the hearsay binary (ServeOptions::executable)");
  if (options.token.empty()) return InvalidArgumentError("ingest needs a token");
  return std::unique_ptr<Ingester>(new Ingester(options, db));
}

Result<Json> Ingester::Ingest(const std::string& authorization, const std::string& body) {
  const std::string prefix = "Bearer ";
  std::string given = authorization.rfind(prefix, 0) == 0 ? authorization.substr(prefix.size()) : "";
  if (!TokenMatches(given, options_.token)) return PermissionDeniedError("ingest needs the server's token (Authorization: Bearer T)");
  std::string lines = BodyAsJsonLines(body);
  if (lines.find_first_not_of(" \t\r\n") == std::string::npos) return InvalidArgumentError("the body holds no article");
  std::lock_guard<std::mutex> lock(mu_);
  TempDir tmp;
  if (tmp.path().empty()) return UnavailableError("cannot create a temporary folder for the posted articles");
  const std::string input = tmp.path() + "/posted.jsonl", log = tmp.path() + "/analyze.log";
  std::ofstream(input, std::ios::binary) << lines;
  std::vector<std::string> args{options_.executable, "analyze", input, "--db", options_.db_path, "--out", tmp.path() + "/out",
                                "--quiet", "--no-report", "--jobs", std::to_string(std::max(1, options_.jobs))};
  if (!options_.models_dir.empty()) args.insert(args.end(), {"--models", options_.models_dir});
  int rc = RunProcess(args, log);
  if (rc != 0 && rc != 3) return InternalError("analysis of the posted articles failed (exit " + std::to_string(rc) + "): " + ReadSmallFile(log));
  auto run = db_.Row(
      "SELECT run_id AS id, documents_seen, documents_added, rejects FROM runs WHERE command = 'analyze'"
      " ORDER BY run_id DESC LIMIT 1");
  if (!run.ok()) return run.status();
  Json out = *run;
  auto changes = db_.Rows("SELECT kind, ref, doc_seq, detail FROM run_changes WHERE run_id = ?1 AND kind = 'document'",
                          {(*run)["id"].get<int64_t>()});
  if (!changes.ok()) return changes.status();
  auto rejects = db_.Rows("SELECT path, location, stage, reason FROM rejects WHERE run_id = ?1", {(*run)["id"].get<int64_t>()});
  if (!rejects.ok()) return rejects.status();
  out["documents"] = std::move(*changes);
  out["rejected"] = std::move(*rejects);
  out["messages"] = ReadSmallFile(log);
  return out;
}

}  // namespace hearsay::serve
