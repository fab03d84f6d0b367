#pragma once
// Shards of a corpus for N workers: `hearsay analyze --shard K/N` (K = 1..N) analyses only
// the documents whose identity hashes to shard K.
//
//   auto spec = ParseShard("2/3");                    // {index 2, count 3}
//   if (InShard(doc.content_hash, *spec)) ...         // this worker's document
//
// Contract:
//   * The shard of a document is a function of its identity alone (the hex SHA-256 content
//     hash): the first 16 hex digits read as a 64-bit number, modulo N, plus 1. So the same
//     article read at two paths, by two workers or in two runs, is always one worker's,
//     and the N shards of a corpus are disjoint and cover it. SHA-256 spreads them evenly.
//   * Something without a content hash (a rejected input) is sharded by ShardKey(path),
//     the SHA-256 of its path, the same way.
//   * ParseShard accepts "K/N" with 1 <= K <= N <= 65536, else INVALID_ARGUMENT.
// Thread safety: pure.
#include <cstdint>
#include <string>
#include <string_view>

#include "hearsay/status.h"

namespace hearsay::scale {

struct ShardSpec {
  uint32_t index = 1;  // K, 1-based
  uint32_t count = 1;  // N
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }
};

Result<ShardSpec> ParseShard(std::string_view text);

// 1..count for a hex digest (at least 16 hex digits; shorter or non-hex input is hashed first).
uint32_t ShardOf(std::string_view hex_digest, uint32_t count);
bool InShard(std::string_view hex_digest, const ShardSpec& spec);

// The identity of an input without a content hash: the hex SHA-256 of its path.
std::string ShardKey(std::string_view path);

}  // namespace hearsay::scale
