#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits. Used as the store's
// content key: changing it silently changes every document's identity, so it must stay
// the standard function. Uses the x86 SHA extensions where the CPU has them (the same
// digest, several times faster: the models and every document are hashed on each run).
#include <string>
#include <string_view>

namespace hearsay {
std::string Sha256Hex(std::string_view bytes);

namespace internal {  // for tests: each implementation on its own
bool Sha256HardwareAvailable();
// `hardware` must only be true where Sha256HardwareAvailable().
std::string Sha256HexWith(std::string_view bytes, bool hardware);
}  // namespace internal
}  // namespace hearsay
