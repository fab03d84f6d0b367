#pragma once
// Inputs shared by the text and ingest benchmarks: the GossipCop train file read at run
// time from HEARSAY_SHARED_DIR (never copied into the project), and synthetic text made
// from invented words so a bench runs without ../shared.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace hearsay::bench {

inline std::string GossipCopPath() { return std::string(HEARSAY_SHARED_DIR) + "/data/gossipcop/gossipcop_train.jsonl"; }

// The non-blank lines of the GossipCop train file; empty (and *error set) when absent.
inline const std::vector<std::string>& GossipCopLines(std::string* error) {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    std::ifstream in(GossipCopPath(), std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
    return out;
  }();
  if (lines.empty() && error)
    *error = GossipCopPath() + " not found or empty: these benchmarks read the shared corpus in place "
             "(configure with -DHEARSAY_SHARED_DIR=/path/to/shared)";
  return lines;
}

// About `bytes` bytes of news-like text: paragraphs of sentences with names, quotes (straight
// and curly), abbreviations, numbers, ages, handles, URLs. Deterministic.
inline std::string SyntheticText(size_t bytes) {
  static const char* kPieces[] = {
      "Pell Varga, 41, was spotted leaving a restaurant in West Hollywood on Tuesday night.",
      "\xE2\x80\x9CThey are taking things slow,\xE2\x80\x9D a source told ShineWire.com.",
      "The 62-year-old actor's rep, Mr. Odo Kettle, did not respond to a request for comment.",
      "According to PopLedger, the couple first met in the U.K. in the early 2010s.",
      "\"It's strictly professional,\" an insider insisted. \"Nothing more.\"",
      "Fans flooded @pellvarga with messages under #VargaWatch after the photos surfaced.",
      "See https://popledger.example/2025/05/varga-kettle for the full story.",
      "She earned $1,000,000 for the role, roughly 3.5 times her previous fee\xE2\x80\xA6 or so they say!",
      "Her ex-husband \xE2\x80\x94 who shares two children with her \xE2\x80\x94 reportedly approves.",
      "(Photo by Lee Moe/Getty Images)",
  };
  std::string out;
  uint32_t state = 12345;
  size_t in_paragraph = 0;
  while (out.size() < bytes) {
    state = state * 1103515245u + 12345u;
    out += kPieces[(state >> 16) % (sizeof kPieces / sizeof kPieces[0])];
    if (++in_paragraph == 4) {
      out += "\n\n";
      in_paragraph = 0;
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace hearsay::bench
