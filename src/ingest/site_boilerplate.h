#pragma once
// Boilerplate repeated across pages of one site within one run (docs/formats.md, "Lines
// repeated across pages of one site").
//
// A run that reads several HTML pages first counts, per host, on how many pages each
// text block of the extracted main text occurs (AddPage); the pages are then read again
// and a block Repeated() on its host is left out before the Document text is assembled,
// so byte offsets refer to the text as built. Blocks are compared normalised: ASCII
// letters lower-cased, runs of white space one space, every digit '0'.
//
// A block is repeated when it occurs on at least kMinPages pages of its host and on at
// least half of that host's pages. Blocks longer than kMaxBlockBytes (normalised) are
// never repeated; neither is the page's headline (the caller never asks for it). Pages
// without a host (no canonical URL, og:url or JSON-LD url) are neither counted nor
// filtered. The result depends only on the set of pages counted, not on their order.
//
//   ingest::SiteBoilerplate site;
//   site.AddPage("glimmerpost.example", {"More from the desk", "Body ..."});
//   ... site.Repeated("glimmerpost.example", "More from the desk") ...
//
// Memory: one 64-bit hash and a count per distinct short block per host.
// Thread safety: AddPage must not run concurrently with anything; Repeated is const.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearsay::ingest {

class SiteBoilerplate {
 public:
  static constexpr uint32_t kMinPages = 3;         // fewer pages of a host: nothing is dropped
  static constexpr size_t kMaxBlockBytes = 300;    // longer blocks are always kept

  // Counts the blocks of one page of `host` (each distinct block once per page). An empty
  // host is ignored.
  void AddPage(std::string_view host, const std::vector<std::string>& blocks);

  // True when `block` occurs on at least kMinPages pages of `host` and on at least half
  // of them, and is no longer than kMaxBlockBytes.
  bool Repeated(std::string_view host, std::string_view block) const;

  // Pages counted for `host`.
  uint32_t Pages(std::string_view host) const;

 private:
  struct Host {
    uint32_t pages = 0;
    std::unordered_map<uint64_t, uint32_t> block_pages;  // block hash -> pages holding it
  };
  std::map<std::string, Host, std::less<>> hosts_;
};

}  // namespace hearsay::ingest
