#pragma once
// Shared last step of every reader: validates and repairs UTF-8, hashes, assigns the id.
#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay::ingest::internal {

// Assumes doc.raw and doc.text are set. Rejects (DATA_LOSS) text with no letters or digits
// at all. Repairs invalid UTF-8 in text/title one byte for one ('?').
Status FinishDocument(Document& doc);

// True if `bytes` looks binary: a NUL byte, or more than 10% control bytes in the first
// 4 KiB. Sets *offset to the first offending byte.
bool LooksBinary(std::string_view bytes, uint64_t* offset);

}  // namespace hearsay::ingest::internal
