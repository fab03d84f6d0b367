#include "ingest/internal/walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace hearsay::ingest::internal {
namespace fs = std::filesystem;
namespace {

// True when `path` equals `root` or lies below it (both canonical).
bool Within(const std::string& path, const std::string& root) {
  if (path.size() < root.size() || path.compare(0, root.size(), root) != 0) return false;
  return path.size() == root.size() || path[root.size()] == '/' || root == "/";
}

Reject Rejected(const std::string& path, std::string reason) {
  return Reject{path, std::nullopt, "ingest", std::move(reason)};
}

}  // namespace

std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? std::string() : p.string();
}

PathPolicy::PathPolicy(const std::vector<std::string>& inputs, const IngestOptions& options)
    : follow_symlinks_(options.follow_symlinks) {
  for (const std::string& p : inputs)
    if (std::string c = Canonical(p); !c.empty()) inputs_.push_back(c);
  for (const std::string& p : options.exclude) {
    std::string c = Canonical(p);
    bool holds_input = std::any_of(inputs_.begin(), inputs_.end(), [&](const std::string& in) { return Within(in, c); });
    if (!c.empty() && !holds_input) excluded_.push_back(c);
  }
}

bool PathPolicy::Excluded(const std::string& canonical) const {
  for (const std::string& x : excluded_)
    if (Within(canonical, x)) return true;
  return false;
}

bool PathPolicy::InsideInputs(const std::string& target) const {
  for (const std::string& root : inputs_)
    if (Within(target, root)) return true;
  return false;
}

std::string KindOfSpecialFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "special file";
  if (S_ISFIFO(st.st_mode)) return "FIFO";
  if (S_ISSOCK(st.st_mode)) return "socket";
  if (S_ISBLK(st.st_mode)) return "block device";
  if (S_ISCHR(st.st_mode)) return "character device";
  return "special file";
}

std::vector<std::string> WalkFolder(const std::string& root, const PathPolicy& policy, DocumentSink& sink) {
  std::vector<std::string> files;
  // Folders still to list: the path as found and its resolved form (kept so that entries
  // need no system call to be resolved).
  std::vector<std::pair<fs::path, std::string>> pending{{fs::path(root), Canonical(root)}};
  std::set<std::string> visited{pending.back().second};
  while (!pending.empty()) {
    auto [dir, dir_canonical] = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      sink.OnReject(Rejected(dir.string(), "cannot list folder (" + ec.message() + ")"));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      std::string path = p.string();
      if (!name.empty() && name[0] == '.') continue;  // hidden files and folders (.git, .DS_Store)
      std::error_code sec;
      fs::file_status st = it->symlink_status(sec);
      std::string canonical = dir_canonical + (dir_canonical == "/" ? "" : "/") + name;
      if (fs::is_symlink(st)) {
        std::error_code tec;
        fs::path target = fs::canonical(p, tec);
        st = fs::status(p, sec);
        if (tec || sec || !fs::exists(st)) {
          sink.OnReject(Rejected(path, "broken symbolic link"));
          continue;
        }
        if (!policy.follow_symlinks() && !policy.InsideInputs(target.string())) {
          sink.OnReject(Rejected(path, "skipped: symbolic link to " + target.string() +
                                           ", outside the input paths (--follow-symlinks reads it)"));
          continue;
        }
        canonical = target.string();
      }
      if (policy.Excluded(canonical)) {
        sink.OnExcluded(path, "the run's own output, not read as input");
        continue;
      }
      if (fs::is_directory(st)) {
        if (name == "node_modules") continue;
        if (visited.insert(canonical).second) pending.emplace_back(p, canonical);
      } else if (fs::is_regular_file(st)) {
        files.push_back(path);
      } else {
        sink.OnReject(Rejected(path, "skipped: not a regular file (" + KindOfSpecialFile(path) + ")"));
      }
    }
    if (ec) sink.OnReject(Rejected(dir.string(), "folder listing stopped early (" + ec.message() + ")"));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace hearsay::ingest::internal
