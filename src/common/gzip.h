#pragma once
// gzip decompression (RFC 1952, via zlib), with a size limit so a small bomb cannot fill
// memory. Concatenated gzip members are read one after the other, as gunzip does.
//
//   Result<std::string> text = hearsay::Gunzip(bytes, 512 << 20);
//
// Thread safety: reentrant.
#include <cstdint>
#include <string>
#include <string_view>

#include "hearsay/status.h"

namespace hearsay {

// True when `bytes` starts with the gzip magic (1f 8b).
bool LooksGzipped(std::string_view bytes);

// The decompressed bytes. Errors: DATA_LOSS naming the compressed byte offset where the
// stream is corrupt or truncated; OUT_OF_RANGE when the output would exceed `max_bytes`.
Result<std::string> Gunzip(std::string_view bytes, uint64_t max_bytes);

}  // namespace hearsay
