// Main-text extraction on the web-extraction development set (read in place from
// ../shared/data/web_extraction): share of must-contain snippets present (recall) and
// must-not-contain snippets absent (precision), averaged over pages, and throughput of
// the HTML reader (pages/s, MB/s, one core, pages already decompressed in memory).
// With --peer FILE (JSON {file: text} written by bench/peer/readability.js on the same
// pages) the peer is scored the same way, side by side. A plain program, not a benchmark.
//
//   build/bench/web_extraction_eval [--peer FILE] [--rounds N] [--verbose] [--texts OUT] [--site]
//   (--site: the pages are read as one run reads them, with lines repeated across pages
//   of one host counted first and left out, SiteBoilerplate; timing covers both passes)
//   (--texts writes {"texts": {file: title + "\n\n" + text}}, the peer's layout, for
//   bench/shingle_f1.py)
//   bench/web_vs_readability.sh BUILD_DIR     (runs both and prints the speed ratio)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/gzip.h"
#include "ingest/ingest.h"
#include "ingest/internal/html_page.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// White space runs (with no-break spaces) become one space, as both sides are compared.
std::string Normalize(const std::string& in) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < in.size(); ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

struct Score {
  double recall = 0, precision = 0;
  int pages = 0;
  void Add(const nlohmann::json& expect, const std::string& text, const std::string& name, bool verbose) {
    std::string t = Normalize(text);
    int with = 0, with_found = 0, without = 0, without_absent = 0;
    for (const auto& s : expect.value("with", nlohmann::json::array())) {
      ++with;
      bool found = t.find(Normalize(s.get<std::string>())) != std::string::npos;
      with_found += found;
      if (verbose && !found) std::cout << "  MISSING " << name << ": " << s.get<std::string>().substr(0, 100) << "\n";
    }
    for (const auto& s : expect.value("without", nlohmann::json::array())) {
      ++without;
      bool absent = t.find(Normalize(s.get<std::string>())) == std::string::npos;
      without_absent += absent;
      if (verbose && !absent) std::cout << "  PRESENT " << name << ": " << s.get<std::string>().substr(0, 100) << "\n";
    }
    recall += with ? static_cast<double>(with_found) / with : 1.0;
    precision += without ? static_cast<double>(without_absent) / without : 1.0;
    ++pages;
  }
  void Print(const char* who) const {
    std::printf("%-12s pages %d  must-contain present %.1f%%  must-not-contain absent %.1f%%\n", who, pages,
                100.0 * recall / pages, 100.0 * precision / pages);
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string peer_path, dir = std::string(HEARSAY_SHARED_DIR) + "/data/web_extraction";
  int rounds = 3;
  bool verbose = false;
  bool site_pass = false;
  std::string dump;        // a page whose extracted text is printed
  std::string texts_path;  // {"texts": {file: text}} written here (bench/shingle_f1.py reads it)
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--peer" && i + 1 < argc) peer_path = argv[++i];
    else if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--verbose") verbose = true;
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
    else if (a == "--texts" && i + 1 < argc) texts_path = argv[++i];
    else if (a == "--site") site_pass = true;
    else return std::cerr << "usage: web_extraction_eval [--peer FILE] [--rounds N] [--verbose] [--dir DIR] [--dump PAGE] [--texts OUT] [--site]\n", 2;
  }
  nlohmann::json expect;
  try {
    expect = nlohmann::json::parse(Slurp(dir + "/expectations.json"));
  } catch (const std::exception& e) {
    std::cerr << dir << "/expectations.json: cannot read (" << e.what() << "); the development set is read in place\n";
    return 1;
  }
  std::map<std::string, std::string> pages;  // file -> HTML
  uint64_t bytes = 0;
  for (auto it = expect.begin(); it != expect.end(); ++it) {
    auto html = hearsay::Gunzip(Slurp(dir + "/pages/" + it.key() + ".gz"), 64 << 20);
    if (!html.ok()) return std::cerr << it.key() << ": " << html.status().message() << "\n", 1;
    bytes += html->size();
    pages[it.key()] = std::move(html).value();
  }
  hearsay::ingest::IngestOptions options;
  std::map<std::string, std::string> texts;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    hearsay::ingest::SiteBoilerplate site;
    if (site_pass)
      for (const auto& [name, html] : pages) hearsay::ingest::internal::CountHtmlPage(name, html, options, site);
    for (const auto& [name, html] : pages) {
      auto doc = hearsay::ingest::ParseHtml(name, html, options, site_pass ? &site : nullptr);
      if (r == 0) texts[name] = doc.ok() ? doc->text : std::string();
      if (r == 0 && !doc.ok()) std::cout << "rejected " << doc.status().message() << "\n";
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / rounds;
  if (!dump.empty()) std::cout << texts[dump] << "\n----\n";
  if (!texts_path.empty()) std::ofstream(texts_path) << nlohmann::json{{"texts", texts}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Score ours;
  for (const auto& [name, text] : texts) ours.Add(expect[name], text, name, verbose);
  ours.Print("hearsay");
  std::printf("hearsay      %.1f pages/s  %.2f MB/s  (%zu pages, %.1f MB, one core, mean of %d rounds)\n", pages.size() / secs,
              bytes / 1e6 / secs, pages.size(), bytes / 1e6, rounds);
  if (peer_path.empty()) return 0;
  nlohmann::json peer;
  try {
    peer = nlohmann::json::parse(Slurp(peer_path));
  } catch (const std::exception& e) {
    return std::cerr << peer_path << ": cannot read the peer's output (" << e.what() << ")\n", 1;
  }
  Score theirs;
  for (const auto& [name, _] : pages) theirs.Add(expect[name], peer["texts"].value(name, std::string()), name, false);
  theirs.Print("readability");
  double peer_secs = peer.value("seconds", 0.0);
  if (peer_secs > 0)
    std::printf("readability  %.1f pages/s  %.2f MB/s\nspeed ratio hearsay/readability %.1fx\n", pages.size() / peer_secs,
                bytes / 1e6 / peer_secs, peer_secs / secs);
  return 0;
}
