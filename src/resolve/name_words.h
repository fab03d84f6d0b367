// The name word classes of cross-document resolution, as data: data/names/name_words.tsv
// (titles, ranks, suffixes, particles) and data/names/nicknames.tsv (short form -> full given
// name), compiled into the binary. Format: each file's header comment.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "hearsay/status.h"

namespace hearsay::resolve {

enum class NameWordClass : uint8_t { kTitle, kRank, kSuffix, kParticle };

struct NameWords {
  std::unordered_map<std::string, NameWordClass> classes;  // lower case word -> class
  std::unordered_map<std::string, std::string> nicknames;  // short form -> full given name

  bool Is(const std::string& word, NameWordClass c) const;
  // The full given name of a short form, or `first` itself.
  const std::string& CanonicalFirst(const std::string& first) const;
};

// Parses one of the two files into *out; `path` ("data/names/nicknames.tsv") selects which.
// Errors: InvalidArgument naming path, line number and the line (wrong column count, an
// unknown class, a word given twice); NotFound for another file name.
Status ParseNameWordsFile(std::string_view path, std::string_view text, NameWords* out);

// The compiled-in files. A parse failure is a build defect: the unit tests parse them.
const NameWords& DefaultNameWords();

}  // namespace hearsay::resolve
