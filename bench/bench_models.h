// The models folder a bench reads: HEARSAY_MODELS when set (the bench scripts point it at a
// snapshot so a pull during a run cannot change the models), else the source tree's models/.
#pragma once

#include <cstdlib>
#include <string>

namespace hearsay::bench {

inline std::string ModelsDir() {
  if (const char* env = std::getenv("HEARSAY_MODELS"); env != nullptr && *env != '\0') return env;
  return std::string(HEARSAY_SOURCE_DIR) + "/models";
}

}  // namespace hearsay::bench
