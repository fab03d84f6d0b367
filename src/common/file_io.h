#pragma once
// Reading whole files with errors that name the file and the reason.
#include <functional>
#include <ostream>
#include <string>

#include "hearsay/status.h"

namespace hearsay {

// Reads the whole file. Errors: NOT_FOUND, PERMISSION_DENIED, DATA_LOSS (read failed),
// OUT_OF_RANGE when it is larger than `max_bytes`.
Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

// Writes `bytes` to `path` atomically (`path`.tmp, then rename). On failure (UNAVAILABLE,
// with the system's reason) `path` is unchanged and the temporary file is removed.
Status WriteWholeFile(const std::string& path, const std::string& bytes);

// Writes what `write` puts into the stream to `path` atomically, as WriteWholeFile does,
// without holding the bytes in memory (the stream is a buffered file). A stream that went
// bad while writing, or a failed close or rename, is UNAVAILABLE; `path` is then unchanged.
Status WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace hearsay
