#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>

#include "common/file_io.h"
#include "ingest/internal/walk.h"
#include "common/gzip.h"
#include "ingest/internal/html_page.h"
#include "ingest/internal/json_article.h"

namespace hearsay::ingest {
namespace fs = std::filesystem;
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

enum class Kind { kText, kJsonl, kJson, kHtml, kUnknown, kSkip };

Kind KindOfExtension(const std::string& path, bool explicit_path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".gz") {  // the format inside: x.jsonl.gz reads as JSON Lines
    Kind inner = KindOfExtension(path.substr(0, path.size() - 3), explicit_path);
    return inner == Kind::kSkip ? Kind::kSkip : inner;
  }
  if (ext == ".jsonl" || ext == ".ndjson") return Kind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Kind::kHtml;
  if (ext == ".txt" || ext == ".text") return Kind::kText;
  if (ext == ".json") return Kind::kJson;
  if (ext.empty()) return Kind::kUnknown;
  return explicit_path ? Kind::kUnknown : Kind::kSkip;
}

Kind Sniff(std::string_view bytes) {
  size_t i = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (i < bytes.size() && (bytes[i] == '{' || bytes[i] == '[')) return Kind::kJson;
  if (i < bytes.size() && bytes[i] == '<') {
    std::string head = Lower(std::string(bytes.substr(i, 64)));
    if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 || head.rfind("<head", 0) == 0 ||
        head.rfind("<body", 0) == 0 || head.rfind("<article", 0) == 0 || head.rfind("<!--", 0) == 0)
      return Kind::kHtml;
  }
  return Kind::kText;
}

void IngestKind(const std::string& path, std::string bytes, Kind kind, const IngestOptions& options, DocumentSink& sink,
                const SiteBoilerplate* site = nullptr) {
  if (LooksGzipped(bytes)) {
    Result<std::string> plain = Gunzip(bytes, options.max_file_bytes);
    if (!plain.ok()) return sink.OnReject(internal::MakeReject(path, std::nullopt, plain.status()));
    bytes = std::move(plain).value();
  }
  if (kind == Kind::kUnknown) kind = Sniff(bytes);
  if (std::string why = internal::UnreadableFormat(bytes); !why.empty())
    return sink.OnReject(Reject{path, std::nullopt, "ingest", why});
  if (kind == Kind::kJson) return internal::IngestJson(path, bytes, sink);
  if (kind == Kind::kJsonl) {
    uint64_t bad = 0;
    const void* nul = std::memchr(bytes.data(), 0, bytes.size());
    if (nul) {
      bad = static_cast<const char*>(nul) - bytes.data();
      sink.OnReject(Reject{path, "byte " + std::to_string(bad), "ingest", "binary content (NUL byte), expected JSON Lines"});
      return;
    }
    internal::IngestJsonLines(path, bytes, sink);
    return;
  }
  Result<Document> doc = kind == Kind::kHtml ? ParseHtml(path, std::move(bytes), options, site) : ParsePlainText(path, std::move(bytes));
  if (doc.ok()) {
    sink.OnDocument(std::move(doc).value());
  } else {
    std::optional<std::string> where;
    const std::string& m = doc.status().message();
    size_t at = m.find("at byte ");
    if (at != std::string::npos) {
      size_t k = at + 8, e = k;
      while (e < m.size() && std::isdigit(static_cast<unsigned char>(m[e]))) ++e;
      where = "byte " + m.substr(k, e - k);
    }
    sink.OnReject(internal::MakeReject(path, where, doc.status()));
  }
}

void IngestFile(const std::string& path, bool explicit_path, const IngestOptions& options, DocumentSink& sink,
                const SiteBoilerplate* site) {
  Kind kind = KindOfExtension(path, explicit_path);
  if (kind == Kind::kSkip) {
    sink.OnSkipped(path);
    return;
  }
  Result<std::string> bytes = ReadWholeFile(path, options.max_file_bytes);
  if (!bytes.ok()) {
    sink.OnReject(internal::MakeReject(path, std::nullopt, bytes.status()));
    return;
  }
  IngestKind(path, std::move(bytes).value(), kind, options, sink, site);
}

void IngestFolder(const std::string& root, const internal::PathPolicy& policy, const IngestOptions& options,
                  DocumentSink& sink, const SiteBoilerplate* site) {
  for (const auto& f : internal::WalkFolder(root, policy, sink)) IngestFile(f, false, options, sink, site);
}

struct QuietSink : DocumentSink {
  void OnDocument(Document) override {}
  void OnReject(Reject) override {}
};

// The files of `paths` that may be web pages (by extension, or without one), in walk order.
std::vector<std::string> WebPageCandidates(const std::vector<std::string>& paths, const internal::PathPolicy& policy) {
  QuietSink quiet;  // the second pass reports what the walk rejects
  std::vector<std::string> files;
  auto maybe_html = [](const std::string& f, bool explicit_path) {
    Kind k = KindOfExtension(f, explicit_path);
    return k == Kind::kHtml || k == Kind::kUnknown;
  };
  for (const auto& path : paths) {
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (path == "-" || ec || policy.Excluded(internal::Canonical(path))) continue;
    if (fs::is_directory(st)) {
      for (auto& f : internal::WalkFolder(path, policy, quiet))
        if (maybe_html(f, false)) files.push_back(std::move(f));
    } else if (fs::is_regular_file(st) && maybe_html(path, true)) {
      files.push_back(path);
    }
  }
  return files;
}

// First pass of a run with several web pages: counts their main-text blocks per host.
// Unreadable and rejected pages are not counted (the second pass reports them).
void CountSiteBlocks(const std::vector<std::string>& paths, const internal::PathPolicy& policy,
                     const IngestOptions& options, SiteBoilerplate& site) {
  std::vector<std::string> files = WebPageCandidates(paths, policy);
  if (files.size() < SiteBoilerplate::kMinPages) return;
  for (const auto& f : files) {
    Result<std::string> bytes = ReadWholeFile(f, options.max_file_bytes);
    if (!bytes.ok()) continue;
    std::string text = std::move(bytes).value();
    if (LooksGzipped(text)) {
      Result<std::string> plain = Gunzip(text, options.max_file_bytes);
      if (!plain.ok()) continue;
      text = std::move(plain).value();
    }
    if (KindOfExtension(f, true) != Kind::kHtml && Sniff(text) != Kind::kHtml) continue;
    internal::CountHtmlPage(f, text, options, site);
  }
}

bool ValidDate(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim = kDays[m - 1] + ((m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ? 1 : 0);
  return d <= dim;
}

int MonthOf(std::string_view word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w = Lower(std::string(word.substr(0, 3)));
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i]) return i + 1;
  return 0;
}

}  // namespace

std::string NormalizeDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  char buf[11];
  if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-' && s[7] == '-') {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(std::string(s.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && ValidDate(y, m, d)) {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
    return {};
  }
  // "May 27, 2025" / "27 May 2025"
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  for (size_t i = 0; i < words.size(); ++i) {
    int m = MonthOf(words[i]);
    if (!m) continue;
    auto num = [](const std::string& w) {
      bool digits = !w.empty() && w.size() <= 6 &&
                    std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
      return digits ? std::stoi(w) : -1;
    };
    if (i + 2 < words.size()) {
      int d = num(words[i + 1]), y = num(words[i + 2]);
      if (ValidDate(y, m, d)) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
      }
    }
    if (i >= 1 && i + 1 < words.size()) {
      int d = num(words[i - 1]), y = num(words[i + 1]);
      if (ValidDate(y, m, d)) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
      }
    }
  }
  return {};
}

void IngestBytes(const std::string& path, std::string bytes, const IngestOptions& options, DocumentSink& sink) {
  if (bytes.empty()) {
    sink.OnReject(Reject{path, std::nullopt, "ingest", "empty input"});
    return;
  }
  Kind kind = path == "-" ? Kind::kUnknown : KindOfExtension(path, true);
  IngestKind(path, std::move(bytes), kind, options, sink);
}

Status IngestPaths(const std::vector<std::string>& paths, const IngestOptions& options, DocumentSink& sink) {
  if (paths.empty()) return InvalidArgumentError("no input paths given");
  const internal::PathPolicy policy(paths, options);
  SiteBoilerplate site;  // this run's counts; read-only from here on
  CountSiteBlocks(paths, policy, options, site);
  for (const auto& path : paths) {
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      IngestBytes("-", std::move(bytes), options, sink);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      auto lst = fs::symlink_status(path, ec);
      std::string why = fs::is_symlink(lst) ? "broken symbolic link" : "no such file or folder";
      sink.OnReject(Reject{path, std::nullopt, "ingest", why});
      continue;
    }
    if (policy.Excluded(internal::Canonical(path))) {
      sink.OnExcluded(path, "the run's own output, not read as input");
    } else if (fs::is_directory(st)) {
      IngestFolder(path, policy, options, sink, &site);
    } else if (fs::is_regular_file(st)) {
      IngestFile(path, true, options, sink, &site);
    } else {
      sink.OnReject(Reject{path, std::nullopt, "ingest",
                           "skipped: not a regular file (" + internal::KindOfSpecialFile(path) + ")"});
    }
  }
  return Status::Ok();
}

}  // namespace hearsay::ingest
