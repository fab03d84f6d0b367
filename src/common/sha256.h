#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits. Used as the store's
// content key: changing it silently changes every document's identity, so it must stay
// the standard function.
#include <string>
#include <string_view>

namespace hearsay {
std::string Sha256Hex(std::string_view bytes);
}  // namespace hearsay
