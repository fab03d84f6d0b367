#include "ingest/site_boilerplate.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace hearsay::ingest {
namespace {

// FNV-1a of the normalised block; nullopt when the block is too long to count.
std::optional<uint64_t> BlockKey(std::string_view block) {
  uint64_t h = 1469598103934665603ull;
  size_t n = 0;
  bool space = false;
  for (char raw : block) {
    unsigned char c = static_cast<unsigned char>(raw);
    if (std::isspace(c)) {
      space = n > 0;
      continue;
    }
    if (space) {
      h = (h ^ ' ') * 1099511628211ull;
      ++n;
      space = false;
    }
    if (std::isdigit(c)) c = '0';
    else if (c < 0x80) c = static_cast<unsigned char>(std::tolower(c));
    h = (h ^ c) * 1099511628211ull;
    if (++n > SiteBoilerplate::kMaxBlockBytes) return std::nullopt;
  }
  if (n == 0) return std::nullopt;
  return h;
}

}  // namespace

void SiteBoilerplate::AddPage(std::string_view host, const std::vector<std::string>& blocks) {
  if (host.empty()) return;
  auto it = hosts_.find(host);
  if (it == hosts_.end()) it = hosts_.emplace(std::string(host), Host{}).first;
  Host& h = it->second;
  ++h.pages;
  std::vector<uint64_t> keys;
  for (const std::string& b : blocks)
    if (std::optional<uint64_t> k = BlockKey(b)) keys.push_back(*k);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (uint64_t k : keys) ++h.block_pages[k];
}

bool SiteBoilerplate::Repeated(std::string_view host, std::string_view block) const {
  auto it = hosts_.find(host);
  if (it == hosts_.end() || it->second.pages < kMinPages) return false;
  std::optional<uint64_t> k = BlockKey(block);
  if (!k) return false;
  auto b = it->second.block_pages.find(*k);
  if (b == it->second.block_pages.end()) return false;
  return b->second >= kMinPages && 2ull * b->second >= it->second.pages;
}

uint32_t SiteBoilerplate::Pages(std::string_view host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.pages;
}

}  // namespace hearsay::ingest
