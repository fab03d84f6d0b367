#include "serve/assets.h"

namespace hearsay::serve {

const Asset* FindAsset(std::string_view path) {
  for (const Asset& a : EmbeddedAssets())
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace hearsay::serve
