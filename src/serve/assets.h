#pragma once
// The web UI embedded in the binary: generated at build time by web/build.js (bundle of
// web/src with its npm packages). Looked up by exact request path only, so no request
// path can name a file outside the table.
#include <string_view>
#include <vector>

namespace hearsay::serve {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/style.css"
  std::string_view content_type;
  std::string_view bytes;
  std::string_view gzip;          // the same bytes gzip-compressed at build time, or empty
};

const std::vector<Asset>& EmbeddedAssets();

// The asset with exactly this path, or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace hearsay::serve
