#include "scale/shard.h"

#include "common/sha256.h"

namespace hearsay::scale {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseCount(std::string_view s, uint32_t* out) {
  if (s.empty() || s.size() > 5) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

Result<ShardSpec> ParseShard(std::string_view text) {
  size_t slash = text.find('/');
  ShardSpec s;
  if (slash == std::string_view::npos || !ParseCount(text.substr(0, slash), &s.index) ||
      !ParseCount(text.substr(slash + 1), &s.count) || s.count < 1 || s.count > 65536 || s.index < 1 || s.index > s.count)
    return InvalidArgumentError("--shard '" + std::string(text) + "': expected K/N with 1 <= K <= N <= 65536 (e.g. 1/2 and 2/2 for two workers)");
  return s;
}

uint32_t ShardOf(std::string_view hex_digest, uint32_t count) {
  if (count <= 1) return 1;
  uint64_t v = 0;
  bool hex = hex_digest.size() >= 16;
  for (size_t i = 0; hex && i < 16; ++i) {
    int d = HexValue(hex_digest[i]);
    hex = d >= 0;
    v = (v << 4) | static_cast<uint64_t>(d < 0 ? 0 : d);
  }
  if (!hex) return ShardOf(Sha256Hex(hex_digest), count);
  return static_cast<uint32_t>(v % count) + 1;
}

bool InShard(std::string_view hex_digest, const ShardSpec& spec) { return ShardOf(hex_digest, spec.count) == spec.index; }

std::string ShardKey(std::string_view path) { return Sha256Hex(path); }

}  // namespace hearsay::scale
