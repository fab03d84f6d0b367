#pragma once
// Document texts moved out of memory into a file while a long run holds every document's
// records (issue 19: bounded memory). A document's text is read by its per-document
// analysis and then, one document at a time, by the corpus stages (near-duplicates,
// evidence slices), the graph write and the renders; in between it need not be resident.
// TextSpill writes each text, once analysed, to an unlinked file beside the store and frees
// the string; readers read it back with pread (the kernel's page cache, not the process,
// holds what is read often). Outputs do not change: a text read back is the same bytes.
//
//   auto spill = TextSpill::Create(dir, docs.size());   // null: the texts stay in memory
//   spill->Move(docs, d);                               // after docs[d] is analysed
//   DocumentTexts texts(docs, spill.get());             // one per thread
//   const std::string& t = texts.Of(d);                 // valid until the next call
//
// Thread safety: Move from one thread at a time, never beside a read of the same document (analyze
// moves every text before its threads start);
// Size and Read of documents already moved from any thread (pread). DocumentTexts: one
// instance per thread.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"

namespace hearsay {

class TextSpill {
 public:
  // An unlinked file in folder `dir` for the texts of `n` documents; null when it cannot be
  // made (the caller keeps its texts in memory).
  static std::unique_ptr<TextSpill> Create(const std::string& dir, size_t n);
  ~TextSpill();
  TextSpill(const TextSpill&) = delete;
  TextSpill& operator=(const TextSpill&) = delete;

  // Writes docs[d].text to the file and frees the string; false (the text stays in
  // memory) when d is out of range, already moved, or the write fails.
  bool Move(std::vector<Document>& docs, size_t d);
  bool Holds(size_t d) const { return d < size_.size() && size_[d] != kNotMoved; }
  // The text's size in bytes; Holds(d) must be true.
  size_t Size(size_t d) const { return size_[d]; }
  // Bytes [begin, begin + n) of document d's text (clamped to its size) into *out. A
  // failed read of a written file is an I/O error the run cannot recover from: it aborts
  // with a message rather than render a wrong text.
  void Read(size_t d, size_t begin, size_t n, std::string* out) const;

 private:
  static constexpr uint32_t kNotMoved = UINT32_MAX;
  TextSpill(int fd, size_t n) : fd_(fd), offset_(n, 0), size_(n, kNotMoved) {}
  int fd_;
  uint64_t end_ = 0;
  std::vector<uint64_t> offset_;
  std::vector<uint32_t> size_;
};

// Document d's text, from docs[d] or read back from the spill (null: all in memory).
class DocumentTexts {
 public:
  DocumentTexts(const std::vector<Document>& docs, const TextSpill* spill) : docs_(docs), spill_(spill) {}
  // The whole text; valid until the next call on this object.
  const std::string& Of(size_t d);
  size_t Size(size_t d) const { return spill_ && spill_->Holds(d) ? spill_->Size(d) : docs_[d].text.size(); }
  // text.substr(begin, end - begin) with std::string's clamping (begin > size: empty), read
  // without the whole text when it is spilled and not the last one read.
  std::string Slice(size_t d, size_t begin, size_t end);

 private:
  const std::vector<Document>& docs_;
  const TextSpill* spill_;
  size_t last_ = SIZE_MAX;
  std::string buffer_;
};

}  // namespace hearsay
